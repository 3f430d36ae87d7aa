extension Array where Element: Comparable {
    /// Sorts the array and removes repeats in place: for the large arrays of plain values
    /// (input keys, shingles, passages) that hashing into a set would make slower and larger.
    mutating func sortDistinct() {
        sort()
        var count = 0
        for index in indices where count == 0 || self[count - 1] != self[index] {
            self[count] = self[index]
            count += 1
        }
        removeLast(self.count - count)
    }
}
