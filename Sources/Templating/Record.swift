/// An object whose keys are fixed and shared by every record of its shape, found without
/// hashing: for the many small items of a page (the mentions on an entity page, the entity
/// links on an article page), where a dictionary per item would cost more than its content.
///
///     let mention = Record.Shape(["context", "url"])
///     let value: Value = .record(Record(mention, [.html("…<mark>Kim</mark>…"), "../articles/a.html#kim-1"]))
///     value["url"]   // .string("../articles/a.html#kim-1")
public struct Record: Sendable, Equatable {
    /// The keys of a kind of record, made once.
    public final class Shape: Sendable, Equatable {
        public let keys: [String]
        /// A hash of each key, compared before the key itself.
        let hashes: [UInt64]

        public init(_ keys: [String]) {
            self.keys = keys
            hashes = keys.map(Self.hash)
        }

        /// The shape with `more` keys after these.
        public func adding(_ more: [String]) -> Shape { Shape(keys + more) }

        /// Where `key`, whose `hash(key)` is `hash`, is among the keys.
        func index(of key: String, hash: UInt64) -> Int? {
            for position in hashes.indices where hashes[position] == hash && keys[position] == key { return position }
            return nil
        }

        public static func == (lhs: Shape, rhs: Shape) -> Bool { lhs === rhs || lhs.keys == rhs.keys }

        /// FNV-1a over the key's UTF-8: names are short, and hashing them once at parse time
        /// turns a lookup into comparing integers.
        static func hash(_ key: String) -> UInt64 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    public let shape: Shape
    /// One value per key of the shape, in its order.
    public var values: [Value]

    public init(_ shape: Shape, _ values: [Value]) {
        precondition(values.count == shape.keys.count, "a record needs one value per key of its shape")
        self.shape = shape
        self.values = values
    }

    /// The member `key`, or nil when the shape has no such key.
    public subscript(key: String) -> Value? {
        shape.index(of: key, hash: Shape.hash(key)).map { values[$0] }
    }

    func member(_ key: String, hash: UInt64) -> Value? {
        shape.index(of: key, hash: hash).map { values[$0] }
    }
}
