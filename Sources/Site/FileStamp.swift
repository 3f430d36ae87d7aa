import Foundation

/// When a file last changed and how big it is: enough to notice edits without reading it.
public struct FileStamp: Sendable, Equatable {
    public var modified: Double
    public var size: Int

    /// Stamps of the regular files below `folder` whose extension is in `extensions` (all when
    /// empty), keyed by path relative to `folder`. Symlinked folders are followed.
    public static func scan(_ folder: URL, extensions: Set<String> = []) -> [String: FileStamp] {
        let root = folder.resolvingSymlinksInPath()
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return [:] }
        let prefix = root.standardizedFileURL.path + "/"
        var stamps: [String: FileStamp] = [:]
        for case let file as URL in enumerator {
            guard extensions.isEmpty || extensions.contains(file.pathExtension),
                  let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(prefix.count))
            if relative.hasPrefix(".") { continue }
            stamps[relative] = FileStamp(modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0, size: values.fileSize ?? 0)
        }
        return stamps
    }
}
