/// Splits Markdown text into annotator tokens in one pass, stepping over what must not be
/// annotated: existing links (`[Putin](person:wladimir-putin)`, the not-an-entity marker
/// `[Kim](-)`), images, code spans, autolinks and bare URLs.
struct Tokenizer {
    let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    mutating func tokens() -> [TextToken] {
        var tokens: [TextToken] = []
        tokens.reserveCapacity(scalars.count / 5)
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            if Self.isWordScalar(scalar) {
                if let end = urlEnd(at: index) {
                    index = end
                    tokens.append(TextToken(kind: .breaker, start: start, end: end))
                    continue
                }
                while index < scalars.count, Self.isWordScalar(scalars[index]) { index += 1 }
                tokens.append(TextToken(kind: .word, start: start, end: index))
            } else if Self.isSpace(scalar) {
                index += 1
            } else if Self.isHyphen(scalar) {
                index += 1
                tokens.append(TextToken(kind: .hyphen, start: start, end: index))
            } else if scalar == "[" || (scalar == "!" && next(1) == "["), let link = link(at: scalar == "!" ? index + 1 : index) {
                index = link.end
                tokens.append(TextToken(kind: .link(reference: scalar == "!" ? nil : link.reference), start: start, end: link.end))
            } else if scalar == "`", let end = codeSpanEnd(at: index) {
                index = end
                tokens.append(TextToken(kind: .breaker, start: start, end: end))
            } else if scalar == "<", let end = autolinkEnd(at: index) {
                index = end
                tokens.append(TextToken(kind: .breaker, start: start, end: end))
            } else {
                index += 1
                tokens.append(TextToken(kind: .breaker, start: start, end: index))
            }
        }
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{A0}"
    }

    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }
}

private extension Tokenizer {
    func next(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// `[text](destination)` starting at `start`, within one paragraph.
    func link(at start: Int) -> (end: Int, reference: String?)? {
        var position = start + 1
        var depth = 0
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\\" { position += 2; continue }
            if scalar == "\n", position + 1 < scalars.count, scalars[position + 1] == "\n" { return nil }
            if scalar == "[" { depth += 1 }
            if scalar == "]" {
                if depth == 0 { break }
                depth -= 1
            }
            position += 1
        }
        guard position + 1 < scalars.count, scalars[position + 1] == "(" else { return nil }
        let destinationStart = position + 2
        position = destinationStart
        var parentheses = 0
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\n" { return nil }
            if scalar == "(" { parentheses += 1 }
            if scalar == ")" {
                if parentheses == 0 { break }
                parentheses -= 1
            }
            position += 1
        }
        guard position < scalars.count else { return nil }
        var destination = String(String.UnicodeScalarView(scalars[destinationStart..<position]))
        if let space = destination.firstIndex(of: " ") { destination = String(destination[..<space]) }
        let isEntity = EntityType.allCases.contains { destination.hasPrefix("\($0.rawValue):") }
        return (position + 1, isEntity ? destination : nil)
    }

    func codeSpanEnd(at start: Int) -> Int? {
        var run = 0
        while start + run < scalars.count, scalars[start + run] == "`" { run += 1 }
        var position = start + run
        while position < scalars.count {
            if scalars[position] == "`" {
                var closing = 0
                while position + closing < scalars.count, scalars[position + closing] == "`" { closing += 1 }
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
        while position < scalars.count, position - start < 2048 {
            let scalar = scalars[position]
            if scalar == ">" { return position > start + 1 ? position + 1 : nil }
            if Self.isSpace(scalar) || scalar == "<" { return nil }
            position += 1
        }
        return nil
    }

    /// The end of a bare `http://` or `https://` URL starting at `start`.
    func urlEnd(at start: Int) -> Int? {
        let prefix: [Unicode.Scalar] = ["h", "t", "t", "p"]
        guard start + 7 < scalars.count, Array(scalars[start..<start + 4]) == prefix else { return nil }
        var position = start + 4
        if scalars[position] == "s" { position += 1 }
        guard position + 2 < scalars.count, scalars[position] == ":", scalars[position + 1] == "/", scalars[position + 2] == "/" else {
            return nil
        }
        while position < scalars.count, !Self.isSpace(scalars[position]), scalars[position] != ")" { position += 1 }
        return position
    }
}
