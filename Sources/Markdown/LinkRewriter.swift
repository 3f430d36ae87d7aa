/// A hook that replaces links while Markdown is rendered, so Markdown knows nothing of entities.
///
/// Return the HTML to write around the link's text, or nil to render the link as usual.
///
///     let rewriter = LinkRewriter { link in
///         link.destination.hasPrefix("person:") ? .init(open: "<a class=\"person\">", close: "</a>") : nil
///     }
public struct LinkRewriter: Sendable {
    public struct Replacement: Sendable, Equatable {
        public var open: String
        public var close: String

        public init(open: String, close: String) {
            self.open = open
            self.close = close
        }
    }

    public let rewrite: @Sendable (MarkdownLink) throws -> Replacement?

    public init(_ rewrite: @escaping @Sendable (MarkdownLink) throws -> Replacement?) {
        self.rewrite = rewrite
    }

    /// Leaves every link as it is.
    public static let none = LinkRewriter { _ in nil }
}
