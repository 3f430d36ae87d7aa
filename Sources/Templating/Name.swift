/// A dotted variable name split once at parse time: `a.b.c`, or `.` for the current item.
struct Name: Sendable, CustomStringConvertible {
    let components: [String]
    /// `Shape.hash` of each component, for finding it in records without hashing.
    let hashes: [UInt64]

    init(_ text: Substring) {
        components = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        hashes = components.map(Shape.hash)
    }

    var isImplicit: Bool { components.isEmpty }
    var description: String { isImplicit ? "." : components.joined(separator: ".") }
}
