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
            guard let first = bytes.firstIndex(where: { replacement(for: $0) != nil }) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            output.append(contentsOf: bytes[..<first])
            append(bytes[first...], to: &output)
            return String(decoding: output, as: UTF8.self)
        }
        text += escaped ?? value
    }

    /// Appends UTF-8 `bytes` to `output`, escaped.
    public static func append(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to output: inout [UInt8]) {
        for byte in bytes {
            if let replacement = replacement(for: byte) {
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            } else {
                output.append(byte)
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
