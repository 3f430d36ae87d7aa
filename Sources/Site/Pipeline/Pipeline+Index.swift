extension Pipeline {
    /// The mention index and the date order of the converted articles. When no article came or
    /// went and the registry kept its order, the articles converted this run are swapped in.
    func index(_ changes: Changes) {
        // A registry edit that kept conversion and moved no entity kept every position.
        let sameEntities = changes.moved == nil && !changes.converterChanged
        let sameArticles = state.index.articles.count == state.converted.count
            && state.reconverted.allSatisfy { state.index.position(of: $0.article.slug) != nil }
        guard !state.isFirstRun, sameEntities, sameArticles else {
            let articles = state.converted.keys.sorted().map { state.converted[$0]! }
            state.index = MentionIndex(articles, registry: state.registry)
            state.byDate = PageBuilder.byDate(articles)
            state.touchedEntities = nil
            return
        }
        var touched = Set<Int>()
        for article in state.reconverted {
            let position = state.index.position(of: article.article.slug)!
            let old = state.index.articles[position]
            guard old !== article else { continue }
            touched.formUnion(state.index.replace(position, with: article))
            // The article moves in the date order only if its date, outlet or title changed.
            if let at = state.byDate.firstIndex(where: { $0 === old }) { state.byDate.remove(at: at) }
            state.byDate.insert(article, at: state.byDate.partitionPoint { $0.order < article.order })
        }
        state.touchedEntities = touched
    }
}
