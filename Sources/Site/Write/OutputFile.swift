#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Entities
import SourceText

/// Writes output files with plain system calls: a site has tens of thousands of them, and
/// Foundation's per-file work (attribute lookups, temporary files) costs more than the bytes.
enum OutputFile {
    /// Writes `bytes` to `path`, creating missing folders. `atomically` writes beside the file
    /// and renames, so a reader never sees half a page (the preview server reads while it writes).
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String, atomically: Bool) throws {
        let target = atomically ? "\(path).\(getpid()).tmp" : path
        do throws(SystemCallError) {
            do throws(SystemCallError) {
                try TextFile.write(bytes, toNewFile: target)
            } catch where error.code == ENOENT {
                try? makeFolders(parentOf: path)
                try TextFile.write(bytes, toNewFile: target)
            }
            if atomically, rename(target, path) != 0 { throw SystemCallError() }
        } catch {
            if atomically { unlink(target) }
            throw BuildError(stage: "write", message: "cannot write \(path): \(error.reason); check permissions and free space")
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
