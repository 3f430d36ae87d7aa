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
        let links = ArticleLinks(root: root, articles: chunk.map { articles[Int($0.article)] }, anchor: entity.id)
        var groupRows: [Value] = []
        groupRows.reserveCapacity(chunk.count * Self.groupShape.keys.count)
        for (slot, group) in chunk.enumerated() {
            let converted = links.articles[slot]
            var mentions: [Value] = []
            mentions.reserveCapacity(Int(group.run.count) * 2)
            for position in converted.positions(group.run).lazy.map(Int.init) {
                mentions.append(converted.context(position))
                mentions.append(links.link(slot, mention: Int(converted.mentions[position].ordinal)))
            }
            appendSummary(of: converted, url: links.link(slot), to: &groupRows)
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

/// The links of one entity page to the articles it lists and to the mentions in them, written
/// where the page shows them from the page's way back to the root, the article's path and the
/// mention's anchor: no string per link.
final class ArticleLinks: FragmentSource, @unchecked Sendable {
    let root: String
    /// The articles the page lists, in its order.
    let articles: [ConvertedArticle]
    /// The entity's id, which its mention anchors start with (`wladimir-putin-2`).
    let anchor: String

    init(root: String, articles: [ConvertedArticle], anchor: String) {
        self.root = root
        self.articles = articles
        self.anchor = anchor
    }

    /// The link to the page's `article`-th article, or to its `mention`-th mention of the entity.
    func link(_ article: Int, mention: Int = 0) -> Value {
        .fragment(Fragment(self, article << 32 | mention))
    }

    override func writeFragment(_ index: Int, to output: inout [UInt8]) {
        output.append(contentsOf: root.utf8)
        output.append(contentsOf: articles[index >> 32].path.utf8)
        let mention = index & 0xFFFF_FFFF
        // Mentions count from 1: 0 is the article itself.
        guard mention > 0 else { return }
        output.append(UInt8(ascii: "#"))
        output.append(contentsOf: anchor.utf8)
        output.append(UInt8(ascii: "-"))
        output.append(contentsOf: String(mention).utf8)
    }
}
