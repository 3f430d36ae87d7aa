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
