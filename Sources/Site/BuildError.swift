/// A build failure that is not about one located file: which stage failed and why.
public struct BuildError: Error, CustomStringConvertible, Sendable {
    public var stage: String
    public var message: String

    public var description: String { "error: \(stage): \(message)" }
}
