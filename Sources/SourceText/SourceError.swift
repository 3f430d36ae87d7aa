/// A problem in a content file, located at `file:line:column`, with what to do about it.
///
///     content/entities/persons.yml:14:9: error: alias 'Kim' is claimed by kim-jong-un and kim-yo-jong: keep it on one entity or list it under 'ambiguous'
public struct SourceError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A problem with a whole file or folder, which has no line to point at.
    public init(file: String, message: String) {
        self.init(file: file, line: 0, column: 0, message: message)
    }

    /// `file:line:column: error: message`, or `file: error: message` for a whole file or folder.
    public var description: String {
        Self.format(file: file, line: line, column: column, message: message)
    }
}
