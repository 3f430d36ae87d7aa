import Entities
import SourceText
import Templating

extension PageBuilder {
    static let companionsShown = 40
    /// A group of mentions is the article's summary with its mentions; a mention its sentence
    /// and the link to it.
    static let groupShape = summaryShape.adding(["mentions"])
    static let mentionShape = Shape(["context", "url"])
    static let (groupMentions, context, mentionURL) = (groupShape["mentions"], mentionShape["context"], mentionShape["url"])

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
        let listing = MentionListing(root: root, entity: link.id)
        var groups = Table.Builder(Self.groupShape, capacity: chunk.count)
        for (article, run) in chunk {
            groups.append { listing.fill(article, run, &$0) }
        }
        model["groups"] = .table(groups.table)
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
/// of a frequent entity shows a thousand. Each is a fragment written from the article's own
/// buffers (`ConvertedArticle.listing`, `text`) when the page is: making the page's model reads
/// nothing of the articles but whether a summary field is empty. A link is the page's way back
/// to the root, the article's path and, for a mention, its anchor.
struct MentionListing {
    /// The listing page's way back to the root (`../../`).
    private let root: [UInt8]
    /// `#`, the entity's id and `-`: a mention's anchor up to its number (`#wladimir-putin-2`).
    private let anchor: [UInt8]

    /// The listing of a page whose way back to the root is `root`, of the entity `entity`.
    init(root: String, entity: String) {
        self.root = Array(root.utf8)
        anchor = Array("#\(entity)-".utf8)
    }

    /// Fills `row`, a row of `PageBuilder.groupShape`, for `article`, whose mentions of the
    /// entity are `run`: its summary, the link to it, and its mentions in text order, each its
    /// sentence (as HTML with the mention itself in `<mark>`) and the link to it.
    func fill(_ article: ConvertedArticle, _ run: ConvertedArticle.Run, _ row: inout Table.Record) {
        let summary = Summary(article), links = Links(article, run, root: root, anchor: anchor), sentences = Sentences(article, run)
        for (number, field) in PageBuilder.summaryFields.enumerated() {
            // An empty field stays an empty string, which sections take as false.
            row[field] = article.listingRange(number).isEmpty ? .string("") : .fragment(Fragment(summary, number))
        }
        row[PageBuilder.url] = .fragment(Fragment(links, 0))
        var mentions = Table.Builder(PageBuilder.mentionShape, capacity: Int(run.count))
        for mention in 0..<Int(run.count) {
            mentions.append { mentionRow in
                mentionRow[PageBuilder.context] = .fragment(Fragment(sentences, mention))
                mentionRow[PageBuilder.mentionURL] = .fragment(Fragment(links, mention + 1))
            }
        }
        row[PageBuilder.groupMentions] = .table(mentions.table)
    }

    /// An article's summary fields, by their number in `ConvertedArticle.summaryFields`.
    private final class Summary: FragmentSource, @unchecked Sendable {
        let article: ConvertedArticle

        init(_ article: ConvertedArticle) {
            self.article = article
        }

        override func writeFragment(_ field: Int, to output: inout [UInt8]) {
            article.writeListing(field, to: &output)
        }
    }

    /// Link 0 is the article's, link n its n-th mention of the entity.
    private final class Links: FragmentSource, @unchecked Sendable {
        let article: ConvertedArticle, run: ConvertedArticle.Run
        let root: [UInt8], anchor: [UInt8]

        init(_ article: ConvertedArticle, _ run: ConvertedArticle.Run, root: [UInt8], anchor: [UInt8]) {
            (self.article, self.run, self.root, self.anchor) = (article, run, root, anchor)
        }

        override func writeFragment(_ number: Int, to output: inout [UInt8]) {
            output.append(contentsOf: root)
            article.writeListing(ConvertedArticle.pathPiece, to: &output)
            guard number > 0 else { return }
            output.append(contentsOf: anchor)
            output.appendDecimal(Int(article.mention(number - 1, in: run).ordinal))
        }
    }

    /// The sentences of the article's mentions of the entity, counted from 0.
    private final class Sentences: FragmentSource, @unchecked Sendable {
        let article: ConvertedArticle, run: ConvertedArticle.Run

        init(_ article: ConvertedArticle, _ run: ConvertedArticle.Run) {
            (self.article, self.run) = (article, run)
        }

        override func writeFragment(_ number: Int, to output: inout [UInt8]) {
            let mention = article.mention(number, in: run)
            Sentence.write(article.text, sentence: mention.sentence, mark: mention.mark, to: &output)
        }
    }
}
