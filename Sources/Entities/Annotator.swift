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
        let scalars = Array(text.unicodeScalars)
        var tokenizer = Tokenizer(scalars)
        let tokens = tokenizer.tokens()
        var output = String.UnicodeScalarView()
        output.reserveCapacity(scalars.count + scalars.count / 8)
        var copied = 0
        var added: [Added] = []
        var unresolved: [Unresolved] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if case .link(let reference?) = token.kind, let entity = entityIndex(of: reference) {
                introduced[entity] = order + index
            }
            guard token.kind == .word, let match = longestMatch(in: tokens, scalars: scalars, from: index) else {
                index += 1
                continue
            }
            let start = token.start, end = tokens[match.last].end
            let surface = String(String.UnicodeScalarView(scalars[start..<end]))
            guard let entity = resolve(match.entries, introduced: introduced) else {
                let (line, column) = Self.position(of: start, in: scalars)
                let candidates = match.entries.map { registry.entities[$0.entity].id }
                unresolved.append(Unresolved(surface: surface, line: line, column: column, candidates: candidates))
                index = match.last + 1
                continue
            }
            if match.entries.contains(where: { $0.entity == entity && $0.isDefinite }) { introduced[entity] = order + index }
            let reference = registry.entities[entity].reference
            output.append(contentsOf: scalars[copied..<start])
            output.append("[")
            output.append(contentsOf: scalars[start..<end])
            output.append(contentsOf: "](\(reference))".unicodeScalars)
            copied = end
            added.append(Added(surface: surface, entityID: registry.entities[entity].id))
            index = match.last + 1
        }
        output.append(contentsOf: scalars[copied...])
        return Result(text: String(output), added: added, unresolved: unresolved)
    }

    func entityIndex(of reference: String) -> Int? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let id = String(reference[reference.index(after: colon)...])
        return registry.index(of: id)
    }

    /// Walks the trie from `start`; the match ends at the last token that completes a surface form.
    func longestMatch(in tokens: [TextToken], scalars: [Unicode.Scalar], from start: Int) -> (last: Int, entries: [Gazetteer.Entry])? {
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
                let written = String(String.UnicodeScalarView(scalars[token.start..<token.end]))
                for node in active {
                    for word in Self.spellings(of: written) {
                        if let child = node.children[word] {
                            next.append(child)
                            if !child.entries.isEmpty { best = (position, child.entries) }
                        }
                        for suffix in Gazetteer.finalSuffixes where word.count > suffix.count + 1 && word.hasSuffix(suffix) {
                            if let child = node.children[String(word.dropLast(suffix.count))], !child.entries.isEmpty,
                               best?.last != position {
                                best = (position, child.entries)
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
        guard word.count >= 4, word.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }),
              word.unicodeScalars.contains(where: { $0.properties.isUppercase }) else { return [word] }
        return [word, word.prefix(1) + word.dropFirst().lowercased()]
    }

    func resolve(_ entries: [Gazetteer.Entry], introduced: [Int: Int]) -> Int? {
        if let definite = entries.first(where: \.isDefinite) { return definite.entity }
        return entries
            .compactMap { entry in introduced[entry.entity].map { (entry.entity, $0) } }
            .max { $0.1 < $1.1 }?.0
    }

    static func position(of offset: Int, in scalars: [Unicode.Scalar]) -> (Int, Int) {
        var line = 1, column = 1
        for scalar in scalars[..<offset] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
