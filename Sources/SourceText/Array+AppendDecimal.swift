public extension [UInt8] {
    /// Appends the decimal digits of `value` (after a minus sign if it is negative) as UTF-8,
    /// with no string made in between: pages and article bodies write thousands of numbers.
    @inlinable
    mutating func appendDecimal(_ value: Int) {
        DecimalDigits.withDigits(of: value) { append(contentsOf: $0) }
    }
}
