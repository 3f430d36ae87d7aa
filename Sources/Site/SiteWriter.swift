import Foundation

/// Writes a site into a temporary folder beside the output and swaps it in whole.
///
/// If anything fails before the swap, the previous site stays as it was and the temporary
/// folder is removed; files of pages that no longer exist disappear with the old folder.
struct SiteWriter {
    let output: URL

    func write(_ files: [(path: String, bytes: [UInt8])], finish: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        do {
            var created: Set<String> = []
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                let folder = target.deletingLastPathComponent().path
                if created.insert(folder).inserted {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                // An unchanged file is linked from the current site, so it keeps its modification time.
                let current = output.appendingPathComponent(file.path)
                if let existing = manager.contents(atPath: current.path), existing.elementsEqual(file.bytes),
                   (try? manager.linkItem(at: current, to: target)) != nil {
                    continue
                }
                guard manager.createFile(atPath: target.path, contents: Data(file.bytes)) else {
                    throw BuildError(stage: "write", message: "cannot write \(target.path): check permissions and free space")
                }
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
