extension Array {
    /// A copy whose capacity is its count, for an array built by appending that is then kept
    /// for long: appending doubles the capacity, which leaves up to half of it unused.
    func compacted() -> [Element] {
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
