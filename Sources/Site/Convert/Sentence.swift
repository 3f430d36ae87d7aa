import SourceText
import Templating

/// Finds the sentence around a position in a paragraph of German prose.
///
/// A sentence ends at `.`, `!`, `?` or `…` followed by a space and a capital letter or an opening
/// quote, except after a number ("am 30. August") or a single letter ("z. B.").
enum Sentence {
    static let maximumLength = 360

    /// Offsets of `paragraph` where a sentence may begin, 0 and the end included; found once
    /// for all the mentions of a paragraph.
    static func boundaries(in paragraph: [UInt8]) -> [Int] {
        var boundaries = [0]
        paragraph.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, bytes.count > 2 else { return }
            // A boundary follows a space after a byte that can end a sentence (or another space):
            // only those offsets are looked at closely. They are found a chunk at a time without
            // a branch per byte: every offset is written and the count moves on past a candidate
            // only, as a branch on each space is guessed wrong at every other word.
            let chunk = 256
            withUnsafeTemporaryAllocation(of: Int.self, capacity: chunk) { candidates in
                endsSentence.withUnsafeBufferPointer { endsSentence in
                    var offset = 2
                    while offset < bytes.count {
                        let end = min(offset + chunk, bytes.count)
                        var found = 0
                        for candidate in offset..<end {
                            candidates[found] = candidate
                            found &+= Int(endsSentence[Int(base[candidate - 2])] & (base[candidate - 1] == 0x20 ? 1 : 0))
                        }
                        for candidate in candidates[..<found] where isBoundary(bytes, endingBefore: candidate) { boundaries.append(candidate) }
                        offset = end
                    }
                }
            }
        }
        if paragraph.count > 0 { boundaries.append(paragraph.count) }
        return boundaries
    }

    /// The sentence of `paragraph` around the UTF-8 `range`, without surrounding spaces and at
    /// most about `maximumLength` bytes; `boundaries` as `boundaries(in:)` found them.
    static func bounds(of range: Range<Int>, in paragraph: [UInt8], boundaries: [Int]) -> Range<Int> {
        // The last boundary at or before the mention, and the first at or after its end.
        let after = boundaries.partitionPoint { $0 <= range.lowerBound }
        var start = boundaries[after - 1]
        var next = after - 1
        while boundaries[next] < range.upperBound { next += 1 }
        var end = boundaries[next]
        while start < range.lowerBound, paragraph[start] == 0x20 { start += 1 }
        while end > range.upperBound, paragraph[end - 1] == 0x20 { end -= 1 }
        if end - start > maximumLength {
            start = max(start, clampToScalar(paragraph, range.lowerBound - maximumLength / 2))
            end = min(end, clampToScalar(paragraph, range.upperBound + maximumLength / 2))
        }
        return start..<end
    }

    /// `<mark>` and `</mark>` as bytes: every listed mention's sentence has them.
    private static let markTags = (open: Array("<mark>".utf8), close: Array("</mark>".utf8))

    /// Appends the `sentence` of `text` as HTML to `output`, with `mark` in `<mark>`.
    static func write(_ text: [UInt8], sentence: Range<Int>, mark: Range<Int>, to output: ByteBuffer) {
        text.withUnsafeBufferPointer { text in
            HTMLEscaping.append(text[sentence.lowerBound..<mark.lowerBound], to: output)
            output.append(markTags.open)
            HTMLEscaping.append(text[mark], to: output)
            output.append(markTags.close)
            HTMLEscaping.append(text[mark.upperBound..<sentence.upperBound], to: output)
        }
    }

    /// The `sentence` of `text` as HTML, with `mark` in `<mark>`, for a page model.
    static func html(_ text: [UInt8], sentence: Range<Int>, mark: Range<Int>) -> String {
        let output = ByteBuffer(capacity: sentence.count + 32)
        write(text, sentence: sentence, mark: mark, to: output)
        return output.string
    }
}

private extension Sentence {
    /// Whether a sentence boundary lies right before `offset`: terminator, spaces, capital.
    static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, endingBefore offset: Int) -> Bool {
        guard offset > 1, offset < bytes.count else { return offset <= 0 || offset >= bytes.count }
        guard bytes[offset - 1] == 0x20 else { return false }
        var terminator = offset - 1
        while terminator > 0, bytes[terminator] == 0x20 { terminator -= 1 }
        let mark = bytes[terminator]
        var isTerminator = mark == 0x2E || mark == 0x21 || mark == 0x3F
        // "…" and closing quotes after a terminator: “ ” " »
        if !isTerminator, terminator >= 2, bytes[terminator - 2] == 0xE2, bytes[terminator - 1] == 0x80, bytes[terminator] == 0xA6 {
            isTerminator = true
        }
        if !isTerminator, mark == 0x22 || (terminator >= 2 && bytes[terminator - 2] == 0xE2 && bytes[terminator - 1] == 0x80 && (bytes[terminator] == 0x9C || bytes[terminator] == 0x9D)) {
            let before = mark == 0x22 ? terminator - 1 : terminator - 3
            isTerminator = before >= 0 && (bytes[before] == 0x2E || bytes[before] == 0x21 || bytes[before] == 0x3F)
        }
        // A guillemet closing a quote after a terminator: « or ».
        if !isTerminator, terminator >= 1, bytes[terminator - 1] == 0xC2, mark == 0xAB || mark == 0xBB {
            let before = terminator - 2
            isTerminator = before >= 0 && (bytes[before] == 0x2E || bytes[before] == 0x21 || bytes[before] == 0x3F)
        }
        guard isTerminator else { return false }
        if mark == 0x2E, terminator >= 1 {
            let previous = bytes[terminator - 1]
            if previous >= 0x30, previous <= 0x39 { return false }
            if terminator >= 2, isLetter(previous), !isLetter(bytes[terminator - 2]) { return false }
        }
        let next = bytes[offset]
        let opensGuillemet = next == 0xC2 && offset + 1 < bytes.count && (bytes[offset + 1] == 0xAB || bytes[offset + 1] == 0xBB)
        let startsCapital = (next >= 0x41 && next <= 0x5A) || next == 0xC3 || next == 0x22 || next == 0xE2 || opensGuillemet
        return startsCapital
    }

    /// Per byte, 1 if it can be the last before the spaces after a sentence: `. ! ?`, the last
    /// byte of `…`, `"`, `“`, `”`, `«` or `»`, or a space; else 0.
    static let endsSentence: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x2E, 0x21, 0x3F, 0xA6, 0x22, 0x9C, 0x9D, 0xAB, 0xBB, 0x20: 1
        default: 0
        }
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    static func clampToScalar(_ bytes: [UInt8], _ offset: Int) -> Int {
        var position = min(max(offset, 0), bytes.count)
        while position < bytes.count, position > 0, bytes[position] & 0xC0 == 0x80 { position += 1 }
        return position
    }
}
