import SourceText
/// Finds registry entities in Markdown and writes each mention as an annotation link,
/// `[Putins](person:wladimir-putin)`: the one matcher behind `import` and `annotate`.
///
/// It is idempotent (existing links, including the not-an-entity marker `[Kim](-)`, are never
/// touched), prefers the longest name (`Komsomolsk am Amur` over `Amur`), annotates the name
/// part of compounds (`[Russland](place:russland)-Besuch`), and resolves an ambiguous short
/// form like "Kim" to the entity last introduced by its full name in the same text. How names
/// inflect is the language's (`LanguageRules`): German declension, English possessives.
///
///     let annotator = Annotator(registry: registry, language: "de")
///     annotator.annotate("Putins Gast Kim Jong Un …").text
public struct Annotator: Sendable {
    public let registry: Registry
    private let gazetteer: Gazetteer

    public init(registry: Registry, language: String = "de") {
        self.registry = registry
        gazetteer = Gazetteer(registry.entities, rules: LanguageRules.of(language))
    }

    public var rules: LanguageRules { gazetteer.rules }

    /// The result of annotating one text.
    public struct Result: Sendable, Equatable {
        public var text: String
        /// Mentions added by this run, in text order.
        public var added: [Added]
        /// Ambiguous short forms that no earlier full name resolved; left unannotated.
        public var unresolved: [Unresolved]
    }

    public struct Added: Sendable, Equatable {
        public var surface: String
        public var entityID: String
    }

    public struct Unresolved: Sendable, Equatable {
        public var surface: String
        public var line: Int
        public var column: Int
        public var candidates: [String]
    }

    /// Annotates `text`. Full names in `context` (the title, teaser and captions a reader sees
    /// first) introduce entities for ambiguous short forms but are not themselves annotated.
    public func annotate(_ text: String, context: String = "") -> Result {
        var introduced: [Int: Int] = [:]
        if !context.isEmpty { _ = scan(context, introduced: &introduced, order: Int.min / 2) }
        return scan(text, introduced: &introduced, order: 0)
    }
}

private extension Annotator {
    /// One pass over the tokens of `text`: matches, resolves and writes the annotated text.
    /// `order` offsets token positions so that context introductions precede the text's own.
    func scan(_ text: String, introduced: inout [Int: Int], order: Int) -> Result {
        let bytes = Array(text.utf8)
        var tokenizer = Tokenizer(bytes)
        let tokens = tokenizer.tokens()
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 4)
        var copied = 0
        var added: [Added] = []
        var unresolved: [Unresolved] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if case .link(let reference?) = token.kind, let entity = entityIndex(of: reference) {
                introduced[entity] = order + index
            }
            guard token.kind == .word, let match = longestMatch(in: tokens, bytes: bytes, from: index) else {
                index += 1
                continue
            }
            let start = token.start
            var end = tokens[match.last].end
            var entries = match.entries
            if entries.allSatisfy(\.isCommonWord) {
                // "die Schuld" is guilt: such a name is linked only where it cannot be the word.
                guard isNameNotWord(at: index, tokens, bytes, entries: entries, introduced: introduced) else {
                    index = match.last + 1
                    continue
                }
                entries = entries.map { Gazetteer.Entry(entity: $0.entity, isDefinite: true) }
            }
            var next = match.last + 1
            if let possessive = possessiveEnd(after: end, bytes) {
                end = possessive
                while next < tokens.count, tokens[next].start < end { next += 1 }
            }
            let surface = String(decoding: bytes[start..<end], as: UTF8.self)
            guard let entity = resolve(entries, introduced: introduced) else {
                let (line, column) = { let place = TextPosition(of: start, in: bytes); return (place.line, place.column) }()
                let candidates = match.entries.map { registry.entities[$0.entity].id }
                unresolved.append(Unresolved(surface: surface, line: line, column: column, candidates: candidates))
                index = next
                continue
            }
            if entries.contains(where: { $0.entity == entity && $0.isDefinite }) { introduced[entity] = order + index }
            let reference = registry.entities[entity].reference
            output.append(contentsOf: bytes[copied..<start])
            output.append(UInt8(ascii: "["))
            output.append(contentsOf: bytes[start..<end])
            output.append(contentsOf: "](\(reference))".utf8)
            copied = end
            added.append(Added(surface: surface, entityID: registry.entities[entity].id))
            index = next
        }
        output.append(contentsOf: bytes[copied...])
        return Result(text: String(decoding: output, as: UTF8.self), added: added, unresolved: unresolved)
    }

    func entityIndex(of reference: String) -> Int? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let id = String(reference[reference.index(after: colon)...])
        return registry.index(of: id)
    }

    /// Walks the trie from `start`; the match ends at the last token that completes a surface form.
    func longestMatch(in tokens: [TextToken], bytes: [UInt8], from start: Int) -> (last: Int, entries: [Gazetteer.Entry])? {
        var active = [gazetteer.root]
        var best: (last: Int, entries: [Gazetteer.Entry])?
        var position = start
        while position < tokens.count, !active.isEmpty {
            let token = tokens[position]
            var next: [Gazetteer.Node] = []
            switch token.kind {
            case .hyphen:
                next = active.compactMap { $0.children["-"] }
            case .word:
                let written = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
                for word in Self.spellings(of: written) {
                    let finals = gazetteer.finalStems(of: word)
                    let inner = [gazetteer.innerStem(of: word), gazetteer.innerGenitive(of: word)]
                    for node in active {
                        if let child = node.children[word] {
                            next.append(child)
                            if !child.entries.isEmpty { best = (position, child.entries) }
                        }
                        if best?.last != position {
                            for stem in finals {
                                if let child = node.children[stem], !child.entries.isEmpty {
                                    best = (position, child.entries)
                                    break
                                }
                            }
                        }
                        for case let key? in inner {
                            if let child = node.children[key] { next.append(child) }
                        }
                    }
                }
            case .breaker:
                // Punctuation inside a name: "Donald J. Trump", "AT&T", "O'Brien".
                let written = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
                next = active.compactMap { $0.children[written] }
                if let ending = next.last(where: { !$0.entries.isEmpty }) { best = (position, ending.entries) }
            default:
                next = []
            }
            active = next
            position += 1
        }
        return best
    }

    /// The word as written, and for ALL-CAPS headlines also as a name is usually written.
    static func spellings(of word: String) -> [String] {
        let utf8 = word.utf8
        // Fast exit: a second letter in lower case (ASCII) means the word is not in capitals.
        guard utf8.count >= 4, let second = utf8.dropFirst().first, !(second >= 0x61 && second <= 0x7A),
              word.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }),
              word.unicodeScalars.contains(where: { $0.properties.isUppercase }) else { return [word] }
        return [word, word.prefix(1) + word.dropFirst().lowercased()]
    }

    /// The end of a possessive ending right after a name ("Putin's"), when the language has one.
    func possessiveEnd(after end: Int, _ bytes: [UInt8]) -> Int? {
        for ending in gazetteer.rules.possessives {
            let utf8 = Array(ending.utf8)
            guard end + utf8.count <= bytes.count, bytes[end..<(end + utf8.count)].elementsEqual(utf8) else { continue }
            let after = end + utf8.count
            if after < bytes.count, Tokenizer.classify(bytes, at: after).isWord { continue }
            // A bare apostrophe is possessive only after an s ("Reuters'"), not a closing quote.
            if ending.count == 1, bytes[end - 1] != UInt8(ascii: "s") { continue }
            return after
        }
        return nil
    }

    /// Whether a name that is also a common word names the entity here: not where a sentence
    /// starts, not after an article or pronoun, and only once the article introduced the
    /// entity, or, for a place, right after a preposition of place ("in Schuld").
    func isNameNotWord(at index: Int, _ tokens: [TextToken], _ bytes: [UInt8], entries: [Gazetteer.Entry], introduced: [Int: Int]) -> Bool {
        if Tokenizer.startsSentence(at: tokens[index].start, in: bytes) { return false }
        guard index > 0, tokens[index - 1].kind == .word else { return entries.contains { introduced[$0.entity] != nil } }
        let previous = String(decoding: bytes[tokens[index - 1].start..<tokens[index - 1].end], as: UTF8.self).lowercased()
        if gazetteer.rules.determiners.contains(previous) { return false }
        if entries.contains(where: { introduced[$0.entity] != nil }) { return true }
        return gazetteer.rules.placePrepositions.contains(previous) && entries.contains { registry.entities[$0.entity].type == .place }
    }

    func resolve(_ entries: [Gazetteer.Entry], introduced: [Int: Int]) -> Int? {
        if let definite = entries.first(where: \.isDefinite) { return definite.entity }
        return entries
            .compactMap { entry in introduced[entry.entity].map { (entry.entity, $0) } }
            .max { $0.1 < $1.1 }?.0
    }
}
