import Entities
import Foundation

/// Writes a site into a temporary folder beside the output and swaps it in whole.
///
/// If anything fails before the swap, the previous site stays as it was and the temporary
/// folder is removed; files of pages that no longer exist disappear with the old folder.
struct SiteWriter {
    let output: URL

    /// Calls `produce` with a function that writes one file into the staging folder (safe to call
    /// from several threads), then `finish` with that folder, then swaps it in.
    func write(_ produce: (_ emit: @Sendable (String, [UInt8]) throws -> Void) throws -> Void, finish: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        // Folders as paths once: a site has tens of thousands of files.
        let (stagingFolder, outputFolder) = (staging.path + "/", output.path + "/")
        // A first build has no current site to compare with: no file is looked for.
        let hasCurrent = manager.fileExists(atPath: output.path)
        do {
            try produce { path, bytes in
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
    }
}

private extension SiteWriter {
    func swap(in staging: URL) throws {
        let manager = FileManager.default
        let retired = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: retired)
        let hadOutput = manager.fileExists(atPath: output.path)
        if hadOutput { try manager.moveItem(at: output, to: retired) }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? manager.moveItem(at: retired, to: output) }
            throw error
        }
        if hadOutput { try manager.removeItem(at: retired) }
    }
}
