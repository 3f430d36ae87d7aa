/// A link found while rendering, with what a rewriter needs to replace it.
///
/// `context` is the plain text of the paragraph or heading around the link and `range` the
/// link text's UTF-8 offsets in it, so a caller can cut out the sentence of a mention.
public struct MarkdownLink: Sendable {
    public var destination: String
    /// Where `destination` is among the rewriter's `KnownDestinations`, if it is there.
    public var known: Int?
    public var title: String
    /// The link text as plain text.
    public var text: String { String(decoding: contextUTF8[range], as: UTF8.self) }
    /// Where to search for the link's position: only errors need it, so it is found on demand.
    struct Source: Sendable {
        var lines: SourceLines.Lazy
        /// The destinations of the links of the link's block, and which of them is this one.
        var destinations: [String]
        var ordinal: Int
        /// The lines of the link's block.
        var block: ClosedRange<Int>

        func locate() -> (line: Int, column: Int) {
            lines.position(of: ordinal, among: destinations, block: block)
        }
    }

    var source: Source

    /// 1-based line of the link in the Markdown given to the renderer.
    public var line: Int { source.locate().line }
    /// 1-based column of the link's `[`, in Unicode scalars as `TextPosition` counts.
    public var column: Int { source.locate().column }
    /// The plain text of the paragraph or heading around the link.
    public var context: String { String(decoding: contextUTF8, as: UTF8.self) }
    /// `context` as UTF-8, which `range` indexes; one array shared by the links of a block.
    public var contextUTF8: [UInt8]
    public var range: Range<Int>
}
