import Articles
import Entities
import Templating

extension PageBuilder {
    /// The page of an article whose body is `html`; it needs nothing of other articles.
    /// `fields`: its annotated fields as HTML when they differ from `converted`'s (shared
    /// passages marked in the teaser).
    func article(_ converted: ConvertedArticle, html: Markup, fields: [String: String]? = nil, _ reads: inout Reads) -> Page {
        let converted = inputs.document(converted, &reads)
        let article = converted.article
        let path = SitePaths.article(article.slug)
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: article.title, &reads)
        for (key, text) in zip(ConvertedArticle.summaryFields, converted.summary) { model[key] = .string(text) }
        model["url"] = .string(articleURL(converted, from: path))
        model["outletURL"] = .string(SitePaths.relative(from: path, to: SitePaths.outlet(article.outlet)))
        // Fields that name entities link them, as the body does.
        let fields = fields ?? converted.fields
        func field(_ key: String, _ plain: String) -> Value { fields[key].map(Value.html) ?? .string(plain) }
        for key in ["title", "teaser", "dateline"] { model[key] = field(key, key == "title" ? article.title : key == "teaser" ? article.teaser : article.dateline) }
        if !fields.isEmpty {
            // Each author is a field of its own: joined here as the summary joins them.
            model["authors"] = .html(article.authors.indices.map { fields[Article.fieldKey(.author, $0)] ?? HTMLEscaping.escape(article.authors[$0]) }
                .joined(separator: ", "))
        }
        model["authorList"] = .list(article.authors.map { .string($0) })
        model["body"] = html.value
        model["captions"] = .list(article.captions.indices.map { number in
            let caption = article.captions[number]
            return ["text": field(Article.fieldKey(.caption, number), caption.text), "credit": field(Article.fieldKey(.credit, number), caption.credit),
                    "title": field(Article.fieldKey(.captionTitle, number), caption.title)]
        })
        model["lang"] = languageOfPart(article.language)
        model["sourceURL"] = article.url.map { .string($0) } ?? .null
        // The search's month filter: known dates only.
        model["month"] = article.date.count >= 7 ? .string(String(article.date.prefix(7))) : .null
        // Beside the text on wide screens: the entities by type, the most mentioned first.
        let mentioned = Array(converted.entities)
        let ranked = Self.order(mentioned.map { (0xFFFFF - min(Int($0.run.count), 0xFFFFF), Int(idRanks[$0.entity])) }).map { mentioned[$0] }
        let links = ranked.map { inputs.link($0.entity, &reads) }
        // What the search's choice of a name matches (`search.js`).
        // Sorted as the strings sort ("type:id": by the type's name, then by id), comparing numbers.
        let byReference = Self.order(ranked.indices.map { (Self.referenceOrder[links[$0].type]!, Int(idRanks[ranked[$0].entity])) })
        var keys: [UInt8] = []
        for index in byReference {
            if !keys.isEmpty { keys.append(UInt8(ascii: " ")) }
            entityReferences.append(ranked[index].entity, to: &keys)
        }
        model["entityKeys"] = .string(String(decoding: keys, as: UTF8.self))
        model["entityGroups"] = .list(EntityType.allCases.compactMap { type -> Value? in
            let ofType = ranked.indices.filter { links[$0].type == type }.map { ranked[$0] }
            guard !ofType.isEmpty else { return nil }
            return ["label": .string(strings[SitePaths.folder(type)]),
                    "entities": entityLinks(ofType.map { ($0.entity, Int($0.run.count)) }, root: root, &reads)]
        })
        return Page(path: path, template: Self.articleTemplate, model: .object(model))
    }

    /// The positions of `keys` in the order of their pairs, each number from 0 to 2²⁰ and 2²⁴:
    /// sorted packed into one number with its position, which compares faster than pairs
    /// through a closure (an article page orders its dozens of entities twice).
    static func order(_ keys: [(Int, Int)]) -> [Int] {
        var packed = keys.enumerated().map { position, key in
            UInt64(min(key.0, 0xFFFFF)) << 44 | UInt64(min(key.1, 0xFF_FFFF)) << 20 | UInt64(position)
        }
        packed.sort()
        return packed.map { Int($0 & 0xFFFFF) }
    }

    /// Where each type's references (`Entity.reference`) come, by the type's name.
    static let referenceOrder = Dictionary(uniqueKeysWithValues: EntityType.allCases.sorted { $0.rawValue < $1.rawValue }.enumerated().map { ($1, $0) })

    /// The newest articles a feed carries; readers poll it, so it stays small.
    static let feedEntries = 50

    /// A feed entry is an article's summary, when it was updated and its body.
    static let feedEntryShape = summaryShape.adding(["updated", "body", "entryID"])
    static let (updated, body, entryID) = (feedEntryShape["updated"], feedEntryShape["body"], feedEntryShape["entryID"])

    func feed(_ reads: inout Reads) -> Page {
        let settings = inputs.settings
        let newest = inputs.newestDate(&reads)
        // A dossier without any date has a feed without entries.
        let entries = newest == nil ? [] : inputs.newest(Self.feedEntries, &reads)
        return atomFeed(SitePaths.feed, title: settings.title, id: settings.baseURL ?? dossierURN,
                        page: SitePaths.home, entries: entries, newest: newest, &reads)
    }

    /// How many of the newest articles an entity's or an outlet's feed carries (without bodies).
    static let pageFeedEntries = 20

    /// The feed of the articles mentioning an entity, newest first.
    func entityFeed(_ type: EntityType, _ id: String, _ reads: inout Reads) -> Page {
        let path = SitePaths.entityFeed(type, id)
        guard let position = inputs.position(of: id) else { return atomFeed(path, title: id, id: id, page: SitePaths.home, entries: [], newest: nil, &reads) }
        let link = inputs.link(position, &reads)
        let articles = inputs.newestArticles(of: position, Self.pageFeedEntries, &reads)
        return atomFeed(path, title: "\(inputs.settings.title): \(link.name)", id: feedID(for: path), page: SitePaths.entity(type, id),
                        entries: articles.map { ($0, nil) }, newest: inputs.newestDate(&reads), &reads)
    }

    /// The feed of one outlet's articles (the outlet whose page is `page`), newest first.
    func outletFeed(_ page: String, _ reads: inout Reads) -> Page {
        let path = SitePaths.outletFeed(page)
        let outlet = inputs.outletCoverage(&reads).outlets.first { $0.path == page }
        let name = outlet.map(displayName(of:)) ?? ""
        let articles = inputs.summaries(of: Array((outlet?.articles ?? []).prefix(Self.pageFeedEntries)), &reads)
        return atomFeed(path, title: "\(inputs.settings.title): \(name)", id: feedID(for: path), page: page,
                        entries: articles.map { ($0, nil) }, newest: inputs.newestDate(&reads), &reads)
    }

    /// A feed's id: its address under `base_url`, or a URN of the dossier and the feed's path.
    private func feedID(for path: String) -> String {
        inputs.settings.baseURL.map { $0 + path } ?? "\(dossierURN):\(path)"
    }

    /// An Atom feed at `path` of `entries` (with their bodies where given), the alternate being
    /// the site's page at `page`. An undated article is as new as `newest`, the newest date of
    /// the dossier, never of 1970.
    private func atomFeed(_ path: String, title: String, id: String, page: String, entries: [(article: ConvertedArticle, body: Markup?)],
                          newest: String?, _ reads: inout Reads) -> Page {
        var model = frame(for: path, title: title, &reads)
        let base = inputs.settings.baseURL
        // Addresses under `base_url`, or relative to the feed itself (a reader resolves them
        // against the feed's address); ids are absolute either way, as Atom asks.
        func address(_ target: String) -> String { base.map { $0 + target } ?? SitePaths.relative(from: path, to: target) }
        let dossier = dossierURN + ":"
        model["base"] = .string(base ?? "")
        model["feedTitle"] = .string(title)
        model["feedID"] = .string(id)
        model["alternate"] = .string(address(page))
        model["self"] = .string(address(path))
        let dated = entries.map(\.article.article.date).filter { !$0.isEmpty }.max() ?? newest
        model["updated"] = .string(Self.atomDate(dated ?? "1970-01-01"))
        var rows = Table.Builder(Self.feedEntryShape, capacity: entries.count)
        for (converted, html) in entries {
            rows.append { row in
                Self.fillSummary(of: converted, url: address(converted.path), &row)
                // The summary is HTML (`type="html"`), so a reader shows the teaser's links.
                let teaser = converted.article.teaser
                row[Self.teaser] = .string(converted.listedTeaser(root: address("")) ?? HTMLEscaping.escape(teaser))
                row[Self.entryID] = .string(base.map { $0 + converted.path } ?? dossier + converted.path)
                row[Self.updated] = .string(Self.atomDate(converted.article.date.isEmpty ? (newest ?? "1970-01-01") : converted.article.date))
                row[Self.body] = .string(html?.string ?? "")
            }
        }
        model["entries"] = .table(rows.table)
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

