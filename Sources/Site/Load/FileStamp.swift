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
    /// `expected`: about how many there are (the last scan's count), to size the result once.
    public static func scan(_ folder: URL, extensions: Set<String> = [], prefix: String = "", recursive: Bool = true, expected: Int = 0) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        stamps.reserveCapacity(expected)
        let suffixes = extensions.map { Array(".\($0)".utf8) }
        scan(folder.resolvingSymlinksInPath().path, relative: prefix, suffixes: suffixes, recursive: recursive, into: &stamps)
        return stamps
    }
}

private extension FileStamp {
    init(_ info: stat) {
        self.init(modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9, size: Int(info.st_size))
    }

    /// `suffixes`: each extension after its dot, as UTF-8. A folder's names are looked at as
    /// bytes and become strings only when kept: the preview scans ten thousand after every save.
    /// The names are read first, then looked up on every core: `fstatat` is most of a scan.
    static func scan(_ path: String, relative: String, suffixes: [[UInt8]], recursive: Bool, into stamps: inout [String: FileStamp]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        // The visible names one after another, each ending in NUL, and where each ends.
        var names: [CChar] = [], ends: [Int] = []
        while let entry = readdir(directory) {
            withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let name = raw.prefix { $0 != 0 }
                guard let first = name.first, first != UInt8(ascii: ".") else { return }
                names.append(contentsOf: name.lazy.map { CChar(bitPattern: $0) })
                names.append(0)
                ends.append(names.count)
            }
        }
        let infos = stats(of: names, ends: ends, in: descriptor)
        names.withUnsafeBufferPointer { names in
            for (number, info) in infos.enumerated() {
                guard var info else { continue }
                let start = number == 0 ? 0 : ends[number - 1]
                let cName = names.baseAddress! + start
                let name = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(names)[start..<ends[number] - 1])
                if info.st_mode & S_IFMT == S_IFDIR {
                    let folder = String(decoding: name, as: UTF8.self)
                    if recursive { scan(path + "/" + folder, relative: relative + folder + "/", suffixes: suffixes, recursive: true, into: &stamps) }
                    continue
                }
                // A symlinked file counts as the file it points to; symlinked folders are not entered.
                if info.st_mode & S_IFMT == S_IFLNK, fstatat(descriptor, cName, &info, 0) != 0 { continue }
                guard info.st_mode & S_IFMT == S_IFREG else { continue }
                // An extension is what follows the last dot, so a suffix ".md" also needs a name
                // longer than it ("x.md", not ".md", which is hidden anyway).
                guard suffixes.isEmpty || suffixes.contains(where: { name.count > $0.count && name.suffix($0.count).elementsEqual($0) }) else { continue }
                stamps[relative + String(decoding: name, as: UTF8.self)] = FileStamp(info)
            }
        }
    }

    /// `fstatat` (not following a symlink) of each name, nil where it failed; a large folder's
    /// names in a share per core.
    static func stats(of names: [CChar], ends: [Int], in descriptor: Int32) -> [stat?] {
        let shares = ends.count < 512 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2
        // The closure throws nothing.
        return try! Array(0..<shares).concurrentMap { share in
            names.withUnsafeBufferPointer { names in
                ((ends.count * share / shares)..<(ends.count * (share + 1) / shares)).map { number -> stat? in
                    var info = stat()
                    let start = number == 0 ? 0 : ends[number - 1]
                    return fstatat(descriptor, names.baseAddress! + start, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
                }
            }
        }.flatMap { $0 }
    }
}
