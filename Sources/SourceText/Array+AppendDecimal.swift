public extension [UInt8] {
    /// Appends the decimal digits of `value` (after a minus sign if it is negative) as UTF-8,
    /// with no string made in between: pages and article bodies write thousands of numbers.
    @inlinable
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var unit: UInt = 1
        while unit <= rest / 10 { unit *= 10 }
        repeat {
            append(UInt8(ascii: "0") + UInt8(rest / unit))
            rest %= unit
            unit /= 10
        } while unit > 0
    }
}
