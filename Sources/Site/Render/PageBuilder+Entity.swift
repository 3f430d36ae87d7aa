import Entities
import SourceText
import Templating

extension PageBuilder {
    static let companionsShown = 40
    /// How many of its quotes an entity's first page shows, the newest.
    static let quotesShown = 20
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
        model["reference"] = .string(Entity.reference(type: link.type, id: link.id))
        model["type"] = .string(link.type.rawValue)
        model["typeLabel"] = .string(strings[link.type.rawValue])
        model["typeIndexURL"] = .string(SitePaths.relative(from: path, to: SitePaths.index(link.type)))
        model["typePlural"] = .string(strings[SitePaths.folder(link.type)])
        let mentionCount = inputs.mentionCount(position, &reads)
        model["mentionCount"] = .int(mentionCount)
        model["articleCount"] = .int(articleCount)
        model["mentionSummary"] = .string(strings.counted("mentionCount", mentionCount) + " " + strings.counted("inArticleCount", articleCount))
        if articleCount > 0 {
            model["pageFeed"] = .string(SitePaths.relative(from: path, to: SitePaths.entityFeed(link.type, link.id)))
            model["pageFeedTitle"] = .string(link.name)
        }
        // The overview goes on the first page only; later pages of a frequent entity list mentions.
        if number == 1 {
            let entity = inputs.entity(position, &reads)
            model["description"] = .string(entity.description)
            model["wikidata"] = entity.wikidata.map { ["id": .string($0), "url": .string("https://www.wikidata.org/wiki/\($0)")] } ?? .null
            if let latitude = entity.latitude, let longitude = entity.longitude {
                model["coordinates"] = [
                    "lat": .double(latitude), "lon": .double(longitude), "text": .string(coordinates(latitude: latitude, longitude: longitude)),
                    "url": .string(Self.openStreetMap(latitude: latitude, longitude: longitude)),
                    "map": .html(locatorMap(latitude: latitude, longitude: longitude, name: entity.name)),
                    "mapPage": .string(SitePaths.relative(from: path, to: SitePaths.map)),
                ]
            }
            let overview = inputs.overview(of: position, companions: Self.companionsShown, &reads)
            model["surfaces"] = .list(overview.surfaces.map { ["text": .string($0.key), "count": .int($0.count)] })
            model["outlets"] = .list(overview.outlets.map { ["name": .string($0.key), "count": .int($0.count)] })
            // The most frequent companions only: a central figure appears with hundreds of entities.
            // Each of the most frequent leads to the sentences the two share (`neighbourhood`).
            model["companions"] = .list(overview.companions.enumerated().map { index, companion in
                let other = inputs.link(companion.entity, &reads)
                return ["name": .string(other.name), "type": .string(other.type.rawValue), "url": .string(root + SitePaths.entity(other.type, other.id)),
                        "count": .int(companion.count), "together": index < Self.neighboursShown ? .string("#" + Self.togetherAnchor(other.id)) : .null]
            })
            for (key, value) in neighbourhood(of: position, companions: overview.companions, path: path, &reads) { model[key] = value }
            // The newest quotes; `quotes.html` has them all.
            let shown = inputs.quotes(of: position, in: 0..<Self.quotesShown, &reads), count = inputs.quoteCount(of: position)
            var quotes = Table.Builder(Self.quoteShape, capacity: shown.count)
            for (article, quote) in shown { appendQuote(article, quote, root: root, to: &quotes, &reads) }
            model["quotes"] = .table(quotes.table)
            model["quoteCount"] = .int(count)
            model["moreQuotes"] = count > Self.quotesShown ? .string(SitePaths.relative(from: path, to: SitePaths.speakerQuotes(link.id))) : .null
        }
        // Tables, not a list of objects: a page lists up to a thousand mentions.
        let first = (number - 1) * articlesPerEntityPage
        let chunk = inputs.listedGroups(of: position, first..<first + articlesPerEntityPage, &reads)
        let listing = MentionListing(root: root, entity: link.id, fieldLabels: fieldLabels, articles: inputs.articles)
        ConvertedArticle.prefetch(chunk, of: inputs.articles)
        var groups = Table.Builder(Self.groupShape, capacity: chunk.count)
        for group in chunk {
            groups.append { listing.add(group, &$0) }
        }
        model["groups"] = .table(groups.table)
        model["pagination"] = pagination(number, of: pageCount, at: path) { SitePaths.entity(link.type, link.id, page: $0) }
        return Page(path: path, template: template(of: .entity(link.type, link.id, page: number)), model: .object(model))
    }
}

extension PageBuilder {
    /// How many of a speaker's quotes `quotes.html` shows, the newest; a speaker quoted more
    /// often has pages of all (`quotes/<id>.html`, then `quotes/<id>/2.html`…), so the page
    /// stays readable at any size.
    static let quotesPerSpeaker = 5
    /// How many quotes a page of one speaker's lists.
    static let quotesPerSpeakerPage = 100

    /// How many pages of quotes the entity at `position` has: none when `quotes.html` shows
    /// all of its quotes.
    func quotePageCount(_ position: Int) -> Int {
        let count = inputs.quoteCount(of: position)
        return count > Self.quotesPerSpeaker ? Self.pageCount(count, perPage: Self.quotesPerSpeakerPage) : 0
    }

    /// The attributed quotes grouped by speaker, most quoted first, ties in German order: the
    /// newest of each, and a link to all where there are more; then the quotes without a
    /// speaker, newest first (`quotesShown`; all of them are in `data/dossier.json`).
    func quotesPage(_ reads: inout Reads) -> Page {
        let path = SitePaths.quotes
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: strings["quotes"], &reads)
        var bySpeaker: [Int32: (count: Int, items: Table.Builder)] = [:]
        var unattributed = (count: 0, items: Table.Builder(Self.quoteShape, capacity: Self.quotesShown))
        for (article, quote) in inputs.allQuotes(&reads) {
            guard quote.hasSpeaker else {
                unattributed.count += 1
                if unattributed.items.rowCount < Self.quotesShown { appendQuote(article, quote, root: root, to: &unattributed.items, &reads) }
                continue
            }
            // Taken out and put back: changed in place, not copied.
            var speaker = bySpeaker.removeValue(forKey: quote.speaker) ?? (0, Table.Builder(Self.quoteShape, capacity: Self.quotesPerSpeaker))
            speaker.count += 1
            if speaker.items.rowCount < Self.quotesPerSpeaker { appendQuote(article, quote, root: root, to: &speaker.items, &reads) }
            bySpeaker[quote.speaker] = speaker
        }
        let speakers = GermanCollation.sorted(Array(bySpeaker.keys), count: { bySpeaker[$0]!.count }, name: { inputs.link(Int($0), &reads).name })
        model["speakers"] = .list(speakers.map { speaker in
            let link = inputs.link(Int(speaker), &reads)
            let (count, items) = bySpeaker[speaker]!
            return ["name": .string(link.name), "type": .string(link.type.rawValue), "url": .string(root + SitePaths.entity(link.type, link.id)),
                    "id": .string(link.id), "count": .int(count), "quotes": .table(items.table),
                    "all": count > Self.quotesPerSpeaker ? .string(root + SitePaths.speakerQuotes(link.id)) : .null]
        })
        // Quotes no speaker could be given with certainty: how many, the newest, and where all are.
        model["unattributed"] = unattributed.count == 0 ? .null
            : ["count": .int(unattributed.count), "quotes": .table(unattributed.items.table),
               "more": unattributed.count > Self.quotesShown ? .string(root + SitePaths.dossierData) : .null]
        return Page(path: path, template: template(of: .quotes), model: .object(model))
    }

    /// Page `number` of the quotes of the entity at `position`, newest first,
    /// `quotesPerSpeakerPage` a page.
    func speakerQuotesPage(_ position: Int, page number: Int, _ reads: inout Reads) -> Page {
        let link = inputs.link(position, &reads)
        let path = SitePaths.speakerQuotes(link.id, page: number)
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: "\(strings["quotes"]): \(link.name)", &reads)
        let first = (number - 1) * Self.quotesPerSpeakerPage
        let shown = inputs.quotes(of: position, in: first..<first + Self.quotesPerSpeakerPage, &reads)
        model["name"] = .string(link.name)
        model["type"] = .string(link.type.rawValue)
        model["url"] = .string(root + SitePaths.entity(link.type, link.id))
        model["count"] = .int(inputs.quoteCount(of: position))
        model["quotesURL"] = .string(root + SitePaths.quotes + "#\(link.id)")
        var quotes = Table.Builder(Self.quoteShape, capacity: shown.count)
        for (article, quote) in shown { appendQuote(article, quote, root: root, to: &quotes, &reads) }
        model["quotes"] = .table(quotes.table)
        model["pagination"] = pagination(number, of: quotePageCount(position), at: path) { SitePaths.speakerQuotes(link.id, page: $0) }
        return Page(path: path, template: template(of: .speakerQuotes(link.id, page: number)), model: .object(model))
    }

    /// What lists show of a quote (`appendQuote`): a table's columns, so that a page of a hundred
    /// quotes renders them by one plan rather than looking up each name in each quote's object.
    static let quoteShape = Shape(["text", "open", "close", "lang", "outlet", "date", "dateText", "title", "url"])
    static let quoteFields = (text: quoteShape["text"], open: quoteShape["open"], close: quoteShape["close"], lang: quoteShape["lang"],
                              outlet: quoteShape["outlet"], date: quoteShape["date"], dateText: quoteShape["dateText"], title: quoteShape["title"],
                              url: quoteShape["url"])

    /// Appends a quote as lists show it to `quotes` (of `quoteShape`): its words in the quotation
    /// marks of the article's language (and that language, where it is not the page's), the
    /// article's outlet, date and title, and the link to the spot (the mention that locates it:
    /// the speaker's it is attributed by).
    func appendQuote(_ article: ConvertedArticle, _ quote: Quote, root: String, to quotes: inout Table.Builder, _ reads: inout Reads) {
        let anchor = quoteAnchor(article, quote, &reads).map { "#" + $0 } ?? ""
        let language = article.article.language
        let marks = Localization.quotationMarks(for: language)
        let fields = Self.quoteFields
        let lang = languageOfPart(language)
        quotes.append { row in
            row[fields.text] = .string(String(decoding: article.text[quote.range], as: UTF8.self))
            row[fields.open] = .string(marks.open)
            row[fields.close] = .string(marks.close)
            row[fields.lang] = lang
            row[fields.outlet] = .string(article.article.outlet)
            row[fields.date] = .string(article.article.date)
            row[fields.dateText] = .string(article.dateText)
            row[fields.title] = .string(article.article.title)
            row[fields.url] = .string(root + article.path + anchor)
        }
    }

    /// The anchor on the article's page of the mention that locates `quote`; nil where none does.
    func quoteAnchor(_ article: ConvertedArticle, _ quote: Quote, _ reads: inout Reads) -> String? {
        guard quote.mention >= 0 else { return nil }
        let mention = article.mentions[Int(quote.mention)]
        return "\(inputs.link(Int(mention.entity), &reads).id)-\(mention.ordinal)"
    }
}

/// What one entity page shows of the articles it lists, written where the page shows it: their
/// summaries, the links to the articles and to the mentions in them, and each mention's
/// sentence. No string per link or sentence, and no reference to an article per mention: a page
/// of a frequent entity shows a thousand. Each is a fragment whose number says what it is
/// (`Piece`), written from the article's own buffers (`ConvertedArticle.listing`, `text`) when
/// the page is: making the page's model reads nothing of the articles but whether a summary
/// field is empty, and stores nothing per fragment. A link is the page's way back to the root,
/// the article's path and, for a mention, its anchor.
final class MentionListing: FragmentSource, @unchecked Sendable {
    /// The listing page's way back to the root (`../../`).
    private let root: [UInt8]
    /// `#`, the entity's id and `-`: a mention's anchor up to its number (`#wladimir-putin-2`).
    private let anchor: [UInt8]
    /// All articles in date order, which `groups` point into.
    private let articles: [ConvertedArticle]
    /// The articles listed (positions in `articles`), with where the entity's mentions lie in each.
    private var groups: [MentionIndex.Group] = []

    /// What a fragment is, packed into its number: the kind in the bits from 60, the article
    /// (in `groups`) in those from 32, the kind's `number` in the lower 32.
    private struct Piece {
        enum Kind: Int {
            /// `number` is a summary field's position in `ConvertedArticle.summaryFields`.
            case summary
            /// `number` 0 is the link to the article, n to its n-th mention of the entity.
            case link
            /// `number` n is the sentence of the article's mention n (from 0).
            case sentence
        }

        var kind: Kind
        var article: Int
        var number: Int

        init(_ kind: Kind, _ article: Int, _ number: Int) {
            (self.kind, self.article, self.number) = (kind, article, number)
        }

        init(fragment: Int) {
            (kind, article, number) = (Kind(rawValue: fragment >> 60)!, (fragment >> 32) & 0x0FFF_FFFF, fragment & 0xFFFF_FFFF)
        }

        var fragment: Int { kind.rawValue << 60 | article << 32 | number }
    }

    /// The listing of a page whose way back to the root is `root`, of the entity `entity`,
    /// of some of `articles` (all of them in date order).
    init(root: String, entity: String, fieldLabels: [[UInt8]], articles: [ConvertedArticle]) {
        self.root = Array(root.utf8)
        anchor = Array("#\(entity)-".utf8)
        self.fieldLabels = fieldLabels
        self.articles = articles
    }

    /// Per `Article.Field`, what stands before a mention outside the body: `<span class="field">Bildunterschrift</span> `.
    let fieldLabels: [[UInt8]]

    /// Lists the article of `group` (the entity's mentions in it) in `row` (of
    /// `PageBuilder.groupShape`): its summary, the link to it, and its mentions in text order,
    /// each its sentence (as HTML with the mention itself in `<mark>`) and the link to it. Used
    /// by the one thread making the page.
    func add(_ group: MentionIndex.Group, _ row: inout Table.Record) {
        let listed = groups.count
        groups.append(group)
        for (number, field) in PageBuilder.summaryFields.enumerated() {
            // An empty field stays an empty string, which sections take as false.
            row[field] = articles.withArticle(Int(group.article)) { $0.listingRange(number).isEmpty } ? .string("") : piece(.summary, listed, number)
        }
        row[PageBuilder.url] = piece(.link, listed, 0)
        var mentions = Table.Builder(PageBuilder.mentionShape, capacity: Int(group.run.count))
        for mention in 0..<Int(group.run.count) {
            mentions.append { mentionRow in
                mentionRow[PageBuilder.context] = piece(.sentence, listed, mention)
                mentionRow[PageBuilder.mentionURL] = piece(.link, listed, mention + 1)
            }
        }
        row[PageBuilder.groupMentions] = .table(mentions.table)
    }

    private func piece(_ kind: Piece.Kind, _ article: Int, _ number: Int) -> Value {
        .fragment(Fragment(self, Piece(kind, article, number).fragment))
    }

    override func writeFragment(_ index: Int, to output: ByteBuffer) {
        let piece = Piece(fragment: index)
        let number = piece.number
        let group = groups[piece.article]
        // A page writes thousands of fragments: their articles are read without counting references.
        articles.withArticle(Int(group.article)) { article in
            switch piece.kind {
            case .summary:
                article.writeListing(number, to: output)
            case .sentence:
                let mention = article.mention(number, in: group.run)
                // The body's label is empty: not read, as reading one counts a reference to
                // it, and the labels are every page's on both cores.
                if mention.field != .body { output.append(fieldLabels[Int(mention.field.rawValue)]) }
                Sentence.write(article.text, sentence: mention.sentence, mark: mention.mark, to: output)
            case .link:
                output.append(root)
                article.writeListing(ConvertedArticle.pathPiece, to: output)
                guard number > 0 else { return }
                output.append(anchor)
                output.appendDecimal(Int(article.mention(number - 1, in: group.run).ordinal))
            }
        }
    }
}
