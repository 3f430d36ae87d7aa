import SourceText

/// Finds names in articles that look like entities the registry lacks, so an editor can add
/// them (`dossier suggest`, and briefly `dossier check`).
///
/// A name is a run of capitalised words within one paragraph or heading, with the lowercase
/// particles names have ("Komsomolsk am Amur", "Osama bin Laden"). Role and generic nouns
/// before it are cues, not part of it ("Landrat Jürgen Pföhler", "Nachrichtenagentur Yonhap",
/// "Industriestadt Komsomolsk"). A single word counts after such a cue or a preposition of
/// place ("in Chabarowsk"), as the last word of a longer name found too ("Lawrow"), or when it
/// recurs and never reads as a common noun (German capitalises every noun: a word seen after an
/// article or adjective is one). Each name comes in its base form ("des Technischen Hilfswerks"
/// is "Technisches Hilfswerk") with a guessed type and the spellings seen that the annotator
/// would not match from the name. Text inside links (annotations, `[x](-)`) is skipped, and so
/// is every name the registry already matches. All vocabulary is the language's (`LanguageRules`).
public struct CandidateFinder {
    public struct Text: Sendable {
        public var file: String
        public var text: String
        public var language: String
        /// The file's line on which `text` starts.
        public var firstLine: Int

        public init(file: String, text: String, language: String = "de", firstLine: Int = 1) {
            (self.file, self.text, self.language, self.firstLine) = (file, text, language, firstLine)
        }
    }

    public struct Candidate: Sendable, Equatable {
        /// The name in its base form, as the registry would list it.
        public var name: String
        public var type: EntityType
        /// Spellings seen that the annotator would not match from `name`: the entry's aliases.
        public var aliases: [String]
        public var count: Int
        public var file: String
        public var line: Int
        /// The text around its first occurrence.
        public var context: String
        /// The entry's id.
        public var id: String { Slug.make(name) }
        /// The name as first written, for the one-line listing of `check`.
        public var surface: String
    }

    let annotators: Annotators

    public init(registry: Registry) {
        annotators = Annotators(registry: registry)
    }

    public func candidates(in texts: [Text]) -> [Candidate] {
        var occurrences: [Occurrence] = []
        var nouns: [String: Set<String>] = [:]
        let documents = texts.map { text in
            let bytes = Array(text.text.utf8)
            var tokenizer = Tokenizer(bytes)
            return (text: text, bytes: bytes, tokens: tokenizer.tokens(), rules: LanguageRules.of(text.language))
        }
        for document in documents where document.rules.capitalisesNouns {
            nouns[document.rules.code, default: []].formUnion(Self.nounLikeWords(document.tokens, document.bytes, document.rules))
        }
        for document in documents {
            var scanner = Scanner(bytes: document.bytes, tokens: document.tokens, rules: document.rules)
            occurrences += scanner.occurrences().map { found in
                var located = found
                located.file = document.text.file
                located.language = document.rules.code
                (located.line, located.context) = Self.line(containing: found.offset, in: document.bytes)
                located.line += document.text.firstLine - 1
                return located
            }
        }
        return group(occurrences, nouns: nouns)
    }
}

/// One name as it stands in the text, with what stood before it.
struct Occurrence {
    enum Cue { case none, role, organisationHead, placeHead, placePreposition }
    var words: [String]
    var cue: Cue
    var startsSentence: Bool
    /// The word right before it ("des", "in", "großes"), as written; empty when none.
    var previous: String
    var offset: Int
    var file = "", language = "", line = 0, context = ""
    var surface: String { words.joined(separator: " ") }
}

/// Walks the tokens of one text and cuts out the runs of capitalised words.
struct Scanner {
    let bytes: [UInt8]
    let tokens: [TextToken]
    let rules: LanguageRules

    func word(_ index: Int) -> String { String(decoding: bytes[tokens[index].start..<tokens[index].end], as: UTF8.self) }

    static func isCapitalized(_ word: String) -> Bool { word.unicodeScalars.first?.properties.isUppercase == true }

    /// Whether a paragraph or heading ends between two tokens: a blank line or a line starting with `#`.
    func isBoundary(_ from: Int, _ to: Int) -> Bool {
        var newlines = 0
        for byte in bytes[from..<to] {
            if byte == 0x0A { newlines += 1 } else if byte == UInt8(ascii: "#"), newlines > 0 { return true }
            if newlines >= 2 { return true }
        }
        return false
    }

    func isRole(_ word: String) -> Bool {
        let lowered = word.lowercased()
        return rules.capitalisesNouns ? rules.roleEndings.contains { lowered.hasSuffix($0) } : rules.roleEndings.contains(lowered)
    }

    func isHead(_ word: String, in heads: [String]) -> Bool {
        let lowered = word.lowercased()
        return rules.capitalisesNouns ? heads.contains { lowered.hasSuffix($0) } : heads.contains(lowered)
    }

    mutating func occurrences() -> [Occurrence] {
        var found: [Occurrence] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .word, Self.isCapitalized(word(index)),
                  index == 0 || tokens[index - 1].kind != .word || !Self.isCapitalized(word(index - 1)) || rules.stopwords.contains(word(index - 1))
                    || isBoundary(tokens[index - 1].end, tokens[index].start) else {
                index += 1
                continue
            }
            let (occurrence, end) = run(from: index)
            if let occurrence { found.append(occurrence) }
            index = max(end, index + 1)
        }
        return found
    }

    /// The run of name words starting at `start`, with its cue; and the token after it.
    func run(from start: Int) -> (Occurrence?, Int) {
        var words: [String] = []
        var cue = Occurrence.Cue.none
        var index = start
        var firstWord = start
        while index < tokens.count {
            if index > start, isBoundary(tokens[index - 1].end, tokens[index].start) { break }
            let token = tokens[index]
            if token.kind == .hyphen, !words.isEmpty, index + 1 < tokens.count, tokens[index + 1].kind == .word,
               token.start == tokens[index - 1].end, tokens[index + 1].start == token.end {
                words[words.count - 1] += "-" + word(index + 1)
                index += 2
                continue
            }
            guard token.kind == .word else { break }
            let current = word(index)
            if !Self.isCapitalized(current) {
                // Particles inside a name: one or two lowercase words, then a capitalised one;
                // not after a common noun ("Interesse an der Raketentechnik").
                guard let before = words.last, !rules.nounEndings.contains(where: { before.hasSuffix($0) }),
                      let (length, _) = particle(at: index) else { break }
                words += (index..<(index + length)).map(word)
                index += length
                continue
            }
            if words.isEmpty, rules.stopwords.contains(current) {
                index += 1
                firstWord = index
                continue
            }
            if rules.stopwords.contains(current) { break }
            words.append(current)
            index += 1
        }
        // Role nouns are cues, not part of the name: it is what follows the last of them
        // ("German Chancellor Angela Merkel"). In a language that capitalises nouns, so is a
        // generic noun that opens the run ("Nachrichtenagentur Yonhap", "Industriestadt Komsomolsk");
        // in English a capitalised "Agency" is part of the name.
        let roleAt = words.lastIndex(where: isRole)
        let headAt = rules.capitalisesNouns && words.count > 1
            && (isHead(words[0], in: rules.organisationHeads) || isHead(words[0], in: rules.placeHeads)) ? 0 : nil
        if let last = [roleAt, headAt].compactMap({ $0 }).max(), last + 1 < words.count {
            let head = words[last]
            cue = isRole(head) ? .role : isHead(head, in: rules.placeHeads) ? .placeHead : .organisationHead
            firstWord += last + 1
            words.removeFirst(last + 1)
            while let first = words.first, !Self.isCapitalized(first) {
                words.removeFirst()
                firstWord += 1
            }
        } else if words.count == 1, isRole(words[0]) || isHead(words[0], in: rules.organisationHeads) || isHead(words[0], in: rules.placeHeads) {
            return (nil, index)
        }
        // A sentence's first word before a particle is a common noun: "Residents of Bad Ems".
        if words.count > 2, !Self.isCapitalized(words[1]), Tokenizer.startsSentence(at: tokens[firstWord].start, in: bytes) {
            words.removeFirst()
            firstWord += 1
            while let first = words.first, !Self.isCapitalized(first) {
                words.removeFirst()
                firstWord += 1
            }
        }
        while let last = words.last, !Self.isCapitalized(last) { words.removeLast() }
        guard !words.isEmpty, firstWord < tokens.count else { return (nil, index) }
        var previous = ""
        if firstWord > 0, tokens[firstWord - 1].kind == .word {
            previous = word(firstWord - 1)
            // A lowercase head or role before the name: "the news agency Yonhap", "spokesman Peskov".
            if cue == .none, !Self.isCapitalized(previous) {
                if isRole(previous) { cue = .role }
                else if rules.organisationHeads.contains(previous) { cue = .organisationHead }
                else if rules.placeHeads.contains(previous) { cue = .placeHead }
                else if rules.placePrepositions.contains(previous) { cue = .placePreposition }
            }
        }
        let occurrence = Occurrence(words: words, cue: cue, startsSentence: Tokenizer.startsSentence(at: tokens[firstWord].start, in: bytes),
                                    previous: previous, offset: tokens[firstWord].start)
        return (occurrence, index)
    }

    /// A name particle at `index` followed by a capitalised word: its length in words.
    func particle(at index: Int) -> (Int, String)? {
        for length in [2, 1] where index + length < tokens.count && (index..<(index + length)).allSatisfy({ tokens[$0].kind == .word }) {
            let words = (index..<(index + length)).map(word)
            let next = index + length
            guard rules.nameParticles.contains(words.joined(separator: " ")), tokens[next].kind == .word || tokens[next].kind == .hyphen,
                  tokens[next].kind == .hyphen ? next + 1 < tokens.count && tokens[next + 1].kind == .word : Self.isCapitalized(word(next)),
                  !isBoundary(tokens[index - 1].end, tokens[next].start) else { continue }
            return (length, words.joined(separator: " "))
        }
        return nil
    }
}

private extension CandidateFinder {
    /// Occurrences grouped by base form, filtered to what looks like a name, as candidates.
    func group(_ occurrences: [Occurrence], nouns: [String: Set<String>]) -> [Candidate] {
        var groups: [String: [Occurrence]] = [:]
        var order: [String] = []
        for occurrence in occurrences {
            let rules = LanguageRules.of(occurrence.language)
            if Self.isCommonPhrase(occurrence.words, rules: rules, nouns: nouns[rules.code] ?? []) { continue }
            let key = occurrence.language + "\t" + Self.baseForm(occurrence, rules: rules)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(occurrence)
        }
        // A single word that ends exactly one longer name is that name ("Lawrow", "Sergej Lawrow").
        var lastWords: [String: [String]] = [:]
        for key in order where key.contains(" ") {
            let language = key.prefix { $0 != "\t" }
            let lastWord = key.split(separator: " ").last ?? ""
            lastWords["\(language)\t\(lastWord)", default: []].append(key)
        }
        for key in order where !key.contains(" ") {
            guard let longer = lastWords[key], longer.count == 1, let single = groups[key] else { continue }
            groups[longer[0], default: []] += single
            groups[key] = nil
        }
        var candidates: [Candidate] = []
        for key in order {
            guard let found = groups[key], let first = found.first else { continue }
            let rules = LanguageRules.of(first.language)
            let name = String(key.split(separator: "\t", maxSplits: 1)[1])
            let isSingle = !name.contains(" ")
            if isSingle, !Self.isAcronym(name) {
                // A word after an article or adjective is a common noun ("Unsere Länder", "großes Interesse").
                if found.contains(where: { Self.readsAsNoun(after: $0.previous, rules: rules) }) { continue }
                let hasCue = found.contains { $0.cue != .none && $0.cue != .placePreposition }
                let placeCue = found.contains { $0.cue == .placePreposition } && !rules.nounEndings.contains { name.hasSuffix($0) }
                let recurs = found.count >= (rules.capitalisesNouns ? 3 : 2)
                // A capitalised word at a sentence start says nothing: one elsewhere must vouch for it.
                guard found.contains(where: { !$0.startsSentence || $0.cue != .none }), hasCue || placeCue || recurs else { continue }
            } else if isSingle, found.count < 2, !found.contains(where: { $0.cue == .organisationHead }) {
                continue
            }
            let annotator = annotators(first.language)
            // Already known: the registry matches the name.
            if Self.matchesWhole(annotator, name) { continue }
            let probe = Annotator(registry: Registry([Entity(id: "x", type: .person, name: name)]), language: first.language)
            var spellings: [String] = []
            for occurrence in found where occurrence.surface != name && !spellings.contains(occurrence.surface)
                && !Self.matchesWhole(probe, occurrence.surface) && !Self.matchesWhole(annotator, occurrence.surface) {
                spellings.append(occurrence.surface)
            }
            candidates.append(Candidate(name: name, type: Self.type(of: name, found, rules: rules), aliases: spellings, count: found.count,
                                        file: first.file, line: first.line, context: first.context, surface: first.surface))
        }
        return candidates.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }

    /// Whether a word after `previous` is a common noun: after an article or pronoun, or (in a
    /// language that capitalises nouns) after a lowercase adjective ("großes", "neuen", not "sagte").
    static func readsAsNoun(after previous: String, rules: LanguageRules) -> Bool {
        if rules.determiners.contains(previous.lowercased()) || previous.allSatisfy(\.isNumber) && !previous.isEmpty { return true }
        guard rules.capitalisesNouns, previous.count >= 4, previous.first?.isLowercase == true else { return false }
        return ["e", "en", "es", "em"].contains { previous.hasSuffix($0) } && !["te", "ten", "ern", "eln"].contains { previous.hasSuffix($0) }
            && !rules.placePrepositions.contains(previous) && !["sagen", "haben", "werden", "wollen", "sollen", "können", "müssen", "seien", "waren"].contains(previous)
    }

    static func matchesWhole(_ annotator: Annotator, _ surface: String) -> Bool {
        annotator.annotate(surface).added.first?.surface == surface
    }

    /// Capitalised words seen right after an article, an adjective or a number: common nouns.
    static func nounLikeWords(_ tokens: [TextToken], _ bytes: [UInt8], _ rules: LanguageRules) -> Set<String> {
        var nouns: Set<String> = []
        for index in tokens.indices.dropFirst() where tokens[index].kind == .word && tokens[index - 1].kind == .word {
            let previous = String(decoding: bytes[tokens[index - 1].start..<tokens[index - 1].end], as: UTF8.self)
            let word = String(decoding: bytes[tokens[index].start..<tokens[index].end], as: UTF8.self)
            let isAdjective = previous.first?.isLowercase == true && ["ischen", "ische", "ischer", "liche", "lichen", "igen", "ige", "enen", "ene", "sten", "neuen", "neue", "großen", "große"].contains { previous.hasSuffix($0) }
            if rules.determiners.contains(previous) || isAdjective || previous.allSatisfy(\.isNumber) { nouns.insert(word) }
        }
        return nouns
    }

    /// Ordinary words side by side ("Begrüßung Fotos", "Uhr Ortszeit", "Russian") rather than a name.
    static func isCommonPhrase(_ words: [String], rules: LanguageRules, nouns: Set<String>) -> Bool {
        if words.contains(where: { word in rules.nounSuffixes.contains { word.lowercased().hasSuffix($0) } && !isAcronym(word) }) { return true }
        if let last = words.last, rules.adjectiveSuffixes.contains(where: { last.hasSuffix($0) }) { return true }
        if words.allSatisfy({ rules.stopwords.contains($0) }) { return true }
        if words.count >= 2, words.contains(where: { $0.count >= 4 }), words.allSatisfy({ $0.allSatisfy { !$0.isLowercase } }) { return true }
        guard rules.capitalisesNouns else { return false }
        let hasNameAdjective = words.dropLast().contains { word in rules.adjectiveSuffixes.contains { word.hasSuffix($0) } || rules.adjectiveEndings.contains { word.hasSuffix($0) } }
        // Words after a particle ("am Amur") are not judged: particles read like articles.
        let judged = words.indices.filter { $0 == 0 || isCapitalized(words[$0 - 1]) }.map { words[$0] }.filter { !isAcronym($0) }
        return !hasNameAdjective && judged.contains { nouns.contains($0) }
    }

    /// The name as the registry lists it: a final genitive s dropped after "des", and adjectives
    /// inside it in their base form ("des Technischen Hilfswerks" -> "Technisches Hilfswerk").
    static func baseForm(_ occurrence: Occurrence, rules: LanguageRules) -> String {
        var words = occurrence.words
        // Only after an article is a capitalised word ending in -en an inflected adjective
        // ("des Technischen Hilfswerks"); "Jürgen Pföhler" stays as written.
        let previous = occurrence.previous.lowercased()
        guard rules.capitalisesNouns, rules.determiners.contains(previous), let last = words.last, !isAcronym(last) else {
            return words.joined(separator: " ")
        }
        if ["des", "eines", "dieses", "seines", "ihres"].contains(previous), last.hasSuffix("s"), last.count > 4 {
            let sibilant = ["ses", "zes", "ßes", "xes", "ches"].contains { last.hasSuffix($0) }
            words[words.count - 1] = String(last.dropLast(sibilant ? 2 : 1))
        }
        let head = words[words.count - 1].lowercased()
        let ending = rules.baseAdjectiveEndings.first { head.hasSuffix($0.suffix) }?.ending ?? "e"
        for position in words.indices.dropLast() where isCapitalized(words[position]) && !isAcronym(words[position]) {
            let word = words[position]
            guard let current = rules.adjectiveEndings.first(where: { word.hasSuffix($0) }), word.count >= current.count + 3 else { continue }
            words[position] = String(word.dropLast(current.count)) + ending
        }
        return words.joined(separator: " ")
    }

    static func type(of name: String, _ found: [Occurrence], rules: LanguageRules) -> EntityType {
        let words = name.split(separator: " ").map { $0.lowercased() }
        var votes: [EntityType: Int] = [:]
        for occurrence in found {
            switch occurrence.cue {
            case .role: votes[.person, default: 0] += 2
            case .organisationHead: votes[.org, default: 0] += 2
            case .placeHead: votes[.place, default: 0] += 2
            case .placePreposition: votes[.place, default: 0] += 1
            case .none: break
            }
        }
        if isAcronym(name) || words.contains(where: { word in rules.organisationWords.contains { word.hasSuffix($0) } }) { votes[.org, default: 0] += 3 }
        // Place names travel: "Ahrweiler" in an English text ends like a German place.
        let placeSuffixes = LanguageRules.known.values.flatMap(\.placeSuffixes)
        if let last = words.last, placeSuffixes.contains(where: { last.hasSuffix($0) }) { votes[.place, default: 0] += 2 }
        if (2...4).contains(words.count), votes[.org] == nil { votes[.person, default: 0] += 1 }
        // A single word with no cue is most often an agency, outlet or company ("Reuters", "Twitter").
        return votes.max { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }?.key ?? (words.count == 1 ? .org : .person)
    }

    static func isCapitalized(_ word: String) -> Bool { word.first?.isUppercase == true }

    static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && word.count <= 6 && word.allSatisfy { $0.isUppercase || $0.isNumber }
    }

    static func line(containing offset: Int, in bytes: [UInt8]) -> (Int, String) {
        let line = TextPosition(of: offset, in: bytes).line
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        var lineEnd = offset
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        var from = max(lineStart, offset - 80), to = min(lineEnd, offset + 100)
        while from > lineStart, bytes[from] & 0xC0 == 0x80 { from -= 1 }
        while to < lineEnd, bytes[to] & 0xC0 == 0x80 { to += 1 }
        return (line, String(decoding: bytes[from..<to], as: UTF8.self))
    }
}
