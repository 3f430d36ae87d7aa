import Entities

extension PageBuilder {
    /// The search page: its choices narrow results by what Pagefind keeps of each page as meta
    /// (`kind`, `outlet`, `month`, `entities`), made here rather than as Pagefind filters, whose
    /// index Pagefind 1.5 writes in a different order on every run.
    func searchPage(_ reads: inout Reads) -> Page {
        var model = frame(for: SitePaths.search, title: strings["search"], &reads)
        model["kinds"] = .list(([SitePaths.home] + EntityType.allCases.map(SitePaths.folder) + ["outlets"]).map { key in
            .string(strings[key == SitePaths.home ? "articles" : key])
        })
        let outlets = inputs.outletCoverage(&reads).outlets.filter { !$0.isUnknown }.map(\.name)
        model["outlets"] = .list(outlets.sorted().map { .string($0) })
        let months = Set(inputs.articlesByDate(&reads).compactMap { $0.article.date.count >= 7 ? String($0.article.date.prefix(7)) : nil })
        model["months"] = .list(months.sorted(by: >).map { .string($0) })
        var entities: [(name: String, key: String)] = []
        for type in EntityType.allCases {
            for position in inputs.entities(of: type, &reads) where inputs.mentionCount(position, &reads) > 0 {
                let link = inputs.link(position, &reads)
                entities.append((link.name, "\(link.type.rawValue):\(link.id)"))
            }
        }
        entities.sort { ($0.name, $0.key) < ($1.name, $1.key) }
        model["entities"] = .list(entities.map { ["name": .string($0.name), "key": .string($0.key)] })
        return Page(path: SitePaths.search, template: template(of: .search), model: .object(model))
    }
}
