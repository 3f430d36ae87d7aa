import Entities
import Templating

extension PageBuilder {
    /// The page of an article whose body is `html`; it needs nothing of other articles.
    func article(_ converted: ConvertedArticle, html: Markup, _ reads: inout Reads) -> Page {
        let converted = inputs.document(converted, &reads)
        let article = converted.article
        let path = SitePaths.article(article.slug)
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: article.title, &reads)
        for (key, text) in zip(ConvertedArticle.summaryFields, converted.summary) { model[key] = .string(text) }
        model["url"] = .string(articleURL(converted, from: path))
        model["outletURL"] = .string(SitePaths.relative(from: path, to: SitePaths.outlet(article.outlet)))
        model["dateline"] = .string(article.dateline)
        model["authorList"] = .list(article.authors.map { .string($0) })
        model["body"] = html.value
        model["captions"] = .list(article.captions.map { ["text": .string($0.text), "credit": .string($0.credit), "title": .string($0.title)] })
        model["sourceURL"] = article.url.map { .string($0) } ?? .null
        model["sourceFile"] = .string(article.source)
        model["entities"] = entityLinks(converted.entities
            .sorted { $0.run.count != $1.run.count ? $0.run.count > $1.run.count : idRanks[$0.entity] < idRanks[$1.entity] }
            .map { ($0.entity, Int($0.run.count)) }, root: root, &reads)
        return Page(path: path, template: Self.articleTemplate, model: .object(model))
    }

    /// The newest articles a feed carries; readers poll it, so it stays small.
    static let feedEntries = 50

    /// A feed entry is an article's summary, when it was updated and its body.
    static let feedEntryShape = summaryShape.adding(["updated", "body"])
    static let (updated, body) = (feedEntryShape["updated"], feedEntryShape["body"])

    func feed(_ reads: inout Reads) -> Page {
        let path = SitePaths.feed
        let settings = inputs.settings
        var model = frame(for: path, title: settings.title, &reads)
        let base = settings.baseURL ?? ""
        model["base"] = .string(base)
        model["feedID"] = .string(settings.baseURL ?? "urn:dossier:\(Slug.make(settings.title))")
        let dated = inputs.articlesByDate(&reads)
        // An undated article is as new as the newest dated one, never of 1970; a dossier
        // without any date has a feed without entries.
        let newest = dated.first { !$0.article.date.isEmpty }?.article.date
        model["updated"] = .string(Self.atomDate(newest ?? "1970-01-01"))
        var entries = Table.Builder(Self.feedEntryShape, capacity: Self.feedEntries)
        for (converted, html) in newest == nil ? [] : inputs.newest(Self.feedEntries, &reads) {
            entries.append { row in
                Self.fillSummary(of: converted, url: base + SitePaths.article(converted.article.slug), &row)
                row[Self.updated] = .string(Self.atomDate(converted.article.date.isEmpty ? newest! : converted.article.date))
                row[Self.body] = .string(html?.string ?? "")
            }
        }
        model["entries"] = .table(entries.table)
        return Page(path: path, template: template(of: .feed), model: .object(model))
    }

    func sitemap(_ reads: inout Reads) -> Page {
        reads.note(InputKey(.pageList))
        let paths = allPaths().filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound }
        let base = inputs.settings.baseURL ?? ""
        var model = frame(for: SitePaths.sitemap, title: "", &reads)
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

