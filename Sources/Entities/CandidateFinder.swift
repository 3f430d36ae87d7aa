import SourceText

/// Finds names in articles that look like entities the registry lacks, so an editor can add them.
///
/// German capitalises every noun, so single capitalised words are not enough: it reports runs of
/// two or more capitalised words (after dropping articles, prepositions and titles like
/// "Präsident"), acronyms seen twice or more, and single names right after a title
/// ("Präsidialamtssprecher Peskow"). Text inside links (annotations, `[x](-)`) is skipped.
public struct CandidateFinder: Sendable {
    public struct Candidate: Sendable, Equatable {
        public var surface: String
        public var count: Int
        public var file: String
        public var line: Int
        /// The line of text where it first occurs.
        public var context: String
    }

    let surfaces: Set<String>

    public init(registry: Registry) {
        surfaces = Set(registry.entities.flatMap { [$0.name] + $0.aliases + $0.ambiguous })
    }

    public func candidates(in texts: [(file: String, text: String)]) -> [Candidate] {
        var found: [String: Candidate] = [:]
        var order: [String] = []
        let documents = texts.map { text in
            let bytes = Array(text.text.utf8)
            var tokenizer = Tokenizer(bytes)
            return (file: text.file, bytes: bytes, tokens: tokenizer.tokens())
        }
        let nouns = Self.nounLikeWords(in: documents.map { ($0.bytes, $0.tokens) })
        for (file, bytes, tokens) in documents {
            var index = 0
            while index < tokens.count {
                guard let (surface, end) = candidate(at: index, tokens, bytes), !Self.looksLikeNounPhrase(surface, nouns: nouns),
                      !(end - index == 2 && Tokenizer.startsSentence(at: tokens[index].start, in: bytes)) else {
                    index += 1
                    continue
                }
                if found[surface] == nil {
                    let (line, context) = Self.line(containing: tokens[index].start, in: bytes)
                    found[surface] = Candidate(surface: surface, count: 0, file: file, line: line, context: context)
                    order.append(surface)
                }
                found[surface]!.count += 1
                index = end
            }
        }
        return order.compactMap { found[$0] }
            .filter { $0.count >= 2 || $0.surface.contains(" ") || $0.surface.contains("-") || !Self.isAcronym($0.surface) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.surface < $1.surface }
    }
}

private extension CandidateFinder {
    static let stopwords: Set<String> = [
        "Der", "Die", "Das", "Dem", "Den", "Des", "Ein", "Eine", "Einen", "Einem", "Einer", "Im", "Am", "Beim", "Vom", "Zum",
        "Zur", "Auf", "In", "Mit", "Bei", "Nach", "Als", "Es", "Er", "Sie", "Wir", "Ihr", "Ihre", "Dies", "Diese", "Dieser",
        "Dieses", "Laut", "Auch", "Nur", "Unsere", "Unser", "Seine", "Sein", "Aus", "Für", "Von", "Vor", "Um", "Über", "Unter",
        "Wie", "Wo", "Was", "Wer", "Wenn", "Dass", "Doch", "Aber", "Und", "Oder", "So", "Da", "Dann", "Noch", "Schon", "Etwa",
        "Zuvor", "Zuletzt", "Zunächst", "Inzwischen", "Medienberichten", "Gemäß", "Während", "Beide", "Man", "Ungefähr",
        "Darüber", "Dafür", "Dabei", "Deshalb", "Deswegen", "Kürzlich", "Mittwoch", "Dienstag", "Montag", "Donnerstag",
        "Freitag", "Samstag", "Sonntag", "Zu", "Weitere", "Weiter", "Alle", "Jede", "Jeder", "Nach", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
        "September", "Oktober", "November", "Dezember", "Herr", "Frau",
    ]
    static let titleEndings = ["präsident", "präsidentin", "minister", "ministerin", "sprecher", "sprecherin", "kanzler",
                               "kanzlerin", "korrespondent", "korrespondentin", "direktor", "direktorin", "chef", "chefin",
                               "machthaber", "diktator", "staatschef", "führer", "botschafter", "general", "analyst"]

    static func isTitle(_ word: String) -> Bool {
        let lowered = word.lowercased()
        return titleEndings.contains { lowered.hasSuffix($0) }
    }

    static let determiners: Set<String> = [
        "der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer", "eines", "zur", "zum", "im", "am",
        "vom", "beim", "ins", "seinem", "seiner", "seine", "seinen", "seines", "ihrem", "ihrer", "ihre", "ihren", "ihres",
        "unserer", "unsere", "unseren", "beiden", "diese", "dieser", "diesem", "dieses", "jeder", "kein", "keine", "keinen",
    ]
    static let nounSuffixes = ["ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "ionen",
                               "ismus", "tät", "nis", "nisse", "zeit", "tum", "ment", "lung"]
    static let adjectiveEndings = ["ische", "ischen", "ischer", "ale", "alen", "aler", "te", "ten", "ter", "ige", "igen"]

    /// Capitalised words seen right after an article, a possessive or a number: common nouns.
    static func nounLikeWords(in documents: [([UInt8], [TextToken])]) -> Set<String> {
        var nouns: Set<String> = []
        for (bytes, tokens) in documents {
            for index in tokens.indices.dropFirst() where tokens[index].kind == .word && tokens[index - 1].kind == .word {
                let previous = String(decoding: bytes[tokens[index - 1].start..<tokens[index - 1].end], as: UTF8.self)
                let word = String(decoding: bytes[tokens[index].start..<tokens[index].end], as: UTF8.self)
                if determiners.contains(previous) || previous.allSatisfy(\.isNumber) { nouns.insert(word) }
            }
        }
        return nouns
    }

    /// Ordinary nouns side by side ("Begrüßung Fotos", "Uhr Ortszeit") rather than a name.
    static func looksLikeNounPhrase(_ surface: String, nouns: Set<String>) -> Bool {
        let words = surface.split(separator: " ").map(String.init)
        if words.contains(where: { word in nounSuffixes.contains { word.lowercased().hasSuffix($0) } }) { return true }
        let hasNameAdjective = words.dropLast().contains { word in adjectiveEndings.contains { word.hasSuffix($0) } }
        return !hasNameAdjective && words.contains { nouns.contains($0) }
    }

    static func isCapitalized(_ word: String) -> Bool { word.first?.isUppercase == true }

    static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && word.count <= 6 && word.allSatisfy { $0.isUppercase || $0.isNumber }
    }

    /// A candidate starting at token `start`, and the token index after it.
    func candidate(at start: Int, _ tokens: [TextToken], _ bytes: [UInt8]) -> (String, Int)? {
        func word(_ index: Int) -> String { String(decoding: bytes[tokens[index].start..<tokens[index].end], as: UTF8.self) }
        guard tokens[start].kind == .word, Self.isCapitalized(word(start)) else { return nil }
        var end = start
        var words: [String] = []
        var afterTitle = false
        while end < tokens.count {
            if tokens[end].kind == .hyphen, !words.isEmpty, end + 1 < tokens.count, tokens[end + 1].kind == .word,
               Self.isCapitalized(word(end + 1)), tokens[end].start == tokens[end - 1].end {
                words[words.count - 1] += "-" + word(end + 1)
                end += 2
                continue
            }
            guard tokens[end].kind == .word else { break }
            let current = word(end)
            guard Self.isCapitalized(current) else { break }
            if words.isEmpty, Self.stopwords.contains(current) || Self.isTitle(current) {
                afterTitle = afterTitle || Self.isTitle(current)
                end += 1
                continue
            }
            if Self.stopwords.contains(current) { break }
            words.append(current)
            end += 1
        }
        guard !words.isEmpty else { return nil }
        if words.count >= 2, words.contains(where: { $0.count >= 4 }), words.allSatisfy({ $0.allSatisfy { !$0.isLowercase } }) { return nil }
        let surface = words.joined(separator: " ")
        if surfaces.contains(surface) { return nil }
        let isName = words.count >= 2 || (afterTitle && words[0].count > 2) || Self.isAcronym(words[0])
        return isName ? (surface, end) : nil
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
