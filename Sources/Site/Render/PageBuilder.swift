import Articles
import Entities
import SourceText
import Templating

/// Makes the page models templates see: plain values with relative links, no domain types.
struct PageBuilder: Sendable {
    /// One page to make: cheap to list, turned into a model only when it is rendered. Article
    /// pages are not jobs: they are made while converting, from the body's HTML.
    enum Job: Sendable, Hashable {
        case home
        case entityIndex(EntityType)
        case entity(EntityType, String, page: Int)
        /// The outlets compared, and one outlet's page (by its path).
        case outlets
        case outlet(String)
        /// The articles by date and outlet.
        case timeline
        /// The attributed quotes by speaker, the newest of each; and a page of all of one
        /// speaker's (by id).
        case quotes
        case speakerQuotes(String, page: Int)
        /// The passages several articles share, with their differences.
        case shared
        /// The places with coordinates on one map.
        case map
        /// The co-occurrence network of the most mentioned entities.
        case network
        /// The files of `data/`: the dossier as JSON, an article's mentions, an entity's as CSV.
        case dossierData
        case entityPreviews
        case articleData(String)
        /// `data/articles.csv`, `data/entities.csv` and `data/mentions.csv`.
        case articlesTable
        case entitiesTable
        case mentionsTable
        /// The feeds of one entity's articles and of one outlet's (by its page's path).
        case entityFeed(EntityType, String)
        case outletFeed(String)
        case notFound
        /// The search page, which the form in every header leads to.
        case search
        case feed
        case sitemap

        var isEntityPage: Bool {
            if case .entity = self { true } else { false }
        }
    }

    /// What pages show, read through methods that note each read.
    let inputs: PageInputs
    let strings: Localization
    /// Articles per page on an entity page; a frequent entity gets several pages.
    let articlesPerEntityPage = 25
    private let words: Value
    private let site: Value
    /// The navigation of pages 0, 1 and 2 folders deep, per section (`section(of:)`).
    private let navigations: [[Value]]
    /// Per registry position, the path of the entity's page.
    private let entityPaths: PackedTexts
    /// Per registry position, the entity's reference (`Entity.reference`), which search filters by.
    let entityReferences: PackedTexts
    /// Per registry position, where the entity's id comes in the ids sorted: comparing these
    /// orders entities by id without comparing strings. Only the order of two ids is used, which
    /// their names (noted with the links) decide.
    let idRanks: [Int32]
    /// Per `Article.Field`, the label before a mention that stands outside the body.
    let fieldLabels: [[UInt8]]
    /// The start of the feeds' ids without `base_url`: `urn:dossier:<the title's slug>` (made
    /// once: a slug folds each character, and a dossier has thousands of feeds).
    let dossierURN: String

    init(inputs: PageInputs) {
        self.inputs = inputs
        let settings = inputs.settings
        strings = Localization(language: settings.language)
        words = .object(Members(strings.strings.mapValues { .string($0) }))
        site = ["title": .string(settings.title), "description": .string(settings.description)]
        let strings = strings
        navigations = (0...2).map { depth in
            (0...EntityType.allCases.count + 4).map { Self.navigation(root: String(repeating: "../", count: depth), current: $0, strings: strings) }
        }
        let (ids, types) = (inputs.entityIDs, inputs.entityTypes)
        entityPaths = PackedTexts(ids.indices.lazy.map { SitePaths.entity(types[$0], ids[$0]) })
        entityReferences = PackedTexts(ids.indices.lazy.map { Entity.reference(type: types[$0], id: ids[$0]) })
        var ranks = [Int32](repeating: 0, count: ids.count)
        for (rank, position) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() {
            ranks[position] = Int32(rank)
        }
        idRanks = ranks
        dossierURN = "urn:dossier:\(Slug.make(settings.title))"
        fieldLabels = Article.Field.allCases.map { field in
            field == .body ? [] : Array("<span class=\"field\">\(HTMLEscaping.escape(strings["field.\(field)"]))</span> ".utf8)
        }
    }

    /// Every page of the site but the articles, home first.
    func jobs() -> [Job] {
        var jobs: [Job] = [.home]
        let (ids, types) = (inputs.entityIDs, inputs.entityTypes)
        for type in EntityType.allCases {
            jobs.append(.entityIndex(type))
            for position in ids.indices where types[position] == type {
                jobs += (1...entityPageCount(groups: inputs.groupCount(position))).map { .entity(type, ids[position], page: $0) }
                if inputs.groupCount(position) > 0 { jobs.append(.entityFeed(type, ids[position])) }
            }
        }
        jobs.append(.timeline)
        jobs.append(.quotes)
        for position in ids.indices {
            jobs += (1..<quotePageCount(position) + 1).map { .speakerQuotes(ids[position], page: $0) }
        }
        jobs.append(.shared)
        jobs.append(.map)
        jobs.append(.network)
        jobs.append(.dossierData)
        jobs.append(.entityPreviews)
        jobs += [.articlesTable, .entitiesTable]
        if hasMentionsTable { jobs.append(.mentionsTable) }
        jobs += inputs.articles.map { .articleData($0.article.slug) }
        jobs.append(.outlets)
        jobs += inputs.outletPaths.map(Job.outlet)
        jobs += inputs.outletPaths.map(Job.outletFeed)
        return jobs + [.notFound, .search, .feed, .sitemap]
    }

    static let articleTemplate = "article"

    /// The template that renders the page of `job`.
    func template(of job: Job) -> String {
        switch job {
        case .home: "home"
        case .entityIndex: "entity-index"
        case .entity(let type, _, _): type.rawValue
        case .outlets: "outlets"
        case .outlet: "outlet"
        case .timeline: "timeline"
        case .quotes: "quotes"
        case .speakerQuotes: "speaker-quotes"
        case .shared: "shared"
        case .map: "map"
        case .network: "network"
        case .dossierData, .entityPreviews, .articleData, .articlesTable, .entitiesTable, .mentionsTable: ""
        case .entityFeed, .outletFeed: "feed"
        case .notFound: "not-found"
        case .search: "search"
        case .feed: "feed"
        case .sitemap: "sitemap"
        }
    }

    func path(of job: Job) -> String {
        switch job {
        case .home: SitePaths.home
        case .entityIndex(let type): SitePaths.index(type)
        case .entity(let type, let id, let page): SitePaths.entity(type, id, page: page)
        case .outlets: SitePaths.outlets
        case .outlet(let path): path
        case .timeline: SitePaths.timeline
        case .quotes: SitePaths.quotes
        case .speakerQuotes(let id, let page): SitePaths.speakerQuotes(id, page: page)
        case .shared: SitePaths.shared
        case .map: SitePaths.map
        case .network: SitePaths.network
        case .dossierData: SitePaths.dossierData
        case .entityPreviews: SitePaths.entityPreviews
        case .articleData(let slug): SitePaths.articleData(slug)
        case .articlesTable: SitePaths.articlesTable
        case .entitiesTable: SitePaths.entitiesTable
        case .mentionsTable: SitePaths.mentionsTable
        case .entityFeed(let type, let id): SitePaths.entityFeed(type, id)
        case .outletFeed(let page): SitePaths.outletFeed(page)
        case .notFound: SitePaths.notFound
        case .search: SitePaths.search
        case .feed: SitePaths.feed
        case .sitemap: SitePaths.sitemap
        }
    }

    /// The page model of `job`, noting in `reads` what it shows.
    func page(for job: Job, _ reads: inout Reads) -> Page {
        switch job {
        case .home: home(&reads)
        case .entityIndex(let type): entityIndex(type, &reads)
        case .entity(_, let id, let page): entityPage(inputs.position(of: id)!, page: page, &reads)
        case .outlets: outletComparison(&reads)
        case .outlet(let path): outletPage(path, &reads)
        case .timeline: timeline(&reads)
        case .quotes: quotesPage(&reads)
        case .speakerQuotes(let id, let page): speakerQuotesPage(inputs.position(of: id)!, page: page, &reads)
        case .shared: sharedPage(&reads)
        case .map: mapPage(&reads)
        case .network: networkPage(&reads)
        case .dossierData: dossierData(&reads)
        case .entityPreviews: entityPreviews(&reads)
        case .articleData(let slug): articleData(slug, &reads)
        case .articlesTable: articlesTable(&reads)
        case .entitiesTable: entitiesTable(&reads)
        case .mentionsTable: mentionsTable(&reads)
        case .entityFeed(let type, let id): entityFeed(type, id, &reads)
        case .outletFeed(let page): outletFeed(page, &reads)
        case .notFound: notFoundPage(&reads)
        case .search: searchPage(&reads)
        case .feed: feed(&reads)
        case .sitemap: sitemap(&reads)
        }
    }

    /// The path of every page, home and articles first, without making any model.
    func allPaths() -> [String] {
        [SitePaths.home] + inputs.articles.map(\.path) + jobs().filter { $0 != .home }.map(path)
    }

    /// How many pages an entity mentioned in `groups` articles fills, at least one.
    func entityPageCount(groups: Int) -> Int {
        Self.pageCount(groups, perPage: articlesPerEntityPage)
    }

    /// How many pages a list of `items` fills at `perPage` a page, at least one.
    static func pageCount(_ items: Int, perPage: Int) -> Int {
        max(1, (items + perPage - 1) / perPage)
    }

    /// The links between the pages of a list that fills `count` pages, seen from page `number`
    /// (at `path`); nil for a list of one page. `page` gives a page's path by its number.
    func pagination(_ number: Int, of count: Int, at path: String, page: (Int) -> String) -> Value? {
        guard count > 1 else { return nil }
        return [
            "current": .int(number), "total": .int(count),
            "previous": number > 1 ? .string(SitePaths.relative(from: path, to: page(number - 1))) : .null,
            "next": number < count ? .string(SitePaths.relative(from: path, to: page(number + 1))) : .null,
        ]
    }

    /// The position in date order of the first article a page lists (0 for pages but entity
    /// pages), for ordering work.
    func firstListed(by job: Job) -> Int {
        guard case .entity(_, let id, let page) = job, let position = inputs.position(of: id) else { return 0 }
        return inputs.firstListed(of: position, page: page, perPage: articlesPerEntityPage)
    }

    static func byDate(_ articles: [ConvertedArticle]) -> [ConvertedArticle] {
        articles.sorted { $0.order < $1.order }
    }

    /// The order of articles on the home page and in the feed: newest first, undated ones last,
    /// then by outlet and title in German order, then by slug.
    struct DateOrder: Comparable, Sendable {
        let date: String
        let outlet: String
        let title: String
        let slug: String

        init(_ article: Article) {
            date = article.date
            outlet = GermanCollation.key(article.outlet)
            title = GermanCollation.key(article.title)
            slug = article.slug
        }

        static func < (lhs: DateOrder, rhs: DateOrder) -> Bool {
            if lhs.date != rhs.date {
                if lhs.date.isEmpty || rhs.date.isEmpty { return rhs.date.isEmpty }
                return lhs.date > rhs.date
            }
            if lhs.outlet != rhs.outlet { return lhs.outlet < rhs.outlet }
            if lhs.title != rhs.title { return lhs.title < rhs.title }
            return lhs.slug < rhs.slug
        }
    }

    /// The `lang` of a part of a page written in `language` (an article, a quote): nil where it
    /// is the page's own (the interface's language, `<html lang>`), so that only a change is marked.
    func languageOfPart(_ language: String) -> Value {
        language == strings.language ? .null : .string(language)
    }

    /// Fields every page shares: where the root is, the site, the words, the navigation.
    func frame(for path: String, title: String, _ reads: inout Reads) -> Members {
        reads.note(InputKey(.settings))
        let root = SitePaths.root(of: path)
        return [
            "root": .string(root),
            "pageTitle": .string(title),
            "site": site,
            "language": .string(strings.language),
            "t": words,
            "nav": navigation(for: path),
        ]
    }

    /// The 404 page, which a server shows at any depth: its links start at the path of
    /// `base_url` ("/dossier/") when there is one, so they hold everywhere; without one they are
    /// relative to the site's root, right from disk and at the top, and `dossier serve` roots
    /// them for the address asked for.
    func notFoundPage(_ reads: inout Reads) -> Page {
        var model = frame(for: SitePaths.notFound, title: strings["notFound"], &reads)
        let root = SitePaths.notFoundRoot(baseURL: inputs.settings.baseURL)
        if !root.isEmpty {
            model["root"] = .string(root)
            model["nav"] = Self.navigation(root: root, current: Self.section(of: SitePaths.notFound), strings: strings)
        }
        return Page(path: SitePaths.notFound, template: template(of: .notFound), model: .object(model))
    }

    /// The site's sections as the page at `path` links them. Most pages are articles or entity
    /// pages, one or two folders deep: their lists are made once (`navigations`).
    private func navigation(for path: String) -> Value {
        let current = Self.section(of: path)
        let depth = SitePaths.depth(of: path)
        if depth < navigations.count { return navigations[depth][current] }
        return Self.navigation(root: SitePaths.root(of: path), current: current, strings: strings)
    }

    /// Which entry of the navigation the page at `path` is in: 0 the articles (and home), then
    /// the entity types in order, then the outlets, the timeline and the quotes; `EntityType.allCases.count + 4` none.
    private static func section(of path: String) -> Int {
        if path == SitePaths.home || path.hasPrefix("articles/") { return 0 }
        for (offset, type) in EntityType.allCases.enumerated() where path.hasPrefix(SitePaths.folder(type) + "/") { return offset + 1 }
        if path.hasPrefix("outlets/") { return EntityType.allCases.count + 1 }
        if path == SitePaths.timeline { return EntityType.allCases.count + 2 }
        if path == SitePaths.quotes || path.hasPrefix("quotes/") { return EntityType.allCases.count + 3 }
        return EntityType.allCases.count + 4
    }

    private static func navigation(root: String, current: Int, strings: Localization) -> Value {
        // A table: every page renders it, and a section over a table runs by a plan made once.
        let sections = [(strings["articles"], SitePaths.home)] + EntityType.allCases.map { (strings[SitePaths.folder($0)], SitePaths.index($0)) }
            + [(strings["outlets"], SitePaths.outlets), (strings["timeline"], SitePaths.timeline), (strings["quotes"], SitePaths.quotes)]
        var links = Table.Builder(navigationShape, capacity: sections.count)
        for (offset, (label, path)) in sections.enumerated() {
            links.append { link in
                link[navigationShape["label"]] = .string(label)
                link[navigationShape["url"]] = .string(root + path)
                link[navigationShape["current"]] = .bool(current == offset)
            }
        }
        return .table(links.table)
    }

    static let navigationShape = Shape(["label", "url", "current"])

    /// The fields of an entity link; index pages add the description.
    static let entityLinkShape = Shape(["name", "type", "url", "count"])
    static let describedEntityLinkShape = entityLinkShape.adding(["description"])
    static let (linkName, linkType, linkURL, linkCount, linkDescription) = (entityLinkShape["name"], entityLinkShape["type"],
        entityLinkShape["url"], entityLinkShape["count"], describedEntityLinkShape["description"])

    /// Links to entities' pages, with their counts, from a page whose way back to the root is
    /// `root` ("../"), as a table.
    ///
    /// Only index pages get the description: other pages show an entity by name, and a
    /// description edit then changes only the entity's pages and its index.
    func entityLinks(_ links: [(entity: Int, count: Int)], root: String, description: Bool = false, _ reads: inout Reads) -> Value {
        var rows = Table.Builder(description ? Self.describedEntityLinkShape : Self.entityLinkShape, capacity: links.count)
        let urls = EntityURLs(root: root, paths: entityPaths)
        for (position, mentions) in links {
            let link = inputs.link(position, &reads)
            let details = description ? inputs.entity(position, &reads).description : nil
            rows.append { row in
                row[Self.linkName] = .string(link.name)
                row[Self.linkType] = .string(link.type.rawValue)
                row[Self.linkURL] = .fragment(Fragment(urls, position))
                row[Self.linkCount] = .int(mentions)
                if let details { row[Self.linkDescription] = .string(details) }
            }
        }
        return .table(rows.table)
    }

    /// The links to entities' pages from one page, written into it where its template uses them:
    /// the page's way back to the root, then the path of the entity's page. Article pages link
    /// about a hundred entities each; a string per link would count a reference to one string per
    /// entity, made once and read by every page. Ids are slugs (the registry checks): nothing to escape.
    final class EntityURLs: FragmentSource, @unchecked Sendable {
        private let root: [UInt8]
        private let paths: PackedTexts

        init(root: String, paths: PackedTexts) {
            self.root = Array(root.utf8)
            self.paths = paths
        }

        override func writeFragment(_ index: Int, to output: ByteBuffer) {
            output.append(root)
            paths.append(index, to: output)
        }
    }

    /// `entityLinks` for entities at registry positions, each with how often it is mentioned.
    func entityLinks(_ positions: [Int], root: String, description: Bool = false, _ reads: inout Reads) -> Value {
        entityLinks(positions.map { ($0, inputs.mentionCount($0, &reads)) }, root: root, description: description, &reads)
    }

    /// The fields of an article in lists: its summary and the link to it.
    static let summaryShape = Shape(ConvertedArticle.summaryFields + ["url"])

    /// What lists of articles show of one in `row`, a row of `summaryShape` or a shape that
    /// adds to it: its summary and `url`, the link to it.
    static func fillSummary(of converted: ConvertedArticle, url: String, _ row: inout Table.Record) {
        for (field, text) in zip(summaryFields, converted.summary) { row[field] = .string(text) }
        if let teaser = converted.listedTeaser(root: String(url.dropLast(converted.path.count))) { row[Self.teaser] = .html(teaser) }
        row[Self.url] = .string(url)
    }

    /// The summary's fields in the order of `ConvertedArticle.summaryFields`, then the link.
    static let summaryFields = ConvertedArticle.summaryFields.map { summaryShape[$0] }
    static let url = summaryShape["url"]
    static let teaser = summaryShape["teaser"]

    /// The link to an article from the page at `path`.
    func articleURL(_ converted: ConvertedArticle, from path: String) -> String {
        articleURL(converted, root: SitePaths.root(of: path))
    }

    /// The link to an article from a page whose way back to the root is `root`.
    func articleURL(_ converted: ConvertedArticle, root: String) -> String {
        root + converted.path
    }
}
