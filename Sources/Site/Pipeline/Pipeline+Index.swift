extension Pipeline {
    /// The mention index and the date order of the converted articles, and the passages they
    /// share. When no article came, went or moved in the date order and the registry kept its
    /// order, the articles converted this run are swapped in.
    /// `samePositions`: the registry kept every entity's position (an edit that kept
    /// conversion and moved no entity).
    func index(samePositions: Bool) {
        indexMentions(samePositions: samePositions)
        // Passages are text: a registry edit changes none, but a new date order moves the
        // articles (then the groups are made again from what was confirmed).
        let changed = state.textChanged
        state.textChanged = []
        state.sharedChanged = state.isFirstRun || !changed.isEmpty || state.touchedEntities == nil
        guard state.sharedChanged else { return }
        // A few articles changed (an edit under serve): their passages are looked up among the
        // others'; otherwise all are compared anew.
        if state.isFirstRun || changed.count > max(8, state.byDate.count / 50) {
            state.shared = SharedPassages(state.byDate, serially: options.serially)
        } else {
            state.shared = SharedPassages(state.byDate, updating: state.shared, changed: changed, serially: options.serially)
        }
    }

    private func indexMentions(samePositions: Bool) {
        let samePlaces = state.index.articles.count == state.converted.count
            && state.reconverted.allSatisfy { article in
                state.index.position(of: article.article.slug).map { state.index.articles[$0].order == article.order } ?? false
            }
        guard !state.isFirstRun, samePositions, samePlaces else {
            state.index = MentionIndex(PageBuilder.byDate(Array(state.converted.values)), registry: state.registry)
            state.byDate = state.index.articles
            state.touchedEntities = nil
            return
        }
        var touched = Set<Int>()
        for article in state.reconverted {
            let position = state.index.position(of: article.article.slug)!
            guard state.index.articles[position] !== article else { continue }
            touched.formUnion(state.index.replace(position, with: article))
        }
        state.byDate = state.index.articles
        state.touchedEntities = touched
    }
}
