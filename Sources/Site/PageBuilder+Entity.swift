import Entities
import Templating

extension PageBuilder {
    static let companionsShown = 40
    /// A group of mentions is the article's summary with its mentions; a mention its sentence
    /// and the link to it.
    static let groupShape = summaryShape.adding(["mentions"])
    static let mentionShape = Record.Shape(["context", "url"])

    /// Page `number` of an entity: mentions grouped by article, `articlesPerEntityPage` articles a page.
    func entityPage(_ entity: Entity, page number: Int) -> Page {
        let position = content.registry.index(of: entity.id)!
        let groups = index.groups[position]
        let chunk = groups.dropFirst((number - 1) * articlesPerEntityPage).prefix(articlesPerEntityPage)
        let pageCount = entityPageCount(entity.id)
        let path = SitePaths.entity(entity.type, entity.id, page: number)
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: entity.name)
        model["name"] = .string(entity.name)
        model["type"] = .string(entity.type.rawValue)
        model["typeLabel"] = .string(strings[entity.type.rawValue])
        model["typeIndexURL"] = .string(SitePaths.relative(from: path, to: SitePaths.index(entity.type)))
        model["typePlural"] = .string(strings[SitePaths.folder(entity.type)])
        model["mentionCount"] = .int(index.counts[position])
        model["articleCount"] = .int(groups.count)
        // The overview goes on the first page only; later pages of a frequent entity list mentions.
        if number == 1 {
            model["description"] = .string(entity.description)
            model["wikidata"] = entity.wikidata.map { ["id": .string($0), "url": .string("https://www.wikidata.org/wiki/\($0)")] } ?? .null
            if let latitude = entity.latitude, let longitude = entity.longitude {
                model["coordinates"] = [
                    "lat": .double(latitude), "lon": .double(longitude),
                    "url": .string("https://www.openstreetmap.org/?mlat=\(latitude)&mlon=\(longitude)#map=8/\(latitude)/\(longitude)"),
                ]
            }
            let overview = index.overview(position)
            model["surfaces"] = .list(overview.surfaces.map { ["text": .string($0.key), "count": .int($0.count)] })
            model["outlets"] = .list(overview.outlets.map { ["name": .string($0.key), "count": .int($0.count)] })
            // The most frequent companions only: a central figure appears with hundreds of entities.
            model["companions"] = .list(overview.companions.prefix(Self.companionsShown).map { entityLink($0.key, root: root, count: $0.count) })
        }
        model["groups"] = .list(chunk.map { group in
            let converted = articles[Int(group.article)]
            let url = articleURL(converted, from: path)
            let anchorPrefix = "\(url)#\(entity.id)-"
            let mentions = converted.positions(group.run).map { position in
                let position = Int(position)
                return Value.record(Record(Self.mentionShape, [converted.context(position), .string(anchorPrefix + String(converted.mentions[position].ordinal))]))
            }
            return .record(articleSummary(converted, url: url, shape: Self.groupShape, .list(mentions)))
        })
        if pageCount > 1 {
            model["pagination"] = [
                "current": .int(number), "total": .int(pageCount),
                "previous": number > 1 ? .string(SitePaths.relative(from: path, to: SitePaths.entity(entity.type, entity.id, page: number - 1))) : .null,
                "next": number < pageCount ? .string(SitePaths.relative(from: path, to: SitePaths.entity(entity.type, entity.id, page: number + 1))) : .null,
            ]
        }
        return Page(path: path, template: template(of: .entity(entity.id, page: number)), model: .object(model))
    }
}
