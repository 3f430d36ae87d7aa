import Foundation

/// When a file last changed and how big it is: enough to notice edits without reading it.
public struct FileStamp: Sendable, Equatable {
    public var modified: Double
    public var size: Int

    /// The stamp of one file, or nil when it is not a regular file.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// Stamps of the regular files below `folder` whose extension is in `extensions` (all when
    /// empty), keyed by `prefix` and the path relative to `folder`; with `recursive` false, of
    /// the files directly in it. A symlinked `folder` is followed; hidden files and folders
    /// (names starting with `.`, like editors' swap files) are skipped.
    ///
    /// Plain system calls: a dossier has tens of thousands of files, and the preview scans
    /// them after every change.
    public static func scan(_ folder: URL, extensions: Set<String> = [], prefix: String = "", recursive: Bool = true) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        scan(folder.resolvingSymlinksInPath().path, relative: prefix, extensions: extensions, recursive: recursive, into: &stamps)
        return stamps
    }
}

private extension FileStamp {
    init(_ info: stat) {
        self.init(modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9, size: Int(info.st_size))
    }

    static func scan(_ path: String, relative: String, extensions: Set<String>, recursive: Bool, into stamps: inout [String: FileStamp]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                if recursive { scan(path + "/" + name, relative: relative + name + "/", extensions: extensions, recursive: true, into: &stamps) }
                continue
            }
            // A symlinked file counts as the file it points to; symlinked folders are not entered.
            if info.st_mode & S_IFMT == S_IFLNK, fstatat(descriptor, name, &info, 0) != 0 { continue }
            guard info.st_mode & S_IFMT == S_IFREG else { continue }
            let suffix = name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? ""
            if extensions.isEmpty || extensions.contains(suffix) { stamps[relative + name] = FileStamp(info) }
        }
    }
}
