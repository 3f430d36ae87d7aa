import Entities
import SourceText
import Templating

extension PageBuilder {
    static let companionsShown = 40
    /// A group of mentions is the article's summary with its mentions; a mention its sentence
    /// and the link to it.
    static let groupShape = summaryShape.adding(["mentions"])
    static let mentionShape = Shape(["context", "url"])

    /// Page `number` of the entity at registry position `position`: mentions grouped by
    /// article, `articlesPerEntityPage` articles a page.
    func entityPage(_ position: Int, page number: Int, _ reads: inout Reads) -> Page {
        // Its name and type on every page; the rest of what the registry says on the first.
        let link = inputs.link(position, &reads)
        let articleCount = inputs.articleCount(of: position, &reads)
        let pageCount = entityPageCount(groups: articleCount)
        let path = SitePaths.entity(link.type, link.id, page: number)
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: link.name, &reads)
        model["name"] = .string(link.name)
        model["type"] = .string(link.type.rawValue)
        model["typeLabel"] = .string(strings[link.type.rawValue])
        model["typeIndexURL"] = .string(SitePaths.relative(from: path, to: SitePaths.index(link.type)))
        model["typePlural"] = .string(strings[SitePaths.folder(link.type)])
        model["mentionCount"] = .int(inputs.mentionCount(position, &reads))
        model["articleCount"] = .int(articleCount)
        // The overview goes on the first page only; later pages of a frequent entity list mentions.
        if number == 1 {
            let entity = inputs.entity(position, &reads)
            model["description"] = .string(entity.description)
            model["wikidata"] = entity.wikidata.map { ["id": .string($0), "url": .string("https://www.wikidata.org/wiki/\($0)")] } ?? .null
            if let latitude = entity.latitude, let longitude = entity.longitude {
                model["coordinates"] = [
                    "lat": .double(latitude), "lon": .double(longitude),
                    "url": .string("https://www.openstreetmap.org/?mlat=\(latitude)&mlon=\(longitude)#map=8/\(latitude)/\(longitude)"),
                ]
            }
            let overview = inputs.overview(of: position, companions: Self.companionsShown, &reads)
            model["surfaces"] = .list(overview.surfaces.map { ["text": .string($0.key), "count": .int($0.count)] })
            model["outlets"] = .list(overview.outlets.map { ["name": .string($0.key), "count": .int($0.count)] })
            // The most frequent companions only: a central figure appears with hundreds of entities.
            model["companions"] = entityLinks(overview.companions, root: root, &reads)
        }
        // Tables, not a list of objects: a page lists up to a thousand mentions.
        let first = (number - 1) * articlesPerEntityPage
        let chunk = inputs.listing(of: position, first..<first + articlesPerEntityPage, &reads)
        let listing = MentionListing(root: root, groups: chunk, entity: link.id)
        var groupRows: [Value] = []
        groupRows.reserveCapacity(chunk.count * Self.groupShape.keys.count)
        for group in 0..<chunk.count {
            listing.appendSummary(group, to: &groupRows)
            groupRows.append(.table(Table(Self.mentionShape, rows: listing.mentions(group))))
        }
        model["groups"] = .table(Table(Self.groupShape, rows: groupRows))
        if pageCount > 1 {
            model["pagination"] = [
                "current": .int(number), "total": .int(pageCount),
                "previous": number > 1 ? .string(SitePaths.relative(from: path, to: SitePaths.entity(link.type, link.id, page: number - 1))) : .null,
                "next": number < pageCount ? .string(SitePaths.relative(from: path, to: SitePaths.entity(link.type, link.id, page: number + 1))) : .null,
            ]
        }
        return Page(path: path, template: template(of: .entity(link.type, link.id, page: number)), model: .object(model))
    }
}

/// What one entity page shows of the articles it lists, written where the page shows it: their
/// summaries, the links to the articles and to the mentions in them, and each mention's
/// sentence. No string per link or sentence, and no reference to an article per mention: a page
/// of a frequent entity shows a thousand. A piece names its article and mention by number, and
/// is written from the article's own buffers (`ConvertedArticle.listing`, `text`) when the page
/// is: making the page's model reads nothing of the articles but whether a summary field is
/// empty. A link is the page's way back to the root, the article's path and, for a mention, its
/// anchor.
final class MentionListing: FragmentSource, @unchecked Sendable {
    /// The articles the page lists, in its order, each with where the entity's mentions lie in it.
    let groups: [(article: ConvertedArticle, run: ConvertedArticle.Run)]
    /// The listing page's way back to the root (`../../`).
    private let root: [UInt8]
    /// `#`, the entity's id and `-`: a mention's anchor up to its number (`#wladimir-putin-2`).
    private let anchor: [UInt8]

    /// `groups` in the order of the page, linked from a page whose way back to the root is `root`.
    init(root: String, groups: [(article: ConvertedArticle, run: ConvertedArticle.Run)], entity: String) {
        self.groups = groups
        self.root = Array(root.utf8)
        anchor = Array("#\(entity)-".utf8)
    }

    /// Appends the values of `PageBuilder.summaryShape` for the page's `group`-th article to a
    /// table's `rows`: its summary, written from the article's escaped fields, and the link to it.
    func appendSummary(_ group: Int, to rows: inout [Value]) {
        let article = groups[group].article
        for field in ConvertedArticle.summaryFields.indices {
            // An empty field stays an empty string, which sections take as false.
            rows.append(article.listingRange(field).isEmpty ? .string("") : piece(.summary, group, field))
        }
        rows.append(piece(.link, group, 0))
    }

    /// The rows of `PageBuilder.mentionShape` for the entity's mentions in the page's `group`-th
    /// article, in text order: each mention's sentence, as HTML with the mention itself in
    /// `<mark>`, and the link to it.
    func mentions(_ group: Int) -> [Value] {
        let count = Int(groups[group].run.count)
        var rows: [Value] = []
        rows.reserveCapacity(2 * count)
        for mention in 0..<count {
            rows.append(piece(.sentence, group, mention))
            rows.append(piece(.link, group, mention + 1))
        }
        return rows
    }

    /// What a fragment of the listing is: its kind, its group and a number within the group (a
    /// summary field, the entity's mentions counted from 1 for links, as 0 is the article itself,
    /// and from 0 for sentences), in one integer.
    private enum Kind: Int {
        case link, sentence, summary
    }

    private func piece(_ kind: Kind, _ group: Int, _ number: Int) -> Value {
        .fragment(Fragment(self, kind.rawValue << 56 | group << 32 | number))
    }

    override func writeFragment(_ index: Int, to output: inout [UInt8]) {
        let (article, run) = groups[index >> 32 & 0xFF_FFFF]
        let number = index & 0xFFFF_FFFF
        switch Kind(rawValue: index >> 56)! {
        case .sentence:
            let mention = article.mention(number, in: run)
            Sentence.write(article.text, sentence: mention.sentence, mark: mention.mark, to: &output)
        case .summary:
            article.writeListing(number, to: &output)
        case .link:
            output.append(contentsOf: root)
            article.writeListing(ConvertedArticle.pathPiece, to: &output)
            guard number > 0 else { return }
            output.append(contentsOf: anchor)
            output.appendDecimal(Int(article.mention(number - 1, in: run).ordinal))
        }
    }
}
