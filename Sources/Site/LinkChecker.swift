import Foundation

/// Checks a built site the way a reader's browser would follow it: every local `href`/`src`
/// names an existing file, and every `#fragment` names an `id` in its target.
public enum LinkChecker {
    /// Problems as `page: link -> what is missing`, sorted.
    public static func brokenLinks(in files: [String: Data]) -> [String] {
        var ids: [String: Set<String>] = [:]
        var links: [(page: String, target: String)] = []
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            ids[path] = Set(values(of: "id", in: html))
            for target in values(of: "href", in: html) + values(of: "src", in: html) { links.append((path, target)) }
        }
        var broken: [String] = []
        for (page, target) in links {
            if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
            if target.hasPrefix("/") {
                broken.append("\(page): absolute link \(target) breaks under a sub-path")
                continue
            }
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let file = parts[0].isEmpty ? page : resolve(String(parts[0]), from: page)
            guard files[file] != nil else {
                broken.append("\(page): \(target) -> missing \(file)")
                continue
            }
            if parts.count == 2, !(ids[file]?.contains(String(parts[1])) ?? false) {
                broken.append("\(page): \(target) -> no id '\(parts[1])' in \(file)")
            }
        }
        return broken.sorted()
    }

    static func resolve(_ target: String, from page: String) -> String {
        var components = page.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { if !components.isEmpty { components.removeLast() } } else if part != "." { components.append(String(part)) }
        }
        return components.joined(separator: "/")
    }

    static func values(of attribute: String, in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        let marker = " \(attribute)=\""
        while let start = rest.range(of: marker) {
            let valueStart = start.upperBound
            guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
            found.append(String(rest[valueStart..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[end...]
        }
        return found
    }
}
