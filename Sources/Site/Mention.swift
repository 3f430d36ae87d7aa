/// One annotated mention of an entity, where it stands and the sentence around it.
public struct Mention: Sendable, Equatable {
    public var entityID: String
    public var articleSlug: String
    /// The anchor id on the article page: `<entity-id>-<n>` for the n-th mention of it there.
    public var anchor: String
    /// The text as written in the article ("Putins").
    public var surface: String
    /// The sentence as plain text, and the mention's UTF-8 offsets in it.
    public var sentence: String
    public var range: Range<Int>
    /// Which sentence of the article this is, so co-mentions can be counted per sentence.
    public var sentenceKey: Int
}
