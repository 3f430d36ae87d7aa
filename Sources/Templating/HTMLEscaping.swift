import SourceText

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
        var value = value
        // Most values need no escaping: one scan over the bytes, then a plain append.
        let escaped: String? = value.withUTF8 { bytes in
            guard firstEscaped(in: bytes) != nil else { return nil }
            let count = escapedCount(bytes[...])
            return String(unsafeUninitializedCapacity: count) { output in
                var written = 0
                write(bytes[...], to: output, at: &written)
                return written
            }
        }
        text += escaped ?? value
    }

    /// Appends `value` to the UTF-8 `bytes` with `& < > " '` replaced by entities.
    public static func append(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { append($0[...], to: &bytes) }
    }

    /// Appends UTF-8 `utf8` to `bytes` with `& < > " '` replaced by entities.
    public static func append(_ utf8: Slice<UnsafeBufferPointer<UInt8>>, to bytes: inout [UInt8]) {
        // Most values need no escaping: one scan, then one copy.
        guard let found = firstEscaped(in: UnsafeBufferPointer(rebasing: utf8)) else {
            bytes.append(contentsOf: utf8)
            return
        }
        let first = utf8.startIndex + found
        bytes.append(contentsOf: utf8[..<first])
        // Grown by the escaped length in place, then written over.
        var position = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: escapedCount(utf8[first...])))
        bytes.withUnsafeMutableBufferPointer { output in write(utf8[first...], to: output, at: &position) }
    }

    /// Appends `value` to `buffer` with `& < > " '` replaced by entities.
    public static func append(_ value: String, to buffer: ByteBuffer) {
        var value = value
        value.withUTF8 { append($0[...], to: buffer) }
    }

    /// Appends UTF-8 `utf8` to `buffer` with `& < > " '` replaced by entities.
    public static func append(_ utf8: Slice<UnsafeBufferPointer<UInt8>>, to buffer: ByteBuffer) {
        guard let found = firstEscaped(in: UnsafeBufferPointer(rebasing: utf8)) else {
            buffer.append(utf8)
            return
        }
        let first = utf8.startIndex + found
        buffer.append(utf8[..<first])
        let count = escapedCount(utf8[first...])
        var written = 0
        write(utf8[first...], to: UnsafeMutableBufferPointer(start: buffer.reserve(count), count: count), at: &written)
        buffer.didWrite(written)
    }

    /// How many bytes `bytes` take escaped: output buffers are made to measure, as a sentence
    /// or value sized for the worst case (six bytes a byte) would be mostly empty.
    private static func escapedCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var count = bytes.count
        for byte in bytes where needsEscaping(byte) {
            count += replacement(for: byte)!.utf8CodeUnitCount - 1
        }
        return count
    }

    /// Writes UTF-8 `bytes` escaped into `output` from `position` on, advancing it; `output`
    /// needs room for `escapedCount(bytes)` bytes.
    private static func write(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to output: UnsafeMutableBufferPointer<UInt8>, at position: inout Int) {
        for byte in bytes {
            if needsEscaping(byte), let replacement = replacement(for: byte) {
                for index in 0..<replacement.utf8CodeUnitCount { output[position + index] = replacement.utf8Start[index] }
                position += replacement.utf8CodeUnitCount
            } else {
                output[position] = byte
                position += 1
            }
        }
    }

    /// Where the first byte to escape is in `bytes`, if there is one. Sentences and values are
    /// mostly letters and spaces: eight bytes at a time are checked for a byte in the ranges
    /// that hold `" & '` (0x22–0x27) and `< >` (0x3C–0x3E) before any is looked at alone.
    static func firstEscaped(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = 0
        while index + 8 <= bytes.count {
            let word = ByteWords.load(base + index)
            if ByteWords.hasByte(word, between: 0x21, and: 0x28) || ByteWords.hasByte(word, between: 0x3B, and: 0x3F) {
                for offset in index..<index + 8 where needsEscaping(base[offset]) { return offset }
            }
            index += 8
        }
        while index < bytes.count {
            if needsEscaping(base[index]) { return index }
            index += 1
        }
        return nil
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        // `& < > " '` as bits by their byte values, all below 64: a test is one shift.
        let escaped: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27
        return byte < 64 && escaped >> UInt64(byte) & 1 != 0
    }

    private static func replacement(for byte: UInt8) -> StaticString? {
        switch byte {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        case 0x27: "&#39;"
        default: nil
        }
    }
}
