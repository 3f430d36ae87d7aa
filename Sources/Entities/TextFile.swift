#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads content files as UTF-8 text with plain system calls: a dossier has tens of thousands
/// of articles, and Foundation's reading and decoding cost more than the bytes.
public enum TextFile {
    /// The text of the file at `path`. A file that is not UTF-8 is an error at its first bad
    /// byte; `display` is the path errors show.
    public static func read(_ path: String, display: String) throws -> String {
        guard let bytes = bytes(atPath: path) else {
            throw SourceError(file: display, line: 1, column: 1, message: "cannot read the file: \(String(cString: strerror(errno))); check that it exists and is readable")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let (line, column) = location(ofFirstInvalidByteIn: bytes)
        throw SourceError(file: display, line: line, column: column, message: "the file is not UTF-8 text: save it as UTF-8 (it may be Latin-1 or Windows-1252)")
    }

    /// The bytes of the file at `path`, or nil when it cannot be opened or read (`errno` says why).
    /// With `size`, nil also when the file holds another number of bytes, without reading it.
    public static func bytes(atPath path: String, size: Int? = nil) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let count = Int(status.st_size)
        guard size == nil || size == count else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                let result = readBytes(descriptor, buffer.baseAddress! + filled, count - filled)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { break }
                filled += result
            }
            failed = filled < count
        }
        return failed ? nil : bytes
    }
}

private extension TextFile {
    /// The 1-based line and column (counted in Unicode scalars) of the first byte that is not UTF-8.
    static func location(ofFirstInvalidByteIn bytes: [UInt8]) -> (line: Int, column: Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var (line, column) = (1, 1)
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
            if scalar.count == 1, scalar.first == UInt8(ascii: "\n") {
                (line, column) = (line + 1, 1)
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
