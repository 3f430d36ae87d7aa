import SourceText

/// The Markdown source split into lines, to find where an inline element was written.
///
/// libcmark 0.30 gives source positions for blocks only; a link's own position is found by
/// searching its destination from the start of its block onwards, in every form CommonMark
/// writes one: `[text](dest)`, `[text](<dest>)`, an autolink `<dest>`, and a reference
/// `[text][label]` whose definition `[label]: dest` may stand anywhere in the document (there
/// the destination is written, so that is where an error points). The links of a block are
/// placed in one pass over it, so an article with thousands of mistakes costs one search.
struct SourceLines {
    private let lines: [Substring]

    /// The lines of one document, split when first asked for and then shared by all the
    /// document's links, with each block's link positions once they were found.
    final class Lazy: @unchecked Sendable {
        private let markdown: String
        private var lines: SourceLines?
        private var blocks: [Int: [(line: Int, column: Int)]] = [:]
        private var definitions: [String: (line: Int, column: Int)]?

        init(_ markdown: String) {
            self.markdown = markdown
        }

        /// Used by the one thread rendering the document.
        var value: SourceLines {
            if let lines { return lines }
            let made = SourceLines(markdown)
            lines = made
            return made
        }

        /// Where the `ordinal`-th link of the block on lines `block` was written.
        func position(of ordinal: Int, among destinations: [String], block: ClosedRange<Int>) -> (line: Int, column: Int) {
            if let known = blocks[block.lowerBound], ordinal < known.count { return known[ordinal] }
            if definitions == nil { definitions = value.definitions() }
            let found = value.locateLinks(destinations, in: block, definitions: definitions!)
            blocks[block.lowerBound] = found
            return found[ordinal]
        }
    }

    /// Lines end where CommonMark ends them, so numbers agree with libcmark's: at a line feed,
    /// a carriage return, or both (one character in Swift).
    init(_ text: String) {
        lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// Where each of `destinations`, the links of the block on lines `block` in order, was
    /// written: the position of its `[` (or `<`). One pass over the block notes every written
    /// destination (`](dest)`, `](<dest>)`, `<dest>`) with its places in order; each link then
    /// takes the first place of its destination after the previous link's. A destination not
    /// written in the block is a reference's, placed at its definition, or else at the block.
    func locateLinks(_ destinations: [String], in block: ClosedRange<Int>, definitions: [String: (line: Int, column: Int)]) -> [(line: Int, column: Int)] {
        let written = writtenDestinations(in: block)
        var next: [String: Int] = [:]
        var previous = (line: 0, column: 0)
        return destinations.map { destination in
            let places = written[destination] ?? []
            var index = next[destination] ?? 0
            while index < places.count, (places[index].line, places[index].column) <= previous { index += 1 }
            guard index < places.count else { return definitions[destination] ?? (max(block.lowerBound, 1), 1) }
            next[destination] = index + 1
            previous = places[index]
            return places[index]
        }
    }

    /// 1-based line and column (`TextPosition`'s) where `needle` next occurs from (`line`, `column`),
    /// up to line `toLine` (the last line by default).
    func locate(_ needle: String, fromLine line: Int, column: Int, toLine: Int = .max) -> (line: Int, column: Int)? {
        let bytes = Array(needle.utf8)
        var lineNumber = max(line, 1)
        var startColumn = max(column, 1)
        while lineNumber <= min(lines.count, toLine) {
            let current = lines[lineNumber - 1]
            let start = TextPosition.index(ofColumn: startColumn, in: current) ?? current.endIndex
            if let found = Self.firstIndex(of: bytes, in: current[start...]) {
                return (lineNumber, TextPosition.column(of: found, in: current))
            }
            lineNumber += 1
            startColumn = 1
        }
        return nil
    }

    /// The position of the `[` that opens a link whose `]` is at `closing`, for text on one
    /// line; `closing` itself when there is no such `[` on the line.
    func linkStart(endingBefore closing: (line: Int, column: Int)) -> (line: Int, column: Int) {
        guard closing.line >= 1, closing.line <= lines.count, closing.column >= 1 else { return closing }
        let current = lines[closing.line - 1].unicodeScalars
        guard let closeIndex = TextPosition.index(ofColumn: closing.column, in: lines[closing.line - 1]) else { return closing }
        var depth = 0
        var index = closeIndex
        while index > current.startIndex {
            index = current.index(before: index)
            if current[index] == "]" { depth += 1 }
            if current[index] == "[" {
                if depth == 0 { return (closing.line, TextPosition.column(of: index, in: lines[closing.line - 1])) }
                depth -= 1
            }
        }
        return closing
    }
}

private extension SourceLines {
    /// Every destination written in the block, with where its link starts (its `[`, or the
    /// `<` of an autolink), in order.
    func writtenDestinations(in block: ClosedRange<Int>) -> [String: [(line: Int, column: Int)]] {
        var found: [String: [(line: Int, column: Int)]] = [:]
        guard block.lowerBound <= lines.count else { return found }
        for number in max(block.lowerBound, 1)...min(block.upperBound, lines.count) {
            let line = lines[number - 1]
            let scalars = line.unicodeScalars
            var index = scalars.startIndex
            while index < scalars.endIndex {
                let scalar = scalars[index]
                let after = scalars.index(after: index)
                if scalar == "]", after < scalars.endIndex, scalars[after] == "(" {
                    let destination = Self.destination(in: line[scalars.index(after: after)...])
                    if !destination.isEmpty {
                        found[destination, default: []].append(linkStart(endingBefore: (number, TextPosition.column(of: index, in: line))))
                    }
                } else if scalar == "<", let close = scalars[after...].firstIndex(of: ">") {
                    let destination = String(line[after..<close])
                    if destination.contains(":"), !destination.contains(" ") {
                        found[destination, default: []].append((number, TextPosition.column(of: index, in: line)))
                    }
                }
                index = after
            }
        }
        return found
    }

    /// The destination written at the start of `text` (after a link's `](`): `<…>`, or up to
    /// white space or the `)` that is not balanced by a `(`.
    static func destination(in text: Substring) -> String {
        if text.first == "<" { return String(text.dropFirst().prefix { $0 != ">" }) }
        var depth = 0
        var end = text.startIndex
        while end < text.endIndex {
            let character = text[end]
            if character == " " || character == "\t" { break }
            if character == "(" { depth += 1 }
            if character == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            end = text.index(after: end)
        }
        return String(text[..<end])
    }

    /// Where each reference definition (`[label]: destination`, up to three spaces in) starts,
    /// by destination, the first of equal ones.
    func definitions() -> [String: (line: Int, column: Int)] {
        var found: [String: (line: Int, column: Int)] = [:]
        for (number, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            guard indent <= 3, line.dropFirst(indent).first == "[", let close = Self.firstIndex(of: Array("]:".utf8), in: line) else { continue }
            var rest = line[line.index(close, offsetBy: 2)...].drop { $0 == " " || $0 == "\t" }
            if rest.first == "<" { rest = rest.dropFirst().prefix { $0 != ">" } }
            let destination = String(rest.prefix { $0 != " " && $0 != "\t" })
            if !destination.isEmpty, found[destination] == nil { found[destination] = (number + 1, indent + 1) }
        }
        return found
    }

    /// Where `needle` (UTF-8) first occurs in `text`, compared as bytes.
    static func firstIndex(of needle: [UInt8], in text: Substring) -> Substring.Index? {
        guard let first = needle.first else { return text.startIndex }
        let utf8 = text.utf8
        var index = utf8.startIndex
        while let candidate = utf8[index...].firstIndex(of: first) {
            if utf8[candidate...].starts(with: needle) { return candidate }
            index = utf8.index(after: candidate)
        }
        return nil
    }
}
