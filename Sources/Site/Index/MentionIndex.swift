import Entities
import Foundation

/// Who is mentioned where: per entity the articles that mention it, and what its overview shows.
///
/// Entities are registry positions and articles positions in `articles`, so building the index
/// is appending numbers. The articles are in date order, newest first (`PageBuilder.DateOrder`),
/// so each entity's articles are too. An edited article that keeps its place is swapped in with
/// `replace(_:with:)`, touching only the entities it mentions; spellings, outlets and company are
/// counted when a page asks.
struct MentionIndex: Sendable {
    /// The mentions of one entity in one article: `articles[article].positions(run)`. The run
    /// is copied here so that listing the mentions reads one article's data less.
    struct Group: Sendable, Equatable {
        var article: Int32
        var run: ConvertedArticle.Run
    }

    struct Counted: Sendable, Equatable {
        var key: String
        var count: Int
    }

    /// The articles newest first, undated last.
    private(set) var articles: [ConvertedArticle]
    /// Where each article is in `articles`, by slug.
    private let positions: [String: Int]
    /// The registry's ids by position.
    let ids: [String]
    /// Per registry position, the articles mentioning the entity, newest first.
    private(set) var groups: [[Group]]
    /// Per registry position, how often the entity is mentioned.
    private(set) var counts: [Int]
    /// Per registry position, a fingerprint of which articles mention the entity, in which
    /// order: the sum of their `orderKey`s, kept up to date by `replace` without reading the others.
    private(set) var memberPrints: [UInt64]

    /// The index of `articles` in date order (`PageBuilder.byDate`).
    init(_ articles: [ConvertedArticle], registry: Registry) {
        self.articles = articles
        positions = Dictionary(articles.enumerated().map { ($0.element.article.slug, $0.offset) }, uniquingKeysWith: { first, _ in first })
        ids = registry.entities.map(\.id)
        groups = Array(repeating: [], count: ids.count)
        counts = Array(repeating: 0, count: ids.count)
        memberPrints = Array(repeating: 0, count: ids.count)
        // Sized first: a large dossier has millions of groups, and growing by doubling would
        // leave a third of that unused on average.
        var sizes = [Int](repeating: 0, count: ids.count)
        for converted in articles {
            for mentioned in converted.entities { sizes[mentioned.entity] += 1 }
        }
        for (entity, size) in sizes.enumerated() { groups[entity].reserveCapacity(size) }
        for (position, converted) in articles.enumerated() {
            for mentioned in converted.entities {
                groups[mentioned.entity].append(Group(article: Int32(position), run: mentioned.run))
                counts[mentioned.entity] += Int(mentioned.run.count)
                memberPrints[mentioned.entity] &+= converted.orderKey
            }
        }
    }

    /// How many mentions the articles hold in all.
    var mentionTotal: Int {
        articles.reduce(0) { $0 + $1.mentions.count }
    }

    /// Where the article with `slug` is in `articles`, if it is there.
    func position(of slug: String) -> Int? {
        positions[slug]
    }

    /// Swaps in a new version of the article at `position` (same slug and place in the date
    /// order: `order` equal), updating the entities
    /// it mentioned before or mentions now; returns those entities (registry positions).
    @discardableResult
    mutating func replace(_ position: Int, with converted: ConvertedArticle) -> [Int] {
        let touched = articles[position].entities.map(\.entity) + converted.entities.map(\.entity)
        for mentioned in articles[position].entities {
            let at = insertionPoint(position, in: groups[mentioned.entity])
            groups[mentioned.entity].remove(at: at)
            counts[mentioned.entity] -= Int(mentioned.run.count)
            memberPrints[mentioned.entity] &-= articles[position].orderKey
        }
        articles[position] = converted
        for mentioned in converted.entities {
            let at = insertionPoint(position, in: groups[mentioned.entity])
            groups[mentioned.entity].insert(Group(article: Int32(position), run: mentioned.run), at: at)
            counts[mentioned.entity] += Int(mentioned.run.count)
            memberPrints[mentioned.entity] &+= converted.orderKey
        }
        return touched
    }

    /// What an entity's first page sums up: its spellings as written, the outlets that mention
    /// it (by articles) and the entities sharing a sentence with it (by sentences, registry
    /// positions; the most frequent only), each most frequent first, ties in German order.
    struct Overview: Sendable {
        var surfaces: [Counted]
        var outlets: [Counted]
        var companions: [(entity: Int, count: Int)]
    }

    /// One pass over the entity's mentions: they lie in many articles, so reading them is
    /// mostly waiting for memory, once.
    func overview(_ entity: Int, companions limit: Int) -> Overview {
        // An entity has a handful of spellings: comparing bytes beats hashing a string per mention.
        var spellings: [(bytes: [UInt8], count: Int)] = []
        // A dossier has a handful of outlets: comparing short strings beats hashing them.
        var outlets: [Counted] = []
        // Companions by registry position in a plain array, noting which positions were counted;
        // `lastSeen` holds the sentence each entity was last counted in, so that it counts once
        // per sentence however often it is named there.
        // A rare entity in a large registry counts its few companions in a dictionary: arrays
        // the size of the registry would cost more to clear than its mentions to count.
        let dense = counts[entity] * 64 >= ids.count
        var together = [Int](repeating: 0, count: dense ? ids.count : 0)
        var lastSeen = [Int](repeating: -1, count: dense ? ids.count : 0)
        var sparse: [Int: (count: Int, lastSeen: Int)] = [:]
        var counted: [Int] = []
        var sentences = 0
        let own = Int32(entity)
        let groups = groups[entity]
        for index in groups.indices {
            prefetch(groups, ahead: index)
            let group = groups[index]
            // Read without counting a reference (`withArticle`).
            articles.withArticle(Int(group.article)) { converted in
                if !converted.outlet.isEmpty {
                    if let known = outlets.firstIndex(where: { $0.key == converted.outlet }) {
                        outlets[known].count += 1
                    } else {
                        outlets.append(Counted(key: converted.outlet, count: 1))
                    }
                }
                // Read in place: a slice or copy per mention would count references on every read.
                converted.text.withUnsafeBufferPointer { text in
                    converted.mentions.withUnsafeBufferPointer { mentions in
                        var lastSentence: Int32 = -1
                        for position in converted.positions(group.run).lazy.map(Int.init) {
                            let mention = mentions[position]
                            let spelling = UnsafeBufferPointer(rebasing: text[mention.mark])
                            if let known = spellings.firstIndex(where: { Self.equal($0.bytes, spelling) }) {
                                spellings[known].count += 1
                            } else {
                                spellings.append((Array(spelling), 1))
                            }
                            guard mention.sentenceStart != lastSentence else { continue }
                            lastSentence = mention.sentenceStart
                            sentences += 1
                            for other in ConvertedArticle.sentence(around: position, in: mentions) where mentions[other].entity != own {
                                let id = Int(mentions[other].entity)
                                guard dense else {
                                    let seen = sparse[id]
                                    guard seen?.lastSeen != sentences else { continue }
                                    if seen == nil { counted.append(id) }
                                    sparse[id] = ((seen?.count ?? 0) + 1, sentences)
                                    continue
                                }
                                guard lastSeen[id] != sentences else { continue }
                                lastSeen[id] = sentences
                                if together[id] == 0 { counted.append(id) }
                                together[id] += 1
                            }
                        }
                    }
                }
            }
        }
        var surfaces: [String: Int] = [:]
        for spelling in spellings { surfaces[String(decoding: spelling.bytes, as: UTF8.self), default: 0] += spelling.count }
        return Overview(surfaces: Self.ranked(surfaces), outlets: GermanCollation.sorted(outlets, count: \.count, name: \.key),
                        companions: GermanCollation.first(limit, of: counted.map { (entity: $0, count: dense ? together[$0] : sparse[$0]!.count) }, count: { $0.count }, name: { ids[$0.entity] }))
    }

    /// Up to `limit` sentences the entity shares with each of `companions` (registry positions),
    /// newest article first: per companion, the article (a position in `articles`) and the
    /// entity's mention there (a position in the article's mentions).
    func sentences(_ entity: Int, with companions: [Int], limit: Int) -> [Int: [(article: Int32, mention: Int32)]] {
        var found = Dictionary(uniqueKeysWithValues: companions.map { ($0, [(article: Int32, mention: Int32)]()) })
        var open = companions.count
        let own = Int32(entity)
        // The entities counted in the sentence at hand: a sentence names a few, so a list
        // made once beats a set made per sentence.
        var seen: [Int32] = []
        let groups = groups[entity]
        for index in groups.indices where open > 0 {
            prefetch(groups, ahead: index)
            let group = groups[index]
            articles.withArticle(Int(group.article)) { converted in
                var lastSentence: Int32 = -1
                for position in converted.positions(group.run).map(Int.init) {
                    let mention = converted.mentions[position]
                    guard mention.sentenceStart != lastSentence else { continue }
                    lastSentence = mention.sentenceStart
                    seen.removeAll(keepingCapacity: true)
                    for other in converted.sentence(around: position) where converted.mentions[other].entity != own {
                        let id = Int(converted.mentions[other].entity)
                        guard !seen.contains(Int32(id)) else { continue }
                        seen.append(Int32(id))
                        guard let sentences = found[id], sentences.count < limit else { continue }
                        found[id]!.append((group.article, Int32(position)))
                        if sentences.count + 1 == limit { open -= 1 }
                    }
                }
            }
        }
        return found
    }

    static func ranked(_ counts: [String: Int]) -> [Counted] {
        GermanCollation.sorted(counts.map { Counted(key: $0.key, count: $0.value) }, count: \.count, name: \.key)
    }
}

private extension MentionIndex {
    /// Whether two spellings are the same bytes: lengths first, then `memcmp`.
    static func equal(_ bytes: [UInt8], _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == other.count else { return false }
        return other.isEmpty || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, other.baseAddress!, other.count) == 0 }
    }

    /// Asks for what reading `groups[index]` and the groups after it needs, a stage of it for
    /// each of the next groups (`ConvertedArticle+Prefetch`): by the time a group is read, its
    /// article's fields, positions, mentions and their text have been asked for in turn.
    func prefetch(_ groups: [Group], ahead index: Int) {
        let count = groups.count
        if index + 6 < count { ConvertedArticle.prefetchFields(of: articles, Int(groups[index + 6].article)) }
        if index + 4 < count { articles.withArticle(Int(groups[index + 4].article)) { $0.prefetchStarts(of: groups[index + 4].run) } }
        if index + 2 < count { articles.withArticle(Int(groups[index + 2].article)) { $0.prefetchMentions(of: groups[index + 2].run) } }
        if index + 1 < count { articles.withArticle(Int(groups[index + 1].article)) { $0.prefetchText(of: groups[index + 1].run, whole: false) } }
    }

    /// Where the group of article `position` is or would go in `groups`, kept in article order.
    func insertionPoint(_ position: Int, in groups: [Group]) -> Int {
        groups.partitionPoint { $0.article < Int32(position) }
    }
}
