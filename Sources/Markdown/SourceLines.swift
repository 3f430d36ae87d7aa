import Foundation
/// The Markdown source split into lines, to find where an inline element was written.
///
/// libcmark 0.30 gives source positions for blocks only; a link's own position is found by
/// searching its `](destination` from the start of its block onwards.
struct SourceLines {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Where the last of `destinations` was written, the links of one block being found in turn
    /// from the block's first line: the position of its `[`.
    func locateLink(_ destinations: ArraySlice<String>, fromLine line: Int) -> (line: Int, column: Int) {
        var position = (line: line, column: 1)
        for destination in destinations {
            guard let found = locate("](\(destination)", fromLine: position.line, column: position.column) else { break }
            position = (found.line, found.column + 1)
        }
        let closing = (line: position.line, column: position.column - 1)
        return linkStart(endingBefore: closing)
    }

    /// 1-based line and character column where `needle` next occurs from (`line`, `column`).
    func locate(_ needle: String, fromLine line: Int, column: Int) -> (line: Int, column: Int)? {
        var lineNumber = max(line, 1)
        var startColumn = column
        while lineNumber <= lines.count {
            let current = lines[lineNumber - 1]
            let start = current.index(current.startIndex, offsetBy: startColumn - 1, limitedBy: current.endIndex) ?? current.endIndex
            if let found = current[start...].range(of: needle) {
                return (lineNumber, current.distance(from: current.startIndex, to: found.lowerBound) + 1)
            }
            lineNumber += 1
            startColumn = 1
        }
        return nil
    }

    /// The position of the `[` that opens a link whose `]` is at `closing`, for text on one line.
    func linkStart(endingBefore closing: (line: Int, column: Int)) -> (line: Int, column: Int) {
        guard closing.line >= 1, closing.line <= lines.count else { return closing }
        let current = lines[closing.line - 1]
        let closeIndex = current.index(current.startIndex, offsetBy: closing.column - 1)
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
