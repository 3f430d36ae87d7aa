/// The Markdown source split into lines, to find where an inline element was written.
///
/// libcmark 0.30 gives source positions for blocks only; a link's own position is found by
/// searching its destination from the start of its block onwards, in every form CommonMark
/// writes one: `[text](dest)`, `[text](<dest>)`, an autolink `<dest>`, and a reference
/// `[text][label]` whose definition `[label]: dest` may stand anywhere in the document (there
/// the destination is written, so that is where an error points).
struct SourceLines {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Where the last of `destinations` was written, the links of one block being found in turn
    /// from the block's first line: the position of its `[` (or `<`). Never fails: what cannot
    /// be found is placed at the start of its block.
    func locateLink(_ destinations: ArraySlice<String>, fromLine line: Int) -> (line: Int, column: Int) {
        var position = (line: max(line, 1), column: 1)
        var last: (line: Int, column: Int)?
        for destination in destinations {
            if let inline = firstOf(["](\(destination)", "](<\(destination)>"], from: position) {
                position = (inline.line, inline.column + 1)
                last = linkStart(endingBefore: inline)
            } else if let auto = locate("<\(destination)>", fromLine: position.line, column: position.column) {
                position = (auto.line, auto.column + 1)
                last = auto
            } else {
                last = definition(of: destination)
            }
        }
        return last ?? (max(line, 1), 1)
    }

    /// 1-based line and character column where `needle` next occurs from (`line`, `column`).
    func locate(_ needle: String, fromLine line: Int, column: Int) -> (line: Int, column: Int)? {
        var lineNumber = max(line, 1)
        var startColumn = max(column, 1)
        while lineNumber <= lines.count {
            let current = lines[lineNumber - 1]
            let start = current.index(current.startIndex, offsetBy: startColumn - 1, limitedBy: current.endIndex) ?? current.endIndex
            if let found = current[start...].firstRange(of: needle) {
                return (lineNumber, current.distance(from: current.startIndex, to: found.lowerBound) + 1)
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
        let current = lines[closing.line - 1]
        guard let closeIndex = current.index(current.startIndex, offsetBy: closing.column - 1, limitedBy: current.endIndex) else { return closing }
        var depth = 0
        var index = closeIndex
        while index > current.startIndex {
            index = current.index(before: index)
            if current[index] == "]" { depth += 1 }
            if current[index] == "[" {
                if depth == 0 { return (closing.line, current.distance(from: current.startIndex, to: index) + 1) }
                depth -= 1
            }
        }
        return closing
    }
}

private extension SourceLines {
    /// The earliest of `needles` from `position`.
    func firstOf(_ needles: [String], from position: (line: Int, column: Int)) -> (line: Int, column: Int)? {
        needles.compactMap { locate($0, fromLine: position.line, column: position.column) }.min { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Where a reference definition (`[label]: destination`, up to three spaces in) with
    /// `destination` starts: its `[`.
    func definition(of destination: String) -> (line: Int, column: Int)? {
        for (number, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            guard indent <= 3, line.dropFirst(indent).first == "[", let close = line.firstRange(of: "]:") else { continue }
            let rest = line[close.upperBound...].drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix(destination) || rest.hasPrefix("<\(destination)>") { return (number + 1, indent + 1) }
        }
        return nil
    }
}
