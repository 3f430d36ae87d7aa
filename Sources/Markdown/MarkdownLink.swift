/// A link found while rendering, with what a rewriter needs to replace it.
///
/// `context` is the plain text of the paragraph or heading around the link and `range` the
/// link text's UTF-8 offsets in it, so a caller can cut out the sentence of a mention.
public struct MarkdownLink: Sendable {
    public var destination: String
    public var title: String
    /// The link text as plain text.
    public var text: String
    /// Finds where the link was written; searched only when asked, as errors need it.
    let locate: @Sendable () -> (line: Int, column: Int)

    /// 1-based line of the link in the Markdown given to the renderer.
    public var line: Int { locate().line }
    /// 1-based column (in characters) of the link's `[`.
    public var column: Int { locate().column }
    public var context: String
    public var range: Range<Int>
}
