/// A dotted variable name split once at parse time: `a.b.c`, or `.` for the current item.
struct Name: Sendable, CustomStringConvertible {
    let components: [String]

    init(_ text: Substring) {
        components = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    var isImplicit: Bool { components.isEmpty }
    var description: String { isImplicit ? "." : components.joined(separator: ".") }
}
