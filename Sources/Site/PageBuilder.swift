import Entities
import Templating

/// Makes the page models templates see: plain values with relative links, no domain types.
struct PageBuilder: Sendable {
    /// One page to make: cheap to list, turned into a model only when it is rendered. Article
    /// pages are not jobs: they are made while converting, from the body's HTML.
    enum Job: Sendable, Hashable {
        case home
        case entityIndex(EntityType)
        case entity(String, page: Int)
        case notFound
        case feed
        case sitemap

        var isEntityPage: Bool {
            if case .entity = self { true } else { false }
        }
    }

    let content: Content
    let articles: [ConvertedArticle]
    let index: MentionIndex
    let strings: Localization
    /// Articles per page on an entity page; a frequent entity gets several pages.
    let articlesPerEntityPage = 25
    /// Articles newest first; undated ones last; then by outlet and title.
    let articlesByDate: [ConvertedArticle]
    private let words: Value
    private let site: Value
    /// The navigation of pages 0, 1 and 2 folders deep, per section (`section(of:)`).
    private let navigations: [[Value]]
    /// Per registry position, the link to the entity's page from a page one folder deep.
    private let entityURLs: [Value]
    /// Per registry position, where the entity's id comes in the ids sorted: comparing these
    /// orders entities by id without comparing strings.
    let idRanks: [Int32]
    /// The HTML bodies of the articles the feed carries (`feedArticles`), by slug.
    var feedBodies: [String: Markup] = [:]

    /// `byDate`, when the caller keeps it, saves sorting the articles again.
    init(content: Content, index: MentionIndex, byDate: [ConvertedArticle]? = nil) {
        self.content = content
        articles = index.articles
        self.index = index
        strings = Localization(language: content.config.language)
        articlesByDate = byDate ?? Self.byDate(articles)
        words = .object(strings.strings.mapValues { .string($0) })
        site = ["title": .string(content.config.title), "description": .string(content.config.description)]
        let strings = strings
        navigations = (0...2).map { depth in
            (0...EntityType.allCases.count + 1).map { Self.navigation(root: String(repeating: "../", count: depth), current: $0, strings: strings) }
        }
        entityURLs = content.registry.entities.map { .string("../" + SitePaths.entity($0.type, $0.id)) }
        var ranks = [Int32](repeating: 0, count: content.registry.entities.count)
        for (rank, position) in content.registry.entities.indices.sorted(by: { content.registry.entities[$0].id < content.registry.entities[$1].id }).enumerated() {
            ranks[position] = Int32(rank)
        }
        idRanks = ranks
    }

    /// Every page of the site but the articles, home first.
    func jobs() -> [Job] {
        var jobs: [Job] = [.home]
        for type in EntityType.allCases {
            jobs.append(.entityIndex(type))
            for entity in content.registry.entities where entity.type == type {
                jobs += (1...entityPageCount(entity.id)).map { .entity(entity.id, page: $0) }
            }
        }
        return jobs + [.notFound, .feed, .sitemap]
    }

    static let articleTemplate = "article"

    /// The template that renders the page of `job`.
    func template(of job: Job) -> String {
        switch job {
        case .home: "home"
        case .entityIndex: "entity-index"
        case .entity(let id, _): content.registry[id]!.type.rawValue
        case .notFound: "not-found"
        case .feed: "feed"
        case .sitemap: "sitemap"
        }
    }

    func path(of job: Job) -> String {
        switch job {
        case .home: SitePaths.home
        case .entityIndex(let type): SitePaths.index(type)
        case .entity(let id, let page): SitePaths.entity(content.registry[id]!.type, id, page: page)
        case .notFound: SitePaths.notFound
        case .feed: SitePaths.feed
        case .sitemap: SitePaths.sitemap
        }
    }

    /// The page model of `job`.
    func page(for job: Job) -> Page {
        switch job {
        case .home: home()
        case .entityIndex(let type): entityIndex(type)
        case .entity(let id, let page): entityPage(content.registry[id]!, page: page)
        case .notFound: Page(path: SitePaths.notFound, template: template(of: .notFound), model: .object(frame(for: SitePaths.notFound, title: strings["notFound"])))
        case .feed: feed()
        case .sitemap: sitemap(allPaths().filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound })
        }
    }

    /// Every page model but the articles' at once; for checks and small sites.
    func pages() -> [Page] { jobs().map(page) }

    /// The path of every page, home and articles first, without making any model.
    func allPaths() -> [String] {
        [SitePaths.home] + articles.map { SitePaths.article($0.article.slug) } + jobs().filter { $0 != .home }.map(path)
    }

    /// The articles the feed carries, newest first; their bodies go into `feedBodies`.
    var feedArticles: ArraySlice<ConvertedArticle> { articlesByDate.prefix(Self.feedEntries) }

    /// How many pages the entity's mentions fill, at least one.
    func entityPageCount(_ id: String) -> Int {
        entityPageCount(groups: content.registry.index(of: id).map { index.groups[$0].count } ?? 0)
    }

    /// How many pages an entity mentioned in `groups` articles fills, at least one.
    func entityPageCount(groups: Int) -> Int {
        max(1, (groups + articlesPerEntityPage - 1) / articlesPerEntityPage)
    }

    /// The position in `articles` of the first article an entity page lists (0 for other pages).
    func firstListed(by job: Job) -> Int {
        guard case .entity(let id, let page) = job, let position = content.registry.index(of: id) else { return 0 }
        let groups = index.groups[position]
        let first = (page - 1) * articlesPerEntityPage
        return first < groups.count ? Int(groups[first].article) : 0
    }

    /// How often the entity is mentioned in all articles.
    func mentionCount(_ id: String) -> Int {
        content.registry.index(of: id).map { index.counts[$0] } ?? 0
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

    /// Fields every page shares: where the root is, the site, the words, the navigation.
    func frame(for path: String, title: String) -> [String: Value] {
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

    /// The site's sections as the page at `path` links them. Most pages are articles or entity
    /// pages, one or two folders deep: their lists are made once (`navigations`).
    private func navigation(for path: String) -> Value {
        let current = Self.section(of: path)
        let depth = SitePaths.depth(of: path)
        if depth < navigations.count { return navigations[depth][current] }
        return Self.navigation(root: SitePaths.root(of: path), current: current, strings: strings)
    }

    /// Which entry of the navigation the page at `path` is in: 0 the articles (and home), then
    /// the entity types in order; `EntityType.allCases.count + 1` none.
    private static func section(of path: String) -> Int {
        if path == SitePaths.home || path.hasPrefix("articles/") { return 0 }
        for (offset, type) in EntityType.allCases.enumerated() where path.hasPrefix(SitePaths.folder(type) + "/") { return offset + 1 }
        return EntityType.allCases.count + 1
    }

    private static func navigation(root: String, current: Int, strings: Localization) -> Value {
        .list([
            ["label": .string(strings["articles"]), "url": .string(root + SitePaths.home), "current": .bool(current == 0)],
        ] + EntityType.allCases.enumerated().map { offset, type in
            ["label": .string(strings[SitePaths.folder(type)]), "url": .string(root + SitePaths.index(type)),
             "current": .bool(current == offset + 1)]
        })
    }

    /// The fields of an entity link; index pages add the description.
    static let entityLinkShape = Shape(["name", "type", "url", "count"])
    static let describedEntityLinkShape = entityLinkShape.adding(["description"])

    /// Links to entities' pages, with their counts, from a page whose way back to the root is
    /// `root` ("../"), as a table.
    ///
    /// Only index pages get the description: other pages show an entity by name, and a
    /// description edit then changes only the entity's pages and its index.
    func entityLinks(_ links: [(entity: Int, count: Int)], root: String, description: Bool = false) -> Value {
        var values: [Value] = []
        values.reserveCapacity(links.count * (description ? 5 : 4))
        let entities = content.registry.entities
        for (position, count) in links {
            // Fields read one by one: a copy of the entity would count references to all of them.
            let type = entities[position].type
            // Most links are from pages one folder deep: article pages link ~100 entities each.
            let url = root == "../" ? entityURLs[position] : .string(root + SitePaths.entity(type, entities[position].id))
            // Appended one by one: an array literal here would be an allocation per link.
            values.append(.string(entities[position].name))
            values.append(.string(type.rawValue))
            values.append(url)
            values.append(.int(count))
            if description { values.append(.string(entities[position].description)) }
        }
        return .table(Table(description ? Self.describedEntityLinkShape : Self.entityLinkShape, rows: values))
    }

    /// `entityLinks` for entities given by id, each with how often it is mentioned.
    func entityLinks(_ entities: [Entity], root: String, description: Bool = false) -> Value {
        entityLinks(entities.compactMap { entity in content.registry.index(of: entity.id).map { ($0, index.counts[$0]) } },
                    root: root, description: description)
    }

    /// The fields of an article in lists: its summary and the link to it.
    static let summaryShape = Shape(ConvertedArticle.summaryFields + ["url"])

    /// Appends what lists of articles show of one to a table's `rows`, the values of
    /// `summaryShape`: its summary and `url`, the link to it.
    func appendSummary(of converted: ConvertedArticle, url: String, to rows: inout [Value]) {
        for text in converted.summary { rows.append(.string(text)) }
        rows.append(.string(url))
    }

    /// The link to an article from the page at `path`.
    func articleURL(_ converted: ConvertedArticle, from path: String) -> String {
        articleURL(converted, root: SitePaths.root(of: path))
    }

    /// The link to an article from a page whose way back to the root is `root`.
    func articleURL(_ converted: ConvertedArticle, root: String) -> String {
        root + converted.path
    }
}
