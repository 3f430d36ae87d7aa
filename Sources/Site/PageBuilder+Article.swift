import Entities
import Templating

extension PageBuilder {
    /// The page of an article whose body is `html`; it needs nothing of other articles.
    func article(_ converted: ConvertedArticle, html: Markup) -> Page {
        let article = converted.article
        let path = SitePaths.article(article.slug)
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: article.title)
        var summary: [Value] = []
        appendSummary(of: converted, url: articleURL(converted, from: path), to: &summary)
        for (key, value) in zip(Self.summaryShape.keys, summary) { model[key] = value }
        model["dateline"] = .string(article.dateline)
        model["authorList"] = .list(article.authors.map { .string($0) })
        model["body"] = html.value
        model["captions"] = .list(article.captions.map { ["text": .string($0.text), "credit": .string($0.credit), "title": .string($0.title)] })
        model["sourceURL"] = article.url.map { .string($0) } ?? .null
        model["sourceFile"] = .string(article.source)
        model["entities"] = entityLinks(converted.entities
            .sorted { $0.run.count != $1.run.count ? $0.run.count > $1.run.count : idRanks[$0.entity] < idRanks[$1.entity] }
            .map { ($0.entity, Int($0.run.count)) }, root: root)
        return Page(path: path, template: Self.articleTemplate, model: .object(model))
    }

    /// The newest articles a feed carries; readers poll it, so it stays small.
    static let feedEntries = 50

    static let feedEntryShape = summaryShape.adding(["updated", "body"])

    func feed() -> Page {
        let path = SitePaths.feed
        var model = frame(for: path, title: content.config.title)
        let base = content.config.baseURL ?? ""
        model["base"] = .string(base)
        model["feedID"] = .string(content.config.baseURL ?? "urn:dossier:\(Slug.make(content.config.title))")
        let dated = articlesByDate
        model["updated"] = .string(Self.atomDate(dated.first { !$0.article.date.isEmpty }?.article.date ?? "1970-01-01"))
        var entries: [Value] = []
        for converted in feedArticles {
            appendSummary(of: converted, url: base + SitePaths.article(converted.article.slug), to: &entries)
            entries.append(.string(Self.atomDate(converted.article.date.isEmpty ? "1970-01-01" : converted.article.date)))
            entries.append(.string(feedBodies[converted.article.slug]?.string ?? ""))
        }
        model["entries"] = .table(Table(Self.feedEntryShape, rows: entries))
        return Page(path: path, template: template(of: .feed), model: .object(model))
    }

    func sitemap(_ paths: [String]) -> Page {
        let base = content.config.baseURL ?? ""
        var model = frame(for: SitePaths.sitemap, title: "")
        model["urls"] = .list(paths.map { .string(base + $0) })
        return Page(path: SitePaths.sitemap, template: template(of: .sitemap), model: .object(model))
    }

    /// An RFC 3339 timestamp for a partial ISO date, at midnight UTC.
    static func atomDate(_ iso: String) -> String {
        var parts = iso.split(separator: "-").map(String.init)
        while parts.count < 3 { parts.append("01") }
        return "\(parts[0])-\(parts[1])-\(parts[2])T00:00:00Z"
    }
}

