import Entities

/// Everything pages are made of (settings, registry, converted articles and the mention index),
/// handed out only by methods that note what was read in the page's `Reads`.
///
/// The storage is private: a page kind can show nothing it did not note, so the incremental
/// pipeline knows exactly which pages an edit changes, with no invalidation code per page.
/// What a method notes covers everything of what it returns that a page may show.
struct PageInputs: Sendable {
    private let index: MentionIndex
    private let registry: Registry
    private let byDate: [ConvertedArticle]
    /// The HTML bodies of the articles the feed carries, by slug.
    private let feedBodies: [String: Markup]
    /// Per registry position, the hash of the entity's id (the name of its keys).
    private let entityKeys: [UInt64]
    private let coverage: Lazy<OutletCoverage>
    /// Per registry position, the entity's id as a JSON string (`"wladimir-putin"`): the export
    /// writes an id twice for each of millions of mentions. Made when a page first asks.
    private let quotedIDTable: Lazy<[[UInt8]]>
    /// Overviews the network page made (those of the most mentioned entities, the costliest),
    /// handed on to the entities' first pages, which need them too.
    private let overviews = Memo<[Int], MentionIndex.Overview>()
    private let shared: SharedPassages
    let settings: DossierConfig
    /// Per registry position, the quotes attributed to the entity, newest article first: the
    /// article's place in the index and the quote's in the article. A speaker's pages are
    /// made from these without reading every article that mentions the speaker.
    private let quotesBySpeaker: [[(article: Int32, quote: Int32)]]

    init(settings: DossierConfig, registry: Registry, index: MentionIndex, byDate: [ConvertedArticle], feedBodies: [String: Markup],
         shared: SharedPassages = SharedPassages()) {
        self.settings = settings
        self.registry = registry
        self.index = index
        self.byDate = byDate
        self.feedBodies = feedBodies
        self.shared = shared
        entityKeys = registry.entities.map { InputKey.hash($0.id) }
        let entityCount = registry.entities.count
        var bySpeaker = [[(article: Int32, quote: Int32)]](repeating: [], count: entityCount)
        for (position, article) in index.articles.enumerated() {
            for (number, quote) in article.quotes.enumerated() where quote.hasSpeaker && Int(quote.speaker) < entityCount {
                bySpeaker[Int(quote.speaker)].append((Int32(position), Int32(number)))
            }
        }
        quotesBySpeaker = bySpeaker
        coverage = Lazy { OutletCoverage(byDate: byDate, entityCount: entityCount) }
        quotedIDTable = Lazy { [registry] in
            registry.entities.map { entity in
                var json = DataText(capacity: entity.id.utf8.count + 2)
                json.string(entity.id)
                return json.bytes
            }
        }
    }

    // MARK: Articles

    /// The articles newest first (undated last), with what lists show of each.
    func articlesByDate(_ reads: inout Reads) -> [ConvertedArticle] {
        reads.note(InputKey(.articleOrder))
        if reads.records { for article in byDate { reads.note(InputKey(.summary, hash: article.key)) } }
        return byDate
    }

    /// The newest `count` articles with their HTML bodies, for the feed.
    func newest(_ count: Int, _ reads: inout Reads) -> [(article: ConvertedArticle, body: Markup?)] {
        reads.note(InputKey(.articleOrder))
        return byDate.prefix(count).map { article in
            reads.note(InputKey(.document, hash: article.key))
            reads.note(InputKey(.summary, hash: article.key))
            return (article, feedBodies[article.article.slug])
        }
    }

    /// The articles newest first with what lists show of each and their mentions (entities,
    /// spellings, sentences), for the table of all mentions.
    func articlesWithMentions(_ reads: inout Reads) -> [ConvertedArticle] {
        reads.note(InputKey(.articleOrder))
        if reads.records {
            for article in byDate {
                reads.note(InputKey(.summary, hash: article.key))
                reads.note(InputKey(.mentions, hash: article.key))
            }
        }
        return byDate
    }

    /// An article for its own page: its front matter, summary and mentions.
    func document(_ article: ConvertedArticle, _ reads: inout Reads) -> ConvertedArticle {
        reads.note(InputKey(.document, hash: article.key))
        reads.note(InputKey(.summary, hash: article.key))
        reads.note(InputKey(.mentions, hash: article.key))
        return article
    }

    /// The newest date of any article, if one has a date.
    func newestDate(_ reads: inout Reads) -> String? {
        reads.note(InputKey(.newestDate))
        return byDate.first { !$0.article.date.isEmpty }?.article.date
    }

    /// The newest `count` articles mentioning the entity at `position`, with what lists show of each.
    func newestArticles(of position: Int, _ count: Int, _ reads: inout Reads) -> [ConvertedArticle] {
        reads.note(InputKey(.articlesOfEntity, hash: entityKeys[position]))
        return index.groups[position].prefix(count).map { group in
            let article = index.articles[Int(group.article)]
            reads.note(InputKey(.summary, hash: article.key))
            return article
        }
    }

    // MARK: Quotes

    /// The quotes attributed to the entity at `position` that fall in `window` of them all
    /// (newest article first), each with its article (whose summary it shows). Only those are
    /// made: a speaker's pages of a hundred quotes each would otherwise each make them all.
    func quotes(of position: Int, in window: Range<Int>, _ reads: inout Reads) -> [(article: ConvertedArticle, quote: Quote)] {
        reads.note(InputKey(.articlesOfEntity, hash: entityKeys[position]))
        // Any article that mentions the entity may come to quote it, and which quotes fall in the
        // window depends on all of them: on their order (noted above with the articles of the
        // entity, whose print changes with any one's date, outlet or title) and their quotes.
        if reads.records { for group in index.groups[position] { reads.note(InputKey(.quotes, hash: index.articles[Int(group.article)].key)) } }
        let all = quotesBySpeaker[position]
        return all[window.clamped(to: all.indices)].map { found in
            let article = index.articles[Int(found.article)]
            reads.note(InputKey(.summary, hash: article.key))
            return (article, article.quotes[Int(found.quote)])
        }
    }

    /// How many mentions all articles hold: whether `data/mentions.csv` fits a spreadsheet, as
    /// the page list, not a page, reads it.
    var mentionTotal: Int {
        index.mentionTotal
    }

    /// How many quotes are attributed to the entity at `position`: which speakers have pages of
    /// their quotes (`PageBuilder.jobs`); it notes no reads, so a page asks `quotes(of:in:)`
    /// first, which notes all that the count depends on.
    func quoteCount(of position: Int) -> Int {
        quotesBySpeaker[position].count
    }

    /// Every quote, with a speaker or without, newest article first: read from the articles
    /// as it is gone through, not made into a list (at 100,000 articles it holds a million).
    func allQuotes(_ reads: inout Reads) -> some Sequence<(article: ConvertedArticle, quote: Quote)> {
        quotingArticles(&reads).lazy.flatMap { article in article.quotes.lazy.map { (article: article, quote: $0) } }
    }

    /// The articles that quote anyone, newest first.
    private func quotingArticles(_ reads: inout Reads) -> [ConvertedArticle] {
        reads.note(InputKey(.articleOrder))
        var found: [ConvertedArticle] = []
        for article in byDate {
            reads.note(InputKey(.quotes, hash: article.key))
            guard !article.quotes.isEmpty else { continue }
            reads.note(InputKey(.summary, hash: article.key))
            found.append(article)
        }
        return found
    }

    // MARK: Shared passages

    /// The passages of the article at `position` (in the date order) that others share, each
    /// with the first `limit` other versions of its group (their articles, whose summaries it
    /// shows, and passages) and how many other versions there are in all: a sentence every article
    /// carries would otherwise list all of them on every page.
    func sharedPassages(of position: Int, limit: Int, _ reads: inout Reads)
        -> [(passage: Int, group: Int, others: [(article: ConvertedArticle, passage: Int)], otherCount: Int)] {
        reads.note(InputKey(.shared, hash: byDate[position].key))
        return (shared.ofArticle[Int32(position)] ?? []).map { passage, group in
            let (named, count) = SharedPassages.others(of: Int32(position), in: shared.groups[Int(group)], limit: limit)
            let others = named.map { version in
                let other = byDate[Int(version.article)]
                reads.note(InputKey(.summary, hash: other.key))
                return (article: other, passage: Int(version.passage))
            }
            return (Int(passage), Int(group), others, count)
        }
    }

    /// Every group of shared passages with how many versions it has, and its earliest `limit`
    /// versions, each with its article (whose summary it shows) and the passage's text.
    func sharedGroups(limit: Int, _ reads: inout Reads) -> [(versions: [(article: ConvertedArticle, passage: Int, text: String)], count: Int)] {
        reads.note(InputKey(.sharedGroups))
        return shared.groups.map { group in
            // The earliest version first, likely the one the others copied; undated ones last.
            // (`byDate` is newest first, undated last.)
            let earliestFirst = group.sorted { a, b in
                let (first, second) = (Int(a.article), Int(b.article))
                let (firstDated, secondDated) = (!byDate[first].article.date.isEmpty, !byDate[second].article.date.isEmpty)
                return firstDated != secondDated ? firstDated : firstDated ? first > second : first < second
            }
            return (earliestFirst.prefix(limit).map { version in
                let article = byDate[Int(version.article)]
                reads.note(InputKey(.summary, hash: article.key))
                let passage = article.passages[Int(version.passage)]
                return (article, Int(version.passage), String(decoding: article.text[passage.range], as: UTF8.self))
            }, group.count)
        }
    }

    /// Where the article with `slug` is in the date order (not shown).
    func datePosition(of slug: String) -> Int? { index.position(of: slug) }

    // MARK: Outlets

    /// What each outlet reports (`OutletCoverage`): it reads which outlet every article has and
    /// what it mentions. Pages that show an outlet's articles note their summaries themselves
    /// (`summaries(of:)`).
    func outletCoverage(_ reads: inout Reads) -> OutletCoverage {
        reads.note(InputKey(.articleOrder))
        if reads.records { for article in byDate { reads.note(InputKey(.overview, hash: article.key)) } }
        return coverage.value
    }

    /// The outlets' pages, for listing pages (not shown).
    var outletPaths: [String] { coverage.value.outlets.map(\.path) }

    /// `articles` for a page that lists them with what lists show of each.
    func summaries(of articles: [ConvertedArticle], _ reads: inout Reads) -> [ConvertedArticle] {
        if reads.records { for article in articles { reads.note(InputKey(.summary, hash: article.key)) } }
        return articles
    }

    // MARK: Entities

    /// The registry positions of the entities of `type`, in registry order.
    func entities(of type: EntityType, _ reads: inout Reads) -> [Int] {
        reads.note(InputKey(.entitiesOfType, type.rawValue))
        return registry.entities.indices.filter { registry.entities[$0].type == type }
    }

    /// Everything the registry says of the entity at `position`.
    func entity(_ position: Int, _ reads: inout Reads) -> Entity {
        reads.note(InputKey(.entityDetails, hash: entityKeys[position]))
        return registry.entities[position]
    }

    /// What a link to the entity at `position` shows: id, name and type.
    func link(_ position: Int, _ reads: inout Reads) -> (id: String, name: String, type: EntityType) {
        reads.note(InputKey(.entityName, hash: entityKeys[position]))
        // Each field read in place: a copy of the whole entity would count a reference to each
        // of its strings and lists, and pages link hundreds of entities each.
        return (registry.entities[position].id, registry.entities[position].name, registry.entities[position].type)
    }

    /// The entities' ids as JSON strings, quotation marks included: asked for once by a page
    /// that writes many (`QuotedIDs`), each id noted as read where it is taken.
    func quotedIDs() -> QuotedIDs {
        QuotedIDs(ids: quotedIDTable.value, keys: entityKeys)
    }

    struct QuotedIDs {
        fileprivate let ids: [[UInt8]]
        fileprivate let keys: [UInt64]

        /// The id of the entity at `position`; notes what `link` notes.
        func callAsFunction(_ position: Int, _ reads: inout Reads) -> [UInt8] {
            reads.note(InputKey(.entityName, hash: keys[position]))
            return ids[position]
        }
    }

    /// How often the entity at `position` is mentioned in all articles.
    func mentionCount(_ position: Int, _ reads: inout Reads) -> Int {
        reads.note(InputKey(.mentionCount, hash: entityKeys[position]))
        return index.counts[position]
    }

    /// How many articles mention the entity at `position`.
    func articleCount(of position: Int, _ reads: inout Reads) -> Int {
        reads.note(InputKey(.articlesOfEntity, hash: entityKeys[position]))
        return index.groups[position].count
    }

    /// The articles mentioning the entity at `position`, newest first, from `range` of them,
    /// each with where its mentions of the entity lie.
    func listing(of position: Int, _ range: Range<Int>, _ reads: inout Reads) -> [(article: ConvertedArticle, run: ConvertedArticle.Run)] {
        listedGroups(of: position, range, &reads).map { (index.articles[Int($0.article)], $0.run) }
    }

    /// `listing(of:_:_:)` as positions in `articles` rather than the articles: a page that
    /// lists them then counts no reference per article, which both cores' pages would write to
    /// the same articles' first cache line (pages are made in the order of the articles they list).
    func listedGroups(of position: Int, _ range: Range<Int>, _ reads: inout Reads) -> ArraySlice<MentionIndex.Group> {
        reads.note(InputKey(.articlesOfEntity, hash: entityKeys[position]))
        let groups = index.groups[position][range.clamped(to: index.groups[position].indices)]
        if reads.records {
            for group in groups {
                let key = index.articles[Int(group.article)].key
                reads.note(InputKey(.summary, hash: key))
                reads.note(InputKey(.mentions, hash: key))
            }
        }
        return groups
    }

    /// What the entity's first page sums up of all its mentions (`MentionIndex.overview`);
    /// `keep` it for another page of the run that needs it (which then takes it).
    func overview(of position: Int, companions limit: Int, keep: Bool = false, _ reads: inout Reads) -> MentionIndex.Overview {
        reads.note(InputKey(.articlesOfEntity, hash: entityKeys[position]))
        if reads.records {
            for group in index.groups[position] {
                reads.note(InputKey(.overview, hash: index.articles[Int(group.article)].key))
            }
        }
        return overviews.value(for: [position, limit], keep: keep) { index.overview(position, companions: limit) }
    }

    /// Up to `limit` sentences the entity at `position` shares with each of `companions`, newest
    /// first, each as its article and the entity's mention in it (whose sentence it shows).
    func sentences(of position: Int, with companions: [Int], limit: Int, _ reads: inout Reads) -> [Int: [(article: ConvertedArticle, mention: Mention)]] {
        reads.note(InputKey(.articlesOfEntity, hash: entityKeys[position]))
        return index.sentences(position, with: companions, limit: limit).mapValues { found in
            found.map { article, mention in
                let converted = index.articles[Int(article)]
                reads.note(InputKey(.mentions, hash: converted.key))
                reads.note(InputKey(.summary, hash: converted.key))
                return (converted, converted.mentions[Int(mention)])
            }
        }
    }

    /// The position in date order of the first article page `page` of an entity lists, for
    /// ordering work (not shown: nothing is noted).
    func firstListed(of position: Int, page: Int, perPage: Int) -> Int {
        let groups = index.groups[position]
        let first = (page - 1) * perPage
        return first < groups.count ? Int(groups[first].article) : 0
    }

    /// How many articles mention the entity at `position`, for listing pages (not shown).
    func groupCount(_ position: Int) -> Int { index.groups[position].count }

    /// Where the entity with `id` is in the registry.
    func position(of id: String) -> Int? { registry.index(of: id) }

    /// The entities in registry order, for listing pages (not shown: nothing is noted).
    var entityTypes: [EntityType] { registry.entities.map(\.type) }
    var entityIDs: [String] { registry.entities.map(\.id) }

    /// The articles newest first, for listing pages (not shown).
    var articles: [ConvertedArticle] { index.articles }
}
