import Entities
import Templating

extension PageBuilder {
    /// How many entities the comparison's table shows, and how many of one type it lists as
    /// reported by one outlet only (the outlets' pages list all).
    static let coverageRows = 20
    static let singleSourceShown = 30
    /// How many of the entities an outlet mentions, and of those only it mentions, its page
    /// lists, the most mentioned first (a large dossier's outlet names thousands).
    static let outletEntitiesShown = 100

    /// One outlet's page: its articles newest first, what they mention, and what no other
    /// outlet mentions.
    func outletPage(_ path: String, _ reads: inout Reads) -> Page {
        let coverage = inputs.outletCoverage(&reads)
        let root = SitePaths.root(of: path)
        guard let outlet = coverage.outlets.first(where: { $0.path == path }) else {
            return Page(path: path, template: template(of: .outlet(path)), model: .object(frame(for: path, title: "", &reads)))
        }
        let name = displayName(of: outlet)
        var model = frame(for: path, title: name, &reads)
        model["name"] = .string(name)
        model["isUnknown"] = .bool(outlet.isUnknown)
        model["pageFeed"] = .string(SitePaths.relative(from: path, to: SitePaths.outletFeed(path)))
        model["pageFeedTitle"] = .string(name)
        model["comparisonURL"] = .string(SitePaths.relative(from: path, to: SitePaths.outlets))
        let articles = inputs.summaries(of: outlet.articles, &reads)
        model["articleCount"] = .int(articles.count)
        model["mentionCount"] = .int(outlet.mentionCount)
        model["countsText"] = .string(strings.counted("articleCount", articles.count) + " · " + strings.counted("mentionCount", outlet.mentionCount))
        model["period"] = period(of: articles)
        var rows = Table.Builder(Self.summaryShape, capacity: articles.count)
        for converted in articles {
            rows.append { Self.fillSummary(of: converted, url: articleURL(converted, root: root), &$0) }
        }
        model["articles"] = .table(rows.table)
        let exclusive = outlet.exclusive
        model["entities"] = entityLinks(ranked(outlet.entities, &reads), root: root, &reads)
        model["moreEntities"] = outlet.entities.count > Self.outletEntitiesShown ? .int(outlet.entities.count - Self.outletEntitiesShown) : .null
        model["exclusive"] = entityLinks(ranked(exclusive, &reads), root: root, &reads)
        model["moreExclusive"] = exclusive.count > Self.outletEntitiesShown ? .int(exclusive.count - Self.outletEntitiesShown) : .null
        model["compared"] = .bool(coverage.compares)
        return Page(path: path, template: template(of: .outlet(path)), model: .object(model))
    }

    /// The outlets side by side: their numbers, who mentions the most mentioned entities how
    /// often, and per type what only one outlet reports, each with the sentence it stands in.
    func outletComparison(_ reads: inout Reads) -> Page {
        let path = SitePaths.outlets
        let root = SitePaths.root(of: path)
        let coverage = inputs.outletCoverage(&reads)
        var model = frame(for: path, title: strings["outletsCompared"], &reads)
        let names = coverage.outlets.map(displayName(of:))
        let urls = coverage.outlets.map { SitePaths.relative(from: path, to: $0.path) }
        model["outlets"] = .list(coverage.outlets.indices.map { index in
            let outlet = coverage.outlets[index]
            return ["name": .string(names[index]), "url": .string(urls[index]), "isUnknown": .bool(outlet.isUnknown),
                    "articleCount": .int(outlet.articles.count), "mentionCount": .int(outlet.mentionCount),
                    "exclusiveCount": .int(outlet.exclusive.count)]
        })
        model["articleCount"] = .int(coverage.outlets.reduce(0) { $0 + $1.articles.count })
        // The most mentioned entities, counted across the outlets, with their counts per outlet.
        var totals: [Int: Int] = [:]
        for outlet in coverage.outlets { for (entity, count) in outlet.entities { totals[entity, default: 0] += count } }
        let top = GermanCollation.first(Self.coverageRows, of: totals.map { (entity: $0.key, count: $0.value) },
                                        count: \.count, name: { inputs.link($0.entity, &reads).name })
        model["columns"] = .list(names.indices.map { ["name": .string(names[$0]), "url": .string(urls[$0])] })
        model["rows"] = .list(top.map { entity, count in
            let link = inputs.link(entity, &reads)
            return ["name": .string(link.name), "type": .string(link.type.rawValue), "count": .int(count),
                    "url": .string(root + SitePaths.entity(link.type, link.id)),
                    "cells": .list(coverage.outlets.map { $0.counts[entity].map(Value.int) ?? .string("") })]
        })
        // What one named outlet alone mentions, by type; the unknown group is no outlet here.
        var single: [EntityType: [(entity: Int, count: Int, outlet: Int)]] = [:]
        for (index, outlet) in coverage.outlets.enumerated() where !outlet.isUnknown {
            for (entity, count) in outlet.exclusive {
                single[inputs.link(entity, &reads).type, default: []].append((entity, count, index))
            }
        }
        model["single"] = .list(EntityType.allCases.compactMap { type -> Value? in
            guard let found = single[type] else { return nil }
            let shown = GermanCollation.first(Self.singleSourceShown, of: found, count: \.count, name: { inputs.link($0.entity, &reads).name })
            return ["label": .string(strings[SitePaths.folder(type)]), "type": .string(type.rawValue),
                    "more": found.count > shown.count ? .int(found.count - shown.count) : .null,
                    "entities": .list(shown.map { entity, count, index in
                        singleSourceItem(entity, count: count, outlet: coverage.outlets[index], name: names[index], url: urls[index], root: root, &reads)
                    })]
        })
        return Page(path: path, template: template(of: .outlets), model: .object(model))
    }

    /// An entity only `outlet` mentions: its link, the outlet, and the first sentence of the
    /// outlet's articles it stands in, linked to the spot.
    private func singleSourceItem(_ entity: Int, count: Int, outlet: OutletCoverage.Outlet, name: String, url: String,
                                  root: String, _ reads: inout Reads) -> Value {
        let link = inputs.link(entity, &reads)
        var item: Members = ["name": .string(link.name), "type": .string(link.type.rawValue), "count": .int(count),
                                     "url": .string(root + SitePaths.entity(link.type, link.id)),
                                     "outlet": .string(name), "outletURL": .string(url)]
        let listed = inputs.listing(of: entity, 0..<inputs.groupCount(entity), &reads)
        if let (article, run) = listed.first(where: { SitePaths.outlet($0.article.outlet) == outlet.path }), run.count > 0 {
            let mention = article.mention(0, in: run)
            item["context"] = .html(Sentence.html(article.text, sentence: mention.sentence, mark: mention.mark))
            item["contextURL"] = .string(root + article.path + "#\(link.id)-\(mention.ordinal)")
            item["article"] = .string(article.article.title)
        }
        return .object(item)
    }

    /// An outlet's name as pages show it: the articles without one are "Ohne Quellenangabe".
    func displayName(of outlet: OutletCoverage.Outlet) -> String {
        displayName(outlet: outlet.name)
    }

    /// An outlet's name as pages show it, from the name an article gives.
    func displayName(outlet name: String) -> String {
        name.isEmpty ? strings["unknownOutlet"] : name
    }

    /// The first `outletEntitiesShown` of `counted`, the most mentioned first, ties in German
    /// order of the names.
    private func ranked(_ counted: [(entity: Int, count: Int)], _ reads: inout Reads) -> [(entity: Int, count: Int)] {
        GermanCollation.first(Self.outletEntitiesShown, of: counted, count: \.count, name: { inputs.link($0.entity, &reads).name })
    }

    /// The first and last date of `articles` (newest first) as readers write them, if any is dated.
    private func period(of articles: [ConvertedArticle]) -> Value {
        let dates = articles.map(\.article.date).filter { !$0.isEmpty }
        guard let last = dates.first, let first = dates.last else { return .null }
        return .string(first == last ? strings.formatDate(first) : "\(strings.formatDate(first)) – \(strings.formatDate(last))")
    }
}
