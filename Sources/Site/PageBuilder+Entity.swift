import Entities
import Templating

extension PageBuilder {
    static let companionsShown = 40
    /// A group of mentions is the article's summary with its mentions; a mention its sentence
    /// and the link to it.
    static let groupShape = summaryShape.adding(["mentions"])
    static let mentionShape = Shape(["context", "url"])

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
            model["companions"] = entityLinks(Array(overview.companions.prefix(Self.companionsShown)), root: root)
        }
        // Tables, not a list of objects: a page lists up to a thousand mentions.
        let urls = chunk.map { articleURL(articles[Int($0.article)], root: root) }
        let anchors = MentionAnchors(prefixes: urls.map { $0 + "#" + entity.id + "-" })
        var groupRows: [Value] = []
        groupRows.reserveCapacity(chunk.count * Self.groupShape.keys.count)
        for (slot, group) in chunk.enumerated() {
            let converted = articles[Int(group.article)]
            var mentions: [Value] = []
            mentions.reserveCapacity(Int(group.run.count) * 2)
            for position in converted.positions(group.run).lazy.map(Int.init) {
                mentions.append(converted.context(position))
                mentions.append(anchors.link(group: slot, ordinal: Int(converted.mentions[position].ordinal)))
            }
            appendSummary(of: converted, url: urls[slot], to: &groupRows)
            groupRows.append(.table(Table(Self.mentionShape, rows: mentions)))
        }
        model["groups"] = .table(Table(Self.groupShape, rows: groupRows))
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

/// The links to the mentions listed on one entity page, written where the page shows them:
/// the anchor link of the group's article, then the mention's number. No string per mention.
final class MentionAnchors: FragmentSource, @unchecked Sendable {
    /// Per group of the page, the link to its article up to the mention's number.
    let prefixes: [String]

    init(prefixes: [String]) {
        self.prefixes = prefixes
    }

    func link(group: Int, ordinal: Int) -> Value {
        .fragment(Fragment(self, group << 32 | ordinal))
    }

    override func writeFragment(_ index: Int, to output: inout [UInt8]) {
        output.append(contentsOf: prefixes[index >> 32].utf8)
        output.append(contentsOf: String(index & 0xFFFF_FFFF).utf8)
    }
}
