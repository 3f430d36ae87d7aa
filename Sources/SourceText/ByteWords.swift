/// Tests on eight bytes at once, read as one word: scanning text for the few bytes that need
/// escaping (in HTML, in JSON) looks at each byte alone only where a word holds one.
public enum ByteWords {
    @inlinable static var ones: UInt64 { 0x0101_0101_0101_0101 }

    /// The eight bytes at `pointer`, the first in the lowest bits.
    @inlinable
    public static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// Whether an ASCII byte of `word` lies strictly between `low` and `high` (at most 128).
    @inlinable
    public static func hasByte(_ word: UInt64, between low: UInt64, and high: UInt64) -> Bool {
        let seven = word & (ones &* 127)
        return (ones &* (127 + high) &- seven) & ~word & (seven &+ ones &* (127 - low)) & (ones &* 128) != 0
    }

    /// Whether a byte of `word` is below `limit` (at most 128).
    @inlinable
    public static func hasByte(_ word: UInt64, below limit: UInt64) -> Bool {
        (word &- ones &* limit) & ~word & (ones &* 128) != 0
    }
}
