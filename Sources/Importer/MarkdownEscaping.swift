/// Escapes plain text so that CommonMark shows it exactly as written.
///
/// Only what would change meaning is escaped, so the Markdown stays readable: emphasis, code,
/// link and HTML characters anywhere, character references (`AT&amp;T` stays those eight
/// characters), and at the start of each line what would open a block (a heading, quote,
/// list item, thematic break, setext underline or code fence). Leading spaces, which would
/// make an indented code block, are dropped.
///
///     MarkdownEscaping.escape("1. FC Köln & *Fans*")   // "1\\. FC Köln & \\*Fans\\*"
enum MarkdownEscaping {
    static let inline: Set<Character> = ["\\", "*", "_", "`", "[", "]", "<"]

    static func escape(_ text: String) -> String {
        let lines = text.replacingLineBreaks.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line in
            var escaped = ""
            escaped.reserveCapacity(line.utf8.count)
            let characters = Array(line.drop { $0 == " " || $0 == "\t" })
            for (index, character) in characters.enumerated() {
                if inline.contains(character) || character == "&" && startsReference(characters[(index + 1)...]) { escaped.append("\\") }
                escaped.append(character)
            }
            return escapeBlockStart(escaped)
        }.joined(separator: "\n")
    }
}

private extension MarkdownEscaping {
    /// A line must not start like a heading, quote, list item, thematic break or fence.
    static func escapeBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#>+-=|".contains(first) || text.hasPrefix("~~~") { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " || rest.dropFirst().first == "\t" || rest.count == 1 {
                return digits + "\\" + rest
            }
        }
        return text
    }

    /// Whether what follows a `&` makes it a character reference: `amp;`, `#38;`, `#x26;`.
    static func startsReference(_ rest: ArraySlice<Character>) -> Bool {
        var body = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#") }
        guard !body.isEmpty, body.count <= 32, rest.dropFirst(body.count).first == ";" else { return false }
        if body.first == "#" { body = body.dropFirst() }
        return !body.isEmpty
    }
}

private extension String {
    /// CommonMark ends a line at CR as at LF: a lone CR must not join two lines unseen.
    var replacingLineBreaks: String {
        guard utf8.contains(0x0D) else { return self }
        return split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
            .split(separator: "\r", omittingEmptySubsequences: false).joined(separator: "\n")
    }
}
