import SourceText
/// The keys of a kind of record, made once and shared by every record of the kind, with a
/// hash of each key: a template's names are hashed when it is parsed, so finding a member
/// compares integers, not strings.
public final class Shape: Sendable, Equatable {
    public let keys: [String]
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

    /// FNV-1a over the key's UTF-8.
    static func hash(_ key: String) -> UInt64 { FNV1a.hash(key) }
}

/// Records of one shape in one array, row after row: a list of small objects (the mentions on
/// an entity page, the entity links of an article) without a dictionary or an allocation per
/// item. A section over a table renders once per row; `{{name}}` inside finds the row's value.
///
///     let mention = Shape(["context", "url"])
///     let mentions: Value = .table(Table(mention, rows: [.html("<mark>Kim</mark> kam."), "a.html#kim-1",
///                                                        .html("Mit <mark>Kim</mark>."), "b.html#kim-1"]))
public final class Table: Sendable, Equatable {
    public let shape: Shape
    /// The values of each row in the order of the shape's keys, one row after another.
    public let values: [Value]

    public init(_ shape: Shape, rows values: [Value]) {
        precondition(shape.keys.isEmpty ? values.isEmpty : values.count % shape.keys.count == 0,
                     "a table needs one value per key of its shape in every row")
        self.shape = shape
        self.values = values
    }

    public var rowCount: Int { shape.keys.isEmpty ? 0 : values.count / shape.keys.count }

    public static func == (lhs: Table, rhs: Table) -> Bool {
        lhs === rhs || (lhs.shape == rhs.shape && lhs.values == rhs.values)
    }
}

/// One row of a table: what a template sees as an object with the table's keys.
public struct Row: Sendable, Equatable {
    public let table: Table
    public let index: Int

    public init(_ table: Table, _ index: Int) {
        precondition(table.rowCount > index && index >= 0, "no row \(index) in a table of \(table.rowCount)")
        self.table = table
        self.index = index
    }

    /// The member `key`, or nil when the shape has no such key.
    public subscript(key: String) -> Value? {
        member(key, hash: Shape.hash(key))
    }

    func member(_ key: String, hash: UInt64) -> Value? {
        table.shape.index(of: key, hash: hash).map { table.values[index * table.shape.keys.count + $0] }
    }

    public static func == (lhs: Row, rhs: Row) -> Bool {
        let width = lhs.table.shape.keys.count
        return lhs.table.shape == rhs.table.shape
            && lhs.table.values[lhs.index * width..<(lhs.index + 1) * width] == rhs.table.values[rhs.index * width..<(rhs.index + 1) * width]
    }
}

public extension Value {
    /// One object of fixed keys: a row of a one-row table (an empty object for no keys).
    static func record(_ shape: Shape, _ values: [Value]) -> Value {
        shape.keys.isEmpty ? .object([:]) : .row(Row(Table(shape, rows: values), 0))
    }
}
