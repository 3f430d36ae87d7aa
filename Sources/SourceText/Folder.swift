#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders of a dossier, listed with plain system calls and every failure reported: a
/// mistyped, missing or looping folder is an error that names it, never an empty list (which
/// would build an empty site over a good one).
public enum Folder {
    /// The names in the folder at `path` (without `.` and `..`), unsorted; `display` is the
    /// path errors show, and `purpose` says what the folder holds ("the articles").
    public static func entries(_ path: String, display: String, purpose: String) throws -> [String] {
        guard let stream = opendir(path) else { throw problem(errno, display: display, purpose: purpose, path: path) }
        defer { closedir(stream) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
            errno = 0
        }
        if errno != 0 { throw problem(errno, display: display, purpose: purpose, path: path) }
        return names
    }

    /// Fails unless `path` is a folder that can be listed, naming what is wrong and what to do.
    public static func require(_ path: String, display: String, purpose: String) throws {
        guard let stream = opendir(path) else { throw problem(errno, display: display, purpose: purpose, path: path) }
        closedir(stream)
    }

    private static func problem(_ code: Int32, display: String, purpose: String, path: String) -> SourceError {
        let advice = switch code {
        case ENOENT: misnamed(path).map { "there is no such folder; did you mean '\($0)'? (rename the folder or fix the path)" }
            ?? "there is no such folder: run the command in the folder that holds the dossier, name it with --content, or make a new dossier with dossier init"
        case ENOTDIR: "it is a file, not a folder: move the file away and create the folder"
        case ELOOP: "it is a symbolic link that points back to itself: replace it with a folder"
        case EACCES: "permission denied: make it readable"
        default: "cannot list it: \(String(cString: strerror(code)))"
        }
        return SourceError(file: display, message: "\(purpose): \(advice)")
    }

    /// A folder beside the missing `path` whose name is a likely misspelling of it (`entity`
    /// for `entities`, `Articles` for `articles`).
    private static func misnamed(_ path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let (parent, name) = (String(path[..<slash]), String(path[path.index(after: slash)...]))
        guard !name.isEmpty, let stream = opendir(parent.isEmpty ? "/" : parent) else { return nil }
        defer { closedir(stream) }
        var best: (name: String, distance: Int)?
        while let entry = readdir(stream) {
            let candidate = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard entry.pointee.d_type == UInt8(DT_DIR), !candidate.hasPrefix(".") else { continue }
            let distance = editDistance(candidate.lowercased(), name.lowercased())
            if distance <= max(1, name.count / 3), distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }
}
