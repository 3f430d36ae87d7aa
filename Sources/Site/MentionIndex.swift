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

    init(_ articles: [ConvertedArticle]) {
        var together: [String: [String: Int]] = [:]
        for converted in articles {
            var sentences: [Int: Set<String>] = [:]
            for mention in converted.mentions {
                mentions[mention.entityID, default: []].append(mention)
                sentences[mention.sentenceKey, default: []].insert(mention.entityID)
            }
            for ids in sentences.values where ids.count > 1 {
                for id in ids {
                    for other in ids where other != id { together[id, default: [:]][other, default: 0] += 1 }
                }
            }
        }
        companions = together.mapValues(Self.ranked)
    }

    func count(_ id: String) -> Int { mentions[id]?.count ?? 0 }

    /// Spellings of the entity as written, most frequent first.
    func surfaces(_ id: String) -> [Counted] {
        Self.ranked(Dictionary((mentions[id] ?? []).map { ($0.surface, 1) }, uniquingKeysWith: +))
    }

    static func ranked(_ counts: [String: Int]) -> [Counted] {
        counts.map { Counted(key: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : GermanCollation.precedes($0.key, $1.key) }
    }
}
