import Entities
import Templating

extension PageBuilder {
    /// The search page: its choices narrow results by what Pagefind keeps of each page as meta
    /// (`kind`, `outlet`, `month`, `entities`), made here rather than as Pagefind filters, whose
    /// index Pagefind 1.5 writes in a different order on every run. Each choice also names the
    /// page that lists everything it stands for, shown when no search term is given.
    func searchPage(_ reads: inout Reads) -> Page {
        let path = SitePaths.search
        var model = frame(for: path, title: strings["search"], &reads)
        func choice(_ label: String, _ value: String, page: String) -> Value {
            ["label": .string(label), "value": .string(value), "page": .string(SitePaths.relative(from: path, to: page))]
        }
        let kinds = [(strings["articles"], SitePaths.home)] + EntityType.allCases.map { (strings[SitePaths.folder($0)], SitePaths.index($0)) }
            + [(strings["outlets"], SitePaths.outlets)]
        model["kinds"] = .list(kinds.map { choice($0.0, $0.0, page: $0.1) })
        let outlets = inputs.outletCoverage(&reads).outlets.filter { !$0.isUnknown }.map(\.name).sorted()
        model["outlets"] = .list(outlets.map { choice($0, $0, page: SitePaths.outlet($0)) })
        let months = Set(inputs.articlesByDate(&reads).compactMap { $0.article.date.count >= 7 ? String($0.article.date.prefix(7)) : nil })
        model["months"] = .list(months.sorted(by: >).map { choice($0, $0, page: SitePaths.timeline) })
        var entities: [(name: String, key: String, page: String)] = []
        for type in EntityType.allCases {
            for position in inputs.entities(of: type, &reads) where inputs.mentionCount(position, &reads) > 0 {
                let link = inputs.link(position, &reads)
                entities.append((link.name, Entity.reference(type: link.type, id: link.id), SitePaths.entity(link.type, link.id)))
            }
        }
        entities.sort { ($0.name, $0.key) < ($1.name, $1.key) }
        model["entities"] = .list(entities.map { choice($0.name, $0.key, page: $0.page) })
        return Page(path: path, template: template(of: .search), model: .object(model))
    }
}
