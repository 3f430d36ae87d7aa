#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Entities
import Foundation

/// Writes a site into a staging folder beside the output and swaps it in whole.
///
/// If anything fails before the swap, the previous site stays as it was and the staging
/// folder is removed; files of pages that no longer exist disappear with the old folder. The
/// swap is one system call on Linux (`renameat2` with `RENAME_EXCHANGE`), so a build killed at
/// any moment leaves the old site or the new one in place, never none; what a killed build
/// left beside the output (its staging folder, or the old site it was removing) is removed by
/// the next build.
struct SiteWriter {
    let output: URL

    /// Calls `produce` with a function that writes one file into the staging folder (safe to call
    /// from several threads), then `finish` with that folder, then swaps it in.
    func write(_ produce: (_ emit: @Sendable (String, [UInt8]) throws -> Void) throws -> Void, finish: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent)
        let staging = parent.appendingPathComponent("\(prefix)\(getpid())")
        try? manager.removeItem(at: staging)
        // Folders as paths once: a site has tens of thousands of files.
        let (stagingFolder, outputFolder) = (staging.path + "/", output.path + "/")
        // A first build has no current site to compare with: no file is looked for.
        let hasCurrent = manager.fileExists(atPath: output.path)
        do {
            try produce { path, bytes in
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
            try finish(staging)
            try swap(in: staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        // The old site, now at the staging path.
        FaultPoint.reach("retire")
        try? manager.removeItem(at: staging)
    }
}

private extension SiteWriter {
    /// What staging folders of this output are called, before the process id.
    var prefix: String { ".\(output.lastPathComponent).building-" }

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
