import SourceText
/// Finds registry entities in Markdown and writes each mention as an annotation link,
/// `[Putins](person:wladimir-putin)`: the one matcher behind `import` and `annotate`.
///
/// It is idempotent (existing links, including the not-an-entity marker `[Kim](-)`, are never
/// touched), prefers the longest name (`Komsomolsk am Amur` over `Amur`), annotates the name
/// part of compounds (`[Russland](place:russland)-Besuch`), and resolves an ambiguous short
/// form like "Kim" to the entity last introduced by its full name in the same text.
///
///     let annotator = Annotator(registry: registry)
///     annotator.annotate("Putins Gast Kim Jong Un …").text
public struct Annotator: Sendable {
    public let registry: Registry
    private let gazetteer: Gazetteer

    public init(registry: Registry) {
        self.registry = registry
        gazetteer = Gazetteer(registry.entities)
    }

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
            let start = token.start, end = tokens[match.last].end
            let surface = String(decoding: bytes[start..<end], as: UTF8.self)
            guard let entity = resolve(match.entries, introduced: introduced) else {
                let (line, column) = { let place = TextPosition(of: start, in: bytes); return (place.line, place.column) }()
                let candidates = match.entries.map { registry.entities[$0.entity].id }
                unresolved.append(Unresolved(surface: surface, line: line, column: column, candidates: candidates))
                index = match.last + 1
                continue
            }
            if match.entries.contains(where: { $0.entity == entity && $0.isDefinite }) { introduced[entity] = order + index }
            let reference = registry.entities[entity].reference
            output.append(contentsOf: bytes[copied..<start])
            output.append(UInt8(ascii: "["))
            output.append(contentsOf: bytes[start..<end])
            output.append(contentsOf: "](\(reference))".utf8)
            copied = end
            added.append(Added(surface: surface, entityID: registry.entities[entity].id))
            index = match.last + 1
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
                for node in active {
                    for word in Self.spellings(of: written) {
                        if let child = node.children[word] {
                            next.append(child)
                            if !child.entries.isEmpty { best = (position, child.entries) }
                        }
                        if best?.last != position {
                            for stem in Gazetteer.finalStems(of: word) {
                                if let child = node.children[stem], !child.entries.isEmpty {
                                    best = (position, child.entries)
                                    break
                                }
                            }
                        }
                        for stem in Gazetteer.innerStems(of: word) {
                            if let child = node.children[stem] { next.append(child) }
                        }
                    }
                }
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

    func resolve(_ entries: [Gazetteer.Entry], introduced: [Int: Int]) -> Int? {
        if let definite = entries.first(where: \.isDefinite) { return definite.entity }
        return entries
            .compactMap { entry in introduced[entry.entity].map { (entry.entity, $0) } }
            .max { $0.1 < $1.1 }?.0
    }
}
