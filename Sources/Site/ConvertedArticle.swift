import Templating

/// An article after conversion: what entity pages and indexes need of it, without its body.
///
/// The body's HTML goes straight onto the article's page; kept here are the metadata, the
/// paragraphs' plain text and the mentions pointing into it. A class, as pages pass articles
/// around by the thousand; it never changes once made.
final class ConvertedArticle: Sendable {
    /// The mentions of one entity in an article: `positions(of:)` lists them.
    struct Mentioned: Sendable, Equatable {
        /// The entity's position in the registry the article was converted with.
        var entity: Int
        /// Where the positions of its mentions lie in `grouped`.
        var start: Int32
        var count: Int32
    }

    /// The article's front matter; its `body` is left empty.
    let article: Article
    /// The plain text of the paragraphs and headings that contain mentions, one after another.
    let text: [UInt8]
    /// Every mention in text order.
    let mentions: [Mention]
    /// The entities mentioned, in registry order.
    let entities: [Mentioned]
    /// Positions in `mentions`, grouped by entity in the order of `entities`, each group in text
    /// order: one array per article instead of one per entity it mentions.
    let grouped: [Int32]
    /// The date as readers see it, made once for the many pages that list the article.
    let dateText: String
    /// Where the article goes on the home page and in the feed, its sort keys made once.
    let order: PageBuilder.DateOrder
    /// What lists of articles show of it, the values of `summaryFields` in their order, but the
    /// link (which depends on the listing page); made once for the many pages that list it.
    let summary: [Value]
    static let summaryFields = ["title", "outlet", "teaser", "date", "dateText", "authors"]

    /// `mentions` in text order; their entities are registry positions.
    convenience init(article: Article, text: [UInt8], mentions: [Mention], dateText: String) {
        var article = article
        article.body = ""
        self.init(article: article, text: text, mentions: mentions, dateText: dateText, order: PageBuilder.DateOrder(article))
    }

    private init(article: Article, text: [UInt8], mentions: [Mention], dateText: String, order: PageBuilder.DateOrder) {
        self.article = article
        self.text = text
        self.mentions = mentions
        // A stable sort by entity keeps each entity's mentions in text order.
        grouped = mentions.indices.sorted { (mentions[$0].entity, $0) < (mentions[$1].entity, $1) }.map(Int32.init)
        var entities: [Mentioned] = []
        for (offset, position) in grouped.enumerated() {
            let entity = Int(mentions[Int(position)].entity)
            if entities.last?.entity == entity {
                entities[entities.count - 1].count += 1
            } else {
                entities.append(Mentioned(entity: entity, start: Int32(offset), count: 1))
            }
        }
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
        return ConvertedArticle(article: article, text: text, mentions: mentions, dateText: dateText, order: order)
    }

    /// The positions in `mentions` of the mentions of `entities[run]`, in text order.
    func positions(of run: Int) -> ArraySlice<Int32> {
        let mentioned = entities[run]
        return grouped[Int(mentioned.start)..<Int(mentioned.start + mentioned.count)]
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
