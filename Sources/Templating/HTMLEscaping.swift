/// HTML escaping as `{{name}}` does it, for code that writes markup itself.
///
///     HTMLEscaping.escape("Kim & \"Putin\"")   // "Kim &amp; &quot;Putin&quot;"
public enum HTMLEscaping {
    public static func escape(_ value: String) -> String {
        var text = ""
        append(value, to: &text)
        return text
    }

    /// Appends `value` to `text` with `& < > " '` replaced by entities.
    public static func append(_ value: String, to text: inout String) {
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
