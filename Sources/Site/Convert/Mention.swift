import Articles

/// One annotated mention of an entity: which one, where, and in which sentence.
///
/// Plain numbers in 20 bytes: a large dossier has millions of mentions (1.6 million at 10,000
/// articles), and the text they point into is kept once per article (`ConvertedArticle.text`),
/// not once per mention. Where the mention's text starts is kept whole, the sentence around it
/// and its length as three distances of up to `maxDistance` bytes (an article's text is far
/// shorter: `ArticleLimits`); the field and ordinal fill the bytes those leave.
struct Mention: Sendable, Equatable {
    /// The entity's position in the registry the article was converted with.
    var entity: Int32
    /// UTF-8 offset in the article's text where the mention's own text starts.
    let markStart: Int32
    /// From the sentence's start to the mark, the mark's length, and from the mark's end to the
    /// sentence's end, each in the low 24 bits; the high bytes together hold `field` (3 bits) and `ordinal`.
    private let lead: UInt32, length: UInt32, tail: UInt32

    static let maxDistance = 1 << 24 - 1
    static let maxOrdinal = 1 << 21 - 1

    /// nil when the sentence or the mark is longer than `maxDistance` or the ordinal above `maxOrdinal`.
    /// `ordinal`: which mention of the entity in its article this is, from 1.
    init?(entity: Int32, ordinal: Int32, sentence: Range<Int>, mark: Range<Int>, field: Article.Field) {
        let lead = mark.lowerBound - sentence.lowerBound, length = mark.count, tail = sentence.upperBound - mark.upperBound
        let distances = 0...Self.maxDistance
        guard distances.contains(lead), distances.contains(length), distances.contains(tail), (1...Int32(Self.maxOrdinal)).contains(ordinal),
              let start = Int32(exactly: mark.lowerBound), Int32(exactly: sentence.upperBound) != nil else { return nil }
        let extra = UInt32(ordinal) << 3 | UInt32(field.rawValue)
        self.entity = entity
        markStart = start
        self.lead = UInt32(lead) | (extra & 0xFF) << 24
        self.length = UInt32(length) | (extra >> 8 & 0xFF) << 24
        self.tail = UInt32(tail) | (extra >> 16) << 24
    }

    /// Which mention of the entity in its article this is, from 1: the anchor is `<entity-id>-<n>`.
    var ordinal: Int32 { Int32(extra >> 3) }
    /// Where in the article it stands: the body, or a field of the front matter (a caption, the teaser, a credit).
    var field: Article.Field { Article.Field(rawValue: UInt8(extra & 0b111))! }
    /// UTF-8 offsets in the article's text: the sentence, and the mention's own text in it.
    /// Mentions of one sentence share its start, which identifies the sentence, and are neighbours.
    var sentenceStart: Int32 { markStart - Int32(lead & Self.distanceBits) }
    var sentenceEnd: Int32 { markEnd + Int32(tail & Self.distanceBits) }
    var markEnd: Int32 { markStart + Int32(length & Self.distanceBits) }

    var sentence: Range<Int> { Int(sentenceStart)..<Int(sentenceEnd) }
    var mark: Range<Int> { Int(markStart)..<Int(markEnd) }

    private static let distanceBits: UInt32 = 0xFF_FFFF
    private var extra: UInt32 { lead >> 24 | (length >> 24) << 8 | (tail >> 24) << 16 }
}
