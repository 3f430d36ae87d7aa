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
            listing.appendSummary(slot, to: &groupRows)
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

/// What one entity page shows of the articles it lists, written where the page shows it: their
/// summaries, the links to the articles and to the mentions in them, and each mention's
/// sentence. No string per link or sentence, and no reference to an article per mention: a page
/// of a frequent entity shows a thousand. The pieces are written from the articles' own
/// buffers (`ConvertedArticle.listing`, `text`); a link is the page's way back to the root, the
/// article's path and, for a mention, its anchor.
final class MentionListing: FragmentSource, @unchecked Sendable {
    /// The articles the page lists, in its order.
    let articles: [ConvertedArticle]
    /// The listing page's way back to the root (`../../`).
    private let root: [UInt8]
    /// `#`, the entity's id and `-`: a mention's anchor up to its number (`#wladimir-putin-2`).
    private let anchor: [UInt8]

    /// `articles` in the order of the page, linked from a page whose way back to the root is `root`.
    init(root: String, articles: [ConvertedArticle], entity: String) {
        self.articles = articles
        self.root = Array(root.utf8)
        anchor = Array("#\(entity)-".utf8)
    }

    /// Appends the values of `PageBuilder.summaryShape` for the page's `article`-th article to a
    /// table's `rows`: its summary, written from the article's escaped fields, and the link to it.
    func appendSummary(_ article: Int, to rows: inout [Value]) {
        let converted = articles[article]
        for field in ConvertedArticle.summaryFields.indices {
            // An empty field stays an empty string, which sections take as false.
            rows.append(converted.listingRange(field).isEmpty ? .string("") : piece(.summary, article, field))
        }
        rows.append(link(article))
    }

    /// The link to the page's `article`-th article, or to its `mention`-th mention of the entity.
    func link(_ article: Int, mention: Int = 0) -> Value {
        piece(.link, article, mention)
    }

    /// The sentence of the mention at `position` in the `article`-th article's mentions, as
    /// HTML with the mention itself in `<mark>`.
    func sentence(_ article: Int, _ position: Int) -> Value {
        piece(.sentence, article, position)
    }

    /// What a fragment of the listing is: its kind, its article and a number within the article
    /// (a mention's, a position in the mentions, a summary field), in one integer.
    private enum Kind: Int {
        case link, sentence, summary
    }

    private func piece(_ kind: Kind, _ article: Int, _ number: Int) -> Value {
        .fragment(Fragment(self, kind.rawValue << 56 | article << 32 | number))
    }

    override func writeFragment(_ index: Int, to output: inout [UInt8]) {
        let article = index >> 32 & 0xFF_FFFF
        let number = index & 0xFFFF_FFFF
        switch Kind(rawValue: index >> 56)! {
        case .sentence:
            let converted = articles[article]
            let mention = converted.mentions[number]
            Sentence.write(converted.text, sentence: mention.sentence, mark: mention.mark, to: &output)
        case .summary:
            articles[article].writeListing(number, to: &output)
        case .link:
            output.append(contentsOf: root)
            articles[article].writeListing(ConvertedArticle.pathPiece, to: &output)
            // Mentions count from 1: 0 is the article itself.
            guard number > 0 else { return }
            output.append(contentsOf: anchor)
            output.append(contentsOf: String(number).utf8)
        }
    }
}
