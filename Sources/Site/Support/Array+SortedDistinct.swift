extension Array where Element: Comparable {
    /// Sorts the array and removes repeats in place: for the large arrays of plain values
    /// (input keys, shingles, passages) that hashing into a set would make slower and larger.
    mutating func sortDistinct() {
        // The standard library's sort: these arrays often come nearly sorted (a page's reads),
        // which its merging of runs finds in one pass.
        sort()
        var count = 0
        for index in indices where count == 0 || self[count - 1] != self[index] {
            self[count] = self[index]
            count += 1
        }
        removeLast(self.count - count)
    }

    /// Sorts in place, unstably: for large arrays of plain values, whose equal elements cannot be
    /// told apart. The standard library's sort is stable and takes a buffer of half the array;
    /// for the shared passages' bands (half a million numbers a band, two bands at once) that
    /// buffer was part of the build's peak of memory.
    mutating func sortInPlace() {
        let depthLimit = 2 * (Int.bitWidth - count.leadingZeroBitCount)
        withUnsafeMutableBufferPointer { Self.introsort($0, 0, $0.count, depthLimit: depthLimit) }
    }

    /// Quicksort on the middle element (Hoare's partition), insertion sort for short ranges,
    /// heapsort where the quicksort has gone `depthLimit` levels deep (so that no input makes it
    /// quadratic). Recurses into the shorter side only.
    static func introsort(_ elements: UnsafeMutableBufferPointer<Element>, _ low: Int, _ high: Int, depthLimit: Int) {
        var (low, high, depth) = (low, high, depthLimit)
        while high - low > 16 {
            if depth == 0 {
                heapsort(elements, low, high)
                return
            }
            depth -= 1
            let pivot = elements[low + (high - 1 - low) / 2]
            var (left, right) = (low - 1, high)
            while true {
                repeat { left += 1 } while elements[left] < pivot
                repeat { right -= 1 } while pivot < elements[right]
                if left >= right { break }
                elements.swapAt(left, right)
            }
            // [low, right] holds nothing above the pivot, [right + 1, high) nothing below.
            let split = right + 1
            if split - low < high - split {
                introsort(elements, low, split, depthLimit: depth)
                low = split
            } else {
                introsort(elements, split, high, depthLimit: depth)
                high = split
            }
        }
        for index in stride(from: low + 1, to: high, by: 1) {
            let element = elements[index]
            var hole = index
            while hole > low, element < elements[hole - 1] {
                elements[hole] = elements[hole - 1]
                hole -= 1
            }
            elements[hole] = element
        }
    }

    private static func heapsort(_ elements: UnsafeMutableBufferPointer<Element>, _ low: Int, _ high: Int) {
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                var child = 2 * root + 1
                if child + 1 < end, elements[low + child] < elements[low + child + 1] { child += 1 }
                guard elements[low + root] < elements[low + child] else { return }
                elements.swapAt(low + root, low + child)
                root = child
            }
        }
        let count = high - low
        for start in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(start, count) }
        for end in stride(from: count - 1, to: 0, by: -1) {
            elements.swapAt(low, low + end)
            siftDown(0, end)
        }
    }
}

extension Array where Element == UInt64 {
    /// Sorts in place, byte by byte from the most significant (an American flag sort): for the
    /// shared passages' arrays of half a million numbers and more, whose upper halves are hashes
    /// spread evenly, two or three passes over the array replace the twenty levels of a quicksort,
    /// and no second array is needed (`sortInPlace` explains why that matters).
    mutating func radixSort() {
        withUnsafeMutableBufferPointer { values in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * 256) { counts in
                Self.radixSort(values, 0, values.count, shift: 56, counts: counts.baseAddress!)
            }
        }
    }

    /// Sorts `values[low..<high]`, whose bytes above `shift + 8` are all the same, using
    /// `counts` (room for 768) as scratch; ranges up to `insertionLength` long by insertion.
    private static func radixSort(_ values: UnsafeMutableBufferPointer<UInt64>, _ low: Int, _ high: Int, shift: Int,
                                  counts: UnsafeMutablePointer<Int>) {
        guard high - low > insertionLength else {
            [UInt64].introsort(values, low, high, depthLimit: 12)
            return
        }
        var shift = shift
        // A byte all the values share sorts nothing: on to the next.
        while true {
            for digit in 0..<256 { counts[digit] = 0 }
            for index in low..<high { counts[Int((values[index] >> UInt64(shift)) & 0xFF)] += 1 }
            if counts[Int((values[low] >> UInt64(shift)) & 0xFF)] < high - low || shift == 0 { break }
            shift -= 8
        }
        // Each digit's bucket: `next` (from 256) where its next value goes, `ends` (from 512) where it ends.
        let (next, ends) = (counts + 256, counts + 512)
        var start = low
        for digit in 0..<256 {
            next[digit] = start
            start += counts[digit]
            ends[digit] = start
        }
        // Each value is carried to its bucket, and the one it displaces on to that one's, until
        // the value that belongs where the cycle started comes round.
        for digit in 0..<256 {
            while next[digit] < ends[digit] {
                var value = values[next[digit]]
                var target = Int((value >> UInt64(shift)) & 0xFF)
                while target != digit {
                    swap(&value, &values[next[target]])
                    next[target] += 1
                    target = Int((value >> UInt64(shift)) & 0xFF)
                }
                values[next[digit]] = value
                next[digit] += 1
            }
        }
        guard shift > 0 else { return }
        // The buckets' bounds, read before the scratch serves the next byte.
        var bounds: [Int] = []
        bounds.reserveCapacity(257)
        bounds.append(low)
        for digit in 0..<256 { bounds.append(ends[digit]) }
        for digit in 0..<256 where bounds[digit + 1] - bounds[digit] > 1 {
            radixSort(values, bounds[digit], bounds[digit + 1], shift: shift - 8, counts: counts)
        }
    }

    /// From how many values a range is sorted by bytes rather than by insertion.
    static let insertionLength = 48
}
