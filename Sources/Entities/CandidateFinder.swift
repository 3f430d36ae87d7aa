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
        var capitalised: [String: Set<String>] = [:]
        // Where only names are capitalised, the words also written in lower case are common words,
        // and those written without a possessive ending somewhere stand alone as names.
        var lowercase: [String: Set<String>] = [:]
        var standalone: [String: Set<String>] = [:]
        for document in documents where !document.rules.capitalisesNouns {
            for token in document.tokens where token.kind == .word {
                let word = String(decoding: document.bytes[token.start..<token.end], as: UTF8.self)
                if !Scanner.isCapitalized(word) {
                    lowercase[document.rules.code, default: []].insert(word)
                } else if Scanner.possessiveEnding(at: token.end, in: document.bytes) == nil {
                    standalone[document.rules.code, default: []].insert(word)
                }
            }
        }
        for document in documents where document.rules.capitalisesNouns {
            nouns[document.rules.code, default: []].formUnion(Self.nounLikeWords(document.tokens, document.bytes, document.rules))
            for token in document.tokens where token.kind == .word {
                let word = String(decoding: document.bytes[token.start..<token.end], as: UTF8.self)
                if Scanner.isCapitalized(word) { capitalised[document.rules.code, default: []].insert(word) }
            }
        }
        for document in documents {
            let code = document.rules.code
            var scanner = Scanner(bytes: document.bytes, tokens: document.tokens, rules: document.rules,
                                  names: capitalised[code, default: []].subtracting(nouns[code, default: []]),
                                  standalone: standalone[code, default: []])
            occurrences += scanner.occurrences().map { found in
                var located = found
                located.file = document.text.file
                located.language = document.rules.code
                (located.line, located.context) = Self.line(containing: found.offset, in: document.bytes)
                located.line += document.text.firstLine - 1
                return located
            }
        }
        return group(occurrences, nouns: nouns, lowercase: lowercase)
    }
}

/// One name as it stands in the text, with what stood before it.
struct Occurrence {
    /// `placeList`: an item of a list that a place preposition opens ("from Italy, Poland, Germany and
    /// Spain"): a weaker sign than the preposition itself.
    enum Cue { case none, role, organisationHead, placeHead, placePreposition, placeList }
    var words: [String]
    var cue: Cue
    var startsSentence: Bool
    /// The word right before it ("des", "in", "großes"), as written; empty when none.
    var previous: String
    /// The word written small right after it, where only names are capitalised ("cosmodrome" of
    /// "the Vostochny cosmodrome"); empty when none.
    var next = ""
    /// Whether that word is a name in the genitive ("Russlands Fernem Osten").
    var previousIsGenitive = false
    /// Whether the name stood in the genitive, its s taken off ("Japans").
    var genitive = false
    var offset: Int
    var file = "", language = "", line = 0, context = ""
    var surface: String { words.joined(separator: " ") }
}

/// Walks the tokens of one text and cuts out the runs of capitalised words.
struct Scanner {
    let bytes: [UInt8]
    let tokens: [TextToken]
    let rules: LanguageRules
    /// Capitalised words of the texts that never read as common nouns: a word that is one of
    /// them plus a genitive s is a name in the genitive ("Kims", "Nordkoreas"), which ends the
    /// noun phrase around it ("Visite Kims", "Kims Übersetzer" hold the name "Kim").
    var names: Set<String> = []
    /// In a language that capitalises only names, the capitalised words of the texts written
    /// somewhere without a possessive ending: one never written so is no name of its own
    /// before another ("Fisherman’s Terminal", "Sam’s Club"; `possessivePhrase`).
    var standalone: Set<String> = []

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
        rules.role(word) != nil
    }

    /// Whether `word` is a role or generic noun that stands before names.
    func isCue(_ word: String) -> Bool {
        isRole(word) || isHead(word, in: rules.organisationHeads) || isHead(word, in: rules.placeHeads)
    }

    /// Whether `word` is a name in the genitive: one of `names` plus s ("Kims", "Russlands").
    func isGenitiveName(_ word: String) -> Bool {
        rules.capitalisesNouns && word.count >= 4 && word.hasSuffix("s") && names.contains(String(word.dropLast()))
    }

    /// Whether `word` ends in a participle that makes it describe the name after it ("Kroger-owned").
    func isCompoundParticiple(_ word: String) -> Bool {
        guard let hyphen = word.lastIndex(of: "-") else { return false }
        return rules.compoundParticiples.contains(word[word.index(after: hyphen)...].lowercased())
    }

    /// The token of the word that is `count` words after the run's first word at token `first`
    /// (hyphens and a middle initial's period join words into one, so words are not tokens).
    func firstWordToken(after first: Int, skipping count: Int, upTo end: Int) -> Int {
        var token = first, skipped = 0
        while token < end, skipped < count {
            token += 1
            // A word of its own starts after a space: the parts of "Kroger-owned" and "F." do not.
            if token < end, tokens[token].kind == .word, tokens[token].start > tokens[token - 1].end { skipped += 1 }
        }
        return token
    }

    /// Whether a possessive ending stands at byte `offset`, right after a word: "'s", "’s", or
    /// an apostrophe after an s ("Reuters'").
    func isPossessive(at offset: Int) -> Bool {
        for ending in rules.possessives {
            let utf8 = Array(ending.utf8)
            guard offset + utf8.count <= bytes.count, Array(bytes[offset..<offset + utf8.count]) == utf8 else { continue }
            let after = offset + utf8.count
            let endsWord = after == bytes.count || !(bytes[after] >= 0x80 || (bytes[after] | 0x20 >= 0x61 && bytes[after] | 0x20 <= 0x7A))
            if endsWord, ending.hasSuffix("s") || (offset > 0 && bytes[offset - 1] == UInt8(ascii: "s")) { return true }
        }
        return false
    }

    func isHead(_ word: String, in heads: [String]) -> Bool {
        let lowered = word.lowercased()
        return rules.capitalisesNouns ? heads.contains { lowered.hasSuffix($0) } : heads.contains(lowered)
    }

    /// What joins two items of a list: a comma, or a conjunction (with a comma or not) before the last.
    enum ListGap { case comma, conjunction }

    /// What the bytes of `gap` are as the gap between two items of a list, if they are one.
    func listGap(_ gap: Range<Int>) -> ListGap? {
        guard gap.lowerBound <= gap.upperBound, gap.upperBound <= bytes.count else { return nil }
        let text = String(decoding: bytes[gap], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if text == "," { return .comma }
        let word = text.hasPrefix(",") ? text.dropFirst().trimmingCharacters(in: .whitespaces) : text
        return rules.conjunctions.contains(word) ? .conjunction : nil
    }

    /// Where the gap after byte `offset` ends: at the next word's start after a comma, or after
    /// a conjunction, as `listGap` reads it.
    func nextListGapEnd(after offset: Int) -> Int {
        var end = offset
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: ",") { end += 1 }
        var word = end
        while word < bytes.count, bytes[word] | 0x20 >= 0x61, bytes[word] | 0x20 <= 0x7A { word += 1 }
        return rules.conjunctions.contains(String(decoding: bytes[end..<word], as: UTF8.self)) ? word : end
    }

    /// The blocks written in title case, as English headlines are ("United States to Lift Sudan
    /// Sanctions"): a heading line, or lines between blank lines, with most words of four letters
    /// or more capitalised and no full stop at the end. Their capitals say nothing of names;
    /// German capitalises every noun, so it has none.
    func titleCaseBlocks() -> [Range<Int>] {
        guard !rules.capitalisesNouns else { return [] }
        var blocks: [Range<Int>] = []
        func judge(_ block: Range<Int>) {
            let text = String(decoding: bytes[block], as: UTF8.self)
            let words = text.split { !$0.isLetter && $0 != "'" && $0 != "’" }.filter { $0.count >= 4 }
            let capitalised = words.filter { $0.first?.isUppercase == true }.count
            if words.count >= 4, capitalised * 4 >= words.count * 3, !text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(".") {
                blocks.append(block)
            }
        }
        var blockStart: Int?, lineStart = 0
        for end in bytes.indices where bytes[end] == 0x0A || end == bytes.count - 1 {
            let line = lineStart..<(bytes[end] == 0x0A ? end : end + 1)
            lineStart = end + 1
            let isBlank = bytes[line].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if isBlank || bytes[line].first == UInt8(ascii: "#") {
                if let start = blockStart { judge(start..<line.lowerBound) }
                blockStart = nil
                if !isBlank { judge(line) }
            } else if blockStart == nil {
                blockStart = line.lowerBound
            }
        }
        if let start = blockStart { judge(start..<bytes.count) }
        return blocks
    }

    mutating func occurrences() -> [Occurrence] {
        var found: [Occurrence] = []
        let headlines = titleCaseBlocks()
        // The end of the last name when a place preposition opened it or its list: names listed
        // after it are places too ("from Italy, Poland, Germany and Spain").
        var listOpenedByPlace: Int?
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .word, Self.isCapitalized(word(index)),
                  !headlines.contains(where: { $0.contains(tokens[index].start) }),
                  index == 0 || tokens[index - 1].kind != .word || !Self.isCapitalized(word(index - 1)) || rules.stopwords.contains(word(index - 1))
                    || isBoundary(tokens[index - 1].end, tokens[index].start) else {
                index += 1
                continue
            }
            var (occurrence, end) = run(from: index)
            if let phrase = possessivePhrase(occurrence, after: end) { (occurrence, end) = phrase }
            if var item = occurrence {
                let itemEnd = tokens[end - 1].end
                // After a comma, an item followed by another; after a conjunction, the last.
                if item.cue == .none, let previousEnd = listOpenedByPlace, let gap = listGap(previousEnd..<item.offset),
                   gap == .conjunction || listGap(itemEnd..<nextListGapEnd(after: itemEnd)) != nil {
                    item.cue = .placeList
                }
                listOpenedByPlace = item.cue == .placePreposition || item.cue == .placeList ? itemEnd : nil
                found.append(item)
            } else {
                listOpenedByPlace = nil
            }
            // A run cut after a genitive name goes on with a run of its own: "Nordkoreas Machthaber Kim Jong Un".
            while end < tokens.count, end > index, tokens[end].kind == .word, Self.isCapitalized(word(end)),
                  isGenitiveName(word(end - 1)) || Self.isAcronym(word(end - 1)) && rules.capitalisesNouns,
                  !isBoundary(tokens[end - 1].end, tokens[end].start) {
                let next: Occurrence?
                (next, end) = run(from: end)
                if let next { found.append(next) }
            }
            index = max(end, index + 1)
        }
        return found
    }

    static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && word.count <= 6 && word.allSatisfy { $0.isUppercase || $0.isNumber }
    }

    /// The possessive endings that make a name with the word after them ("’s", "'s"), not the
    /// apostrophe after an s ("Reuters’ Moscow bureau").
    static let phraseEndings = ["’s", "'s"].map { Array($0.utf8) }

    /// The length of "’s" or "'s" at byte `offset` of `bytes`, ending a word; nil if none stands there.
    static func possessiveEnding(at offset: Int, in bytes: [UInt8]) -> Int? {
        for ending in phraseEndings where offset + ending.count <= bytes.count && bytes[offset..<offset + ending.count].elementsEqual(ending) {
            let after = offset + ending.count
            if after == bytes.count || !(bytes[after] >= 0x80 || (bytes[after] | 0x20 >= 0x61 && bytes[after] | 0x20 <= 0x7A)) { return ending.count }
        }
        return nil
    }

    /// "at Fisherman’s Terminal", "at Costco or Sam’s Club": a one-word name in the possessive
    /// that the texts never write without it, then one capitalised word, is one name, not the
    /// owner and a word of its own ("Fisherman", "Terminal"); a place preposition before it is
    /// the phrase's cue. Not where the word after it is a title or a generic noun ("Russia’s
    /// President"), nor where more capitalised words follow ("Zimbabwe’s Robert Mugabe").
    /// A holiday's name is none ("Mother’s Day", "New Year’s Eve"). The phrase (nil for a
    /// holiday) and the token after it; nil where the owner stands alone.
    func possessivePhrase(_ owner: Occurrence?, after end: Int) -> (Occurrence?, Int)? {
        guard !rules.capitalisesNouns, let owner, owner.words.count == 1, !owner.genitive, end > 0, end < tokens.count,
              !standalone.contains(owner.words[0]), !LanguageRules.states.contains(owner.words[0]) else { return nil }
        let ownerEnd = owner.offset + owner.words[0].utf8.count
        guard let length = Self.possessiveEnding(at: ownerEnd, in: bytes) else { return nil }
        // One space, then the word, the only capitalised one of its run.
        let start = ownerEnd + length + 1
        guard let next = tokens[end...].firstIndex(where: { $0.start >= start }), tokens[next].start == start, bytes[start - 1] == 0x20,
              tokens[next].kind == .word, Self.isCapitalized(word(next)), !isCue(word(next)), !isRole(word(next)),
              !(next + 1 < tokens.count && tokens[next + 1].kind == .word && Self.isCapitalized(word(next + 1))
                  && !isBoundary(tokens[next].end, tokens[next + 1].start)) else { return nil }
        guard !["day", "eve"].contains(word(next).lowercased()) else { return (nil, next + 1) }
        var phrase = owner
        phrase.words = [String(decoding: bytes[owner.offset..<ownerEnd + length], as: UTF8.self), word(next)]
        phrase.cue = rules.placePrepositions.contains(owner.previous.lowercased()) ? .placePreposition : owner.cue
        return (phrase, next + 1)
    }

    static let genitiveArticles: Set<String> = ["des", "eines", "dieses", "jenes", "seines", "ihres", "unseres", "keines"]

    /// The run of name words starting at `start`, with its cue; and the token after it.
    func run(from start: Int) -> (Occurrence?, Int) {
        var words: [String] = []
        var cue = Occurrence.Cue.none
        var genitive = false
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
            // A middle initial with its period: "Donald J. Trump", "John F. Kennedy".
            if token.kind == .breaker, words.count >= 2, let last = words.last, last.count == 1, Self.isCapitalized(last),
               bytes[token.start] == UInt8(ascii: "."), token.end == token.start + 1, token.start == tokens[index - 1].end,
               index + 1 < tokens.count, tokens[index + 1].kind == .word, tokens[index + 1].start > token.end, Self.isCapitalized(word(index + 1)),
               !isBoundary(token.end, tokens[index + 1].start) {
                words[words.count - 1] += "."
                index += 1
                continue
            }
            guard token.kind == .word else { break }
            let current = word(index)
            if !Self.isCapitalized(current) {
                // Particles inside a name: one or two lowercase words, then a capitalised one;
                // not after a common noun ("Interesse an der Raketentechnik").
                // Not after a common noun ("Interesse an der Raketentechnik", "Lieferant von Waffen"),
                // and a place's particle ("Frankfurt am Main") after one word only ("hatte Putin Kim am Eingang").
                guard let before = words.last, !rules.nounEndings.contains(where: { before.hasSuffix($0) }),
                      names.isEmpty || names.contains(before), let (length, particle) = particle(at: index),
                      words.count == 1 || words.count == 2 && isCue(words[0])
                        || !rules.determiners.contains(particle.split(separator: " ")[0].lowercased()) else { break }
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
            // After a genitive article the s is the phrase's: "des Technischen Hilfswerks".
            let articleGenitive = start > 0 && tokens[start - 1].kind == .word && Self.genitiveArticles.contains(word(start - 1).lowercased())
                && !(index + 1 < tokens.count && tokens[index + 1].kind == .word && Self.isCapitalized(word(index + 1)))
            if isGenitiveName(current), !articleGenitive {
                // A genitive name ends the run; a common noun before it is what it qualifies
                // ("Visite Kims"), a first name is part of it ("Wladimir Putins").
                if words.contains(where: { word in !names.contains(word) || rules.nounEndings.contains { word.hasSuffix($0) } }) {
                    firstWord = index
                    words = []
                }
                words.append(current)
                genitive = true
                index += 1
                break
            }
            // In German an acronym before a capitalised word is not part of a name with it ("USA Bedenken").
            if rules.capitalisesNouns, let last = words.last, Self.isAcronym(last), words.count == 1 { break }
            words.append(current)
            index += 1
        }
        // A name joined to a participle describes what follows it: "Kroger-owned QFC" is QFC's,
        // "Seattle-based Dana F. Besecker Company" the company's; with nothing after it, no name.
        if let compound = words.lastIndex(where: isCompoundParticiple) {
            guard compound + 1 < words.count else { return (nil, index) }
            words.removeFirst(compound + 1)
            firstWord = firstWordToken(after: firstWord, skipping: compound + 1, upTo: index)
        }
        // Role nouns are cues, not part of the name: it is what follows the last of them
        // ("German Chancellor Angela Merkel"). In a language that capitalises nouns, so is a
        // generic noun that opens the run ("Nachrichtenagentur Yonhap", "Industriestadt Komsomolsk");
        // in English a capitalised "Agency" is part of the name.
        let roleAt = words.lastIndex(where: isRole)
        // A title with no name after it in the run is no name: "Chinese President" before a name
        // already linked, "U.S. President".
        if let roleAt, roleAt == words.count - 1 { return (nil, index) }
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
                // What a title is of is no person: "Inspector-General of Intelligence", "President of France".
                if cue == .role { cue = .none }
            }
        }
        // A generic noun alone is no name ("State" of "Secretary of State"), nor is a letter ("U" of "U.S.").
        if words.count == 1, isCue(words[0]) || words[0].count == 1 {
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
        while let last = words.last, !Self.isCapitalized(last), CandidateFinder.particleJoined(last) == nil { words.removeLast() }
        guard !words.isEmpty, firstWord < tokens.count else { return (nil, index) }
        var previous = ""
        if let before = CandidateFinder.wordBefore(firstWord, tokens, bytes) {
            previous = before
            // A lowercase head or role before the name: "the news agency Yonhap", "spokesman Peskov".
            if cue == .none, !Self.isCapitalized(previous) {
                if isRole(previous) { cue = .role }
                else if rules.organisationHeads.contains(previous) { cue = .organisationHead }
                else if rules.placeHeads.contains(previous) { cue = .placeHead }
                // "at Mugabe's compound": the preposition governs what the name owns.
                else if rules.placePrepositions.contains(previous) {
                    cue = isPossessive(at: tokens[index - 1].end) ? .none : .placePreposition
                }
                else if rules.linkingWords.contains(previous), let head = CandidateFinder.wordBefore(firstWord - 1, tokens, bytes) {
                    // "the village of Schuld", "the news agency of …"
                    if rules.placeHeads.contains(head) { cue = .placeHead }
                    else if rules.organisationHeads.contains(head) { cue = .organisationHead }
                }
            }
        }
        // A head written small right after the name, where nouns are written small: "the Amur
        // region", "the KCNA news agency" (only where the name's run ended at that word).
        var next = ""
        if !rules.capitalisesNouns, !genitive, firstWord + words.count == index, index < tokens.count, tokens[index].kind == .word,
           !isBoundary(tokens[index - 1].end, tokens[index].start) {
            next = word(index)
            let two = index + 1 < tokens.count && tokens[index + 1].kind == .word ? next + " " + word(index + 1) : ""
            if cue == .none, rules.placeHeads.contains(next) { cue = .placeHead }
            else if cue == .none, rules.organisationHeads.contains(next) || rules.organisationHeads.contains(two) { cue = .organisationHead }
        }
        if genitive { words[words.count - 1].removeLast() }
        var occurrence = Occurrence(words: words, cue: cue, startsSentence: Tokenizer.startsSentence(at: tokens[firstWord].start, in: bytes),
                                    previous: previous, offset: tokens[firstWord].start)
        occurrence.next = next
        occurrence.previousIsGenitive = isGenitiveName(previous)
        occurrence.genitive = genitive
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

extension CandidateFinder {
    /// Occurrences grouped by base form, filtered to what looks like a name, as candidates.
    /// `lowercase`: per language that capitalises only names, the words its texts also write in lower case.
    func group(_ occurrences: [Occurrence], nouns: [String: Set<String>], lowercase: [String: Set<String>]) -> [Candidate] {
        var groups: [String: [Occurrence]] = [:]
        var order: [String] = []
        for var occurrence in occurrences {
            let rules = LanguageRules.of(occurrence.language)
            let known = nouns[rules.code] ?? []
            // A common noun before a name of two or more words is its head: "Munitionsindustrie Jo Chun Ryong".
            let head = occurrence.words[0]
            let isAdjective = ["isch", "lich"].contains { stem in rules.adjectiveEndings.contains { head.hasSuffix(stem + $0) } }
                || ["en", "er", "es", "em"].contains { head.hasSuffix($0) }
            if occurrence.words.count >= 3, known.contains(head), !isAdjective,
               occurrence.words.dropFirst().allSatisfy({ Self.isCapitalized($0) && !known.contains($0) }),
               !occurrence.words.dropFirst().dropLast().contains(where: { word in rules.adjectiveEndings.contains { word.hasSuffix($0) } }) {
                occurrence.words.removeFirst()
                occurrence.previous = ""
            }
            if Self.isCommonPhrase(occurrence.words, rules: rules, nouns: known) { continue }
            let base = Self.baseForm(occurrence, rules: rules)
            // Out before names are split or joined: "Data Retention Bill" is no "Data Retention" and a "Bill".
            if Self.isOtherName(base, rules: rules) { continue }
            let key = occurrence.language + "\t" + base
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(occurrence)
        }
        Self.joinSpellings(&groups, order: order)
        // In English a sentence's first word is capitalised whatever it is: a common word (one the
        // texts also write in lower case) before a name seen elsewhere without it is no part of it
        // ("Radical Muslims" beside "radical" and "Muslims"); a first name is ("Barack Obama").
        // How many names end in each run of last words (by language): a name's end that another
        // name ends in too is a name seen elsewhere.
        var endings: [String: Int] = [:]
        for key in order where key.contains(" ") {
            let language = key.prefix { $0 != "\t" }, words = key.drop { $0 != "\t" }.dropFirst().split(separator: " ")
            for start in 1..<words.count { endings["\(language)\t\(words[start...].joined(separator: " "))", default: 0] += 1 }
        }
        for key in order where key.contains(" ") {
            guard let phrase = groups[key], let occurrence = phrase.first, !LanguageRules.of(occurrence.language).capitalisesNouns,
                  phrase.allSatisfy(\.startsSentence),
                  lowercase[occurrence.language]?.contains(occurrence.words[0].lowercased()) == true else { continue }
            let rest = Array(occurrence.words.dropFirst())
            let restKey = "\(occurrence.language)\t\(rest.joined(separator: " "))"
            // The phrase itself is one of the names that end so.
            let endsAnother = endings[restKey, default: 0] >= 2
            guard let first = rest.first, Self.isCapitalized(first), groups[restKey] != nil || endsAnother else { continue }
            groups[key] = nil
            if groups[restKey] == nil { order.append(restKey) }
            groups[restKey, default: []] += phrase.map { found in
                var trimmed = found
                trimmed.words = rest
                trimmed.startsSentence = false
                return trimmed
            }
        }
        // Two names side by side, as German word order puts them ("ob Russland Nordkorea hilft",
        // "besuchte Sergej Schoigu Nordkorea"): a phrase that starts or ends with a word seen on
        // its own more often (and at least twice) is two names.
        for key in order where key.contains(" ") {
            guard let phrase = groups[key], let occurrence = phrase.first else { continue }
            let language = occurrence.language
            let rules = LanguageRules.of(language)
            let known = nouns[rules.code] ?? []
            func single(_ words: ArraySlice<String>) -> Bool {
                words.count == 1 && (groups["\(language)\t\(words.first!)"]?.count ?? 0) >= max(2, phrase.count + 1)
            }
            let words = occurrence.words
            var parts: [ArraySlice<String>] = []
            if let particle = words.firstIndex(where: { !Self.isCapitalized($0) }) {
                // "Nordkorea von Russland": names on both sides of a particle, each seen on its own.
                let after = words[particle...].drop { !Self.isCapitalized($0) }
                if single(words[..<particle]), single(after) { parts = [words[..<particle], after] }
            } else if phrase.count <= 2, single(words[..<1]), single(words[1...]) || words.count >= 3 && groups["\(language)\t\(words[1...].joined(separator: " "))"] != nil
                        || words.count == 2 && (known.contains(words[1]) || rules.nounEndings.contains { words[1].hasSuffix($0) }) {
                parts = [words[..<1], words[1...]]
            } else if phrase.count <= 2, words.count >= 3, single(words[(words.count - 1)...]) {
                parts = [words[..<(words.count - 1)], words[(words.count - 1)...]]
            }
            guard !parts.isEmpty else { continue }
            groups[key] = nil
            for found in phrase {
                for part in parts {
                    var piece = found
                    piece.words = Array(part)
                    let partKey = "\(language)\t\(part.joined(separator: " "))"
                    if groups[partKey] == nil { order.append(partKey) }
                    groups[partKey, default: []].append(piece)
                }
            }
        }
        // A single word that ends exactly one longer person's name is that person ("Lawrow", "Sergej Lawrow").
        var lastWords: [String: [String]] = [:]
        for key in order where key.contains(" ") && groups[key] != nil {
            let language = key.prefix { $0 != "\t" }
            let words = key.drop { $0 != "\t" }.dropFirst().split(separator: " ")
            let lastWord = words.last ?? ""
            // After a particle the last word is a name of its own: "Amur" of "Komsomolsk am Amur",
            // "BBC" of "Jon Sopel of BBC".
            guard Self.isCapitalized(String(words[words.count - 2])) else { continue }
            lastWords["\(language)\t\(lastWord)", default: []].append(key)
            // "Bashir" ends "Omar Hassan al-Bashir" as "al-Bashir" does.
            if let name = Self.particleJoined(String(lastWord)) { lastWords["\(language)\t\(name)", default: []].append(key) }
        }
        // So is one that starts exactly one longer name and ends none, as a family name written
        // first does ("Kim", "Kim Jong Un").
        var firstWords: [String: [String]] = [:]
        for key in order where key.contains(" ") && groups[key] != nil {
            let language = key.prefix { $0 != "\t" }
            let firstWord = key.split(separator: "\t")[1].split(separator: " ")[0]
            firstWords["\(language)\t\(firstWord)", default: []].append(key)
        }
        // Of names that start alike, the shorter ones are cut forms of the most frequent one when
        // each is the start of it ("Kim Jong" of "Kim Jong Un").
        for (_, keys) in firstWords where keys.count > 1 {
            guard let main = keys.max(by: { (groups[$0]?.count ?? 0, $1) < (groups[$1]?.count ?? 0, $0) }),
                  keys.allSatisfy({ $0 == main || main.hasPrefix($0 + " ") }) else { continue }
            for key in keys where key != main {
                groups[main, default: []] += groups[key] ?? []
                groups[key] = nil
            }
        }
        for key in order where !key.contains(" ") {
            let longer = lastWords[key] ?? (firstWords[key].map { $0.filter { groups[$0] != nil } }.flatMap { $0.count == 1 ? $0 : nil })
            guard let longer, longer.count == 1, let whole = groups[longer[0]], let single = groups[key],
                  single.filter({ Self.readsAsNoun(after: $0.previous, rules: LanguageRules.of($0.language)) }).count * 3 < single.count,
                  // Only a person is called by one word of the name: "House" is not the "White House",
                  // "Press" not the "Press Council".
                  Self.type(of: String(longer[0].split(separator: "\t", maxSplits: 1)[1]), whole, rules: LanguageRules.of(whole[0].language)) == .person,
                  // A word that stands as a place is a place of its own: the last word of a longer
                  // place's name is most often another place ("Sudan", "South Sudan"; "Korea").
                  !single.contains(where: { $0.cue == .placePreposition || $0.cue == .placeHead }) else { continue }
            groups[longer[0], default: []] += single
            groups[key] = nil
        }
        // "Jon Sopel of BBC": a name of several words that stands alone elsewhere, a linking
        // word and another name are two names, not one. A single word before it keeps the whole
        // ("Gulf of Mexico" beside "the Gulf", "Bank of England").
        for key in order where groups[key] != nil {
            let rules = LanguageRules.of(String(key.prefix { $0 != "\t" }))
            guard let link = rules.linkingWords.lazy.compactMap({ key.ranges(of: " \($0) ").last }).first else { continue }
            let head = key[..<link.lowerBound]
            if head.contains(" "), groups[String(head)] != nil { groups[key] = nil }
        }
        var candidates: [Candidate] = []
        for key in order {
            guard let found = groups[key], let first = found.first else { continue }
            let rules = LanguageRules.of(first.language)
            let name = String(key.split(separator: "\t", maxSplits: 1)[1])
            // Checked again: a name may have lost words since ("Radical Muslims" is "Muslims").
            if Self.namesNoEntity(name, rules: rules) { continue }
            // Where only names are capitalised, words the texts also write in lower case, each of
            // them, are a phrase in capitals (a label, a slogan: "Certified Sustainable Seafood",
            // "Human Rights"), unless a word of places or organisations makes them a name.
            let words = name.split(separator: " ").map { $0.lowercased() }
            if !rules.capitalisesNouns, words.count >= 2, let common = lowercase[first.language],
               words.allSatisfy({ common.contains($0) || rules.nameParticles.contains($0) }),
               !words.contains(where: { word in (rules.organisationWords + rules.placeWords).contains { word.hasSuffix($0) } }) { continue }
            let isSingle = !name.contains(" ")
            if isSingle, !Self.isAcronym(name) {
                // A word after an article or adjective is a common noun ("Unsere Länder", "großes Interesse").
                // In a third of its occurrences or more: one "das abgeschottete Nordkorea" makes no noun.
                if found.filter({ Self.readsAsNoun(after: $0.previous, rules: rules) }).count * 3 >= found.count { continue }
                // German plurals and most nouns end like this; few names do but places ("Euskirchen").
                let endsLikeNoun = rules.nounEndings.contains { name.hasSuffix($0) } && !rules.placeSuffixes.contains { name.hasSuffix($0) }
                let hasCue = found.contains { $0.cue != .none && $0.cue != .placePreposition && $0.cue != .placeList }
                let placeCue = found.contains { $0.cue == .placePreposition || $0.cue == .placeList } && !endsLikeNoun
                let recurs = found.count >= (rules.capitalisesNouns ? 3 : 2) && !endsLikeNoun
                // A state's name vouches for itself.
                let isState = LanguageRules.states.contains(name)
                // A capitalised word at a sentence start says nothing: one elsewhere must vouch for it.
                guard isState || found.contains(where: { !$0.startsSentence || $0.cue != .none }),
                      isState || hasCue || placeCue || recurs else { continue }
                // Where only names are capitalised, a word the texts also write in lower case is that
                // word wherever nothing marks it as a name ("A new Bill" beside "the bill").
                if !rules.capitalisesNouns, !hasCue, !placeCue, !isState,
                   lowercase[first.language]?.contains(name.lowercased()) == true { continue }
            } else if isSingle, found.count < 2, !found.contains(where: { $0.cue == .organisationHead }) {
                continue
            }
            let annotator = annotators(first.language)
            // Already known: the registry matches the name.
            if Self.matchesWhole(annotator, name) { continue }
            // An English word for a place's people, made from the place's name ("Libyan",
            // "Alaskans" of "Libya", "Alaska"), where that place is a name here or in the registry.
            if isSingle, !rules.capitalisesNouns, let base = Self.peopleWordBase(name),
               groups["\(first.language)\t\(base)"] != nil || Self.matchesWhole(annotator, base) { continue }
            let probe = Annotator(registry: Registry([Entity(id: "x", type: .person, name: name)]), language: first.language)
            var spellings: [String] = []
            for occurrence in found where occurrence.surface != name && !spellings.contains(occurrence.surface)
                && !Self.matchesWhole(probe, occurrence.surface) && !Self.matchesWhole(annotator, occurrence.surface) {
                spellings.append(occurrence.surface)
            }
            var type = Self.type(of: name, found, rules: rules)
            // A family name two people share ("Bassi" of "Wade Bassi" and "Justin Bassi") is a person's.
            if isSingle, type != .person, let longer = lastWords[key], longer.count >= 2,
               longer.allSatisfy({ longerKey in
                   let longerName = String(longerKey.split(separator: "\t", maxSplits: 1)[1])
                   return groups[longerKey].map { Self.type(of: longerName, $0, rules: rules) } == .person
               }) {
                type = .person
            }
            candidates.append(Candidate(name: name, type: type, aliases: spellings, count: found.count,
                                        file: first.file, line: first.line, context: first.context, surface: first.surface))
        }
        return candidates.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }

    /// Joins the groups of one name written differently: with a hyphen or a space, in other
    /// capitals ("Kim Jong-un", "Kim Jong Un"), or with its last word written small ("the
    /// Vostochny cosmodrome" beside "Vostochny Cosmodrome"). The most frequent spelling names
    /// the group; the others are its aliases.
    static func joinSpellings(_ groups: inout [String: [Occurrence]], order: [String]) {
        func folded(_ key: some StringProtocol) -> String { key.lowercased().replacingOccurrences(of: "-", with: " ") }
        var spellings: [String: [String]] = [:]
        for key in order where groups[key] != nil { spellings[folded(key), default: []].append(key) }
        for keys in spellings.values where keys.count > 1 {
            guard let main = keys.max(by: { (groups[$0]?.count ?? 0, $1) < (groups[$1]?.count ?? 0, $0) }) else { continue }
            for key in keys where key != main {
                groups[main, default: []] += groups[key] ?? []
                groups[key] = nil
            }
        }
        for key in order {
            guard let found = groups[key] else { continue }
            var kept: [Occurrence] = []
            for var occurrence in found {
                if !occurrence.next.isEmpty, let longer = spellings[folded(key + " " + occurrence.next)]?.first(where: { groups[$0] != nil }) {
                    occurrence.words.append(occurrence.next)
                    occurrence.next = ""
                    groups[longer, default: []].append(occurrence)
                } else {
                    kept.append(occurrence)
                }
            }
            groups[key] = kept.isEmpty ? nil : kept
        }
    }

    /// Whether `name` names no person, place or organisation: a law, an event or a prize by its
    /// last word ("Data Retention Bill", "Arab Spring"), or followers of a faith or movement,
    /// alone or with words for peoples ("Muslims", "Tunisian Islamists").
    static func namesNoEntity(_ name: String, rules: LanguageRules) -> Bool {
        let words = name.split(separator: " ").map { $0.lowercased() }
        return isOtherName(name, rules: rules) || !rules.groupWords.isEmpty && words.contains(where: rules.groupWords.contains)
            && words.allSatisfy { word in rules.groupWords.contains(word) || rules.adjectiveSuffixes.contains { word.hasSuffix($0) } }
    }

    /// Whether `name` is a law's, an event's or a prize's, by its last word.
    static func isOtherName(_ name: String, rules: LanguageRules) -> Bool {
        guard let last = name.split(separator: " ").last?.lowercased() else { return false }
        return rules.capitalisesNouns ? rules.otherNameWords.contains { last.hasSuffix($0) } : rules.otherNameWords.contains(last)
    }

    /// Whether a word after `previous` is a common noun: after an article, a number, or (in a
    /// language that capitalises nouns) an adjective ("großes", "neuen", "russischen"; not
    /// "zwischen", not a verb such as "habe").
    static func readsAsNoun(after previous: String, rules: LanguageRules) -> Bool {
        if previous.allSatisfy(\.isNumber) && !previous.isEmpty { return true }
        // In English only names are capitalised, after an article too ("the Kremlin").
        if rules.capitalisesNouns, rules.determiners.contains(previous.lowercased()) { return true }
        guard rules.capitalisesNouns, previous.count >= 5, previous.first?.isLowercase == true, !["zwischen", "inzwischen"].contains(previous) else { return false }
        return ["isch", "lich", "ig", "ell", "al", "iv", "är", "ene", "sten", "neu", "groß", "alt", "erst", "letzt", "ehemalig", "jung", "hoh", "fern"].contains { stem in
            rules.adjectiveEndings.contains { previous.hasSuffix(stem + $0) }
        }
    }

    /// The place's name an English word for its people would be made from: "Libyan" and
    /// "Libyans" of "Libya".
    static func peopleWordBase(_ word: String) -> String? {
        if word.hasSuffix("ans"), word.count > 5 { return String(word.dropLast(2)) }
        if word.hasSuffix("an"), word.count > 4 { return String(word.dropLast()) }
        return nil
    }

    static func matchesWhole(_ annotator: Annotator, _ surface: String) -> Bool {
        annotator.annotate(surface).added.first?.surface == surface
    }

    /// Capitalised words that read as common nouns: seen after an article, an adjective or a
    /// number in at least a third of their occurrences (a relative pronoun after a comma is no
    /// article: "…, die Nordkorea abfeuerte").
    static func nounLikeWords(_ tokens: [TextToken], _ bytes: [UInt8], _ rules: LanguageRules) -> Set<String> {
        var asNoun: [String: Int] = [:], total: [String: Int] = [:]
        for index in tokens.indices.dropFirst() where tokens[index].kind == .word {
            let word = String(decoding: bytes[tokens[index].start..<tokens[index].end], as: UTF8.self)
            guard Scanner.isCapitalized(word) else { continue }
            total[word, default: 0] += 1
            if let previous = wordBefore(index, tokens, bytes), readsAsNoun(after: previous, rules: rules) { asNoun[word, default: 0] += 1 }
        }
        return Set(asNoun.filter { $0.value * 3 >= total[$0.key, default: 1] }.keys)
    }

    /// The word right before token `index`, unless punctuation stands between; "" for a
    /// determiner that follows a comma (a relative pronoun, not an article).
    static func wordBefore(_ index: Int, _ tokens: [TextToken], _ bytes: [UInt8]) -> String? {
        guard index > 0, tokens[index - 1].kind == .word else { return nil }
        let previous = String(decoding: bytes[tokens[index - 1].start..<tokens[index - 1].end], as: UTF8.self)
        let gapStart = index >= 2 ? tokens[index - 2].end : 0
        if ["der", "die", "das", "dem", "den", "which", "that"].contains(previous), bytes[gapStart..<tokens[index - 1].start].contains(UInt8(ascii: ",")) {
            return ""
        }
        return previous
    }

    /// Ordinary words side by side ("Begrüßung Fotos", "Uhr Ortszeit", "Russian") rather than a name.
    static func isCommonPhrase(_ words: [String], rules: LanguageRules, nouns: Set<String>) -> Bool {
        // In English a capitalised noun inside a longer name is the name's ("United Nations").
        if words.count == 1 || rules.capitalisesNouns,
           words.contains(where: { word in rules.nounSuffixes.contains { word.lowercased().hasSuffix($0) } && !isAcronym(word) }) { return true }
        if let last = words.last, rules.adjectiveSuffixes.contains(where: { last.hasSuffix($0) }) { return true }
        // An English acronym's plural ("CEOs", "MPs", "NGOs") is a kind of people or things; in
        // German "-s" may be a genitive ("des BNDs"), which is the name's.
        if !rules.capitalisesNouns, words.count == 1, words[0].hasSuffix("s"), isAcronym(String(words[0].dropLast())) { return true }
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
        guard rules.capitalisesNouns, readsAsNoun(after: occurrence.previous, rules: rules) || occurrence.previousIsGenitive,
              let last = words.last, !isAcronym(last) else {
            return words.joined(separator: " ")
        }
        if Scanner.genitiveArticles.contains(previous), last.hasSuffix("s"), last.count > 4 {
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
            case .placePreposition:
                let placeOnly = rules.placeOnlyPrepositions.contains(occurrence.previous.lowercased()) && !occurrence.genitive
                votes[.place, default: 0] += placeOnly ? 2 : 1
            case .placeList: votes[.place, default: 0] += 1
            case .none: break
            }
            // A bare genitive ("Japans", "Russlands") is a place's or a person's, seldom an organisation's.
            if occurrence.genitive, words.count == 1 { votes[.place, default: 0] += 1 }
        }
        if LanguageRules.states.contains(name) || LanguageRules.stateAcronyms.contains(name) {
            votes[.place, default: 0] += 3
        } else if isAcronym(name) || words.contains(where: { word in rules.organisationWords.contains { word.hasSuffix($0) } }) {
            votes[.org, default: 0] += 3
        }
        if words.contains(where: { word in rules.placeWords.contains { word.hasSuffix($0) } }) { votes[.place, default: 0] += 3 }
        // A person's name has no adjective in it: "Demokratische Volksrepublik Korea", "Fernen Osten";
        // a first name that ends like one is none ("Eric Reeves", "Brian Williams").
        let hasAdjective = words.dropLast().enumerated().contains { position, word in
            guard position > 0 || !rules.firstNamesLikeAdjectives.contains(word) else { return false }
            return rules.adjectiveSuffixes.contains { word.hasSuffix($0) } || rules.capitalisesNouns && rules.adjectiveEndings.contains { word.hasSuffix("isch" + $0) || word.hasSuffix("lich" + $0) }
        } || rules.capitalisesNouns && found.contains { rules.determiners.contains($0.previous.lowercased()) }
        // Place names travel: "Ahrweiler" in an English text ends like a German place. After a
        // first name, such an ending is a family name's ("Hillary Clinton", "Mark Zuckerberg"):
        // in a name of several words it counts where the place is a compound ("Bad
        // Neuenahr-Ahrweiler") or its first word a place's ("New Brighton", "Bad Godesberg").
        let placeSuffixes = LanguageRules.known.values.flatMap(\.placeSuffixes)
        let placeFirst = words.first.map { first in LanguageRules.known.values.contains { $0.placePrefixes.contains(first) } } ?? false
        if let last = words.last, words.count == 1 || last.contains("-") || placeFirst, placeSuffixes.contains(where: { last.hasSuffix($0) }) {
            votes[.place, default: 0] += 2
        }
        if (2...4).contains(words.count), votes[.org] == nil, !hasAdjective { votes[.person, default: 0] += 1 }
        if hasAdjective, votes.isEmpty { votes[.place] = 1 }
        // A single word with no cue is most often an agency, outlet or company ("Reuters", "Twitter").
        return votes.max { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }?.key ?? (words.count == 1 ? .org : .person)
    }

    static func isCapitalized(_ word: String) -> Bool { word.first?.isUppercase == true }

    /// The name in a word that joins a lowercase particle to it with a hyphen ("Bashir" in
    /// "al-Bashir", "Sisi" in "el-Sisi"), as the name's last word: nil for other words.
    static func particleJoined(_ word: String) -> Substring? {
        guard let hyphen = word.firstIndex(of: "-"), !isCapitalized(String(word[..<hyphen])) else { return nil }
        let name = word[word.index(after: hyphen)...]
        return name.first?.isUppercase == true ? name : nil
    }

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
