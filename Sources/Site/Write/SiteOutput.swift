import Entities
import Foundation
import SourceText

/// Where the pipeline's files go; one implementation per need: `SiteWriter` stages a whole
/// site and swaps it in (`dossier build`), `PreviewOutput` replaces changed files in place
/// (`dossier serve`), `LinkCollector` writes nothing and keeps each page's links (`dossier check`).
protocol SiteOutput: AnyObject, Sendable {
    /// Takes one file of the site, by path relative to the site's root; called from several
    /// threads at once.
    func put(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws
    /// Takes again a file this run already put, replacing it.
    func replace(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws
    /// Called once every file of the run is put: `live` is the path of every file the site now
    /// has, nil when that did not change since the last run. Returns the paths it removed.
    func finish(live: Set<String>?) throws -> [String]
    /// Called instead of `finish` when the run failed.
    func abandon()
}

extension SiteOutput {
    func put(_ path: String, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try put(path, $0) }
    }

    func replace(_ path: String, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try replace(path, $0) }
    }
}

/// `dossier serve`'s output: a file is written (atomically, beside it and renamed: the server
/// reads while it writes) only when its bytes changed; files the site no longer has are removed.
/// The search index (`pagefind/`), made beside the build, stays.
final class PreviewOutput: SiteOutput, @unchecked Sendable {
    let output: URL
    private let lock = NSLock()
    /// A hash of the bytes of every file written (or found holding them), by path.
    private var hashes: [String: Int] = [:]
    private var known: Set<String>?
    /// What this run wrote.
    private(set) var written: [String] = []

    /// The output folder as a path ending in "/", made once rather than a URL per file.
    private let folder: String

    init(output: URL) {
        self.output = output
        folder = output.path.hasSuffix("/") ? output.path : output.path + "/"
    }

    func put(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let hash = hasher.finalize()
        let previous = lock.withLock { hashes[path] }
        if previous == hash { return }
        let target = folder + path
        if previous != nil || !TextFile.holds(bytes, atPath: target) {
            try OutputFile.write(bytes, to: target, atomically: true)
            lock.withLock { written.append(path) }
        }
        lock.withLock { hashes[path] = hash }
    }

    func replace(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        try put(path, bytes)
    }

    /// Removes files of pages that are gone; on the first run also what the output holds but
    /// the site does not (pages of content removed while no preview ran, `.tmp` files of a
    /// preview killed while it wrote).
    func finish(live: Set<String>?) throws -> [String] {
        guard let live else { return [] }
        var gone = hashes.keys.filter { !live.contains($0) }
        if known == nil { gone += strays(keeping: live) }
        for path in gone {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(path))
            hashes[path] = nil
        }
        known = live
        return Array(Set(gone)).sorted()
    }

    /// Forgets what the run wrote of files the site then did not have: they are removed with
    /// the next run's `finish`, after the fix.
    func abandon() {}

    /// Starts a run's list of written files.
    func startRun() {
        lock.withLock { written = [] }
    }

    private func strays(keeping live: Set<String>) -> [String] {
        let root = output.standardizedFileURL.path + "/"
        guard let files = FileManager.default.enumerator(atPath: root) else { return [] }
        var strays: [String] = []
        while let path = files.nextObject() as? String {
            if path == "pagefind" { files.skipDescendants() }
            var isFolder: ObjCBool = false
            guard !live.contains(path), FileManager.default.fileExists(atPath: root + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            strays.append(path)
        }
        return strays
    }
}

/// `dossier check`'s output: nothing is written; each page's links are kept for `LinkChecker`.
final class LinkCollector: SiteOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [LinkChecker.PageLinks] = []

    func put(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        let links = LinkChecker.PageLinks(path: path, html: bytes)
        lock.withLock { pages.append(links) }
    }

    func replace(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        let links = LinkChecker.PageLinks(path: path, html: bytes)
        lock.withLock {
            pages.removeAll { $0.path == path }
            pages.append(links)
        }
    }

    func finish(live: Set<String>?) throws -> [String] { [] }

    func abandon() {}

    /// Every internal link that leads nowhere, sorted by page; `siteRoot` as in `LinkChecker`.
    func brokenLinks(siteRoot: String) -> [(page: String, problem: String)] {
        LinkChecker.brokenLinks(lock.withLock { pages }.sorted { $0.path < $1.path }, siteRoot: siteRoot)
    }
}
