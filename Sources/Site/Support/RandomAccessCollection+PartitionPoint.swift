extension RandomAccessCollection {
    /// The first index whose element is not `before`, in a collection where all elements that
    /// are come first: a binary search.
    func partitionPoint(where before: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if before(self[middle]) {
                low = index(after: middle)
                count -= half + 1
            } else {
                count = half
            }
        }
        return low
    }
}
