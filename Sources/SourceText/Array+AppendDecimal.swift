public extension [UInt8] {
    /// Appends the decimal digits of `value` (after a minus sign if it is negative) as UTF-8,
    /// with no string made in between: pages and article bodies write thousands of numbers.
    @inlinable
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        // The digits from the last, into room for the most an `Int` has, then appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
