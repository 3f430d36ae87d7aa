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
            guard bytes.contains(where: { replacement(for: $0) != nil }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count * 6) { output in
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
            bytes.append(contentsOf: [UInt8](unsafeUninitializedCapacity: (utf8.count - first) * 6) { output, count in
                count = 0
                write(utf8[first...], to: output, at: &count)
            })
        }
    }

    /// Writes UTF-8 `bytes` escaped into `output` from `position` on, advancing it; `output`
    /// needs room for six bytes per input byte at most ("&quot;").
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
