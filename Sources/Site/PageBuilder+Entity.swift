import Entities
import Templating

extension PageBuilder {
    static let companionsShown = 40

    /// Page `number` of an entity: mentions grouped by article, `articlesPerEntityPage` articles a page.
    func entityPage(_ entity: Entity, page number: Int) -> Page {
        let mentions = index.mentions[entity.id] ?? []
        let groups = index.groupedByArticle(entity.id)
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
        model["description"] = .string(entity.description)
        model["wikidata"] = entity.wikidata.map { ["id": .string($0), "url": .string("https://www.wikidata.org/wiki/\($0)")] } ?? .null
        if let latitude = entity.latitude, let longitude = entity.longitude {
            model["coordinates"] = [
                "lat": .double(latitude), "lon": .double(longitude),
                "url": .string("https://www.openstreetmap.org/?mlat=\(latitude)&mlon=\(longitude)#map=8/\(latitude)/\(longitude)"),
            ]
        }
        model["mentionCount"] = .int(mentions.count)
        model["articleCount"] = .int(groups.count)
        model["surfaces"] = .list(index.surfaces(entity.id).map { ["text": .string($0.key), "count": .int($0.count)] })
        model["outlets"] = .list(index.outlets(entity.id).map { ["name": .string($0.key), "count": .int($0.count)] })
        // The most frequent companions only: a central figure appears with hundreds of entities.
        model["companions"] = .list((index.companions[entity.id] ?? []).prefix(Self.companionsShown).map { entityLink($0.key, root: root, count: $0.count) })
        model["groups"] = .list(chunk.compactMap { group in
            guard let converted = articlesBySlug[group.slug] else { return nil }
            var summary = articleSummary(converted, from: path)
            let articleURL = SitePaths.relative(from: path, to: SitePaths.article(group.slug))
            summary["mentions"] = .list(mentions[group.range].map { mention in
                ["context": .html(Self.highlight(mention)), "url": .string("\(articleURL)#\(mention.anchor)"), "surface": .string(mention.surface)]
            })
            return .object(summary)
        })
        if pageCount > 1 {
            model["pagination"] = [
                "current": .int(number), "total": .int(pageCount),
                "previous": number > 1 ? .string(SitePaths.relative(from: path, to: SitePaths.entity(entity.type, entity.id, page: number - 1))) : .null,
                "next": number < pageCount ? .string(SitePaths.relative(from: path, to: SitePaths.entity(entity.type, entity.id, page: number + 1))) : .null,
            ]
        }
        return Page(path: path, template: entity.type.rawValue, model: .object(model))
    }

    /// The sentence as HTML with the mention in `<mark>`.
    static func highlight(_ mention: Mention) -> String {
        let bytes = Array(mention.sentence.utf8)
        let before = String(decoding: bytes[..<mention.range.lowerBound], as: UTF8.self)
        let marked = String(decoding: bytes[mention.range], as: UTF8.self)
        let after = String(decoding: bytes[mention.range.upperBound...], as: UTF8.self)
        return HTMLEscaping.escape(before) + "<mark>" + HTMLEscaping.escape(marked) + "</mark>" + HTMLEscaping.escape(after)
    }

}
