/// FNV-1a, 64 bit: a fast hash of short byte strings for lookups and change detection, not a
/// defence against crafted input.
public enum FNV1a {
    public static func hash(_ text: String) -> UInt64 {
        // Most strings are stored as UTF-8: read in place rather than through the view's iterator.
        text.utf8.withContiguousStorageIfAvailable(hash) ?? hash(text.utf8)
    }

    public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return value
    }
}
