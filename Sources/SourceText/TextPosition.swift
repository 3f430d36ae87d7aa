/// Where a byte offset of UTF-8 text is as an editor shows it: 1-based line, and column in
/// Unicode scalars. The one way every error of the tool finds its line and column.
public struct TextPosition: Equatable, Sendable {
    public var line: Int
    public var column: Int

    @inlinable
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of byte `offset` of `bytes` (UTF-8; lines end at LF). Inlinable, so that
    /// callers in other modules get it specialized for their bytes (an annotator locates every
    /// name it leaves unresolved).
    @inlinable
    public init<Bytes: Collection<UInt8>>(of offset: Int, in bytes: Bytes) {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // A byte that starts a scalar: continuation bytes do not move the column.
                column += 1
            }
        }
        self.init(line: line, column: column)
    }
}

public extension TextPosition {
    /// The column of `index` in `line`, the text of one line: 1 and the Unicode scalars before
    /// it, as `init(of:in:)` counts. For code that finds positions by searching lines.
    @inlinable
    static func column(of index: Substring.Index, in line: Substring) -> Int {
        line.unicodeScalars.distance(from: line.startIndex, to: index) + 1
    }

    /// The index of `column` (as `column(of:in:)` counts) in `line`, or nil past its end.
    @inlinable
    static func index(ofColumn column: Int, in line: Substring) -> Substring.Index? {
        line.unicodeScalars.index(line.startIndex, offsetBy: column - 1, limitedBy: line.endIndex)
    }
}

public extension SourceError {
    /// How every located message of the tool reads: `file:line:column: error: message`, or
    /// `file: error: message` for a whole file (`line` 0).
    static func format(file: String, line: Int, column: Int, severity: String = "error", message: String) -> String {
        line > 0 ? "\(file):\(line):\(column): \(severity): \(message)" : "\(file): \(severity): \(message)"
    }
}
