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

    var sentence: Range<Int> { Int(sentenceStart)..<Int(sentenceEnd) }
    var mark: Range<Int> { Int(markStart)..<Int(markEnd) }
}
