import Articles

/// One annotated mention of an entity: which one, where, and in which sentence.
///
/// Plain numbers only: a large dossier has millions of mentions, and the text they point into
/// is kept once per article (`ConvertedArticle.text`), not once per mention.
struct Mention: Sendable, Equatable {
    /// The entity's position in the registry the article was converted with.
    var entity: Int32
    /// Which mention of the entity in its article this is, from 1: the anchor is `<entity-id>-<n>`.
    var ordinal: Int32
    /// UTF-8 offsets in the article's text: the sentence, and the mention's own text in it.
    /// Mentions of one sentence share its start, which identifies the sentence, and are neighbours.
    var sentenceStart: Int32
    var sentenceEnd: Int32
    var markStart: Int32
    var markEnd: Int32
    /// Where in the article it stands: the body, or a field of the front matter (a caption, the teaser, a credit).
    var field: Article.Field = .body
    /// Which of its entity's spellings in the article it is, numbered as they first appear:
    /// mentions of one entity with the same number have the same text, so that counting an
    /// entity's spellings over thousands of articles reads each spelling once an article, not
    /// every mention's text. `unnumbered` (past `Collector.spellingsCompared`): read the text.
    /// (Two bytes the struct's padding had room for.)
    var spelling: UInt16 = Mention.unnumbered

    static let unnumbered = UInt16.max

    var sentence: Range<Int> { Int(sentenceStart)..<Int(sentenceEnd) }
    var mark: Range<Int> { Int(markStart)..<Int(markEnd) }
}
