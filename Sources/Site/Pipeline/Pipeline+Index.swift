
extension Pipeline {
    /// The mention index and the date order, for the converted articles; a kept pipeline swaps
    /// edited articles into its index when no article came or went.
    func index(_ state: inout State) {
        let slugs = state.converted.keys.sorted()
        let articles = slugs.map { state.converted[$0]! }
        let index = state.index
        let sameArticles = index.ids == state.registry.entities.map(\.id) && index.articles.count == articles.count
            && zip(index.articles, articles).allSatisfy { $0.article.slug == $1.article.slug }
        if sameArticles {
            var updated = index
            for (position, article) in articles.enumerated() where updated.articles[position] !== article {
                updated.replace(position, with: article)
            }
            state.index = updated
        } else {
            state.index = MentionIndex(articles, registry: state.registry)
        }
        state.byDate = PageBuilder.byDate(articles)
    }
}
