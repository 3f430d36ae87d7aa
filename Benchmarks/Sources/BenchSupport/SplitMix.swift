/// A small deterministic random generator (SplitMix64): the same seed gives the same corpus.
public struct SplitMix: Sendable {
    public var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A number in 0..<count drawn with Zipf-like weights (rank r has weight 1/r).
    public mutating func zipf(_ cumulative: [Double]) -> Int {
        let target = Double(next() >> 11) / Double(1 << 53) * cumulative.last!
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    public static func zipfWeights(_ count: Int) -> [Double] {
        var total = 0.0
        return (1...count).map { rank in
            total += 1 / Double(rank)
            return total
        }
    }
}
