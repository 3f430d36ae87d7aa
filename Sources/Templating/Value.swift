/// A value a template can show: the typed data behind every page.
///
/// Templates see page models built from these cases, never domain types, so rendering needs
/// no reflection. `html` carries markup that was rendered already (a Markdown body) and is
/// written without escaping even by `{{name}}`.
///
///     let page: Value = ["title": "Putin trifft Kim", "tags": ["russland", "nordkorea"]]
public enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case html(String)
    case list([Value])
    case object(Members)
    /// Records of one shape, row after row: a list without an object per item.
    case table(Table)
    /// One record of a table: an object whose keys its table's shape holds.
    case row(Row)
    /// Markup written by its source where it is used, like `html` without a string of its own.
    case fragment(Fragment)
}

public extension Value {
    /// Whether a section over this value renders: false, null, "" and [] do not.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .string(let text), .html(let text): !text.isEmpty
        case .list(let items): !items.isEmpty
        case .table(let table): table.rowCount > 0
        case .int, .double, .object, .row, .fragment: true
        }
    }

    /// Whether the value is text, a number, a fragment or a flag: it has neither members nor
    /// items, so a section over it finds every name but `.` where the names around it do.
    var isScalar: Bool {
        switch self {
        case .bool, .int, .double, .string, .html, .fragment: true
        case .null, .list, .object, .table, .row: false
        }
    }

    /// The member `key` of an object, or `.null`.
    subscript(key: String) -> Value {
        member(key, hash: Shape.hash(key)) ?? .null
    }

    /// The text an interpolation writes, before escaping.
    var text: String {
        switch self {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): Value.format(number)
        case .string(let text), .html(let text): text
        case .fragment(let fragment): fragment.html
        case .list(let items): items.map(\.text).joined(separator: ",")
        case .object, .table, .row: ""
        }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .object(Members(pairs: elements))
    }
}

private extension Value {
    static func format(_ number: Double) -> String {
        if number.isFinite, number.rounded() == number, abs(number) < 1e15 {
            return String(Int(number))
        }
        return String(number)
    }
}

extension Value {
    /// The member `key` (whose `Shape.hash` is `hash`) of an object or a table's row; nil when
    /// there is none, so that a lookup goes on down the context stack.
    func member(_ key: String, hash: UInt64) -> Value? {
        switch self {
        case .object(let members): members.member(key, hash: hash)
        case .row(let row): row.member(key, hash: hash)
        default: nil
        }
    }

    /// What a later component of a dotted name picks: an item of a list or table by number, or
    /// a member.
    func component(_ key: String, hash: UInt64) -> Value? {
        switch self {
        case .list(let items): Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil }
        case .table(let table): Int(key).flatMap { $0 >= 0 && $0 < table.rowCount ? .row(Row(table, $0)) : nil }
        default: member(key, hash: hash)
        }
    }
}
