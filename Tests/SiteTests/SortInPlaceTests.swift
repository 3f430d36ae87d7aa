import Testing
@testable import Site

/// The in-place sort the shared passages and the input keys use: the same order as the standard
/// library's on every shape of input, including those that make a plain quicksort quadratic.
struct SortInPlaceTests {
    static func inputs() -> [(name: String, values: [UInt64])] {
        var mixer = SplitMix(seed: 18)
        var cases: [(String, [UInt64])] = [("empty", []), ("one", [7]), ("two", [9, 3])]
        for count in [3, 16, 17, 100, 5_000] {
            cases.append(("random \(count)", (0..<count).map { _ in mixer.next() }))
            cases.append(("few values \(count)", (0..<count).map { _ in mixer.next() % 4 }))
            cases.append(("sorted \(count)", (0..<UInt64(count)).map { $0 }))
            cases.append(("reversed \(count)", (0..<UInt64(count)).reversed().map { $0 }))
            cases.append(("all equal \(count)", Array(repeating: 42, count: count)))
            cases.append(("organ pipe \(count)", (0..<UInt64(count)).map { min($0, UInt64(count) - $0) }))
        }
        return cases
    }

    @Test func sortsAsTheStandardLibraryDoes() {
        for (name, values) in Self.inputs() {
            var sorted = values
            sorted.sortInPlace()
            #expect(sorted == values.sorted(), "\(name)")
        }
    }

    /// The byte-by-byte sort of the shared passages' numbers: the same order on every shape of
    /// input, also where values differ only in their lowest bytes or share their highest.
    @Test func radixSortSortsAsTheStandardLibraryDoes() {
        var mixer = SplitMix(seed: 19)
        var cases = Self.inputs()
        cases.append(("random 200,000", (0..<200_000).map { _ in mixer.next() }))
        cases.append(("upper halves few, lower random", (0..<50_000).map { _ in (mixer.next() % 7) << 32 | mixer.next() >> 32 }))
        cases.append(("low bytes only", (0..<50_000).map { _ in mixer.next() % 1_000 }))
        cases.append(("one high byte", (0..<50_000).map { _ in 0xAB00_0000_0000_0000 | mixer.next() % 100_000 }))
        for (name, values) in cases {
            var sorted = values
            sorted.radixSort()
            #expect(sorted == values.sorted(), "\(name)")
        }
    }

    /// With no depth left the heapsort takes over: it sorts on its own as well.
    @Test func heapsortFallbackSorts() {
        for (name, values) in Self.inputs() {
            var sorted = values
            sorted.withUnsafeMutableBufferPointer { [UInt64].introsort($0, 0, $0.count, depthLimit: 0) }
            #expect(sorted == values.sorted(), "\(name)")
        }
    }

    @Test func sortDistinctKeepsEachValueOnce() {
        for (name, values) in Self.inputs() {
            var distinct = values
            distinct.sortDistinct()
            #expect(distinct == Array(Set(values)).sorted(), "\(name)")
        }
    }
}
