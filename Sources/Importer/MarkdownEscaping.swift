/// Escapes plain text so that CommonMark shows it exactly as written.
enum MarkdownEscaping {
    static let inline: Set<Character> = ["\\", "*", "_", "`", "[", "]", "<"]

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            if inline.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escapeBlockStart(escaped)
    }
}

private extension MarkdownEscaping {
    /// A paragraph must not start like a heading, quote, list item or thematic break.
    static func escapeBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#>+-=".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " || rest.count == 1 {
                return digits + "\\" + rest
            }
        }
        return text
    }
}
