/// One input a page can show: what kind of input, and a hash of the name of what it is about
/// (an article's slug, an entity's id, a template's name). The incremental pipeline keeps a
/// fingerprint per key and makes a page again exactly when one of the keys it read changes.
struct InputKey: Hashable, Sendable {
    enum Kind: UInt64 {
        /// The settings, and whether pages get the search box: every page's frame.
        case settings
        /// One template's source.
        case template
        /// Everything of one article its own page and the feed show: front matter and body.
        case document
        /// What lists of articles show of one: title, outlet, teaser, date, authors, link.
        case summary
        /// One article's mentions: their entities, sentences, spellings and numbers.
        case mentions
        /// One article's quotes: their words, speakers and where they stand.
        case quotes
        /// What entity overviews count of one article: its outlet, and per mention the entity,
        /// the spelling and which others share its sentence.
        case overview
        /// What a link to an entity shows: its id, name and type.
        case entityName
        /// Everything the registry says of one entity.
        case entityDetails
        /// Which articles mention one entity, in order (its pages and how many there are).
        case articlesOfEntity
        /// How often one entity is mentioned in all articles.
        case mentionCount
        /// The entities of one type, in registry order.
        case entitiesOfType
        /// The articles newest first.
        case articleOrder
        /// The newest date any article has (what feeds date undated articles with).
        case newestDate
        /// The path of every page.
        case pageList
        /// Which of one article's passages other articles share, and where they stand there.
        case shared
        /// Every group of shared passages with the text of each version.
        case sharedGroups
    }

    let value: UInt64

    init(_ kind: Kind, hash: UInt64) {
        value = kind.rawValue << 56 | hash & 0x00FF_FFFF_FFFF_FFFF
    }

    init(_ kind: Kind, _ name: String) {
        self.init(kind, hash: Self.hash(name))
    }

    init(_ kind: Kind) {
        self.init(kind, hash: 0)
    }

    /// The key whose `value` is `raw`.
    init(raw: UInt64) {
        value = raw
    }

    /// A hash of `name` for keys: within one process, the same name gives the same number.
    static func hash(_ name: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(name)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}

/// The inputs one page read while it was made, noted by `PageInputs` as it hands them out.
/// A full build does not record (nothing is made twice); `dossier serve` does.
struct Reads {
    let records: Bool
    private(set) var keys: [InputKey] = []

    init(records: Bool) {
        self.records = records
    }

    @inline(__always)
    mutating func note(_ key: @autoclosure () -> InputKey) {
        if records { keys.append(key()) }
    }
}
