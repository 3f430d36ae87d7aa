import Articles
import Entities
import Foundation
import Markdown
import SourceText
import Templating

/// Renders article bodies with libcmark, turning annotations into entity links with anchors.
///
/// `[Putins](person:wladimir-putin)` becomes
/// `<a class="mention person" id="wladimir-putin-2" href="../persons/wladimir-putin.html" title="Wladimir Putin">Putins</a>`,
/// and `[Kim](-)`, the not-an-entity marker, becomes plain text.
struct Converter: Sendable {
    /// Where a listed field's links need the listing page's way back to the site's root.
    static let root = "\u{1}"
    /// The folder of article pages, which relative links in fields start from.
    static let articleFolder = String(SitePaths.article("_").dropLast("_.html".count))

    let registry: Registry
    let renderer: MarkdownRenderer
    let strings: Localization
    /// Per registry position, the opening tag of a mention link up to its anchor number and
    /// after it; every article page is one folder deep, so the link is the same from all.
    /// Bytes in one array rather than strings: converting on several cores, a string per entity
    /// had its reference count bounced between them on every link.
    let tags: [UInt8]
    /// Where the pieces lie in `tags`: entity `p`'s start is `tagEnds[2p]..<tagEnds[2p + 1]`, its
    /// end up to `tagEnds[2p + 2]`.
    let tagEnds: [Int32]
    /// Every entity's reference ("person:wladimir-putin") at its registry position: a link found
    /// here needs no checks.
    let references: KnownDestinations
    /// Per registry position, whether the entity can be quoted: a person or an organisation.
    let speaks: [Bool]

    /// The dossier's language: an article's where its front matter names none.
    let language: String

    init(registry: Registry, renderer: MarkdownRenderer, strings: Localization, language: String) {
        self.registry = registry
        self.language = language
        speaks = registry.entities.map { $0.type == .person || $0.type == .org }
        self.renderer = renderer
        self.strings = strings
        references = KnownDestinations(registry.entities.map(\.reference))
        let page = SitePaths.article("_")
        var tags: [UInt8] = [], tagEnds: [Int32] = [0]
        for entity in registry.entities {
            let href = SitePaths.relative(from: page, to: SitePaths.entity(entity.type, entity.id))
            tags += "<a class=\"mention \(entity.type.rawValue)\" id=\"\(entity.id)-".utf8
            tagEnds.append(Int32(tags.count))
            tags += "\" href=\"\(href)\" title=\"\(HTMLEscaping.escape(entity.name))\">".utf8
            tagEnds.append(Int32(tags.count))
        }
        (self.tags, self.tagEnds) = (tags, tagEnds)
    }

    /// The article for entity pages and indexes, and its body as HTML for its own page, with
    /// `marks` (by block, as `Passage.block` numbers them) around spans of its text.
    func convert(_ given: Article, marks: [Int: [LinkRewriter.TextMark]] = [:]) throws -> (article: ConvertedArticle, html: Markup) {
        let article = given.resolved(in: language)
        let collector = Collector(article: article, converter: self)
        var rewriter = LinkRewriter(known: references, watching: Self.watched, unparsed: collector.report) { link in
            if link.known == nil, link.destination == "-" { return .init(open: "", close: "") }
            return collector.record(link)
        }
        rewriter.blocks = { number, text in
            collector.enter(block: number, text)
            return marks[number] ?? []
        }
        // Mentions are numbered in the page's order: the header's fields, the body, the captions.
        var fields: [String: String] = [:], listedTeaser: String?
        let annotated = article.annotatedFields.filter { $0.value.utf8.contains(UInt8(ascii: "[")) }
        let teaserMarks = marks[Int(Passage.teaser)] ?? []
        func convert(_ fieldsHere: some Sequence<(field: Article.Field, value: String, key: String)>) {
            for (field, value, key) in fieldsHere {
                let text = FieldText(value)
                guard text.hasLinks else { continue }
                // Lists show the teaser with its links; the title there is itself the link.
                let html = collector.convert(text, field: field, key: key, listed: field == .teaser, marks: field == .teaser ? teaserMarks : [])
                fields[key] = html.page
                if field == .teaser { listedTeaser = html.listed }
            }
        }
        convert(annotated.lazy.filter { !$0.field.isCaption })
        // A teaser without links is compared with other articles' sentences all the same.
        if !article.teaser.isEmpty, listedTeaser == nil {
            let text = FieldText(article.teaser)
            collector.enter(block: Int(Passage.teaser), Array(text.plain.utf8))
            if !teaserMarks.isEmpty { fields[Article.fieldKey(.teaser)] = collector.convert(text, field: .teaser, key: "", listed: false, marks: teaserMarks, entered: true).page }
        }
        let html = Markup(try renderer.renderUTF8(article.body, rewriter: rewriter))
        convert(annotated.lazy.filter { $0.field.isCaption })
        // Every mistake of the article at once, not one per build.
        try SourceErrors.throwIfAny(collector.problems)
        let dateText = article.date.isEmpty ? strings["dateUnknown"] : strings.formatDate(article.date)
        // Lists, feeds and page titles show the fields as text; the article's page with links.
        let plain = fields.isEmpty ? article : article.mappingFields { FieldText.plain($1) }
        let converted = ConvertedArticle(article: plain, text: collector.text, mentions: collector.mentions, quotes: collector.quotes(),
                                         passages: collector.passages, sketches: collector.sketches, dateText: dateText, fields: fields, listedTeaser: listedTeaser)
        return (converted, html)
    }
}

private extension Converter {
    /// Annotation prefixes whose look-alikes that did not parse as links are reported.
    static let watched = EntityType.allCases.map { "\($0.rawValue):" }
    /// The schemes a link may name besides an entity type; anything else (`javascript:`,
    /// `file:`, a misspelt `persn:`) is an error rather than a link readers could follow.
    static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    /// Numbers mentions per entity and finds their sentences while one article renders.
    final class Collector: @unchecked Sendable {
        /// The paragraph or heading being rendered; its links come one after another.
        struct Paragraph {
            /// Where the paragraph starts in `text`.
            var base: Int
            var bytes: [UInt8]
            var boundaries: [Int]
        }

        let article: Article
        let converter: Converter
        private(set) var text: [UInt8] = []
        private(set) var mentions: [Mention] = []
        /// The sentences long enough to be compared with other articles' (`Shingles`).
        private(set) var passages: [Passage] = []
        /// Their `Shingles.sketch`es, by position in `passages`.
        private(set) var sketches: [SIMD16<UInt16>] = []
        /// The article's annotation mistakes, reported together when it is rendered: the first
        /// `maxProblems`, then how many more (locating thousands costs more than it tells).
        var problems: [SourceError] {
            omitted == 0 ? located : located + [SourceError(file: article.file, message: "\(omitted) more annotation problems like those above: fix those, then run the build again")]
        }
        private var located: [SourceError] = []
        private var omitted = 0
        /// Whether a mention did not fit `Mention` (reported once).
        private var tooLong = false
        static let maxProblems = 100
        /// Per registry position, how many of the entity's mentions came so far: the last one's
        /// ordinal. An array the size of the registry costs less to clear once per article than
        /// a dictionary costs to hash into per link.
        private var mentioned: [Int32]
        private var paragraph: Paragraph?
        /// Where each paragraph starts in `text`, and its `Sentence.boundaries` (which quotes use again).
        private var paragraphs: [(start: Int, boundaries: [Int])] = []
        /// The last link's opening tag and a NUL byte, for libcmark.
        private var tag: [UInt8] = []
        /// The words of the sentence being sketched (`Shingles.words`), one buffer for all.
        private var words: [UInt64] = []

        init(article: Article, converter: Converter) {
            self.article = article
            self.converter = converter
            mentioned = [Int32](repeating: 0, count: converter.registry.entities.count)
        }

        /// Records an entity link and returns its markup; nil for links that are not annotations.
        /// A link that is a mistake is noted in `problems` and shown as its text.
        func record(_ link: MarkdownLink) -> LinkRewriter.Replacement? {
            let found: Int?
            do throws(Problem) { found = if let known = link.known { known } else { try position(of: link.destination) } } catch {
                // Located only while it will be shown: finding the place costs a search.
                if located.count < Self.maxProblems {
                    locate(error.message, line: article.bodyLine + link.line - 1, column: link.column)
                } else {
                    omitted += 1
                }
                return .init(open: "", close: "")
            }
            guard let entity = found else { return nil }
            // A link around no text would be a mention no reader sees (`[](person:…)`).
            guard !Self.isBlank(link.contextUTF8[link.range]) else {
                locate(Self.noText(link.destination), line: article.bodyLine + link.line - 1, column: link.column)
                return .init(open: "", close: "")
            }
            // The links of a block share its text's array: equal by reference, without reading it.
            if paragraph?.bytes != link.contextUTF8 { enter(block: -1, link.contextUTF8) }
            mention(entity, at: link.range, field: .body)
            return .init(openUTF8: tag, close: "</a>")
        }

        /// Records a mention of the entity at registry position `entity` at `range` of the
        /// current paragraph, and writes its opening tag into `tag`.
        private func mention(_ entity: Int, at range: Range<Int>, field: Article.Field) {
            mentioned[entity] += 1
            let ordinal = mentioned[entity]
            let current = paragraph!
            let sentence = Sentence.bounds(of: range, in: current.bytes, boundaries: current.boundaries)
            writeOpenTag(entity, ordinal: ordinal)
            guard let mention = Mention(entity: Int32(entity), ordinal: ordinal, sentence: current.base + sentence.lowerBound..<current.base + sentence.upperBound,
                                        mark: current.base + range.lowerBound..<current.base + range.upperBound, field: field) else {
                if !tooLong {
                    tooLong = true
                    located.append(SourceError(file: article.file, message: "a sentence longer than \(Mention.maxDistance) bytes, or more than \(Mention.maxOrdinal) mentions of one entity: split the article"))
                }
                return
            }
            mentions.append(mention)
        }

        /// A front matter field (`FieldText`) as HTML, its annotations as mention links like the
        /// body's; its text becomes a paragraph of `text` of its own, which mentions point into.
        /// `page` is for the article's page; `listed` (when asked for) for lists of articles, without
        /// ids and with `Converter.root` where the listing page's way back to the site's root goes.
        /// `marks` (by UTF-8 offset in the field's plain text, apart and in order) go around spans
        /// of the page's version; one that starts or ends inside a link's text takes in the link.
        /// `entered`: the field's text is in `text` already.
        func convert(_ value: FieldText, field: Article.Field, key: String, listed wanted: Bool, marks: [LinkRewriter.TextMark] = [],
                     entered: Bool = false) -> (page: String, listed: String?) {
            if !entered { enter(block: field == .teaser ? Int(Passage.teaser) : -1, Array(value.plain.utf8)) }
            var html: [UInt8] = [], listed: [UInt8] = [], offset = 0
            var pending = marks[...], current: LinkRewriter.TextMark?
            func close(upTo position: Int) {
                guard let mark = current, mark.range.upperBound <= position else { return }
                html += mark.close.utf8
                current = nil
            }
            func open(before position: Int) {
                while let mark = pending.first, mark.range.lowerBound < position {
                    // Marks are apart: one never opens inside another, bar two in one link's text.
                    if let open = current { html += open.close.utf8 }
                    html += mark.open.utf8
                    (current, pending) = (mark, pending.dropFirst())
                }
            }
            func append(_ text: String) {
                HTMLEscaping.append(text, to: &html)
                if wanted { HTMLEscaping.append(text, to: &listed) }
            }
            /// Plain text at `offset`, cut where marks open and close (never inside a character).
            func appendMarked(_ text: String) {
                guard !marks.isEmpty else {
                    append(text)
                    offset += text.utf8.count
                    return
                }
                let bytes = Array(text.utf8)
                var done = 0
                while true {
                    close(upTo: offset)
                    open(before: offset + 1)
                    guard done < bytes.count else { break }
                    var cut = bytes.count
                    if let end = current?.range.upperBound, end > offset { cut = min(cut, done + end - offset) }
                    if let start = pending.first?.range.lowerBound { cut = min(cut, done + start - offset) }
                    while cut < bytes.count, bytes[cut] & 0xC0 == 0x80 { cut += 1 }
                    append(String(decoding: bytes[done..<cut], as: UTF8.self))
                    (offset, done) = (offset + cut - done, cut)
                }
            }
            for part in value.parts {
                switch part {
                case .text(let text):
                    appendMarked(text)
                case .link(let text, let destination, let column):
                    let range = offset..<(offset + text.utf8.count)
                    close(upTo: range.lowerBound)
                    open(before: range.upperBound)
                    offset = range.upperBound
                    let found: Int?
                    /// A mistake at the link's place in the field's line.
                    func report(_ message: String) {
                        let start = article.fieldLocations[key] ?? article.fieldLocations[String(key.prefix { $0 != "." })]
                        locate(message, line: start?.line ?? 1, column: (start?.column ?? 1) + column)
                        append(text)
                    }
                    do throws(Problem) { found = if let known = converter.references.position(of: destination) { known } else { try position(of: destination) } } catch {
                        report(error.message)
                        continue
                    }
                    if found != nil, Self.isBlank(text.utf8) {
                        report(Self.noText(destination))
                        continue
                    }
                    if let entity = found {
                        mention(entity, at: range, field: field)
                        html += tag
                        if wanted {
                            let named = converter.registry.entities[entity]
                            listed += "<a class=\"mention \(named.type.rawValue)\" href=\"\(Converter.root)\(SitePaths.entity(named.type, named.id))\" title=\"".utf8
                            HTMLEscaping.append(named.name, to: &listed)
                            listed += "\">".utf8
                        }
                    } else if destination != "-" {
                        // A web address, or a relative link the link check follows, as in the body.
                        html += "<a href=\"".utf8
                        HTMLEscaping.append(destination, to: &html)
                        html += "\">".utf8
                        if wanted {
                            listed += "<a href=\"".utf8
                            // Relative links start from the article's folder; a fragment is a spot of the article.
                            if SitePaths.isRelative(destination) { listed += "\(Converter.root)\(Converter.articleFolder)".utf8 }
                            if destination.hasPrefix("#") { listed += "\(Converter.root)\(SitePaths.article(article.slug))".utf8 }
                            HTMLEscaping.append(destination, to: &listed)
                            listed += "\">".utf8
                        }
                    } else {
                        append(text)
                        continue
                    }
                    append(text)
                    html += "</a>".utf8
                    listed += "</a>".utf8
                }
            }
            if let mark = current { html += mark.close.utf8 }
            return (String(decoding: html, as: UTF8.self), wanted ? String(decoding: listed, as: UTF8.self) : nil)
        }

        /// Whether a link's text is empty or only spaces.
        private static func isBlank<Text: Collection<UInt8>>(_ text: Text) -> Bool {
            text.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }

        /// The problem of an entity link around no text.
        private static func noText(_ destination: String) -> String {
            "the link to \(destination) is around no text: write the name it stands for between the brackets, like [Name](\(destination))"
        }

        private func locate(_ message: String, line: Int, column: Int) {
            if located.count < Self.maxProblems {
                located.append(SourceError(file: article.file, line: line, column: column, message: message))
            } else {
                omitted += 1
            }
        }

        /// Keeps the text of a paragraph or heading about to be rendered (number `block`), and
        /// its sentences long enough to be compared.
        func enter(block: Int, _ bytes: [UInt8]) {
            let base = text.count
            let boundaries = Sentence.boundaries(in: bytes)
            paragraph = Paragraph(base: base, bytes: bytes, boundaries: boundaries)
            paragraphs.append((base, boundaries))
            text.append(contentsOf: bytes)
            guard block >= 0 || block == Passage.teaser else { return }
            bytes.withUnsafeBufferPointer { bytes in
                for (start, end) in zip(boundaries, boundaries.dropFirst()) {
                    var (start, end) = (start, end)
                    while start < end, bytes[start] == 0x20 { start += 1 }
                    while end > start, bytes[end - 1] == 0x20 { end -= 1 }
                    Shingles.words(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &words)
                    guard words.count >= Shingles.minimumWords else { continue }
                    passages.append(Passage(block: Int32(block), start: Int32(base + start), end: Int32(base + end), blockStart: Int32(base)))
                    sketches.append(Shingles.sketch(words: words))
                }
            }
        }

        /// The quotes of the article's paragraphs with their speakers (`QuoteFinder`).
        func quotes() -> [Quote] {
            var quotes: [Quote] = []
            var next = 0
            // Roles stand for names only where the article gives one to a name (made when first asked).
            let rules = LanguageRules.of(article.language)
            let speaks = { (entity: Int32) in self.converter.speaks[Int(entity)] }
            var givesRoles: Bool?
            func rolesGiven() -> Bool {
                if givesRoles == nil { givesRoles = RoleHolders.givesRoles(text: text, mentions: mentions, speaks: speaks, rules: rules) }
                return givesRoles!
            }
            var holders: RoleHolders?
            // Each holder's mentions in text order, for the one a quote by its role links to.
            var mentionsOf: [Int32: [Int32]]?
            for (number, (start, boundaries)) in paragraphs.enumerated() {
                let end = number + 1 < paragraphs.count ? paragraphs[number + 1].start : text.count
                var named: [QuoteFinder.Named] = []
                while next < mentions.count, Int(mentions[next].markStart) < end {
                    let mention = mentions[next]
                    named.append(.init(range: Int(mention.markStart) - start..<Int(mention.markEnd) - start, entity: mention.entity,
                                       mention: Int32(next), canSpeak: converter.speaks[Int(mention.entity)]))
                    next += 1
                }
                // Only paragraphs that hold a quotation mark. Their quotes get speakers where
                // someone can have said them: a name, or a role the article gives to one (made the
                // first time a paragraph names a role).
                guard QuoteFinder.mayQuote(text, start..<end) else { continue }
                for index in named.indices where named[index].canSpeak {
                    named[index].possessive = isGenitive(text[start + named[index].range.lowerBound..<start + named[index].range.upperBound], of: Int(named[index].entity))
                }
                let paragraph = Array(text[start..<end])
                quotes += QuoteFinder.quotes(in: paragraph, base: start, named: named, boundaries: boundaries) { window in
                    guard rolesGiven() else { return [] }
                    let phrases = RoleHolders.phrases(in: paragraph, within: window, rules: rules)
                    guard !phrases.isEmpty else { return [] }
                    if holders == nil { holders = RoleHolders(text: self.text, mentions: self.mentions, speaks: speaks, rules: rules) }
                    return phrases.compactMap { phrase in
                        guard let holder = holders!.holder(of: phrase) else { return nil }
                        if mentionsOf == nil { mentionsOf = Dictionary(grouping: self.mentions.indices.map(Int32.init)) { self.mentions[Int($0)].entity } }
                        guard let mention = self.nearestMention(among: mentionsOf![holder] ?? [], to: start + phrase.range.lowerBound) else { return nil }
                        return QuoteFinder.Named(range: phrase.range, entity: holder, mention: mention, canSpeak: true)
                    }
                }
            }
            return quotes
        }

        /// The mention a quote by its role links to, of its holder's `positions` (in text order):
        /// the last one before `offset`, else the first after it.
        private func nearestMention(among positions: [Int32], to offset: Int) -> Int32? {
            var (low, high) = (0, positions.count)
            while low < high {
                let middle = (low + high) / 2
                if Int(mentions[Int(positions[middle])].markStart) < offset { low = middle + 1 } else { high = middle }
            }
            return low > 0 ? positions[low - 1] : positions.first
        }

        /// Whether `surface` is a genitive of the entity's name that the registry does not spell
        /// (`Putins`, `Kims`): whose it is, not who speaks.
        private func isGenitive(_ surface: ArraySlice<UInt8>, of entity: Int) -> Bool {
            guard surface.last == UInt8(ascii: "s") else { return false }
            let spelled = String(decoding: surface, as: UTF8.self)
            // The entity's spellings read in place, not a copy of all it holds.
            let entities = converter.registry.entities
            return spelled != entities[entity].name && !entities[entity].aliases.contains(spelled) && !entities[entity].ambiguous.contains(spelled)
        }

        /// Writes the opening tag of the `ordinal`-th mention of the entity at `entity` into `tag`,
        /// whose storage the renderer's copy of the last tag no longer shares: no allocation.
        private func writeOpenTag(_ entity: Int, ordinal: Int32) {
            let (start, middle, end) = (Int(converter.tagEnds[2 * entity]), Int(converter.tagEnds[2 * entity + 1]), Int(converter.tagEnds[2 * entity + 2]))
            tag.removeAll(keepingCapacity: true)
            converter.tags.withUnsafeBufferPointer { tags in
                tag.append(contentsOf: tags[start..<middle])
                tag.appendDecimal(Int(ordinal))
                tag.append(contentsOf: tags[middle..<end])
            }
        }

        /// Notes text that was meant as an annotation but is not a link.
        @Sendable func report(_ unparsed: LinkRewriter.Unparsed) {
            guard located.count < Self.maxProblems else {
                omitted += 1
                return
            }
            let hint = unparsed.text.contains(" ") ? "an entity id has no spaces: write it as a slug, like person:olaf-scholz" : "write [name](type:id)"
            located.append(SourceError(file: article.file, line: article.bodyLine + unparsed.line - 1, column: unparsed.column,
                                       message: "'\(unparsed.text)' is not a link: \(hint)"))
        }

        /// What is wrong with an annotation, before it is located.
        struct Problem: Error {
            var message: String
        }

        /// The registry position of the entity an annotation names, checked against the registry.
        /// Called for a destination that is not a known reference: not an annotation, or a
        /// mistake to explain.
        private func position(of destination: String) throws(Problem) -> Int? {
            let registry = converter.registry
            guard let colon = destination.firstIndex(of: ":") else { return nil }
            let scheme = String(destination[..<colon])
            guard let type = EntityType(rawValue: scheme) else {
                // A colon after something that is no scheme (`Kapitel:2`, `./a:b`) is a relative link.
                guard Self.isScheme(scheme), !Converter.linkSchemes.contains(scheme.lowercased()) else { return nil }
                throw Problem(message: "link to '\(destination)': '\(scheme):' is not an entity type or a web address; annotate with person:, place: or org:, or link to an http(s) address")
            }
            let id = String(destination[destination.index(after: colon)...])
            guard Slug.isValid(id) else {
                throw Problem(message: "malformed entity id '\(destination)': write \(type.rawValue):<slug>, like \(type.rawValue):\(Slug.make(id).isEmpty ? "name" : Slug.make(id))")
            }
            guard let position = registry.index(of: id), registry.entities[position].type == type else {
                let hint = registry[id].map { "it is a \($0.type.rawValue): write \($0.reference)" } ?? "add it to content/entities/ or fix the id"
                throw Problem(message: "unknown entity '\(destination)': \(hint)")
            }
            return position
        }

        /// Whether `text` can be a URI scheme: a letter, then letters, digits, `+`, `-` or `.`.
        private static func isScheme(_ text: String) -> Bool {
            guard let first = text.utf8.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A else { return false }
            return text.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
        }
    }
}
