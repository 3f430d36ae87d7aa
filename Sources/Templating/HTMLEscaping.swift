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
            let count = escapedCount(bytes[...])
            guard count != bytes.count else { return nil }
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
        value.withUTF8 { utf8 in
            // Most values need no escaping: one scan, then one copy.
            guard let first = utf8.firstIndex(where: { replacement(for: $0) != nil }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(contentsOf: utf8[..<first])
            // Grown by the escaped length in place, then written over.
            var position = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: escapedCount(utf8[first...])))
            bytes.withUnsafeMutableBufferPointer { output in write(utf8[first...], to: output, at: &position) }
        }
    }

    /// How many bytes `bytes` take escaped: output buffers are made to measure, as a sentence
    /// or value sized for the worst case (six bytes a byte) would be mostly empty.
    public static func escapedCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var count = bytes.count
        for byte in bytes where byte <= 0x3E {
            count += replacement(for: byte).map { $0.utf8CodeUnitCount - 1 } ?? 0
        }
        return count
    }

    /// Writes UTF-8 `bytes` escaped into `output` from `position` on, advancing it; `output`
    /// needs room for `escapedCount(bytes)` bytes.
    public static func write(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to output: UnsafeMutableBufferPointer<UInt8>, at position: inout Int) {
        for byte in bytes {
            if let replacement = replacement(for: byte) {
                for index in 0..<replacement.utf8CodeUnitCount { output[position + index] = replacement.utf8Start[index] }
                position += replacement.utf8CodeUnitCount
            } else {
                output[position] = byte
                position += 1
            }
        }
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
