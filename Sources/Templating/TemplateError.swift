import SourceText
/// A template problem a user can fix, located at `file:line:column`.
///
/// Its description reads like a compiler diagnostic:
///
///     Templates/person.mustache:12:5: error: unclosed section 'mentions'
public struct TemplateError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: Equatable, Sendable {
        case unclosedSection(String)
        case mismatchedClose(expected: String, found: String)
        case unexpectedClose(String)
        case unclosedTag
        case emptyTag
        case badDelimiters(String)
        case unknownPartial(String)
        case unknownParent(String)
        case unresolvedVariable(String)
        /// A partial or parent that expands without end: the templates it went round.
        case endlessRecursion(String, isParent: Bool, cycle: [String])
        /// Templates and their sections nested deeper than rendering allows, without a cycle.
        case expansionTooDeep(String, isParent: Bool, limit: Int, chain: [String])
        /// Sections nested deeper than the parser allows.
        case nestedTooDeep(String, limit: Int)
        case unreadable
    }

    public var kind: Kind
    public var file: String
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, file: String, line: Int, column: Int) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
    }

    public var message: String {
        switch kind {
        case .unclosedSection(let name):
            "unclosed section '\(name)': add {{/\(name)}}"
        case .mismatchedClose(let expected, let found):
            "section '\(expected)' is closed by '{{/\(found)}}': close it with {{/\(expected)}}"
        case .unexpectedClose(let name):
            "'{{/\(name)}}' closes no open section: remove it or open it with {{#\(name)}}"
        case .unclosedTag:
            "unclosed tag: add the closing delimiter"
        case .emptyTag:
            "empty tag: write a name between the delimiters"
        case .badDelimiters(let text):
            "bad delimiter tag '\(text)': write two delimiters without '=' separated by a space, like {{=<% %>=}}"
        case .unknownPartial(let name):
            "unknown partial '\(name)': add Templates/\(name).mustache or fix the name"
        case .unknownParent(let name):
            "parent template '\(name)' does not exist: add Templates/\(name).mustache or fix the name"
        case .endlessRecursion(let name, let isParent, let cycle):
            "'{{\(isParent ? "<" : ">")\(name)}}' expands without end (\(cycle.joined(separator: " → "))): a template that includes itself needs a section around the inclusion that ends"
        case .expansionTooDeep(let name, let isParent, let limit, let chain):
            "'{{\(isParent ? "<" : ">")\(name)}}' nests sections and templates more than \(limit) deep (\(chain.joined(separator: " → "))): nest fewer sections around partials"
        case .nestedTooDeep(let name, let limit):
            "'\(name)' is nested more than \(limit) sections deep: close sections earlier or split the template into partials"
        case .unreadable:
            "cannot read the template as UTF-8 text: save it as UTF-8"
        case .unresolvedVariable(let name):
            "'\(name)' resolves to nothing here: check the name against the page model"
        }
    }

    public var description: String { SourceError.format(file: file, line: line, column: column, message: message) }
}
