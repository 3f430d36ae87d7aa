/// An article after its Markdown became HTML: the body with linked mentions, and those mentions.
///
/// A class, as pages pass articles around by the thousand; it never changes once made.
final class ConvertedArticle: Sendable {
    /// The mentions of one entity in an article.
    struct Mentioned: Sendable, Equatable {
        /// The entity's position in the registry the article was converted with.
        var entity: Int
        /// Positions in `mentions`, in text order.
        var positions: [Int]
    }

    let article: Article
    let html: String
    /// Every mention in text order.
    let mentions: [Mention]
    /// The entities mentioned, in registry order.
    let entities: [Mentioned]
    /// The date as readers see it, made once for the many pages that list the article.
    let dateText: String

    init(article: Article, html: String, mentions: [Mention], entities: [Mentioned], dateText: String) {
        self.article = article
        self.html = html
        self.mentions = mentions
        self.entities = entities
        self.dateText = dateText
    }
}
