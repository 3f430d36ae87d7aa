import Entities

/// Who is mentioned where: per entity its mentions, articles, outlets, spellings and company.
struct MentionIndex: Sendable {
    struct Counted: Sendable, Equatable {
        var key: String
        var count: Int
    }

    /// Mentions per entity id, in article order then text order.
    private(set) var mentions: [String: [Mention]] = [:]
    /// Entities sharing a sentence with each entity, most frequent first.
    private(set) var companions: [String: [Counted]] = [:]
    private var groups: [String: [(slug: String, range: Range<Int>)]] = [:]
    private var surfaceCounts: [String: [Counted]] = [:]
    private var outletCounts: [String: [Counted]] = [:]

    init(_ articles: [ConvertedArticle]) {
        var together: [String: [String: Int]] = [:]
        for converted in articles {
            var sentences: [Int: Set<String>] = [:]
            for mention in converted.mentions {
                let position = mentions[mention.entityID, default: []].count
                mentions[mention.entityID, default: []].append(mention)
                if let last = groups[mention.entityID]?.last, last.slug == mention.articleSlug {
                    groups[mention.entityID]![groups[mention.entityID]!.count - 1].range = last.range.lowerBound..<(position + 1)
                } else {
                    groups[mention.entityID, default: []].append((mention.articleSlug, position..<(position + 1)))
                }
                sentences[mention.sentenceKey, default: []].insert(mention.entityID)
            }
            for ids in sentences.values where ids.count > 1 {
                for id in ids {
                    for other in ids where other != id { together[id, default: [:]][other, default: 0] += 1 }
                }
            }
        }
        companions = together.mapValues(Self.ranked)
        let outletOf = Dictionary(articles.map { ($0.article.slug, $0.article.outlet) }, uniquingKeysWith: { first, _ in first })
        for (id, list) in mentions {
            surfaceCounts[id] = Self.ranked(Dictionary(list.map { ($0.surface, 1) }, uniquingKeysWith: +))
            let outlets = (groups[id] ?? []).compactMap { outletOf[$0.slug] }.filter { !$0.isEmpty }
            outletCounts[id] = Self.ranked(Dictionary(outlets.map { ($0, 1) }, uniquingKeysWith: +))
        }
    }

    func count(_ id: String) -> Int { mentions[id]?.count ?? 0 }

    /// The entity's mentions in runs by article: the article and the range in `mentions[id]`.
    func groupedByArticle(_ id: String) -> [(slug: String, range: Range<Int>)] { groups[id] ?? [] }

    /// In how many articles the entity is mentioned.
    func articleCount(_ id: String) -> Int { groups[id]?.count ?? 0 }

    /// Spellings of the entity as written, most frequent first.
    func surfaces(_ id: String) -> [Counted] { surfaceCounts[id] ?? [] }

    /// Outlets that mention the entity, by number of articles, most first.
    func outlets(_ id: String) -> [Counted] { outletCounts[id] ?? [] }

    static func ranked(_ counts: [String: Int]) -> [Counted] {
        GermanCollation.sorted(counts.map { Counted(key: $0.key, count: $0.value) }, count: \.count, name: \.key)
    }
}
