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
        if escaped { appendEscaped(value) } else { text += value }
    }
}

private extension Output {
    mutating func appendEscaped(_ value: String) {
        let utf8 = value.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            text += value
            return
        }
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let replacement: String? = switch utf8[index] {
            case 0x26: "&amp;"
            case 0x3C: "&lt;"
            case 0x3E: "&gt;"
            case 0x22: "&quot;"
            case 0x27: "&#39;"
            default: nil
            }
            if let replacement {
                text += value[runStart..<index]
                text += replacement
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        text += value[runStart..<utf8.endIndex]
    }
}
