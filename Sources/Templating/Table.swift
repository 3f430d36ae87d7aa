import SourceText
/// The keys of a kind of record, made once and shared by every record of the kind, with a
/// hash of each key: a template's names are hashed when it is parsed, so finding a member
/// compares integers, not strings.
public final class Shape: Sendable, Equatable {
    public let keys: [String]
    @usableFromInline let hashes: [UInt64]

    public init(_ keys: [String]) {
        self.keys = keys
        hashes = keys.map(Self.hash)
    }

    /// The shape with `more` keys after these.
    public func adding(_ more: [String]) -> Shape { Shape(keys + more) }

    /// A key of the shape, to set in the rows of a `Table.Builder`; made once per key, so
    /// that filling a row finds no key by name. It serves every shape made by `adding` to its
    /// own, where the key has the same place.
    public struct Field: Sendable {
        @usableFromInline let position: Int
        @usableFromInline let hash: UInt64

        @usableFromInline init(position: Int, hash: UInt64) {
            self.position = position
            self.hash = hash
        }
    }

    /// The field `key`, which must be one of the keys.
    public subscript(key: String) -> Field {
        guard let position = keys.firstIndex(of: key) else { preconditionFailure("no key '\(key)' in the shape \(keys)") }
        return Field(position: position, hash: hashes[position])
    }

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
///     let (context, url) = (mention["context"], mention["url"])
///     var mentions = Table.Builder(mention)
///     mentions.append { row in
///         row[context] = .html("<mark>Kim</mark> kam.")
///         row[url] = "a.html#kim-1"
///     }
///     let value: Value = .table(mentions.table)
public final class Table: Sendable, Equatable {
    public let shape: Shape
    /// The values of each row in the order of the shape's keys, one row after another.
    @usableFromInline let values: [Value]

    @usableFromInline init(_ shape: Shape, rows values: [Value]) {
        self.shape = shape
        self.values = values
    }

    public var rowCount: Int { shape.keys.isEmpty ? 0 : values.count / shape.keys.count }

    public static func == (lhs: Table, rhs: Table) -> Bool {
        lhs === rhs || (lhs.shape == rhs.shape && lhs.values == rhs.values)
    }

    /// Makes a table row by row, each row's fields set by name; a field not set is null.
    public struct Builder {
        public let shape: Shape
        @usableFromInline var values: [Value] = []

        /// `rows` is how many rows to make room for.
        public init(_ shape: Shape, capacity rows: Int = 0) {
            self.shape = shape
            values.reserveCapacity(rows * shape.keys.count)
        }

        /// Adds a row and lets `fill` set its fields. Inlinable: pages fill millions of rows.
        @inlinable
        public mutating func append(_ fill: (inout Record) -> Void) {
            let width = shape.keys.count
            guard width > 0 else { return }
            for _ in 0..<width { values.append(.null) }
            // The values move into the record and back, so setting a field copies nothing.
            var record = Record(hashes: shape.hashes, values: [], start: values.count - width)
            swap(&values, &record.values)
            fill(&record)
            swap(&values, &record.values)
        }

        public var rowCount: Int { shape.keys.isEmpty ? 0 : values.count / shape.keys.count }

        @inlinable
        public var table: Table { Table(shape, rows: values) }
    }

    /// The row being filled by `Builder.append`.
    public struct Record {
        @usableFromInline let hashes: [UInt64]
        @usableFromInline var values: [Value]
        @usableFromInline let start: Int

        @usableFromInline init(hashes: [UInt64], values: [Value], start: Int) {
            (self.hashes, self.values, self.start) = (hashes, values, start)
        }

        @inlinable
        public subscript(field: Shape.Field) -> Value {
            get { values[checked(field)] }
            set { values[checked(field)] = newValue }
        }

        @inlinable
        func checked(_ field: Shape.Field) -> Int {
            precondition(field.position < hashes.count && hashes[field.position] == field.hash, "a field of another shape")
            return start + field.position
        }
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
    static func record(_ shape: Shape, _ fill: (inout Table.Record) -> Void) -> Value {
        guard !shape.keys.isEmpty else { return .object([:]) }
        var builder = Table.Builder(shape, capacity: 1)
        builder.append(fill)
        return .row(Row(builder.table, 0))
    }
}
