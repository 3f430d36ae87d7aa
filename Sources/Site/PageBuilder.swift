import Entities
import Templating

/// Makes the page models templates see: plain values with relative links, no domain types.
struct PageBuilder: Sendable {
    let content: Content
    let articles: [ConvertedArticle]
    let index: MentionIndex
    let strings: Localization
    /// Articles per page on an entity page; a frequent entity gets several pages.
    var articlesPerEntityPage = 25

    init(content: Content, articles: [ConvertedArticle], index: MentionIndex) {
        self.content = content
        self.articles = articles
        self.index = index
        strings = Localization(language: content.config.language)
    }

    /// Every page of the site, home first.
    func pages() -> [Page] {
        var pages = [home()]
        pages += articles.map(article)
        for type in EntityType.allCases {
            pages.append(entityIndex(type))
            for entity in content.registry.entities where entity.type == type {
                pages += entityPages(entity)
            }
        }
        pages.append(Page(path: SitePaths.notFound, template: "not-found", model: .object(frame(for: SitePaths.notFound, title: strings["notFound"]))))
        pages.append(feed())
        pages.append(sitemap(allPaths().filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound }))
        return pages
    }

    /// The pages an edit of `articles` can change: those articles, the pages of `entities`
    /// (mentioned by them before or after), and the pages that list or count everything.
    func pages(articles slugs: Set<String>, entities ids: Set<String>) -> [Page] {
        var pages = [home()]
        pages += articles.filter { slugs.contains($0.article.slug) }.map(article)
        for type in EntityType.allCases { pages.append(entityIndex(type)) }
        for id in ids.sorted() { if let entity = content.registry[id] { pages += entityPages(entity) } }
        pages.append(feed())
        pages.append(sitemap(allPaths().filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound }))
        return pages
    }

    /// The path of every page, in the order `pages()` makes them, without rendering anything.
    func allPaths() -> [String] {
        var paths = [SitePaths.home] + articles.map { SitePaths.article($0.article.slug) }
        for type in EntityType.allCases {
            paths.append(SitePaths.index(type))
            for entity in content.registry.entities where entity.type == type {
                paths += (1...entityPageCount(entity.id)).map { SitePaths.entity(type, entity.id, page: $0) }
            }
        }
        return paths + [SitePaths.notFound, SitePaths.feed, SitePaths.sitemap]
    }

    /// How many pages the entity's mentions fill, at least one.
    func entityPageCount(_ id: String) -> Int {
        var articleCount = 0
        var last: String?
        for mention in index.mentions[id] ?? [] where mention.articleSlug != last {
            articleCount += 1
            last = mention.articleSlug
        }
        return max(1, (articleCount + articlesPerEntityPage - 1) / articlesPerEntityPage)
    }

    /// Articles newest first; undated ones last; then by outlet and title.
    var articlesByDate: [ConvertedArticle] {
        articles.sorted { lhs, rhs in
            let (left, right) = (lhs.article, rhs.article)
            if left.date != right.date {
                if left.date.isEmpty || right.date.isEmpty { return right.date.isEmpty }
                return left.date > right.date
            }
            if left.outlet != right.outlet { return GermanCollation.precedes(left.outlet, right.outlet) }
            return GermanCollation.precedes(left.title, right.title)
        }
    }

    /// Fields every page shares: where the root is, the site, the words, the navigation.
    func frame(for path: String, title: String) -> [String: Value] {
        let root = SitePaths.root(of: path)
        var t: [String: Value] = [:]
        for (key, value) in strings.strings { t[key] = .string(value) }
        return [
            "root": .string(root),
            "pageTitle": .string(title),
            "site": ["title": .string(content.config.title), "description": .string(content.config.description)],
            "language": .string(strings.language),
            "t": .object(t),
            "nav": .list([
                ["label": .string(strings["articles"]), "url": .string(root + SitePaths.home), "current": .bool(path == SitePaths.home || path.hasPrefix("articles/"))],
            ] + EntityType.allCases.map { type in
                ["label": .string(strings[SitePaths.folder(type)]), "url": .string(root + SitePaths.index(type)),
                 "current": .bool(path.hasPrefix(SitePaths.folder(type) + "/"))]
            }),
        ]
    }

    func entityLink(_ id: String, from path: String, count: Int? = nil) -> Value {
        guard let entity = content.registry[id] else { return .null }
        var link: [String: Value] = [
            "name": .string(entity.name), "type": .string(entity.type.rawValue),
            "url": .string(SitePaths.relative(from: path, to: SitePaths.entity(entity.type, id))),
            "description": .string(entity.description),
        ]
        if let count { link["count"] = .int(count) }
        return .object(link)
    }

    func articleSummary(_ converted: ConvertedArticle, from path: String) -> [String: Value] {
        let article = converted.article
        return [
            "title": .string(article.title), "outlet": .string(article.outlet), "teaser": .string(article.teaser),
            "date": .string(article.date), "dateText": .string(article.date.isEmpty ? strings["dateUnknown"] : strings.formatDate(article.date)),
            "url": .string(SitePaths.relative(from: path, to: SitePaths.article(article.slug))),
            "authors": .string(article.authors.joined(separator: ", ")),
        ]
    }
}
