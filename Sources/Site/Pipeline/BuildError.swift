import Entities
import SourceText
import Templating

/// A build failure that is not about one located file: which stage failed and why.
public struct BuildError: Error, CustomStringConvertible, Sendable {
    public var stage: String
    public var message: String

    public var description: String { "error: \(stage): \(message)" }
}

extension SourceError {
    /// A template problem as a content problem, to be listed and sorted with the others.
    init(_ error: TemplateError) {
        self.init(file: error.file, line: error.line, column: error.column, message: error.message)
    }
}
