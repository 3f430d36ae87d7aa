/// A hook that replaces links while Markdown is rendered, so Markdown knows nothing of entities.
///
/// Return the HTML to write around the link's text, or nil to render the link as usual.
///
///     let rewriter = LinkRewriter { link in
///         link.destination.hasPrefix("person:") ? .init(open: "<a class=\"person\">", close: "</a>") : nil
///     }
public struct LinkRewriter: Sendable {
    public struct Replacement: Sendable, Equatable {
        /// The opening markup's UTF-8 and a NUL byte after it, as libcmark takes it.
        public let openCString: [UInt8]
        public var close: String

        public var open: String { String(decoding: openCString.dropLast(), as: UTF8.self) }

        public init(open: String, close: String) {
            openCString = Array(open.utf8) + [0]
            self.close = close
        }

        /// `openCString` is the opening markup's UTF-8 and a NUL byte. The renderer copies it
        /// before it asks for the next link's: a rewriter can fill one buffer anew for each link
        /// instead of making a string each.
        public init(openCString: [UInt8], close: String) {
            precondition(openCString.last == 0, "the opening markup ends with a NUL byte")
            self.openCString = openCString
            self.close = close
        }
    }

    /// Destinations the rewriter expects: links to them come with their position (`MarkdownLink.known`).
    public let known: KnownDestinations?
    public let rewrite: @Sendable (MarkdownLink) throws -> Replacement?

    public init(known: KnownDestinations? = nil, _ rewrite: @escaping @Sendable (MarkdownLink) throws -> Replacement?) {
        self.known = known
        self.rewrite = rewrite
    }

    /// Leaves every link as it is.
    public static let none = LinkRewriter { _ in nil }
}
