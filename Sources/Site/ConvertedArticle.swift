import Templating

/// An article after conversion: what entity pages and indexes need of it, without its body.
///
/// The body's HTML goes straight onto the article's page; kept here are the metadata, the
/// paragraphs' plain text and the mentions pointing into it. A class, as pages pass articles
/// around by the thousand; it never changes once made.
final class ConvertedArticle: Sendable {
    /// The mentions of one entity in an article.
    struct Mentioned: Sendable, Equatable {
        /// The entity's position in the registry the article was converted with.
        var entity: Int
        /// Positions in `mentions`, in text order.
        var positions: [Int]
    }

    /// The article's front matter; its `body` is left empty.
    let article: Article
    /// The plain text of the paragraphs and headings that contain mentions, one after another.
    let text: [UInt8]
    /// Every mention in text order.
    let mentions: [Mention]
    /// The entities mentioned, in registry order.
    let entities: [Mentioned]
    /// The date as readers see it, made once for the many pages that list the article.
    let dateText: String
    /// Where the article goes on the home page and in the feed, its sort keys made once.
    let order: PageBuilder.DateOrder
    /// What lists of articles show of it, the values of `summaryFields` in their order, but the
    /// link (which depends on the listing page); made once for the many pages that list it.
    let summary: [Value]
    static let summaryFields = ["title", "outlet", "teaser", "date", "dateText", "authors"]

    convenience init(article: Article, text: [UInt8], mentions: [Mention], entities: [Mentioned], dateText: String) {
        var article = article
        article.body = ""
        self.init(article: article, text: text, mentions: mentions, entities: entities, dateText: dateText, order: PageBuilder.DateOrder(article))
    }

    private init(article: Article, text: [UInt8], mentions: [Mention], entities: [Mentioned], dateText: String, order: PageBuilder.DateOrder) {
        self.article = article
        self.text = text
        self.mentions = mentions
        self.entities = entities
        self.dateText = dateText
        self.order = order
        summary = [.string(article.title), .string(article.outlet), .string(article.teaser), .string(article.date),
                   .string(dateText), .string(article.authors.joined(separator: ", "))]
    }

    /// The same article for a registry whose entity at position `p` is now at `moved[p]`.
    func remapped(_ moved: [Int]) -> ConvertedArticle {
        let mentions = mentions.map { mention in
            var mention = mention
            mention.entity = Int32(moved[Int(mention.entity)])
            return mention
        }
        let entities = entities.map { Mentioned(entity: moved[$0.entity], positions: $0.positions) }.sorted { $0.entity < $1.entity }
        return ConvertedArticle(article: article, text: text, mentions: mentions, entities: entities, dateText: dateText, order: order)
    }

    /// The positions in `mentions` of the mentions in the same sentence as the one at `position`:
    /// they are neighbours, as mentions are in text order.
    func sentence(around position: Int) -> Range<Int> {
        let key = mentions[position].sentenceKey
        var start = position, end = position + 1
        while start > 0, mentions[start - 1].sentenceKey == key { start -= 1 }
        while end < mentions.count, mentions[end].sentenceKey == key { end += 1 }
        return start..<end
    }

    /// The mention's text as written ("Putins").
    func surface(_ mention: Mention) -> String {
        String(decoding: text[mention.mark], as: UTF8.self)
    }

    /// The mention's sentence as HTML, the mention itself in `<mark>`.
    func context(_ mention: Mention) -> String {
        Sentence.html(text, sentence: mention.sentence, mark: mention.mark)
    }
}
