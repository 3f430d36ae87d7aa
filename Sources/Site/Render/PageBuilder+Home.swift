import Entities
import Templating

extension PageBuilder {
    func home(_ reads: inout Reads) -> Page {
        let path = SitePaths.home
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: inputs.settings.title, &reads)
        let articlesByDate = inputs.articlesByDate(&reads)
        let outlets = Set(articlesByDate.map(\.article.outlet).filter { !$0.isEmpty })
        let dates = articlesByDate.map(\.article.date).filter { !$0.isEmpty }.sorted()
        var rows = Table.Builder(Self.summaryShape, capacity: articlesByDate.count)
        for converted in articlesByDate {
            rows.append { Self.fillSummary(of: converted, url: articleURL(converted, root: root), &$0) }
        }
        model["articles"] = .table(rows.table)
        model["articleCount"] = .int(articlesByDate.count)
        model["outletCount"] = .int(outlets.count)
        model["countsText"] = .string(strings.counted("articleCount", articlesByDate.count) + " · " + strings.counted("outletCount", outlets.count))
        model["outlets"] = .list(GermanCollation.sorted(Array(outlets), name: { $0 }).map { ["name": .string($0), "url": .string(SitePaths.outlet($0))] })
        model["outletsURL"] = .string(SitePaths.outlets)
        if let first = dates.first, let last = dates.last {
            model["period"] = .string(first == last ? strings.formatDate(first) : "\(strings.formatDate(first)) – \(strings.formatDate(last))")
        }
        model["top"] = .list(EntityType.allCases.map { type in
            [
                "label": .string(strings[SitePaths.folder(type)]), "type": .string(type.rawValue),
                "url": .string(SitePaths.index(type)),
                "entities": entityLinks(Array(ranked(type, &reads).prefix(8)), root: root, &reads),
            ]
        })
        return Page(path: path, template: template(of: .home), model: .object(model))
    }

    /// Every article by date, newest first, and within a date by outlet: one group per date as
    /// written (a day, a month, a year), the undated last.
    func timeline(_ reads: inout Reads) -> Page {
        let path = SitePaths.timeline
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: strings["timeline"], &reads)
        var groups: [(date: String, articles: [ConvertedArticle])] = []
        for converted in inputs.articlesByDate(&reads) {
            if groups.last?.date == converted.article.date { groups[groups.count - 1].articles.append(converted) } else { groups.append((converted.article.date, [converted])) }
        }
        model["groups"] = .list(groups.map { date, articles in
            var rows = Table.Builder(Self.summaryShape, capacity: articles.count)
            for converted in articles {
                rows.append { Self.fillSummary(of: converted, url: articleURL(converted, root: root), &$0) }
            }
            return ["date": .string(date), "heading": .string(date.isEmpty ? strings["dateUnknown"] : strings.formatDate(date)),
                    "count": .int(articles.count), "articles": .table(rows.table)]
        })
        return Page(path: path, template: template(of: .timeline), model: .object(model))
    }

    /// The registry positions of the entities of `type` that are mentioned, most mentioned
    /// first, ties in German order.
    func ranked(_ type: EntityType, _ reads: inout Reads) -> [Int] {
        var counted: [(position: Int, count: Int, name: String)] = []
        for position in inputs.entities(of: type, &reads) {
            let count = inputs.mentionCount(position, &reads)
            if count > 0 { counted.append((position, count, inputs.link(position, &reads).name)) }
        }
        return GermanCollation.sorted(counted, count: \.count, name: \.name).map(\.position)
    }

    func entityIndex(_ type: EntityType, _ reads: inout Reads) -> Page {
        let path = SitePaths.index(type)
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: strings[SitePaths.folder(type)], &reads)
        let entities = inputs.entities(of: type, &reads).map { (position: $0, name: inputs.link($0, &reads).name) }
        model["type"] = .string(type.rawValue)
        model["heading"] = .string(strings[SitePaths.folder(type)])
        model["mapURL"] = type == .place ? .string(SitePaths.relative(from: path, to: SitePaths.map)) : .null
        model["byCount"] = entityLinks(ranked(type, &reads), root: root, description: true, &reads)
        let alphabetical = GermanCollation.sorted(entities, name: \.name)
        var groups: [(letter: String, entities: [Int])] = []
        for entity in alphabetical {
            let letter = String(GermanCollation.key(String(entity.name.prefix(1)))).uppercased()
            if groups.last?.letter == letter { groups[groups.count - 1].entities.append(entity.position) } else { groups.append((letter, [entity.position])) }
        }
        model["letters"] = .list(groups.map { group in
            ["letter": .string(group.letter), "entities": entityLinks(group.entities, root: root, description: true, &reads)]
        })
        return Page(path: path, template: template(of: .entityIndex(type)), model: .object(model))
    }
}
