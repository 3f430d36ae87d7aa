#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files with plain system calls: content files as UTF-8 text, and a site's files to
/// compare with new pages. A dossier has tens of thousands of articles, and Foundation's reading
/// and decoding cost more than the bytes.
public enum TextFile {
    /// The text of the file at `path`. A file that is not UTF-8 is an error at its first bad
    /// byte; `display` is the path errors show.
    public static func read(_ path: String, display: String) throws -> String {
        let bytes: [UInt8]
        do {
            bytes = try Self.bytes(atPath: path)
        } catch {
            throw SourceError(file: display, line: 1, column: 1, message: "cannot read the file: \(error.reason); check that it exists and is readable")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let place = TextPosition(of: validPrefixLength(bytes), in: bytes)
            throw SourceError(file: display, line: place.line, column: place.column, message: "the file is not UTF-8 text: save it as UTF-8 (it may be Latin-1 or Windows-1252)")
        }
        if let offset = firstControlCharacter(in: bytes) {
            let place = TextPosition(of: offset, in: bytes)
            throw SourceError(file: display, line: place.line, column: place.column, message: controlCharacterMessage(bytes, at: offset))
        }
        return text
    }

    /// Where the first character lies that text files must not hold: the control characters
    /// other than tab, line feed and carriage return, and the noncharacters U+FFFE and U+FFFF.
    /// XML (the feeds) cannot carry them, browsers do not show them, and a file full of NUL
    /// bytes is a binary file, not text. `bytes` is UTF-8; one pass over raw bytes, as every
    /// article is read through it.
    public static func firstControlCharacter(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var offset = 0
        // Eight bytes at a time: a word with no byte below 0x20 and none equal to 0xEF needs no
        // closer look (text has a line feed on every line, so some words are looked at closely).
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func isForbidden(_ at: Int) -> Bool {
            let byte = base[at]
            if byte < 0x20 { return byte != 0x09 && byte != 0x0A && byte != 0x0D }
            return byte == 0xEF && at + 2 < count && base[at + 1] == 0xBF && base[at + 2] >= 0xBE
        }
        while offset + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            let low = (word &- ones &* 0x20) & ~word & highs
            let efs = word ^ (ones &* 0xEF)
            if low | ((efs &- ones) & ~efs & highs) != 0 {
                for at in offset..<offset + 8 where isForbidden(at) { return at }
            }
            offset += 8
        }
        while offset < count {
            if isForbidden(offset) { return offset }
            offset += 1
        }
        return nil
    }

    public static func firstControlCharacter(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstControlCharacter(in: $0) }
    }

    public static func firstControlCharacter(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { firstControlCharacter(in: $0) }
    }

    /// What an error says of the control character at `offset` of `bytes`.
    public static func controlCharacterMessage(_ bytes: some Collection<UInt8>, at offset: Int) -> String {
        let byte = bytes[bytes.index(bytes.startIndex, offsetBy: offset)]
        let hex = String(byte, radix: 16, uppercase: true)
        let code = byte == 0xEF ? "U+FFFE or U+FFFF" : "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        return byte == 0 ? "a NUL byte (U+0000): this looks like a binary file, not text; remove the byte or the file"
            : "control character \(code): remove it (it cannot be published in a feed and does not show in a browser)"
    }

    /// Everything the file at `path` holds (`read` also checks that it is UTF-8). The size the
    /// file reports is only where reading starts: a file being saved can grow or shrink while it
    /// is read, and a pipe or a `/proc` file reports none.
    public static func bytes(atPath path: String) throws(SystemCallError) -> [UInt8] {
        let (descriptor, size) = try opened(path)
        defer { close(descriptor) }
        // One byte beyond the size, so that a file of that size is read whole by the first chunk.
        var request = size + 1
        var bytes = try chunk(from: descriptor, upTo: request)
        var last = bytes.count
        // A full chunk: the file grew since `fstat`, or reports no size (a pipe); read on to its end.
        while last == request {
            request = max(bytes.count, 4096)
            let more = try chunk(from: descriptor, upTo: request)
            bytes += more
            last = more.count
        }
        return bytes
    }

    /// Whether the file at `path` holds exactly `bytes`: false when it holds another number of
    /// bytes (told without reading it) or cannot be read.
    public static func holds(_ bytes: [UInt8], atPath path: String) -> Bool {
        bytes.withUnsafeBufferPointer { holds($0, atPath: path) }
    }

    /// Whether the file at `path` holds exactly `bytes`, as for an array. Read and compared a
    /// piece of at most `comparedPiece` bytes at a time: a site's largest file (the data export,
    /// 150 MB at 100,000 articles) is not held twice.
    public static func holds(_ bytes: UnsafeBufferPointer<UInt8>, atPath path: String) -> Bool {
        guard let (descriptor, size) = try? opened(path) else { return false }
        defer { close(descriptor) }
        guard size == bytes.count else { return false }
        var compared = 0
        while true {
            let count = min(comparedPiece, bytes.count - compared), isLast = compared + count == bytes.count
            // One byte more than the last piece asks for the end of the file: a file that grew since `fstat` differs.
            guard let existing = try? chunk(from: descriptor, upTo: isLast ? count + 1 : count), existing.count == count,
                  count == 0 || existing.withUnsafeBytes({ memcmp(bytes.baseAddress! + compared, $0.baseAddress!, count) == 0 }) else { return false }
            if isLast { return true }
            compared += count
        }
    }

    /// The most `holds` reads at once.
    public static let comparedPiece = 1 << 20
}

extension TextFile {
    /// Writes `bytes` to `path` whole or not at all: into a hidden file beside it
    /// (`.name.PID.tmp`, which listings of a dossier skip), then renamed over it, so a process
    /// killed meanwhile leaves the old file as it was. `display` is the path errors show.
    public static func write(_ bytes: [UInt8], to path: String, display: String) throws {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(folder).\(name).\(getpid()).tmp"
        do throws(SystemCallError) {
            try write(bytes, toNewFile: temporary)
            FaultPoint.reach("rename")
            guard rename(temporary, path) == 0 else { throw SystemCallError() }
        } catch {
            unlink(temporary)
            throw SourceError(file: display, message: "cannot write the file: \(error.reason); check permissions and free space")
        }
    }

    /// Removes the hidden temporary files `write(_:to:display:)` left in `folder` when the
    /// process writing them was killed (its id no longer runs).
    public static func removeStaleTemporaries(in folder: String) {
        guard let names = try? Folder.entries(folder, display: folder, purpose: "") else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(4).split(separator: ".")
            guard let pid = parts.last.flatMap({ Int32($0) }), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink("\(folder)/\(name)")
        }
    }

    /// Creates (or empties) the file at `path` and writes `bytes` into it.
    public static func write(_ bytes: [UInt8], toNewFile path: String) throws(SystemCallError) {
        try bytes.withUnsafeBufferPointer { buffer throws(SystemCallError) in try write(buffer, toNewFile: path) }
    }

    /// Creates (or empties) the file at `path` and writes `bytes` into it, as for an array.
    public static func write(_ bytes: UnsafeBufferPointer<UInt8>, toNewFile path: String) throws(SystemCallError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemCallError() }
        var written = 0
        var failure: SystemCallError?
        while written < bytes.count {
            let result = uninterrupted { writeBytes(descriptor, bytes.baseAddress! + written, bytes.count - written) }
            guard result > 0 else {
                failure = SystemCallError(result < 0 ? errno : ENOSPC)
                break
            }
            written += result
        }
        if close(descriptor) != 0, failure == nil { failure = SystemCallError() }
        if let failure { throw failure }
    }
}

/// A system call that failed, with the `errno` it set.
public struct SystemCallError: Error {
    public let code: Int32
    /// What to say instead of the system's words, where they would mislead.
    private let said: String?

    public init(_ code: Int32 = errno) { (self.code, said) = (code, nil) }

    public init(_ code: Int32, saying reason: String) { (self.code, said) = (code, reason) }

    /// What the system says of the error ("No such file or directory").
    public var reason: String { said ?? String(cString: strerror(code)) }
}

private extension TextFile {
    /// A descriptor reading `path`, which the caller closes, and the size the file reports.
    /// Opened without waiting: a named pipe nothing writes to would hold `open` for ever. A pipe
    /// is read once something writes to it (within `pipeWait` milliseconds); a device or socket
    /// (`/dev/zero` linked as an article) is an error, not an endless read.
    static func opened(_ path: String) throws(SystemCallError) -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw SystemCallError() }
        var status = stat()
        var failure: SystemCallError?
        if fstat(descriptor, &status) != 0 {
            failure = SystemCallError()
        } else {
            switch status.st_mode & S_IFMT {
            case S_IFREG, S_IFDIR:
                // A folder fails at the first read ("Is a directory").
                break
            case S_IFIFO:
                var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                if poll(&waiting, 1, pipeWait) <= 0 {
                    failure = SystemCallError(EAGAIN, saying: "it is a named pipe that nothing writes to (replace it with a text file)")
                } else if fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) != 0 {
                    failure = SystemCallError()
                }
            default:
                failure = SystemCallError(ENODEV, saying: "it is a device or socket, not a file (replace it with a text file)")
            }
        }
        if let failure {
            close(descriptor)
            throw failure
        }
        return (descriptor, max(Int(status.st_size), 0))
    }

    static let pipeWait: Int32 = 3_000

    /// Up to `count` bytes from where the descriptor is: fewer only at the end of the file.
    static func chunk(from descriptor: Int32, upTo count: Int) throws(SystemCallError) -> [UInt8] {
        var failure: SystemCallError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                let result = uninterrupted { readBytes(descriptor, buffer.baseAddress! + filled, count - filled) }
                if result > 0 {
                    filled += result
                } else {
                    if result < 0 { failure = SystemCallError() }
                    break
                }
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// How many bytes at the start of `bytes` are valid UTF-8.
    static func validPrefixLength(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var length = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { length += scalar.count }
        return length
    }

    /// Runs a read or write system call until it is not interrupted by a signal (`EINTR`).
    static func uninterrupted(_ call: () -> Int) -> Int {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}

private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
