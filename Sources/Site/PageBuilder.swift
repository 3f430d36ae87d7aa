import Entities
import Templating

/// Makes the page models templates see: plain values with relative links, no domain types.
struct PageBuilder: Sendable {
    /// One page to make: cheap to list, turned into a model only when it is rendered.
    enum Job: Sendable, Hashable {
        case home
        case article(Int)
        case entityIndex(EntityType)
        case entity(String, page: Int)
        case notFound
        case feed
        case sitemap
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

    init(content: Content, index: MentionIndex) {
        self.content = content
        articles = index.articles
        self.index = index
        strings = Localization(language: content.config.language)
        articlesByDate = Self.byDate(articles)
        words = .object(strings.strings.mapValues { .string($0) })
    }

    /// Every page of the site, home first.
    func jobs() -> [Job] {
        var jobs: [Job] = [.home] + articles.indices.map { .article($0) }
        for type in EntityType.allCases {
            jobs.append(.entityIndex(type))
            for entity in content.registry.entities where entity.type == type {
                jobs += (1...entityPageCount(entity.id)).map { .entity(entity.id, page: $0) }
            }
        }
        return jobs + [.notFound, .feed, .sitemap]
    }

    /// The pages an edit of `articles` can change: those articles, the pages of `entities`
    /// (mentioned by them before or after), and the pages that list or count everything.
    func jobs(articles slugs: Set<String>, entities ids: Set<String>) -> [Job] {
        var jobs: [Job] = [.home] + articles.indices.filter { slugs.contains(articles[$0].article.slug) }.map { .article($0) }
        jobs += EntityType.allCases.map { .entityIndex($0) }
        for id in ids.sorted() where content.registry[id] != nil {
            jobs += (1...entityPageCount(id)).map { .entity(id, page: $0) }
        }
        return jobs + [.feed, .sitemap]
    }

    func path(of job: Job) -> String {
        switch job {
        case .home: SitePaths.home
        case .article(let number): SitePaths.article(articles[number].article.slug)
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
        case .article(let number): article(articles[number])
        case .entityIndex(let type): entityIndex(type)
        case .entity(let id, let page): entityPage(content.registry[id]!, page: page)
        case .notFound: Page(path: SitePaths.notFound, template: "not-found", model: .object(frame(for: SitePaths.notFound, title: strings["notFound"])))
        case .feed: feed()
        case .sitemap: sitemap(allPaths().filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound })
        }
    }

    /// Every page model at once; for tests and small sites.
    func pages() -> [Page] { jobs().map(page) }

    /// The path of every page, in the order `jobs()` lists them, without making any model.
    func allPaths() -> [String] { jobs().map(path) }

    /// How many pages the entity's mentions fill, at least one.
    func entityPageCount(_ id: String) -> Int {
        let articleCount = content.registry.index(of: id).map { index.groups[$0].count } ?? 0
        return max(1, (articleCount + articlesPerEntityPage - 1) / articlesPerEntityPage)
    }

    /// How often the entity is mentioned in all articles.
    func mentionCount(_ id: String) -> Int {
        content.registry.index(of: id).map { index.counts[$0] } ?? 0
    }

    static func byDate(_ articles: [ConvertedArticle]) -> [ConvertedArticle] {
        let keyed = articles.map { (article: $0, outlet: GermanCollation.key($0.article.outlet), title: GermanCollation.key($0.article.title)) }
        return keyed.sorted { lhs, rhs in
            let (left, right) = (lhs.article.article, rhs.article.article)
            if left.date != right.date {
                if left.date.isEmpty || right.date.isEmpty { return right.date.isEmpty }
                return left.date > right.date
            }
            if lhs.outlet != rhs.outlet { return lhs.outlet < rhs.outlet }
            if lhs.title != rhs.title { return lhs.title < rhs.title }
            return left.slug < right.slug
        }.map(\.article)
    }

    /// Fields every page shares: where the root is, the site, the words, the navigation.
    func frame(for path: String, title: String) -> [String: Value] {
        let root = SitePaths.root(of: path)
        return [
            "root": .string(root),
            "pageTitle": .string(title),
            "site": ["title": .string(content.config.title), "description": .string(content.config.description)],
            "language": .string(strings.language),
            "t": words,
            "nav": .list([
                ["label": .string(strings["articles"]), "url": .string(root + SitePaths.home), "current": .bool(path == SitePaths.home || path.hasPrefix("articles/"))],
            ] + EntityType.allCases.map { type in
                ["label": .string(strings[SitePaths.folder(type)]), "url": .string(root + SitePaths.index(type)),
                 "current": .bool(path.hasPrefix(SitePaths.folder(type) + "/"))]
            }),
        ]
    }

    /// A link to an entity's page from a page whose way back to the root is `root` ("../").
    func entityLink(_ id: String, root: String, count: Int? = nil) -> Value {
        guard let index = content.registry.index(of: id) else { return .null }
        let entity = content.registry.entities[index]
        var link: [String: Value] = [
            "name": .string(entity.name), "type": .string(entity.type.rawValue),
            "url": .string(root + SitePaths.entity(entity.type, id)),
            "description": .string(entity.description),
        ]
        if let count { link["count"] = .int(count) }
        return .object(link)
    }

    func articleSummary(_ converted: ConvertedArticle, from path: String) -> [String: Value] {
        let article = converted.article
        return [
            "title": .string(article.title), "outlet": .string(article.outlet), "teaser": .string(article.teaser),
            "date": .string(article.date), "dateText": .string(converted.dateText),
            "url": .string(SitePaths.relative(from: path, to: SitePaths.article(article.slug))),
            "authors": .string(article.authors.joined(separator: ", ")),
        ]
    }
}
