/// An article after its Markdown became HTML: the body with linked mentions, and those mentions.
struct ConvertedArticle: Sendable {
    var article: Article
    var html: String
    var mentions: [Mention]
}
