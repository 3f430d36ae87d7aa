import SourceText

/// The bytes being rendered, with the indentation of the standalone partial or block being expanded.
///
/// Indentation is added at the start of each line that template text writes, never inside an
/// interpolated value, as the Mustache spec requires. UTF-8 bytes rather than a `String`: pages
/// are tens of kilobytes, written to files as bytes.
struct Output {
    let bytes: ByteBuffer
    var indent = ""
    var atLineStart = false

    mutating func writeTemplateText(_ piece: UnsafeBufferPointer<UInt8>) {
        guard !indent.isEmpty else {
            bytes.append(piece)
            return
        }
        var lineStart = piece.startIndex
        while lineStart < piece.endIndex {
            let newline = piece[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let lineEnd = newline.map { $0 + 1 } ?? piece.endIndex
            if atLineStart { bytes.append(indent) }
            bytes.append(piece[lineStart..<lineEnd])
            atLineStart = newline != nil
            lineStart = lineEnd
        }
    }

    mutating func writeFragment(_ fragment: Fragment) {
        startValue()
        fragment.source.writeFragment(fragment.index, to: bytes)
    }

    /// Writes a number's decimal digits, which need no escaping.
    mutating func writeValue(_ number: Int) {
        startValue()
        bytes.appendDecimal(number)
    }

    mutating func writeValue(_ value: String, escaped: Bool) {
        guard !value.isEmpty else { return }
        startValue()
        if escaped { HTMLEscaping.append(value, to: bytes) } else { bytes.append(value) }
    }

    /// A value at the start of a line is indented like the partial it is in.
    private mutating func startValue() {
        if atLineStart {
            bytes.append(indent)
            atLineStart = false
        }
    }
}
