import Entities
import Templating

extension PageBuilder {
    func home() -> Page {
        let path = SitePaths.home
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: content.config.title)
        let outlets = Set(articles.map(\.article.outlet).filter { !$0.isEmpty })
        let dates = articles.map(\.article.date).filter { !$0.isEmpty }.sorted()
        var rows: [Value] = []
        rows.reserveCapacity(articlesByDate.count * Self.summaryShape.keys.count)
        for converted in articlesByDate { appendSummary(of: converted, url: articleURL(converted, root: root), to: &rows) }
        model["articles"] = .table(Table(Self.summaryShape, rows: rows))
        model["articleCount"] = .int(articles.count)
        model["outletCount"] = .int(outlets.count)
        model["outlets"] = .string(GermanCollation.sorted(Array(outlets), name: { $0 }).joined(separator: ", "))
        if let first = dates.first, let last = dates.last {
            model["period"] = .string(first == last ? strings.formatDate(first) : "\(strings.formatDate(first)) – \(strings.formatDate(last))")
        }
        model["top"] = .list(EntityType.allCases.map { type in
            [
                "label": .string(strings[SitePaths.folder(type)]), "type": .string(type.rawValue),
                "url": .string(SitePaths.index(type)),
                "entities": entityLinks(Array(ranked(type).prefix(8)), root: root),
            ]
        })
        return Page(path: path, template: template(of: .home), model: .object(model))
    }

    /// Entities of `type` that are mentioned, most mentioned first, ties in German order.
    func ranked(_ type: EntityType) -> [Entity] {
        GermanCollation.sorted(content.registry.entities.filter { $0.type == type && mentionCount($0.id) > 0 },
                               count: { mentionCount($0.id) }, name: \.name)
    }

    func entityIndex(_ type: EntityType) -> Page {
        let path = SitePaths.index(type)
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: strings[SitePaths.folder(type)])
        let entities = content.registry.entities.filter { $0.type == type }
        model["type"] = .string(type.rawValue)
        model["heading"] = .string(strings[SitePaths.folder(type)])
        model["byCount"] = entityLinks(ranked(type), root: root, description: true)
        let alphabetical = GermanCollation.sorted(entities, name: \.name)
        var groups: [(letter: String, entities: [Entity])] = []
        for entity in alphabetical {
            let letter = String(GermanCollation.key(String(entity.name.prefix(1)))).uppercased()
            if groups.last?.letter == letter { groups[groups.count - 1].entities.append(entity) } else { groups.append((letter, [entity])) }
        }
        model["letters"] = .list(groups.map { group in
            ["letter": .string(group.letter), "entities": entityLinks(group.entities, root: root, description: true)]
        })
        return Page(path: path, template: template(of: .entityIndex(type)), model: .object(model))
    }
}
