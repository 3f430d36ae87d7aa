/// UTF-8 bytes written piece after piece into memory of its own: what pages are rendered into.
///
/// A page is tens of thousands of small appends (a tag, a value, a sentence); an array checks
/// on each that its storage is its own and has room, through a generic call. Here an append is
/// one comparison and a copy, and a fragment source writes into the buffer it is handed rather
/// than into an `inout` array. A class, so that it is handed on without copying; one thread
/// writes it at a time.
///
///     let buffer = ByteBuffer()
///     buffer.append("<li>")
///     buffer.appendDecimal(42)
///     buffer.string   // "<li>42"
public final class ByteBuffer {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var used = 0

    /// How many bytes were written.
    public var count: Int { used }

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes written, as an array (a copy).
    public var array: [UInt8] { withBytes { Array($0) } }

    /// The bytes written, as text.
    public var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Calls `body` with the bytes written, which are valid only inside it: the buffer is kept
    /// until it returns.
    @inlinable
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(UnsafeBufferPointer(start: start, count: used)) }
    }

    @inlinable
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count).update(from: source, count: bytes.count)
        used += bytes.count
    }

    @inlinable
    public func append(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        append(UnsafeBufferPointer(rebasing: bytes))
    }

    @inlinable
    public func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    @inlinable
    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    @inlinable
    public func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        used += 1
    }

    /// Appends the decimal digits of `value`, as `[UInt8].appendDecimal` does.
    public func appendDecimal(_ value: Int) {
        DecimalDigits.withDigits(of: value) { append($0) }
    }

    /// Makes room for `more` bytes after those written and gives where they go; the caller
    /// writes them all, then counts them with `didWrite`.
    @inlinable
    public func reserve(_ more: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity - used < more { grow(to: used + more) }
        return start + used
    }

    /// Counts `written` bytes written where `reserve` pointed.
    @inlinable
    public func didWrite(_ written: Int) {
        used += written
    }

    @usableFromInline
    func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: start, count: used)
        start.deallocate()
        (start, capacity) = (moved, larger)
    }
}

/// Decimal digits of a number, without a string made on the way: pages, bodies and data
/// files write millions of numbers.
public enum DecimalDigits {
    /// Calls `body` with the digits of `value` (after a minus sign if it is negative) as UTF-8.
    @inlinable
    public static func withDigits<Result>(of value: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var rest = value.magnitude
        // The digits from the last, into room for the most an `Int` has and its sign.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            return body(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
