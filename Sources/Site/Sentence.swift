import Templating

/// Finds the sentence around a position in a paragraph of German prose.
///
/// A sentence ends at `.`, `!`, `?` or `…` followed by a space and a capital letter or an opening
/// quote, except after a number ("am 30. August") or a single letter ("z. B.").
enum Sentence {
    static let maximumLength = 360

    /// The sentence of the paragraph `bytes` containing the UTF-8 `range`, as HTML with that range
    /// in `<mark>`, and where the sentence starts.
    static func highlighted(_ range: Range<Int>, in bytes: [UInt8]) -> (html: String, start: Int) {
        var start = range.lowerBound
        while start > 0, !isBoundary(bytes, endingBefore: start) { start -= 1 }
        var end = range.upperBound
        while end < bytes.count, !isBoundary(bytes, endingBefore: end) { end += 1 }
        while start < range.lowerBound, bytes[start] == 0x20 { start += 1 }
        while end > range.upperBound, bytes[end - 1] == 0x20 { end -= 1 }
        if end - start > maximumLength {
            start = max(start, clampToScalar(bytes, range.lowerBound - maximumLength / 2))
            end = min(end, clampToScalar(bytes, range.upperBound + maximumLength / 2))
        }
        var html: [UInt8] = []
        html.reserveCapacity(end - start + 32)
        bytes.withUnsafeBufferPointer { bytes in
            HTMLEscaping.append(bytes[start..<range.lowerBound], to: &html)
            html.append(contentsOf: "<mark>".utf8)
            HTMLEscaping.append(bytes[range], to: &html)
            html.append(contentsOf: "</mark>".utf8)
            HTMLEscaping.append(bytes[range.upperBound..<end], to: &html)
        }
        return (String(decoding: html, as: UTF8.self), start)
    }
}

private extension Sentence {
    /// Whether a sentence boundary lies right before `offset`: terminator, spaces, capital.
    static func isBoundary(_ bytes: [UInt8], endingBefore offset: Int) -> Bool {
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
        guard isTerminator else { return false }
        if mark == 0x2E, terminator >= 1 {
            let previous = bytes[terminator - 1]
            if previous >= 0x30, previous <= 0x39 { return false }
            if terminator >= 2, isLetter(previous), !isLetter(bytes[terminator - 2]) { return false }
        }
        let next = bytes[offset]
        let startsCapital = (next >= 0x41 && next <= 0x5A) || next == 0xC3 || next == 0x22 || next == 0xE2
        return startsCapital
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
