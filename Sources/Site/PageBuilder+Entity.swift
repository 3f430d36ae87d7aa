import Entities
import Templating

extension PageBuilder {
    /// The pages of one entity; mentions are grouped by article, `articlesPerEntityPage` per page.
    func entityPages(_ entity: Entity) -> [Page] {
        let mentions = index.mentions[entity.id] ?? []
        var byArticle: [(slug: String, mentions: [Mention])] = []
        for mention in mentions {
            if byArticle.last?.slug == mention.articleSlug { byArticle[byArticle.count - 1].mentions.append(mention) } else { byArticle.append((mention.articleSlug, [mention])) }
        }
        let chunks = stride(from: 0, to: max(byArticle.count, 1), by: articlesPerEntityPage).map {
            Array(byArticle[min($0, byArticle.count)..<min($0 + articlesPerEntityPage, byArticle.count)])
        }
        let articlesBySlug = Dictionary(articles.map { ($0.article.slug, $0) }, uniquingKeysWith: { first, _ in first })
        return chunks.enumerated().map { number, chunk in
            let path = SitePaths.entity(entity.type, entity.id, page: number + 1)
            var model = frame(for: path, title: entity.name)
            model["name"] = .string(entity.name)
            model["type"] = .string(entity.type.rawValue)
            model["typeLabel"] = .string(strings[entity.type.rawValue])
            model["typeIndexURL"] = .string(SitePaths.relative(from: path, to: SitePaths.index(entity.type)))
            model["typePlural"] = .string(strings[SitePaths.folder(entity.type)])
            model["description"] = .string(entity.description)
            model["wikidata"] = entity.wikidata.map { ["id": .string($0), "url": .string("https://www.wikidata.org/wiki/\($0)")] } ?? .null
            if let latitude = entity.latitude, let longitude = entity.longitude {
                model["coordinates"] = [
                    "lat": .double(latitude), "lon": .double(longitude),
                    "url": .string("https://www.openstreetmap.org/?mlat=\(latitude)&mlon=\(longitude)#map=8/\(latitude)/\(longitude)"),
                ]
            }
            model["mentionCount"] = .int(mentions.count)
            model["articleCount"] = .int(byArticle.count)
            model["surfaces"] = .list(index.surfaces(entity.id).map { ["text": .string($0.key), "count": .int($0.count)] })
            model["outlets"] = .list(outletCounts(byArticle.map(\.slug), articlesBySlug).map { ["name": .string($0.key), "count": .int($0.count)] })
            model["companions"] = .list((index.companions[entity.id] ?? []).map { entityLink($0.key, from: path, count: $0.count) })
            model["groups"] = .list(chunk.compactMap { group in
                guard let converted = articlesBySlug[group.slug] else { return nil }
                var summary = articleSummary(converted, from: path)
                let articleURL = SitePaths.relative(from: path, to: SitePaths.article(group.slug))
                summary["mentions"] = .list(group.mentions.map { mention in
                    ["context": .html(Self.highlight(mention)), "url": .string("\(articleURL)#\(mention.anchor)"), "surface": .string(mention.surface)]
                })
                return .object(summary)
            })
            if chunks.count > 1 {
                model["pagination"] = [
                    "current": .int(number + 1), "total": .int(chunks.count),
                    "previous": number > 0 ? .string(SitePaths.relative(from: path, to: SitePaths.entity(entity.type, entity.id, page: number))) : .null,
                    "next": number + 1 < chunks.count ? .string(SitePaths.relative(from: path, to: SitePaths.entity(entity.type, entity.id, page: number + 2))) : .null,
                ]
            }
            return Page(path: path, template: entity.type.rawValue, model: .object(model))
        }
    }

    /// The sentence as HTML with the mention in `<mark>`.
    static func highlight(_ mention: Mention) -> String {
        let bytes = Array(mention.sentence.utf8)
        let before = String(decoding: bytes[..<mention.range.lowerBound], as: UTF8.self)
        let marked = String(decoding: bytes[mention.range], as: UTF8.self)
        let after = String(decoding: bytes[mention.range.upperBound...], as: UTF8.self)
        return HTMLEscaping.escape(before) + "<mark>" + HTMLEscaping.escape(marked) + "</mark>" + HTMLEscaping.escape(after)
    }

    func outletCounts(_ slugs: [String], _ articlesBySlug: [String: ConvertedArticle]) -> [MentionIndex.Counted] {
        MentionIndex.ranked(Dictionary(slugs.compactMap { articlesBySlug[$0]?.article.outlet }.filter { !$0.isEmpty }.map { ($0, 1) }, uniquingKeysWith: +))
    }
}
