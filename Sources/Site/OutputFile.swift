#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Entities

/// Writes output files with plain system calls: a site has tens of thousands of them, and
/// Foundation's per-file work (attribute lookups, temporary files) costs more than the bytes.
enum OutputFile {
    /// Writes `bytes` to `path`, creating missing folders. `atomically` writes beside the file
    /// and renames, so a reader never sees half a page (the preview server reads while it writes).
    static func write(_ bytes: [UInt8], to path: String, atomically: Bool) throws {
        let target = atomically ? "\(path).\(getpid()).tmp" : path
        var descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try makeFolders(parentOf: path)
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw failure(path) }
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = writeBytes(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return false }
                written += result
            }
            return true
        }
        guard close(descriptor) == 0, complete else {
            unlink(target)
            throw failure(path)
        }
        if atomically, rename(target, path) != 0 {
            unlink(target)
            throw failure(path)
        }
    }

    /// Creates the folder holding `path` and any missing folders above it.
    static func makeFolders(parentOf path: String) throws {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw failure(folder) }
        try makeFolders(parentOf: folder)
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw failure(folder) }
    }

    private static func failure(_ path: String) -> BuildError {
        BuildError(stage: "write", message: "cannot write \(path): \(String(cString: strerror(errno))); check permissions and free space")
    }
}

private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
