/// The text being rendered, with the indentation of the standalone partial or block being expanded.
///
/// Indentation is added at the start of each line that template text writes, never inside an
/// interpolated value, as the Mustache spec requires.
struct Output {
    var text = ""
    var indent = ""
    var atLineStart = false

    mutating func writeTemplateText(_ piece: String) {
        guard !indent.isEmpty else {
            text += piece
            return
        }
        var lineStart = piece.startIndex
        while lineStart < piece.endIndex {
            let newline = piece[lineStart...].firstIndex(of: "\n")
            let lineEnd = newline.map { piece.index(after: $0) } ?? piece.endIndex
            if atLineStart { text += indent }
            text += piece[lineStart..<lineEnd]
            atLineStart = newline != nil
            lineStart = lineEnd
        }
    }

    mutating func writeValue(_ value: String, escaped: Bool) {
        guard !value.isEmpty else { return }
        if atLineStart {
            text += indent
            atLineStart = false
        }
        if escaped { HTMLEscaping.append(value, to: &text) } else { text += value }
    }
}
