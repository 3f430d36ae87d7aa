/// A hook that replaces links while Markdown is rendered, so Markdown knows nothing of entities.
///
/// Return the HTML to write around the link's text, or nil to render the link as usual.
///
///     let rewriter = LinkRewriter { link in
///         link.destination.hasPrefix("person:") ? .init(open: "<a class=\"person\">", close: "</a>") : nil
///     }
public struct LinkRewriter: Sendable {
    public struct Replacement: Sendable, Equatable {
        /// The opening markup as UTF-8.
        public let openUTF8: [UInt8]
        public var close: String

        public var open: String { String(decoding: openUTF8, as: UTF8.self) }

        public init(open: String, close: String) {
            openUTF8 = Array(open.utf8)
            self.close = close
        }

        /// The renderer copies `openUTF8` before it asks for the next link's: a rewriter can
        /// fill one buffer anew for each link instead of making a string each.
        public init(openUTF8: [UInt8], close: String) {
            self.openUTF8 = openUTF8
            self.close = close
        }
    }

    /// Text that looks like a link to one of the watched destination prefixes but is not one,
    /// because CommonMark did not parse it (`[x](person:Bad Id)`: a space ends a destination).
    public struct Unparsed: Sendable, Equatable {
        /// From the `[` up to the closing `)` or the end of the block's text.
        public var text: String
        /// 1-based line and column of the text in the Markdown given to the renderer.
        public var line: Int
        public var column: Int
    }

    /// Destinations the rewriter expects: links to them come with their position (`MarkdownLink.known`).
    public let known: KnownDestinations?
    public let rewrite: @Sendable (MarkdownLink) throws -> Replacement?
    /// Destination prefixes (`person:`) whose unparsed look-alikes go to `unparsed`.
    public let watched: [String]
    public let unparsed: (@Sendable (Unparsed) throws -> Void)?
    /// Told the plain text of every paragraph and heading, numbered from 0 in document order,
    /// before its links are rewritten; returns spans of that text to wrap in markup.
    public var blocks: (@Sendable (_ number: Int, _ text: [UInt8]) -> [TextMark])?

    public init(known: KnownDestinations? = nil, _ rewrite: @escaping @Sendable (MarkdownLink) throws -> Replacement?) {
        self.known = known
        self.rewrite = rewrite
        watched = []
        unparsed = nil
    }

    /// A rewriter that is also told of text that was meant as a link to one of the `watched`
    /// prefixes but did not parse as one, so a mistake does not pass as plain text.
    public init(known: KnownDestinations? = nil, watching watched: [String], unparsed: @escaping @Sendable (Unparsed) throws -> Void,
                _ rewrite: @escaping @Sendable (MarkdownLink) throws -> Replacement?) {
        self.known = known
        self.rewrite = rewrite
        self.watched = watched
        self.unparsed = unparsed
    }

    /// A span of a block's plain text (UTF-8 offsets, as `blocks` was given it) to wrap in
    /// `open` and `close`. A span that starts or ends inside emphasis, code or a link is widened
    /// to the whole of it, so the markup always nests; spans of one block must not overlap.
    public struct TextMark: Sendable, Equatable {
        public var range: Range<Int>
        public var open: String
        public var close: String

        public init(range: Range<Int>, open: String, close: String) {
            self.range = range
            self.open = open
            self.close = close
        }
    }

    /// Leaves every link as it is.
    public static let none = LinkRewriter { _ in nil }
}
