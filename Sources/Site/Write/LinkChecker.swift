import Foundation

/// Checks a built site the way a reader's browser would follow it: every local `href`/`src`
/// names an existing file, and every `#fragment` names an `id` in its target.
public enum LinkChecker {
    /// Problems as `page: link -> what is missing`, sorted. `baseURL`: the address the site is
    /// published at (`base_url`), whose path links may start with (`SitePaths.notFoundRoot`).
    public static func brokenLinks(in files: [String: Data], baseURL: String? = nil) -> [String] {
        brokenLinks(in: files, siteRoot: SitePaths.notFoundRoot(baseURL: baseURL)).map { "\($0.page): \($0.problem)" }
    }

    /// What the link check needs of one page: the ids it has and the addresses it links to.
    struct PageLinks: Sendable {
        var path: String
        var ids: Set<String>
        var targets: [String]

        /// The ids and links of the page at `path` with the UTF-8 `html` (for other files: none).
        init(path: String, html: UnsafeBufferPointer<UInt8>) {
            self.path = path
            guard path.hasSuffix(".html") else {
                (ids, targets) = ([], [])
                return
            }
            var (ids, targets) = (Set<String>(), [String]())
            LinkChecker.attributes(in: html) { name, value in
                if name == .id {
                    ids.insert(value)
                } else if !(value.hasPrefix("https://") || value.hasPrefix("http://") || value.hasPrefix("mailto:")) {
                    targets.append(value)
                }
            }
            (self.ids, self.targets) = (ids, targets)
        }
    }

    /// Each broken link's page and what is wrong with it, sorted by page.
    static func brokenLinks(in files: [String: Data], siteRoot: String) -> [(page: String, problem: String)] {
        let pages = files.map { path, data in data.withUnsafeBytes { PageLinks(path: path, html: $0.bindMemory(to: UInt8.self)) } }
        return brokenLinks(pages, siteRoot: siteRoot)
    }

    /// The broken links of a site whose files are `pages`, checked on all cores. Links are
    /// resolved once per folder and address (in chunks): a site's pages mostly link to the same files.
    /// `siteRoot` is the path the site is published under ("/dossier/", from `base_url`), or ""
    /// when none is known: a link from the server's root is the site's file only under it (the 404
    /// page's links, which must work at any depth); any other breaks where the site is published.
    static func brokenLinks(_ pages: [PageLinks], siteRoot: String) -> [(page: String, problem: String)] {
        var ids: [String: Set<String>] = [:]
        for page in pages { ids[page.path] = page.ids }
        let known = ids
        // Pages of one folder link to the same files: each chunk of a folder's pages resolves an
        // address once, and the chunks are checked on all cores.
        let byFolder = Dictionary(grouping: pages) { page in page.path.lastIndex(of: "/").map { String(page.path[...$0]) } ?? "" }
        let chunks = byFolder.keys.sorted().flatMap { folder in
            stride(from: 0, to: byFolder[folder]!.count, by: 2_000).map { (folder, Array(byFolder[folder]![$0..<min($0 + 2_000, byFolder[folder]!.count)])) }
        }
        let found = (try? chunks.concurrentMap { folder, pages -> [(page: String, problem: String)] in
            var broken: [(page: String, problem: String)] = []
            for page in pages {
                for link in page.targets {
                    var (target, base) = (link[...], folder)
                    if link.hasPrefix("/") {
                        guard !siteRoot.isEmpty, link.utf8.starts(with: siteRoot.utf8) else {
                            broken.append((page.path, siteRoot.isEmpty ? "absolute link \(link) breaks under a sub-path"
                                                                        : "absolute link \(link) is outside the site's path \(siteRoot) (base_url)"))
                            continue
                        }
                        // From the site's root; the root itself is its index page.
                        (target, base) = (link.dropFirst(siteRoot.count), "")
                        if target.isEmpty || target.hasPrefix("#") { target = "index.html" + target }
                    }
                    // Found in the bytes: a search by characters costs more than the rest of the check.
                    let hash = target.utf8.firstIndex(of: UInt8(ascii: "#"))
                    let address = target[..<(hash ?? target.endIndex)]
                    let file = address.isEmpty ? page.path : resolve(address, inFolder: base)
                    guard let targetIDs = known[file] else {
                        broken.append((page.path, "\(link) -> missing \(file)"))
                        continue
                    }
                    if let hash, !targetIDs.contains(String(target[target.index(after: hash)...])) {
                        broken.append((page.path, "\(link) -> no id '\(target[target.index(after: hash)...])' in \(file)"))
                    }
                }
            }
            return broken
        }) ?? []
        return found.flatMap { $0 }.sorted { ($0.page, $0.problem) < ($1.page, $1.problem) }
    }

    /// The site path `target` leads to from a page in `folder` ("" or "persons/", with its
    /// slash). The links pages have (`name.html`, `../persons/x.html`) are joined without
    /// splitting; a `.` or `..` further in, or a folder, is resolved part by part.
    static func resolve(_ target: Substring, inFolder folder: String) -> String {
        var rest = target.utf8[...]
        var base = folder.utf8[...]
        let (dot, slash) = (UInt8(ascii: "."), UInt8(ascii: "/"))
        while rest.starts(with: "../".utf8) {
            rest = rest.dropFirst(3)
            base = base.dropLast()
            base = base[..<(base.lastIndex(of: slash).map { base.index(after: $0) } ?? base.startIndex)]
        }
        while rest.starts(with: "./".utf8) { rest = rest.dropFirst(2) }
        if rest.isEmpty || rest.last == slash { return resolve(String(target), from: folder + "_") }
        var previous = slash
        for byte in rest {
            // A part that starts with a dot may be `.` or `..`: the long way.
            if byte == dot, previous == slash { return resolve(String(target), from: folder + "_") }
            previous = byte
        }
        return String(Substring(base)) + String(Substring(rest))
    }

    static func resolve(_ target: String, from page: String) -> String {
        var components = page.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { if !components.isEmpty { components.removeLast() } } else if part != "." { components.append(String(part)) }
        }
        return components.joined(separator: "/")
    }

    enum Attribute {
        case id, href, src
    }

    /// Calls `found` with each `id="…"`, `href="…"` and `src="…"` of the UTF-8 `html`, in one
    /// pass over the bytes: `memchr` jumps from `=` to `=`, which are few outside tags (the
    /// index pages of a large registry run to megabytes).
    static func attributes(in html: UnsafeBufferPointer<UInt8>, _ found: (Attribute, String) -> Void) {
        guard let base = html.baseAddress else { return }
        let quote = UInt8(ascii: "\"")
        var index = 0
        while index < html.count, let equals = memchr(base + index, Int32(UInt8(ascii: "=")), html.count - index) {
            let at = base.distance(to: equals.assumingMemoryBound(to: UInt8.self))
            index = at + 1
            guard index < html.count, html[index] == quote else { continue }
            func named(_ name: StaticString) -> Bool {
                let length = name.utf8CodeUnitCount
                return at > length && html[at - length - 1] == UInt8(ascii: " ") && memcmp(base + at - length, name.utf8Start, length) == 0
            }
            let attribute: Attribute
            if named("id") { attribute = .id } else if named("href") { attribute = .href } else if named("src") { attribute = .src } else { continue }
            let start = index + 1
            guard let end = html[start...].firstIndex(of: quote) else { return }
            let value = String(decoding: html[start..<end], as: UTF8.self)
            // Bytes looked at for `&` first: Foundation's substring search costs more than the link.
            let escaped = memchr(base + start, Int32(UInt8(ascii: "&")), end - start) != nil
            found(attribute, escaped ? value.replacingOccurrences(of: "&amp;", with: "&") : value)
            index = end + 1
        }
    }
}
