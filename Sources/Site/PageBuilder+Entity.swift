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
            let overview = index.overview(position, companions: Self.companionsShown)
            model["surfaces"] = .list(overview.surfaces.map { ["text": .string($0.key), "count": .int($0.count)] })
            model["outlets"] = .list(overview.outlets.map { ["name": .string($0.key), "count": .int($0.count)] })
            // The most frequent companions only: a central figure appears with hundreds of entities.
            model["companions"] = entityLinks(overview.companions, root: root)
        }
        // Tables, not a list of objects: a page lists up to a thousand mentions.
        let listing = MentionListing(root: root, articles: chunk.map { articles[Int($0.article)] }, entity: entity.id)
        var groupRows: [Value] = []
        groupRows.reserveCapacity(chunk.count * Self.groupShape.keys.count)
        for (slot, group) in chunk.enumerated() {
            let converted = listing.articles[slot]
            var mentions: [Value] = []
            mentions.reserveCapacity(Int(group.run.count) * 2)
            for position in converted.positions(group.run).lazy.map(Int.init) {
                mentions.append(listing.sentence(slot, position))
                mentions.append(listing.link(slot, mention: Int(converted.mentions[position].ordinal)))
            }
            appendSummary(of: converted, url: listing.link(slot), to: &groupRows)
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

/// What one entity page shows of the articles it lists, written where the page shows it: the
/// links to the articles and to the mentions in them, and each mention's sentence. No string
/// per link or sentence, and no reference to an article per mention: a page of a frequent
/// entity shows a thousand. The links to the articles are made once per page into one buffer;
/// a mention's link is its article's with the mention's anchor after it.
final class MentionListing: FragmentSource, @unchecked Sendable {
    /// The articles the page lists, in its order.
    let articles: [ConvertedArticle]
    /// The link to each article, one after another: article `n`'s ends at `ends[n]`.
    private let links: [UInt8]
    private let ends: [Int]
    /// `#`, the entity's id and `-`: a mention's anchor up to its number (`#wladimir-putin-2`).
    private let anchor: [UInt8]

    /// `articles` in the order of the page, linked from a page whose way back to the root is `root`.
    init(root: String, articles: [ConvertedArticle], entity: String) {
        self.articles = articles
        var links: [UInt8] = []
        links.reserveCapacity(articles.count * (root.utf8.count + 32))
        ends = articles.map { article in
            links += root.utf8
            links += article.path.utf8
            return links.count
        }
        self.links = links
        anchor = Array("#\(entity)-".utf8)
    }

    /// The link to the page's `article`-th article, or to its `mention`-th mention of the entity.
    func link(_ article: Int, mention: Int = 0) -> Value {
        .fragment(Fragment(self, article << 32 | mention))
    }

    /// The sentence of the mention at `position` in the `article`-th article's mentions, as
    /// HTML with the mention itself in `<mark>`.
    func sentence(_ article: Int, _ position: Int) -> Value {
        .fragment(Fragment(self, Self.sentenceFlag | article << 32 | position))
    }

    private static let sentenceFlag = 1 << 62

    override func writeFragment(_ index: Int, to output: inout [UInt8]) {
        let article = (index & ~Self.sentenceFlag) >> 32
        let number = index & 0xFFFF_FFFF
        if index & Self.sentenceFlag != 0 {
            let converted = articles[article]
            let mention = converted.mentions[number]
            Sentence.write(converted.text, sentence: mention.sentence, mark: mention.mark, to: &output)
            return
        }
        let start = article == 0 ? 0 : ends[article - 1]
        links.withUnsafeBufferPointer { output.append(contentsOf: $0[start..<ends[article]]) }
        // Mentions count from 1: 0 is the article itself.
        guard number > 0 else { return }
        output.append(contentsOf: anchor)
        output.append(contentsOf: String(number).utf8)
    }
}
