/// Splits Markdown text into annotator tokens in one pass over its UTF-8 bytes, stepping over
/// what must not be annotated: existing links (`[Putin](person:wladimir-putin)`, the
/// not-an-entity marker `[Kim](-)`), images, code spans, autolinks and bare URLs.
struct Tokenizer {
    let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func tokens() -> [TextToken] {
        var tokens: [TextToken] = []
        tokens.reserveCapacity(bytes.count / 5)
        while index < bytes.count {
            let byte = bytes[index]
            let start = index
            let (isWord, width) = Self.classify(bytes, at: index)
            if isWord {
                if byte == UInt8(ascii: "h"), let end = urlEnd(at: index) {
                    index = end
                    tokens.append(TextToken(kind: .breaker, start: start, end: end))
                    continue
                }
                index += width
                while index < bytes.count {
                    let (continues, next) = Self.classify(bytes, at: index)
                    guard continues else { break }
                    index += next
                }
                tokens.append(TextToken(kind: .word, start: start, end: index))
            } else if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || isNoBreakSpace(at: index) {
                index += width
            } else if byte == UInt8(ascii: "-") || isUnicodeHyphen(at: index) {
                index += width
                tokens.append(TextToken(kind: .hyphen, start: start, end: index))
            } else if byte == UInt8(ascii: "[") || (byte == UInt8(ascii: "!") && next(1) == UInt8(ascii: "[")),
                      let link = link(at: byte == UInt8(ascii: "!") ? index + 1 : index) {
                index = link.end
                tokens.append(TextToken(kind: .link(reference: byte == UInt8(ascii: "!") ? nil : link.reference), start: start, end: link.end))
            } else if byte == UInt8(ascii: "`"), let end = codeSpanEnd(at: index) {
                index = end
                tokens.append(TextToken(kind: .breaker, start: start, end: end))
            } else if byte == UInt8(ascii: "<"), let end = autolinkEnd(at: index) {
                index = end
                tokens.append(TextToken(kind: .breaker, start: start, end: end))
            } else {
                index += width
                tokens.append(TextToken(kind: .breaker, start: start, end: index))
            }
        }
        return tokens
    }

    /// Whether the character at `offset` belongs to a word (letters and digits), and its byte width.
    static func classify(_ bytes: [UInt8], at offset: Int) -> (isWord: Bool, width: Int) {
        let byte = bytes[offset]
        if byte < 0x80 {
            let isWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            return (isWord, 1)
        }
        let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard offset + width <= bytes.count, width > 1 else { return (false, 1) }
        var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for continuation in bytes[(offset + 1)..<(offset + width)] { value = value << 6 | (UInt32(continuation) & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return (false, width) }
        return (scalar.properties.isAlphabetic || scalar.properties.numericType != nil, width)
    }
}

extension Tokenizer {
    /// Whether the word at byte `offset` starts a sentence, a heading, a list item or a
    /// quotation: only spaces, line breaks and `#` stand between it and a sentence end, a
    /// colon, an opening quote („ “ end in 0x9E, 0x9C), the start of the text, a list item's or
    /// quotation block's marker at the start of its line ("- ", "* ", "+ ", "> ", "2) "), or a
    /// closing quote or bracket after a sentence end (`said.” Despite`).
    static func startsSentence(at offset: Int, in bytes: [UInt8]) -> Bool {
        var position = offset - 1
        while position >= 0, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == UInt8(ascii: "#") { position -= 1 }
        guard position >= 0 else { return true }
        if ".!?:\"".utf8.contains(bytes[position]) || bytes[position] == 0x9E || bytes[position] == 0x9C { return true }
        if isItemMarker(endingAt: position, in: bytes) { return true }
        // Closing quotes and brackets (” ’ » ) ') after a sentence's end.
        var closed = position
        while closed >= 0 {
            if bytes[closed] == UInt8(ascii: ")") || bytes[closed] == UInt8(ascii: "'") {
                closed -= 1
            } else if closed >= 2, bytes[closed - 2] == 0xE2, bytes[closed - 1] == 0x80, bytes[closed] == 0x9D || bytes[closed] == 0x99 {
                closed -= 3
            } else if closed >= 1, bytes[closed - 1] == 0xC2, bytes[closed] == 0xBB {
                closed -= 2
            } else {
                break
            }
        }
        return closed < position && closed >= 0 && ".!?".utf8.contains(bytes[closed])
    }

    /// Whether `bytes` up to `end` are a list item's or quotation block's marker that starts
    /// its line: `-`, `*`, `+`, `>`, or digits and `)` (digits and `.` end a sentence anyway).
    private static func isItemMarker(endingAt end: Int, in bytes: [UInt8]) -> Bool {
        var start = end
        switch bytes[end] {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ">"):
            start -= 1
        case UInt8(ascii: ")"):
            start -= 1
            let digitsEnd = start
            while start >= 0, bytes[start] >= 0x30, bytes[start] <= 0x39 { start -= 1 }
            guard start < digitsEnd else { return false }
        default:
            return false
        }
        while start >= 0, bytes[start] == 0x20 { start -= 1 }
        return start < 0 || bytes[start] == 0x0A
    }
}

private extension Tokenizer {
    func next(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// U+00A0, the no-break space.
    func isNoBreakSpace(at offset: Int) -> Bool {
        bytes[offset] == 0xC2 && offset + 1 < bytes.count && bytes[offset + 1] == 0xA0
    }

    /// U+2010 and U+2011, hyphens that are not the ASCII one.
    func isUnicodeHyphen(at offset: Int) -> Bool {
        bytes[offset] == 0xE2 && offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0x90 || bytes[offset + 2] == 0x91)
    }

    /// `[text](destination)` starting at `start`, within one paragraph.
    func link(at start: Int) -> (end: Int, reference: String?)? {
        var position = start + 1
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") { position += 2; continue }
            if byte == 0x0A, position + 1 < bytes.count, bytes[position + 1] == 0x0A { return nil }
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") {
                if depth == 0 { break }
                depth -= 1
            }
            position += 1
        }
        guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "(") else { return nil }
        let destinationStart = position + 2
        position = destinationStart
        var parentheses = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A { return nil }
            if byte == UInt8(ascii: "(") { parentheses += 1 }
            if byte == UInt8(ascii: ")") {
                if parentheses == 0 { break }
                parentheses -= 1
            }
            position += 1
        }
        guard position < bytes.count else { return nil }
        let destinationEnd = bytes[destinationStart..<position].firstIndex(of: 0x20) ?? position
        let destination = String(decoding: bytes[destinationStart..<destinationEnd], as: UTF8.self)
        let isEntity = EntityType.allCases.contains { destination.hasPrefix("\($0.rawValue):") }
        return (position + 1, isEntity ? destination : nil)
    }

    func codeSpanEnd(at start: Int) -> Int? {
        var run = 0
        while start + run < bytes.count, bytes[start + run] == UInt8(ascii: "`") { run += 1 }
        var position = start + run
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "`") {
                var closing = 0
                while position + closing < bytes.count, bytes[position + closing] == UInt8(ascii: "`") { closing += 1 }
                if closing == run { return position + closing }
                position += closing
            } else {
                position += 1
            }
        }
        return nil
    }

    func autolinkEnd(at start: Int) -> Int? {
        var position = start + 1
        while position < bytes.count, position - start < 2048 {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") { return position > start + 1 ? position + 1 : nil }
            if byte == 0x20 || byte == 0x0A || byte == UInt8(ascii: "<") { return nil }
            position += 1
        }
        return nil
    }

    /// The end of a bare `http://` or `https://` URL starting at `start`.
    func urlEnd(at start: Int) -> Int? {
        let prefix = Array("http".utf8)
        guard start + 7 < bytes.count, Array(bytes[start..<start + 4]) == prefix else { return nil }
        var position = start + 4
        if bytes[position] == UInt8(ascii: "s") { position += 1 }
        guard position + 2 < bytes.count, bytes[position] == UInt8(ascii: ":"), bytes[position + 1] == UInt8(ascii: "/"),
              bytes[position + 2] == UInt8(ascii: "/") else { return nil }
        while position < bytes.count, bytes[position] != 0x20, bytes[position] != 0x0A, bytes[position] != UInt8(ascii: ")") { position += 1 }
        return position
    }
}
