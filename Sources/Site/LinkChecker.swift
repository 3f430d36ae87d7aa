import Foundation

/// Checks a built site the way a reader's browser would follow it: every local `href`/`src`
/// names an existing file, and every `#fragment` names an `id` in its target.
public enum LinkChecker {
    /// Problems as `page: link -> what is missing`, sorted.
    public static func brokenLinks(in files: [String: Data]) -> [String] {
        brokenLinks(in: files).map { "\($0.page): \($0.problem)" }
    }

    /// Each broken link's page and what is wrong with it, sorted by page.
    static func brokenLinks(in files: [String: Data]) -> [(page: String, problem: String)] {
        var ids: [String: Set<String>] = [:]
        var links: [(page: String, target: String)] = []
        for (path, data) in files where path.hasSuffix(".html") {
            data.withUnsafeBytes { raw in
                let html = raw.bindMemory(to: UInt8.self)
                ids[path] = Set(values(of: "id", in: html))
                for target in values(of: "href", in: html) + values(of: "src", in: html) { links.append((path, target)) }
            }
        }
        var broken: [(page: String, problem: String)] = []
        for (page, target) in links {
            if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
            if target.hasPrefix("/") {
                broken.append((page, "absolute link \(target) breaks under a sub-path"))
                continue
            }
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let file = parts[0].isEmpty ? page : resolve(String(parts[0]), from: page)
            guard files[file] != nil else {
                broken.append((page, "\(target) -> missing \(file)"))
                continue
            }
            if parts.count == 2, !(ids[file]?.contains(String(parts[1])) ?? false) {
                broken.append((page, "\(target) -> no id '\(parts[1])' in \(file)"))
            }
        }
        return broken.sorted { ($0.page, $0.problem) < ($1.page, $1.problem) }
    }

    static func resolve(_ target: String, from page: String) -> String {
        var components = page.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { if !components.isEmpty { components.removeLast() } } else if part != "." { components.append(String(part)) }
        }
        return components.joined(separator: "/")
    }

    static func values(of attribute: String, in html: String) -> [String] {
        var html = html
        return html.withUTF8 { values(of: attribute, in: $0) }
    }

    /// The values of `attribute="…"` in the UTF-8 `html`, found by bytes: the index pages of a
    /// large registry run to megabytes, and searching them as strings was quadratic.
    static func values(of attribute: String, in html: UnsafeBufferPointer<UInt8>) -> [String] {
        let marker = Array(" \(attribute)=\"".utf8)
        var found: [String] = []
        var index = 0
        let quote = UInt8(ascii: "\"")
        guard let base = html.baseAddress else { return [] }
        while index + marker.count <= html.count {
            // memchr finds each space; most are not the marker.
            guard let space = memchr(base + index, Int32(marker[0]), html.count - index - marker.count + 1) else { break }
            index = base.distance(to: space.assumingMemoryBound(to: UInt8.self))
            guard memcmp(base + index, marker, marker.count) == 0 else {
                index += 1
                continue
            }
            let start = index + marker.count
            guard let end = html[start...].firstIndex(of: quote) else { break }
            let value = String(decoding: html[start..<end], as: UTF8.self)
            found.append(value.contains("&amp;") ? value.replacingOccurrences(of: "&amp;", with: "&") : value)
            index = end + 1
        }
        return found
    }
}
