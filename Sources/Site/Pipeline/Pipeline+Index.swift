extension Pipeline {
    /// The date order of the converted articles, the passages they share, and the mention
    /// index. When no article came, went or moved in the date order and the registry kept its
    /// order, the articles converted this run are swapped in.
    /// `samePositions`: the registry kept every entity's position (an edit that kept
    /// conversion and moved no entity).
    func index(samePositions: Bool) {
        // A full index is made after the passages are compared: a run that is not kept lets go
        // of their sketches first, and the index takes their place at the build's peak of memory.
        let swapped = swapIn(samePositions: samePositions)
        if !swapped { state.byDate = PageBuilder.byDate(Array(state.converted.values)) }
        indexPassages()
        if mode != .serve { state.byDate.forEach { $0.releaseSketches() } }
        if !swapped { state.index = MentionIndex(state.byDate, registry: state.registry) }
    }

    /// The passages the articles share. Passages are text: a registry edit changes none, but a
    /// new date order moves the articles (then the groups are made again from what was confirmed).
    private func indexPassages() {
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

    /// Swaps the articles converted this run into the mention index when it can (see `index`),
    /// noting the entities they touched; false when the index must be made anew.
    private func swapIn(samePositions: Bool) -> Bool {
        let samePlaces = state.index.articles.count == state.converted.count
            && state.reconverted.allSatisfy { article in
                state.index.position(of: article.article.slug).map { state.index.articles[$0].order == article.order } ?? false
            }
        guard !state.isFirstRun, samePositions, samePlaces else {
            // Not swapped: nothing is known of what the index's entities were before.
            state.touchedEntities = nil
            return false
        }
        var touched = Set<Int>()
        for article in state.reconverted {
            let position = state.index.position(of: article.article.slug)!
            guard state.index.articles[position] !== article else { continue }
            touched.formUnion(state.index.replace(position, with: article))
        }
        state.byDate = state.index.articles
        state.touchedEntities = touched
        return true
    }
}
