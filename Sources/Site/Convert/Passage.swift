/// A sentence of an article long enough to be compared with the other articles' sentences.
/// Its sketch, which finds near copies (agency text) without comparing every pair, is kept
/// beside it (`ConvertedArticle.sketches`), as only the index reads it.
struct Passage: Sendable, Equatable {
    /// The paragraph or heading it stands in, numbered from 0 in document order; or the teaser
    /// (`teaser`), where an importer puts a report's lead, the sentence agencies' clients copy most.
    var block: Int32
    static let teaser: Int32 = -2
    /// UTF-8 offsets in the article's `text`: the sentence, and where its block starts.
    var start: Int32
    var end: Int32
    var blockStart: Int32

    var range: Range<Int> { Int(start)..<Int(end) }
    /// Where it lies in its block's text.
    var rangeInBlock: Range<Int> { Int(start - blockStart)..<Int(end - blockStart) }
}
