#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Entities
import Foundation
import SourceText

/// `dossier build`'s output: the site is written into a staging folder beside the output and
/// swapped in whole.
///
/// If anything fails before the swap, the previous site stays as it was and the staging
/// folder is removed (`abandon`); files of pages that no longer exist disappear with the old
/// folder. The swap is one system call on Linux (`renameat2` with `RENAME_EXCHANGE`), so a build
/// killed at any moment leaves the old site or the new one in place, never none; what a killed
/// build left beside the output (its staging folder, or the old site it was removing) is
/// removed by the next build.
final class SiteWriter: SiteOutput, @unchecked Sendable {
    let output: URL
    let staging: URL
    /// Runs on the staging folder once every file is in it, before the swap (the search index).
    let finishing: (URL) throws -> Void
    // Folders as paths once: a site has tens of thousands of files.
    private let stagingFolder: String
    private let outputFolder: String
    /// A first build has no current site to compare with: no file is looked for.
    private let hasCurrent: Bool

    init(output: URL, finishing: @escaping (URL) throws -> Void = { _ in }) throws {
        self.output = output
        self.finishing = finishing
        let manager = FileManager.default
        // Nothing is created before the first file: a build that fails on its input leaves no folder.
        let parent = output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(Self.prefix(of: output) + "\(getpid())")
        (stagingFolder, outputFolder) = (staging.path + "/", output.path + "/")
        hasCurrent = manager.fileExists(atPath: output.path)
        removeLeftovers(in: parent)
        try? manager.removeItem(at: staging)
    }

    func put(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        FaultPoint.reach("write")
        let target = stagingFolder + path
        // An unchanged file is linked from the current site, so it keeps its modification time.
        let current = outputFolder + path
        if hasCurrent, TextFile.holds(bytes, atPath: current) {
            try? OutputFile.makeFolders(parentOf: target)
            if link(current, target) == 0 { return }
        }
        try OutputFile.write(bytes, to: target, atomically: false)
    }

    /// The file put before may be a link to the current site's: it is unlinked, not written
    /// through.
    func replace(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        unlink(stagingFolder + path)
        try put(path, bytes)
    }

    /// Finishes the staging folder and swaps it in; the old site goes.
    func finish(live: Set<String>?) throws -> [String] {
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try finishing(staging)
            try swap(in: staging)
        } catch {
            abandon()
            throw error
        }
        // The old site, now at the staging path.
        FaultPoint.reach("retire")
        try? FileManager.default.removeItem(at: staging)
        return []
    }

    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }
}

private extension SiteWriter {
    /// What staging folders of this output are called, before the process id.
    var prefix: String { Self.prefix(of: output) }

    static func prefix(of output: URL) -> String { ".\(output.lastPathComponent).building-" }

    /// Puts `staging` in the output's place; afterwards `staging` holds the old site, if any.
    func swap(in staging: URL) throws {
        FaultPoint.reach("swap")
        if exchange(staging.path, output.path) { return }
        // No exchange (the output does not exist yet, or a system without it): two renames,
        // which a kill between them would leave with the old site beside the output.
        let manager = FileManager.default
        if manager.fileExists(atPath: output.path) {
            let retired = staging.appendingPathExtension("old")
            try manager.moveItem(at: output, to: retired)
            FaultPoint.reach("swap")
            do { try manager.moveItem(at: staging, to: output) } catch {
                try? manager.moveItem(at: retired, to: output)
                throw error
            }
            try manager.moveItem(at: retired, to: staging)
        } else {
            try manager.moveItem(at: staging, to: output)
        }
    }

    /// Swaps two folders in one step; false when the system cannot.
    func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        guard let renameat2 = Self.renameat2 else { return false }
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, 1 << 1 /* RENAME_EXCHANGE */) == 0
        #else
        return false
        #endif
    }

    #if os(Linux)
    /// glibc's `renameat2`, which Swift's Glibc module does not declare (it is a GNU extension).
    static let renameat2: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
        guard let handle = dlopen(nil, RTLD_LAZY), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()
    #endif

    /// Removes the staging folders (and old sites being removed) of builds that are no longer
    /// running: a killed build cannot clean up after itself.
    func removeLeftovers(in parent: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
