import Foundation

/// Sort keys for names as a German index orders them: Ä with A, ß as ss, case ignored.
enum GermanCollation {
    static func key(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.replacingOccurrences(of: "ß", with: "ss")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }

    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let (left, right) = (key(lhs), key(rhs))
        return left != right ? left < right : lhs < rhs
    }

    /// `items` with the highest `count` first and ties in German order of `name`; each key
    /// is computed once, not once per comparison.
    static func sorted<T>(_ items: [T], count: (T) -> Int = { _ in 0 }, name: (T) -> String) -> [T] {
        items.map { (item: $0, count: count($0), key: key(name($0)), name: name($0)) }
            .sorted { lhs, rhs in
                if lhs.count != rhs.count { return lhs.count > rhs.count }
                if lhs.key != rhs.key { return lhs.key < rhs.key }
                return lhs.name < rhs.name
            }
            .map(\.item)
    }

    /// The first `limit` of `sorted(items, count:, name:)`. Keys are computed only for items
    /// counted at least as often as the `limit`-th most frequent: an entity appears with
    /// thousands of others and a page shows a few.
    static func first<T>(_ limit: Int, of items: [T], count: (T) -> Int, name: (T) -> String) -> [T] {
        guard limit > 0 else { return [] }
        guard items.count > limit else { return sorted(items, count: count, name: name) }
        let least = items.map(count).sorted(by: >)[limit - 1]
        return Array(sorted(items.filter { count($0) >= least }, count: count, name: name).prefix(limit))
    }
}
