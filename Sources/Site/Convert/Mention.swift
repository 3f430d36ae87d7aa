import Articles

/// One annotated mention of an entity: which one, where, and in which sentence.
///
/// Plain numbers only: a large dossier has millions of mentions, and the text they point into
/// is kept once per article (`ConvertedArticle.text`), not once per mention.
struct Mention: Sendable, Equatable {
    /// The entity's position in the registry the article was converted with.
    var entity: Int32
    /// UTF-8 offsets in the article's text: the sentence, and the mention's own text in it.
    /// Mentions of one sentence share its start, which identifies the sentence, and are neighbours.
    var sentenceStart: Int32
    var sentenceEnd: Int32
    var markStart: Int32
    var markEnd: Int32
    /// The ordinal in the lower 24 bits, the field in the upper 8: 24 bytes a mention rather
    /// than 28 (1.6 million mentions at 10,000 articles). An article has at most
    /// `ArticleLimits.maxBytes` (8 MiB), so fewer mentions of one entity than 2^24.
    private var ordinalAndField: UInt32

    /// Which mention of the entity in its article this is, from 1: the anchor is `<entity-id>-<n>`.
    var ordinal: Int32 { Int32(ordinalAndField & 0xFF_FFFF) }
    /// Where in the article it stands: the body, or a field of the front matter (a caption, the teaser, a credit).
    var field: Article.Field { Article.Field(rawValue: UInt8(ordinalAndField >> 24)) ?? .body }

    init(entity: Int32, ordinal: Int32, sentenceStart: Int32, sentenceEnd: Int32, markStart: Int32, markEnd: Int32, field: Article.Field = .body) {
        precondition(ordinal >= 0 && ordinal < 1 << 24, "an article within ArticleLimits.maxBytes names an entity fewer than 2^24 times")
        (self.entity, self.sentenceStart, self.sentenceEnd, self.markStart, self.markEnd) = (entity, sentenceStart, sentenceEnd, markStart, markEnd)
        ordinalAndField = UInt32(ordinal) | UInt32(field.rawValue) << 24
    }

    var sentence: Range<Int> { Int(sentenceStart)..<Int(sentenceEnd) }
    var mark: Range<Int> { Int(markStart)..<Int(markEnd) }
}
