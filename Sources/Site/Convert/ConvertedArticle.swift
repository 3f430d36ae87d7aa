import Articles
import SourceText
import Templating

/// An article after conversion: what entity pages and indexes need of it, without its body.
///
/// The body's HTML goes straight onto the article's page; kept here are the metadata, the
/// paragraphs' plain text and the mentions pointing into it. A class, as pages pass articles
/// around by the thousand; it never changes once made.
final class ConvertedArticle: @unchecked Sendable {
    /// Where the positions of one entity's mentions lie in `grouped`: `positions(_:)` lists them.
    struct Run: Sendable, Equatable {
        var start: Int32
        var count: Int32
    }

    /// The mentions of one entity in an article.
    struct Mentioned: Sendable, Equatable {
        /// The entity's position in the registry the article was converted with.
        var entity: Int {
            get { Int(position) }
            set { position = Int32(newValue) }
        }

        var run: Run
        /// 32 bits, as in `Mention`: 10,000 articles name a million entities between them.
        private var position: Int32

        init(entity: Int, run: Run) {
            position = Int32(entity)
            self.run = run
        }
    }

    // What entity pages and overviews read of every article that lists an entity comes first,
    // in the object's first cache lines: a page of a frequent entity visits a thousand articles,
    // and reading them is mostly waiting for memory. The front matter (`article`) is large and
    // read less.

    /// The plain text of the paragraphs and headings, one after another.
    let text: [UInt8]
    /// Every mention in text order.
    let mentions: [Mention]
    /// The direct quotes with their speakers, in text order.
    let quotes: [Quote]
    /// The sentences compared with other articles' for shared passages, in text order.
    let passages: [Passage]
    /// `Shingles.sketch` of each passage's words, by position in `passages`: what the index
    /// compares. Half the memory passages take, so a build that runs once lets go of them when
    /// the index is made (`releaseSketches()`); `serve` keeps them to look up edited passages.
    private(set) var sketches: [SIMD16<UInt16>]
    /// Positions in `mentions`, grouped by entity in the order of `entities`, each group in text
    /// order: one array per article instead of one per entity it mentions.
    let grouped: [Int32]
    /// The article page's path in the site, made once for the many pages that link to it.
    let path: String
    /// What entity pages write of the article, one piece after another: the values of
    /// `summaryFields` escaped for HTML, then `path` (`listingRange(_:)` finds them). Escaped
    /// once for the many pages that list the article, in one buffer rather than a string each,
    /// whose reference counts every core listing the article would touch.
    let listing: [UInt8]
    private let listingEnds: SIMD8<Int32>
    /// The article's outlet, which every entity's overview counts.
    let outlet: String
    /// What lists of articles show of it, but the link (which depends on the listing page).
    static let summaryFields = ["title", "outlet", "teaser", "date", "dateText", "authors"]
    /// The article's front matter, its fields as plain text (`FieldText.plain`); its `body` is left empty.
    let article: Article
    /// The annotated fields that hold links, as HTML for the article's page, by `Article.fieldKey`.
    let fields: [String: String]
    /// The teaser as HTML for lists when it holds links, with `Converter.root` for the way back
    /// to the site's root (`listedTeaser(root:)`).
    let listedTeaser: String?
    /// The date as readers see it, made once for the many pages that list the article.
    let dateText: String
    /// Where the article goes on the home page and in the feed, its sort keys made once.
    let order: PageBuilder.DateOrder
    /// The hash of the slug: the name of the article's input keys (`InputKey`).
    let key: UInt64
    /// A hash of the slug and of what places the article in the date order (date, outlet,
    /// title): what lists of an entity's articles change with (`MentionIndex.memberPrints`).
    let orderKey: UInt64

    /// `mentions` in text order; their entities are registry positions.
    convenience init(article: Article, text: [UInt8], mentions: [Mention], quotes: [Quote] = [], passages: [Passage] = [], sketches: [SIMD16<UInt16>] = [],
                     dateText: String, fields: [String: String] = [:], listedTeaser: String? = nil) {
        var article = article
        article.body = ""
        // The converter's arrays grew by doubling; the article keeps them until the build ends.
        self.init(article: article, text: text.compacted(), mentions: mentions.compacted(), quotes: quotes, passages: passages.compacted(),
                  sketches: sketches.compacted(), dateText: dateText, order: PageBuilder.DateOrder(article), fields: fields, listedTeaser: listedTeaser)
    }

    private init(article: Article, text: [UInt8], mentions: [Mention], quotes: [Quote], passages: [Passage], sketches: [SIMD16<UInt16>], dateText: String,
                 order: PageBuilder.DateOrder, fields: [String: String], listedTeaser: String?) {
        self.article = article
        self.fields = fields
        self.listedTeaser = listedTeaser
        self.text = text
        self.mentions = mentions
        self.quotes = quotes
        self.passages = passages
        self.sketches = sketches
        // By entity, then by position, which keeps each entity's mentions in text order: sorted
        // as numbers, the entity in the upper half (a comparison closure per pair showed in profiles).
        var keys = mentions.indices.map { UInt64(UInt32(bitPattern: mentions[$0].entity)) << 32 | UInt64($0) }
        keys.sortInPlace()
        grouped = keys.map { Int32(truncatingIfNeeded: $0) }
        self.dateText = dateText
        self.order = order
        key = InputKey.hash(article.slug)
        var ordered = Hasher()
        ordered.combine(article.slug)
        ordered.combine(order.date)
        ordered.combine(order.outlet)
        ordered.combine(order.title)
        orderKey = UInt64(bitPattern: Int64(ordered.finalize()))
        outlet = article.outlet
        path = SitePaths.article(article.slug)
        var listing: [UInt8] = [], listingEnds = SIMD8<Int32>()
        for (piece, text) in Self.summary(article, dateText: dateText).enumerated() {
            HTMLEscaping.append(text, to: &listing)
            listingEnds[piece] = Int32(listing.count)
        }
        listing += path.utf8
        listingEnds[Self.pathPiece] = Int32(listing.count)
        self.listing = listing.compacted()
        self.listingEnds = listingEnds
    }

    /// Lets go of `sketches` once nothing will compare the passages again: called between stages,
    /// while no other thread reads the article.
    func releaseSketches() {
        sketches = []
    }

    /// The teaser with links for a list on a page whose way back to the root is `root`.
    func listedTeaser(root: String) -> String? {
        listedTeaser?.replacingOccurrences(of: Converter.root, with: root)
    }

    /// The values of `summaryFields` in their order.
    var summary: [String] { Self.summary(article, dateText: dateText) }

    private static func summary(_ article: Article, dateText: String) -> [String] {
        [article.title, article.outlet, article.teaser, article.date, dateText, article.authors.joined(separator: ", ")]
    }

    /// The same article for a registry whose entity at position `p` is now at `moved[p]`.
    func remapped(_ moved: [Int]) -> ConvertedArticle {
        let mentions = mentions.map { mention in
            var mention = mention
            mention.entity = Int32(moved[Int(mention.entity)])
            return mention
        }
        let quotes = quotes.map { quote in
            var quote = quote
            if quote.hasSpeaker { quote.speaker = Int32(moved[Int(quote.speaker)]) }
            return quote
        }
        return ConvertedArticle(article: article, text: text, mentions: mentions, quotes: quotes, passages: passages, sketches: sketches, dateText: dateText, order: order,
                                fields: fields, listedTeaser: listedTeaser)
    }

    /// Fingerprints of what pages show of the article (`InputKey.Kind`): what lists show, its
    /// mentions (entities by id, so that a registry reordered changes none), what entity
    /// overviews count of them, and its own page with the body `html`.
    func fingerprints(entityIDs: [String], html: Markup) -> Fingerprints {
        var summary = Hasher(), mentioned = Hasher(), overview = Hasher(), document = Hasher(), quoted = Hasher()
        overview.combine(outlet)
        var sentences = 0, lastSentence: Int32 = -1
        listing.withUnsafeBytes { summary.combine(bytes: $0) }
        summary.combine(listedTeaser)
        // Where it comes from, as the export lists it.
        summary.combine(article.source)
        summary.combine(article.url)
        var hashedSentence = 0..<0
        for mention in mentions {
            // The sentences mentions stand in: the text of paragraphs without any shows nowhere else.
            if mention.sentence != hashedSentence {
                hashedSentence = mention.sentence
                text.withUnsafeBytes { mentioned.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[hashedSentence])) }
            }
            mentioned.combine(entityIDs[Int(mention.entity)])
            mentioned.combine(mention.ordinal)
            mentioned.combine(mention.sentenceStart)
            mentioned.combine(mention.sentenceEnd)
            mentioned.combine(mention.markStart)
            mentioned.combine(mention.markEnd)
            mentioned.combine(mention.field)
            // Spellings, and which mentions share a sentence, but not where: text edits move them.
            if mention.sentenceStart != lastSentence { (sentences, lastSentence) = (sentences + 1, mention.sentenceStart) }
            overview.combine(entityIDs[Int(mention.entity)])
            overview.combine(sentences)
            text.withUnsafeBytes { overview.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[mention.mark])) }
        }
        // Quotes are shown in their language's marks.
        if !quotes.isEmpty { quoted.combine(article.language) }
        for quote in quotes {
            quoted.combine(quote.hasSpeaker ? entityIDs[Int(quote.speaker)] : "")
            if quote.mention >= 0 {
                quoted.combine(entityIDs[Int(mentions[Int(quote.mention)].entity)])
                quoted.combine(mentions[Int(quote.mention)].ordinal)
            }
            text.withUnsafeBytes { quoted.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[quote.range])) }
        }
        document.combine(article)
        document.combine(fields)
        document.combine(dateText)
        html.bytes.withUnsafeBytes { document.combine(bytes: $0) }
        func value(_ hasher: Hasher) -> UInt64 { UInt64(bitPattern: Int64(hasher.finalize())) }
        return Fingerprints(summary: value(summary), mentions: value(mentioned), overview: value(overview), document: value(document),
                            quotes: value(quoted))
    }

    struct Fingerprints: Sendable {
        var summary: UInt64
        var mentions: UInt64
        var overview: UInt64
        var document: UInt64
        var quotes: UInt64
    }

    /// The entities mentioned, in registry order, each with its run in `grouped`: read off
    /// `grouped` when asked rather than kept (at 10,000 articles a million pairs, 12 MB).
    var entities: MentionedEntities { MentionedEntities(article: self) }

    struct MentionedEntities: Sequence {
        let article: ConvertedArticle

        func makeIterator() -> Iterator { Iterator(grouped: article.grouped, mentions: article.mentions) }

        struct Iterator: IteratorProtocol {
            let grouped: [Int32], mentions: [Mention]
            var offset = 0

            mutating func next() -> Mentioned? {
                guard offset < grouped.count else { return nil }
                let start = offset, entity = mentions[Int(grouped[start])].entity
                repeat { offset += 1 } while offset < grouped.count && mentions[Int(grouped[offset])].entity == entity
                return Mentioned(entity: Int(entity), run: Run(start: Int32(start), count: Int32(offset - start)))
            }
        }
    }

    /// The positions in `mentions` of the mentions of one entity, in text order.
    func positions(_ run: Run) -> ArraySlice<Int32> {
        grouped[Int(run.start)..<Int(run.start + run.count)]
    }

    /// The `number`-th mention, in text order and from 0, of the entity whose mentions `run` lists.
    func mention(_ number: Int, in run: Run) -> Mention {
        mentions[Int(grouped[Int(run.start) + number])]
    }

    /// The positions in `mentions` of the mentions in the same sentence as the one at `position`:
    /// they are neighbours, as mentions are in text order.
    func sentence(around position: Int) -> Range<Int> {
        Self.sentence(around: position, in: mentions)
    }

    /// `sentence(around:)` in any run of an article's mentions (also read in place).
    static func sentence<Mentions: RandomAccessCollection<Mention>>(around position: Int, in mentions: Mentions) -> Range<Int> where Mentions.Index == Int {
        let sentence = mentions[position].sentenceStart
        var start = position, end = position + 1
        while start > mentions.startIndex, mentions[start - 1].sentenceStart == sentence { start -= 1 }
        while end < mentions.endIndex, mentions[end].sentenceStart == sentence { end += 1 }
        return start..<end
    }

    /// Where piece `piece` of `listing` lies: a summary field by its position in `summaryFields`,
    /// or `pathPiece`.
    func listingRange(_ piece: Int) -> Range<Int> {
        (piece == 0 ? 0 : Int(listingEnds[piece - 1]))..<Int(listingEnds[piece])
    }

    static let pathPiece = summaryFields.count

    /// Appends piece `piece` of `listing`.
    func writeListing(_ piece: Int, to output: ByteBuffer) {
        listing.withUnsafeBufferPointer { output.append($0[listingRange(piece)]) }
    }

    /// The mention's text as written ("Putins").
    func surface(_ mention: Mention) -> String {
        String(decoding: text[mention.mark], as: UTF8.self)
    }
}
