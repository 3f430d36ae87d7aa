import Foundation

/// One direct quote and who said it: an article's words between quotation marks, attributed
/// to a person or organisation the article names where it quotes them.
struct Quote: Sendable, Equatable {
    /// The speaker's registry position; -1 where the article names none the finder can trust.
    var speaker: Int32
    /// The mention that locates the quote (a position in the article's mentions), whose anchor
    /// is where the quote stands: the speaker's the attribution rests on; for a quote without a
    /// speaker the first of its paragraph after the quote's start, else the last before it;
    /// -1 where its paragraph has none.
    var mention: Int32
    /// The quoted words in the article's text, without the quotation marks.
    var start: Int32
    var end: Int32

    var range: Range<Int> { Int(start)..<Int(end) }
    var hasSpeaker: Bool { speaker >= 0 }
}

/// Finds direct quotes in a paragraph and their speakers, precision over recall: a quote gets a
/// speaker only when the paragraph names one the way reports attribute quotes, and a wrong
/// speaker is worse than none. Recognised, in German and English:
///
/// - after the quote: `„…“, sagte Putin` · `„…“, so Peskow` · `„…“, sagte der Präsident Wladimir
///   Putin am Mittwoch` · `"…," said Peskov` (the first entity after the verb must be the speaker)
///   · `"…," Xi said` · `"…," White House spokesperson Karine Jean-Pierre told reporters` (the
///   first entity of the clause, followed at once by a speech verb);
/// - before it: `Putin sagte: „…“` · `Peskow sagte auf die Frage lediglich: „…“` · a heading
///   `Kim: „…“` · `Putin sagte, er sei „sehr froh“` and `Kim erklärte, beide würden „…“` (a
///   partial quote whose sentence names one speaker before it, with a speech verb between) ·
///   `According to Biden, the leaders "made real progress"` · `Laut Peskow sind die Gespräche „…“`;
/// - a quote that is a sentence of its own right after an attributed one, or right after a
///   sentence that reports one speaker's words (`Peskow sagte, Russland bleibe dabei. „…“`):
///   the same speaker.
///
/// A role stands for the name the article gives it to (`RoleHolders`): `„…“, sagte der russische
/// Präsident` after "der russische Präsident Wladimir Putin", `sagte der Präsident: „…“`.
///
/// Every quote is found, with a speaker or without one (`Quote.hasSpeaker`).
///
/// Not quotes: fewer than three words between the marks (scare quotes such as
/// „Militäroperation“, names such as "Angara"). Not attributed: roles the article gives to no
/// name, or to several, pronouns ("sagte er"), someone speaking for the one named
/// (`sagte ein Sprecher von Putin` · `sagte Putins Sprecher` · `a spokesman for Xi said` ·
/// `Biden's aide said`).
enum QuoteFinder {
    /// A mention as the finder sees it: where it is in the paragraph (UTF-8 offsets) and
    /// whether its entity can speak (a person or an organisation).
    struct Named {
        var range: Range<Int>
        var entity: Int32
        var mention: Int32
        var canSpeak: Bool
        /// Whether the mention is a genitive the registry does not spell (`Putins`): the name of
        /// whose spokesman or plan it is, not of a speaker. (`Biden's` the finder sees itself.)
        var possessive = false
    }

    /// The quotes of `paragraph` (UTF-8) whose mentions are `named`, in text order; offsets in
    /// the result are the paragraph's plus `base`.
    /// `boundaries`: the paragraph's `Sentence.boundaries`, when the caller has them.
    /// `roles`: the roles the paragraph names without a name within a range of it, as mentions of
    /// their holders (`RoleHolders`), asked for only when a quote has no speaker by name, for
    /// where its attribution may stand (from the sentence before it to the clause after it).
    static func quotes(in paragraph: [UInt8], base: Int, named: [Named], boundaries known: [Int]? = nil, roles: ((Range<Int>) -> [Named])? = nil) -> [Quote] {
        let spans = spans(in: paragraph)
        guard !spans.isEmpty else { return [] }
        // Where sentences may start, found once for the paragraph's quotes.
        let boundaries = known ?? Sentence.boundaries(in: paragraph)
        func sentenceStart(before offset: Int) -> Int {
            boundaries[..<boundaries.partitionPoint { $0 < offset }].last ?? 0
        }
        func attribution(of span: Span, among named: [Named], previous: (speaker: Named, end: Int)?) -> Named? {
            after(span, paragraph, named) ?? before(span, paragraph, named, sentenceStart: sentenceStart(before: span.outer.lowerBound))
                ?? continuation(span, paragraph, previous: previous) ?? reported(span, paragraph, named, sentenceStart: sentenceStart)
        }
        var found: [Quote] = []
        var previous: (speaker: Named, end: Int)?
        for span in spans where wordCount(paragraph[span.inner]) >= 3 {
            var speaker = named.contains(where: \.canSpeak) ? attribution(of: span, among: named, previous: previous) : nil
            if speaker == nil, let roles {
                // From the sentence before the quote's (`reported`) to past the clause after it (`after`).
                let sentence = sentenceStart(before: span.outer.lowerBound)
                let window = sentenceStart(before: max(0, sentence - 1))..<min(paragraph.count, span.outer.upperBound + 160)
                let standing = roles(window)
                if !standing.isEmpty {
                    speaker = attribution(of: span, among: (named + standing).sorted { $0.range.lowerBound < $1.range.lowerBound }, previous: previous)
                }
            }
            // An English quote's comma before its attribution is not part of the words.
            let end = span.inner.upperBound - (paragraph[span.inner.upperBound - 1] == UInt8(ascii: ",") ? 1 : 0)
            if let speaker {
                found.append(Quote(speaker: speaker.entity, mention: speaker.mention,
                                   start: Int32(base + span.inner.lowerBound), end: Int32(base + end)))
                previous = (speaker, span.outer.upperBound)
            } else {
                let locating = named.first { $0.range.lowerBound >= span.outer.lowerBound } ?? named.last
                found.append(Quote(speaker: -1, mention: locating?.mention ?? -1, start: Int32(base + span.inner.lowerBound), end: Int32(base + end)))
                previous = nil
            }
        }
        return found
    }

    /// The bytes every quotation mark starts with: `"`, and the lead bytes of „ “ ” (0xE2) and
    /// » « (0xC2).
    static let markLeads: [UInt8] = [0x22, 0xE2, 0xC2]

    /// Whether `byte` is one of `markLeads`, as plain comparisons (`spans` asks for every byte).
    @inline(__always)
    static func isMarkLead(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0xE2 || byte == 0xC2
    }

    /// Whether `range` of `text` holds a byte a quotation mark starts with (`markLeads`), found by
    /// `memchr`: most paragraphs hold none, and then need not be read again.
    static func mayQuote(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        return text.withUnsafeBufferPointer { text in
            markLeads.contains { memchr(text.baseAddress! + range.lowerBound, Int32($0), range.count) != nil }
        }
    }

    /// A quotation: the marks included (`outer`) and the words between (`inner`).
    struct Span {
        var outer: Range<Int>
        var inner: Range<Int>
    }

    /// Pairs of quotation marks: „…“ (or „…”), “…”, »…«, «…», "…", each closed by the next closing
    /// mark of its kind in the paragraph.
    static func spans(in text: [UInt8]) -> [Span] {
        var spans: [Span] = []
        text.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                // Every mark starts with one of three bytes: most of a paragraph is passed at a glance.
                let byte = bytes[index]
                guard isMarkLead(byte), let (openLength, closers) = opener(bytes, at: index) else {
                    index += 1
                    continue
                }
                let start = index + openLength
                var end = start
                var close: Int?
                while end < bytes.count {
                    let byte = bytes[end]
                    if isMarkLead(byte), let length = closers.first(where: { matches(bytes, at: end, $0) })?.count {
                        close = length
                        break
                    }
                    end += 1
                }
                guard let close else { return }
                spans.append(Span(outer: index..<end + close, inner: start..<end))
                index = end + close
            }
        }
        return spans
    }

    private static let low9 = [UInt8]("„".utf8), left = [UInt8]("“".utf8), right = [UInt8]("”".utf8)
    private static let guillemetRight = [UInt8]("»".utf8), guillemetLeft = [UInt8]("«".utf8), straight = [UInt8]("\"".utf8)

    private static func opener(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, [[UInt8]])? {
        if matches(text, at: index, low9) { return (low9.count, [left, right]) }
        if matches(text, at: index, left) { return (left.count, [right, left]) }
        if matches(text, at: index, guillemetRight) { return (guillemetRight.count, [guillemetLeft]) }
        // Swiss and French style: «…».
        if matches(text, at: index, guillemetLeft) { return (guillemetLeft.count, [guillemetRight]) }
        if matches(text, at: index, straight) { return (1, [straight]) }
        return nil
    }

    private static func matches(_ text: UnsafeBufferPointer<UInt8>, at index: Int, _ mark: [UInt8]) -> Bool {
        guard index + mark.count <= text.count else { return false }
        for offset in mark.indices where text[index + offset] != mark[offset] { return false }
        return true
    }

    /// How many words `bytes` has, up to `limit` (counting stops there).
    static func wordCount(_ bytes: ArraySlice<UInt8>, limit: Int = 3) -> Int {
        var count = 0, inWord = false
        for byte in bytes {
            let space = byte == 0x20 || byte == 0x0A
            if !space, !inWord {
                count += 1
                if count == limit { return count }
            }
            inWord = !space
        }
        return count
    }

    /// The first word of `bytes`, lowercased (letters and hyphens; nil if it starts otherwise).
    static func firstWord(_ bytes: ArraySlice<UInt8>) -> String? {
        let start = bytes.firstIndex { $0 != 0x20 } ?? bytes.endIndex
        // Letters are ASCII letters or the bytes of a non-ASCII scalar (ä, ö, ü, ß).
        let end = bytes[start...].firstIndex { !(($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x80 || $0 == UInt8(ascii: "-")) } ?? bytes.endIndex
        return start < end ? String(decoding: bytes[start..<end], as: UTF8.self).lowercased() : nil
    }

    /// Verbs (and `so`, `laut`, `according to`) that attribute speech, lowercased.
    static let speechVerbs: Set<String> = [
        "sagte", "sagten", "sagt", "sagen", "so", "erklärte", "erklärten", "erklärt", "betonte", "betonten", "betont",
        "meinte", "meint", "ergänzte", "fügte", "schrieb", "schreibt", "teilte", "versicherte", "warnte", "bekräftigte",
        "antwortete", "begründete", "kündigte", "sprach", "äußerte", "zitierte", "bezeichnete", "nannte", "forderte",
        "versprach", "unterstrich", "kommentierte", "hieß", "entgegnete", "mahnte", "rief", "fragte", "erwiderte", "bestätigte",
        "beteuerte", "behauptete", "kritisierte", "erinnerte", "berichtete", "verkündete", "schilderte", "laut",
        "said", "says", "told", "tells", "added", "adds", "stated", "wrote", "writes", "warned", "explained", "declared", "replied",
        "according", "asked", "insisted", "noted", "argued", "stressed", "emphasized", "emphasised", "announced", "acknowledged",
        "admitted", "claimed", "continued", "recalled", "promised", "vowed", "conceded", "remarked", "responded", "tweeted",
    ]
    /// Speech words that stand before their speaker, never after (`so Peskow`, `according to Biden`).
    static let leadingOnly: Set<String> = ["so", "laut", "according"]
    /// Words between a speech verb and the first name after it that make the name someone else's
    /// (`sagte ein Sprecher von Putin`, `said a spokesman for Xi`): the speaker is not named.
    static let onBehalf: Set<String> = ["von", "vom", "des", "of", "for", "to", "from", "für", "bei"]
    /// Verbs whose subject passes on someone else's words: after a quote, the first name is not the speaker.
    static let quoting: Set<String> = ["zitierte", "zitierten", "zitiert", "quoted", "quotes", "cited", "cites"]
    /// Prepositions between a speech verb and the first name after it that make the name an
    /// object (`sagte ein Sprecher zu Kim`, `hieß es aus Kreisen um Putin`, `said an aide with
    /// Biden`): the speaker is someone else.
    static let objects: Set<String> = [
        "zu", "zum", "zur", "gegenüber", "mit", "an", "auf", "über", "um", "aus", "nach", "vor", "in", "im", "am", "unter",
        "durch", "gegen", "ohne", "seitens", "with", "about", "at", "on", "in", "after", "before", "by", "toward", "towards",
        "against", "into", "over",
    ]
    /// Participles that make an auxiliary after a quote attribute it (`„…“, hatte Putin … geantwortet`).
    static let speechParticiples: Set<String> = ["gesagt", "erklärt", "betont", "geantwortet", "geschrieben", "gewarnt", "versichert", "angekündigt"]
    static let auxiliaries: Set<String> = ["hatte", "hat", "hatten", "haben", "had", "has"]

    /// `„…“, sagte Putin`: after the closing mark a comma, a speech verb (or an auxiliary whose
    /// clause has a speech participle), and the first entity named after it, in the same clause.
    private static func after(_ span: Span, _ text: [UInt8], _ named: [Named]) -> Named? {
        // An attribution is short: its clause is looked at up to its end, 160 bytes at most.
        guard var rest = textAfter(span, text) else { return nil }
        rest = rest.prefix(160)
        let clauseEnd = rest.firstIndex { [UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?")].contains($0) } ?? rest.endIndex
        guard let first = firstWord(rest[..<clauseEnd]),
              var mention = named.first(where: { $0.range.lowerBound >= rest.startIndex && $0.range.lowerBound < clauseEnd }) else { return nil }
        // Only the clause's first entity, only before another comma (`, sagte er, als Putin …`),
        // and only a name of its own (`sagte Putins Sprecher`, `Biden's aide said`), unless the
        // one whose role it is names the speaker right after it (`sagte Putins Sprecher Dmitri
        // Peskow`, `Biden's spokeswoman Karine Jean-Pierre said`).
        if isPossessive(mention, text) {
            guard let holder = named.first(where: { $0.range.lowerBound >= mention.range.upperBound && $0.range.lowerBound < clauseEnd }) else { return nil }
            let gap = text[mention.range.upperBound..<holder.range.lowerBound]
            var role = words(gap)
            if role.first == "s" { role.removeFirst() }
            // `the Kremlin's Peskov said`: the holder right after the possessive, or after its role.
            guard (0...3).contains(role.count), !gap.contains(UInt8(ascii: ",")),
                  !role.contains(where: { isSpeech($0) || onBehalf.contains($0) || objects.contains($0) }) else { return nil }
            mention = holder
        }
        let before = text[rest.startIndex..<mention.range.lowerBound]
        guard mention.canSpeak, !before.contains(UInt8(ascii: ",")), !isPossessive(mention, text) else { return nil }
        let between = words(before)
        // `"…," Xi said` · `"…," White House spokesperson Karine Jean-Pierre told reporters`:
        // the name, a few words of title before it, then a speech verb (or `has said`).
        // (A name may run past the clause's end: `Dr. Who`, or past the 160 bytes.)
        let tail = text[min(mention.range.upperBound, clauseEnd)..<clauseEnd]
        if let next = firstWord(tail) {
            let verb = speechVerbs.contains(next) && !leadingOnly.contains(next) && !quoting.contains(next)
            let tailWords = words(tail)
            let perfect = auxiliaries.contains(next) && tailWords.dropFirst().first.map(isSpeech) == true
            // `"…," Putin was quoted as saying by RIA`: the one quoted said it.
            let passive = ["was", "is", "were"].contains(next) && tailWords.dropFirst().first == "quoted"
            if verb || perfect || passive, between.count <= 6, !between.contains(where: { isSpeech($0) || onBehalf.contains($0) || objects.contains($0) }) { return mention }
            // `"…," RIA quoted Putin as saying`: the one quoted, named right after the verb.
            if let last = between.last, ["quoted", "cited"].contains(last), tailWords.starts(with: ["as", "saying"]), between.count <= 6,
               !between.dropLast().contains(where: { isSpeech($0) || onBehalf.contains($0) || objects.contains($0) }) { return mention }
        }
        var attributes = speechVerbs.contains(first)
        if !attributes, auxiliaries.contains(first) {
            attributes = words(rest[..<clauseEnd]).contains { speechParticiples.contains($0) }
        }
        // `„…“, wurde Putin von Tass zitiert`: the one quoted said it.
        if !attributes, ["wurde", "wird"].contains(first) {
            attributes = words(rest[..<clauseEnd]).contains("zitiert")
            if attributes { return between.dropFirst().contains { onBehalf.contains($0) || objects.contains($0) || isSpeech($0) } ? nil : mention }
        }
        // The verb first: `„…“, sagte Putin`; not `sagte ein Sprecher von Putin`, nor `zitierte
        // Tass den Kremlchef` (the one named first quotes the speaker).
        guard attributes, !quoting.contains(first), !between.dropFirst(first == "according" ? 2 : 1).contains(where: { onBehalf.contains($0) || objects.contains($0) }) else { return nil }
        return mention
    }

    /// What follows a quote that a comma joins to it, where its attribution stands: German puts
    /// the comma after the closing mark (`„…“, sagte`), English inside it (`"…," said`, or a
    /// question's or exclamation's mark); nil where none joins it.
    private static func textAfter(_ span: Span, _ text: [UInt8]) -> ArraySlice<UInt8>? {
        let rest = text[span.outer.upperBound...]
        if rest.first == UInt8(ascii: ",") { return rest.dropFirst() }
        let joined = span.inner.upperBound > span.inner.lowerBound && [UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "!")].contains(text[span.inner.upperBound - 1])
        return joined ? rest : nil
    }

    /// The words of `bytes`, lowercased.
    static func words(_ bytes: ArraySlice<UInt8>) -> [String] {
        // Most text between a name and a quote is ASCII: its letters are A to Z, read as bytes.
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self).lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        }
        var words: [String] = []
        var word: [UInt8] = []
        for byte in bytes {
            if (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x7A {
                word.append(byte | 0x20)
            } else if byte == UInt8(ascii: "-") {
                word.append(byte)
            } else if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    static func isSpeech(_ word: String) -> Bool {
        speechVerbs.contains(word) || speechParticiples.contains(word)
    }

    /// `Putins` (the converter knows), `Biden's`, `Biden’s`, `Klaus'`.
    static func isPossessive(_ mention: Named, _ text: [UInt8]) -> Bool {
        if mention.possessive { return true }
        let after = text[mention.range.upperBound...].prefix(4)
        return after.starts(with: "'".utf8) || after.starts(with: "’".utf8)
    }

    /// `Putin sagte: „…“`, `Kim: „…“`, or a partial quote `Putin sagte, er sei „…“`: the last
    /// entity named in the quote's sentence before it, with a speech verb between them (a
    /// heading or paragraph that starts with the name and a colon needs none).
    private static func before(_ span: Span, _ text: [UInt8], _ named: [Named], sentenceStart: Int) -> Named? {
        let earlier = named.filter { $0.range.upperBound <= span.outer.lowerBound && $0.range.lowerBound >= sentenceStart }
        guard let mention = earlier.last, mention.canSpeak else { return nil }
        // More than one entity that could speak: whose words these are is not certain.
        guard earlier.filter(\.canSpeak).count == 1 else { return nil }
        guard !isPossessive(mention, text) else { return nil }
        // What stands between the name and the quote, without spaces (tabs and Unicode's spaces) at either end.
        let between = String(decoding: text[mention.range.upperBound..<span.outer.lowerBound], as: UTF8.self).unicodeScalars
        let isSpace = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let trimmed = between.drop(while: isSpace).reversed().drop(while: isSpace)
        let colonLast = trimmed.first == ":"
        if colonLast, trimmed.count == 1, mention.range.lowerBound == sentenceStart { return mention }
        let words = words(text[mention.range.upperBound..<span.outer.lowerBound])
        // `According to Biden, the leaders "made real progress"`, `Laut Peskow sind die Gespräche „…“`.
        let lead = text[sentenceStart..<mention.range.lowerBound]
        // Its words are read only when they can be these: "accordingto" is 11 letters.
        let letters = lead.reduce(0) { $0 + ((($1 | 0x20) >= 0x61 && ($1 | 0x20) <= 0x7A) ? 1 : 0) }
        if letters <= 11, words.count <= 12, [["according", "to"], ["laut"]].contains(Self.words(lead)) { return mention }
        // `Peskow zufolge sei „…“`, `Dem Kremlsprecher Peskow zufolge „…“`: the name, then
        // `zufolge`, with at most an article and a role before it (not `Einem Bericht über
        // Peskow zufolge`, where the report is the source).
        if words.first == "zufolge", words.count <= 12, letters <= 40 {
            let leading = Self.words(lead)
            if leading.count <= 2, !leading.contains(where: { objects.contains($0) || isSpeech($0) }) { return mention }
        }
        // Someone the registry lacks said it: `„…“, sagte ein Sprecher`, `"…," an aide said`.
        guard !attributedAfter(span, text) else { return nil }
        // The verb between name and quote (`Putin sagte: „…“`), or before the name when a colon
        // opens the quote (`…, sagte der Präsident: „…“`).
        guard words.contains(where: speechVerbs.contains) || colonLast && verbBefore(mention, text, sentenceStart: sentenceStart) else { return nil }
        // A whole quote follows a colon; a partial one stands inside the speaker's sentence.
        return colonLast || words.count <= 12 ? mention : nil
    }

    /// Whether the clause after the quote attributes it (`„…“, sagte ein Sprecher`, `"…," an
    /// aide said`): a speech verb first, or within its first words.
    private static func attributedAfter(_ span: Span, _ text: [UInt8]) -> Bool {
        guard let rest = textAfter(span, text) else { return false }
        let clause = rest.prefix(80).prefix { ![UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: ":")].contains($0) }
        let lead = words(clause).prefix(5)
        guard let first = lead.first else { return false }
        // The verb first (`sagte ein Sprecher`, `so ein Sprecher`), or after someone (`an aide said`).
        return speechVerbs.contains(first) || unnamedSpeakers.contains(first) && lead.contains { speechVerbs.contains($0) && !leadingOnly.contains($0) }
    }

    /// Articles that open a speaker the clause does not name: "a spokesman said", "ein Sprecher sagte".
    static let unnamedSpeakers: Set<String> = ["a", "an", "the", "one", "ein", "eine", "der", "die"]

    /// Whether a speech verb stands right before `mention`, or before its article: "sagte Putin",
    /// "sagte der Präsident" (whose mention starts after the article).
    private static func verbBefore(_ mention: Named, _ text: [UInt8], sentenceStart: Int) -> Bool {
        var lead = words(text[max(sentenceStart, mention.range.lowerBound - 24)..<mention.range.lowerBound])
        if let last = lead.last, ["der", "die", "das", "the"].contains(last) { lead.removeLast() }
        return lead.last.map { speechVerbs.contains($0) && !leadingOnly.contains($0) } ?? false
    }

    /// `Peskow sagte, Russland bleibe dabei. „…“`: a quote that is a whole sentence, right after
    /// a sentence in which one entity that can speak is named and followed at once by a speech verb.
    private static func reported(_ span: Span, _ text: [UInt8], _ named: [Named], sentenceStart: (Int) -> Int) -> Named? {
        // A whole sentence: a full stop (and spaces) before the opening mark, one inside the closing.
        guard span.inner.upperBound > span.inner.lowerBound, [UInt8(ascii: "."), UInt8(ascii: "!")].contains(text[span.inner.upperBound - 1]),
              let sentenceEnd = text[..<span.outer.lowerBound].lastIndex(where: { $0 != 0x20 }), text[sentenceEnd] == UInt8(ascii: ".") else { return nil }
        let previousStart = sentenceStart(sentenceEnd)
        func speaks(_ mention: Named) -> Bool {
            firstWord(text[mention.range.upperBound..<sentenceEnd]).map(speechVerbs.contains) == true
        }
        // One entity of the sentence speaks (its name, then a speech verb); others may be named.
        let speakers = named.filter { $0.canSpeak && $0.range.lowerBound >= previousStart && $0.range.upperBound <= sentenceEnd && speaks($0) }
        return speakers.count == 1 ? speakers[0] : nil
    }

    /// `„A“, sagte Kim. „B.“`: a quote that is a sentence of its own, right after one attributed;
    /// or the rest of a quote its attribution interrupts (`„A“, so Kim, „B.“`).
    private static func continuation(_ span: Span, _ text: [UInt8], previous: (speaker: Named, end: Int)?) -> Named? {
        guard let previous, previous.end <= span.outer.lowerBound else { return nil }
        let between = text[previous.end..<span.outer.lowerBound]
        let stops = between.indices.filter { [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(between[$0]) }
        // Interrupted: only the clause that names the speaker stands between, ending in a comma,
        // and the quote ends the sentence or clause (not `„…“ sei eine Lüge, so Kim`).
        if stops.isEmpty, previous.speaker.range.lowerBound >= previous.end, previous.speaker.range.upperBound <= span.outer.lowerBound,
           between.last(where: { $0 != 0x20 }) == UInt8(ascii: ",") {
            let next = text[span.outer.upperBound...].first { $0 != 0x20 }
            let last = span.inner.isEmpty ? nil : text[span.inner.upperBound - 1]
            let closes: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?")]
            let endsClause = next.map(closes.contains) ?? true || last.map(closes.contains) == true
            return endsClause ? previous.speaker : nil
        }
        // The previous quote's attribution ends its sentence; nothing but it stands between.
        guard stops.count == 1, between[between.index(after: stops[0])...].allSatisfy({ $0 == 0x20 }) else { return nil }
        let after = text[span.outer.upperBound...].prefix { $0 == 0x20 }
        let ends = span.outer.upperBound + after.count == text.count || text[span.inner.upperBound - 1] == UInt8(ascii: ".")
        return ends ? previous.speaker : nil
    }
}
