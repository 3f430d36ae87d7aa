/// The members of an object value (a page's model, an item of a list): keys and values, each
/// key with its `Shape.hash`.
///
/// A template's names are hashed when it is parsed, so finding a member compares integers
/// along a short array; a dictionary hashed every key again on each lookup, and a page looks up
/// its layout's names in its model dozens of times. Objects are small (a page's model has a few
/// dozen members), so a look along the array is shorter than a dictionary's hashing.
///
///     var model: Members = ["title": "Putin trifft Kim"]
///     model["root"] = "../"
///     let page: Value = .object(model)
public struct Members: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    /// The keys' hashes, apart from the rest so that a look along them reads few cache lines
    /// (the dossier's words, `t`, are an object of some seventy members).
    private var hashes: [UInt64] = []
    /// The keys and values, in the order they were first set.
    private var entries: [(key: String, value: Value)] = []

    public init() {}

    /// The members of `dictionary`, in the order of its keys.
    public init(_ dictionary: [String: Value]) {
        hashes.reserveCapacity(dictionary.count)
        entries.reserveCapacity(dictionary.count)
        for key in dictionary.keys.sorted() { append(key, hash: Shape.hash(key), dictionary[key]!) }
    }

    /// The members of `pairs` in their order; a key given twice keeps its last value, as in a
    /// dictionary literal.
    public init(pairs: [(String, Value)]) {
        hashes.reserveCapacity(pairs.count)
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(pairs: elements)
    }

    public var count: Int { entries.count }
    public var keys: [String] { entries.map(\.key) }

    /// The value of `key`; setting nil removes it.
    public subscript(key: String) -> Value? {
        get { member(key, hash: Shape.hash(key)) }
        set {
            let hash = Shape.hash(key)
            if let position = position(of: key, hash: hash) {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    hashes.remove(at: position)
                    entries.remove(at: position)
                }
            } else if let newValue {
                append(key, hash: hash, newValue)
            }
        }
    }

    /// The value of `key`, whose `Shape.hash` is `hash`.
    func member(_ key: String, hash: UInt64) -> Value? {
        position(of: key, hash: hash).map { entries[$0].value }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: Value)]> {
        entries.makeIterator()
    }

    /// Equal when they hold the same keys with the same values, in any order.
    public static func == (lhs: Members, rhs: Members) -> Bool {
        lhs.count == rhs.count && lhs.entries.indices.allSatisfy { rhs.member(lhs.entries[$0].key, hash: lhs.hashes[$0]) == lhs.entries[$0].value }
    }
}

private extension Members {
    func position(of key: String, hash: UInt64) -> Int? {
        var position = 0
        while let found = hashes[position...].firstIndex(of: hash) {
            if entries[found].key == key { return found }
            position = found + 1
        }
        return nil
    }

    mutating func append(_ key: String, hash: UInt64, _ value: Value) {
        hashes.append(hash)
        entries.append((key, value))
    }
}
