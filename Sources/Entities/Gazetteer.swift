/// A token trie over every surface form of the registry, built once and matched in one pass.
///
/// Each step of a match is a dictionary lookup, so annotating costs the same whatever the
/// size of the registry. German inflection is matched at lookup: a final `-s`/`-es`/`-n`/`-ns`
/// (Putins, Nordkoreas), adjective endings and the genitive s on inner words (Demokratischen
/// Volksrepublik Korea, Kosmodroms Baikonur).
struct Gazetteer: Sendable {
    struct Entry: Sendable, Equatable {
        var entity: Int
        /// Whether this surface names the entity outright; ambiguous ones need an introduction.
        var isDefinite: Bool
    }

    final class Node: @unchecked Sendable {
        var children: [String: Node] = [:]
        var entries: [Entry] = []
    }

    let root = Node()

    init(_ entities: [Entity]) {
        for (index, entity) in entities.enumerated() {
            for surface in Set([entity.name] + entity.aliases) {
                insert(surface, Entry(entity: index, isDefinite: true))
            }
            for surface in Set(entity.ambiguous) {
                insert(surface, Entry(entity: index, isDefinite: false))
            }
        }
    }

    static let finalSuffixes = ["s", "es", "n", "ns"]
    static let innerSuffixes = ["n", "r", "m", "s"]

    /// Uninflected forms of a word inside a multi-word name: adjective endings
    /// ("Demokratischen" -> "Demokratische") and the genitive s ("Kosmodroms" -> "Kosmodrom").
    static func innerStems(of word: String) -> [String] {
        var stems = innerSuffixes.filter { word.hasSuffix("e" + $0) }.map { String(word.dropLast($0.count)) }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("es") { stems.append(String(word.dropLast())) }
        return stems
    }

    /// Splits a surface form into trie keys the way the tokenizer splits text.
    static func keys(of surface: String) -> [String] {
        let scalars = Array(surface.unicodeScalars)
        var tokenizer = Tokenizer(scalars)
        return tokenizer.tokens().map { token in
            token.kind == .hyphen ? "-" : String(String.UnicodeScalarView(scalars[token.start..<token.end]))
        }
    }
}

private extension Gazetteer {
    func insert(_ surface: String, _ entry: Entry) {
        let keys = Self.keys(of: surface)
        guard !keys.isEmpty else { return }
        var node = root
        for key in keys {
            if let child = node.children[key] {
                node = child
            } else {
                let child = Node()
                node.children[key] = child
                node = child
            }
        }
        if !node.entries.contains(entry) { node.entries.append(entry) }
    }
}
