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

    /// Uninflected forms of a word ending a name: Putins -> Putin, Nordkoreas -> Nordkorea.
    static func finalStems(of word: String) -> [String] {
        let utf8 = word.utf8
        guard let last = utf8.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "n"), utf8.count > 3 else { return [] }
        return finalSuffixes.compactMap { suffix in
            utf8.count > suffix.utf8.count + 1 && utf8.reversed().starts(with: suffix.utf8.reversed())
                ? String(decoding: utf8.dropLast(suffix.utf8.count), as: UTF8.self) : nil
        }
    }

    /// Uninflected forms of a word inside a multi-word name: adjective endings
    /// ("Demokratischen" -> "Demokratische") and the genitive s ("Kosmodroms" -> "Kosmodrom").
    static func innerStems(of word: String) -> [String] {
        let utf8 = word.utf8
        guard utf8.count > 3, let last = utf8.last else { return [] }
        let beforeLast = utf8[utf8.index(utf8.endIndex, offsetBy: -2)]
        var stems: [String] = []
        if beforeLast == UInt8(ascii: "e"), innerSuffixes.contains(where: { $0.utf8.first == last }) {
            stems.append(String(decoding: utf8.dropLast(), as: UTF8.self))
        }
        if last == UInt8(ascii: "s"), beforeLast != UInt8(ascii: "e") {
            stems.append(String(decoding: utf8.dropLast(), as: UTF8.self))
        }
        return stems
    }

    /// Splits a surface form into trie keys the way the tokenizer splits text.
    static func keys(of surface: String) -> [String] {
        let bytes = Array(surface.utf8)
        var tokenizer = Tokenizer(bytes)
        return tokenizer.tokens().map { token in
            token.kind == .hyphen ? "-" : String(decoding: bytes[token.start..<token.end], as: UTF8.self)
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
