/// A token trie over every surface form of the registry, built once and matched in one pass.
///
/// Each step of a match is a dictionary lookup, so annotating costs the same whatever the
/// size of the registry. Inflection follows the language's rules, matched at lookup: German
/// final `-s`/`-es`/`-n`/`-ns` (Putins, Nordkoreas), the genitive s on inner words (Kosmodroms
/// Baikonur) and every declension of an adjective inside a name: an inner word is stored by its
/// stem ("~Technisch"), so "des Technischen Hilfswerks" is "Technisches Hilfswerk".
struct Gazetteer: Sendable {
    struct Entry: Sendable, Equatable {
        var entity: Int
        /// Whether this surface names the entity outright; ambiguous ones need an introduction.
        var isDefinite: Bool
        /// Whether the surface is also a common word ("Schuld"): linked only where it cannot be the word.
        var isCommonWord = false
    }

    final class Node: @unchecked Sendable {
        var children: [String: Node] = [:]
        var entries: [Entry] = []
    }

    let root = Node()
    let rules: LanguageRules

    init(_ entities: [Entity], rules: LanguageRules) {
        self.rules = rules
        for (index, entity) in entities.enumerated() {
            for surface in Set([entity.name] + entity.aliases) {
                insert(surface, Entry(entity: index, isDefinite: true, isCommonWord: entity.isCommonWord))
            }
            for surface in Set(entity.ambiguous) {
                insert(surface, Entry(entity: index, isDefinite: false, isCommonWord: entity.isCommonWord))
            }
        }
    }

    /// Uninflected forms of a word ending a name: Putins -> Putin, Nordkoreas -> Nordkorea.
    func finalStems(of word: String) -> [String] {
        let utf8 = word.utf8
        guard !rules.finalSuffixes.isEmpty, let last = utf8.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "n"),
              utf8.count > 3 else { return [] }
        return rules.finalSuffixes.compactMap { suffix in
            utf8.count > suffix.utf8.count + 1 && utf8.reversed().starts(with: suffix.utf8.reversed())
                ? String(decoding: utf8.dropLast(suffix.utf8.count), as: UTF8.self) : nil
        }
    }

    /// The key of a word inside a multi-word name: an adjective's stem whatever its ending
    /// ("Demokratischen", "Demokratische" -> "~Demokratisch"), or nil for a word kept as written.
    func innerStem(of word: String) -> String? {
        let utf8 = word.utf8
        guard utf8.count >= 4, let first = word.unicodeScalars.first, first.properties.isUppercase else { return nil }
        for ending in rules.adjectiveEndings where utf8.count >= ending.utf8.count + 3 && utf8.reversed().starts(with: ending.utf8.reversed()) {
            return "~" + String(decoding: utf8.dropLast(ending.utf8.count), as: UTF8.self)
        }
        return nil
    }

    /// An inner word without its genitive s: "Kosmodroms" -> "Kosmodrom".
    func innerGenitive(of word: String) -> String? {
        let utf8 = word.utf8
        guard rules.innerGenitive, utf8.count > 3, utf8.last == UInt8(ascii: "s"),
              utf8[utf8.index(utf8.endIndex, offsetBy: -2)] != UInt8(ascii: "e") else { return nil }
        return String(decoding: utf8.dropLast(), as: UTF8.self)
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
        for (position, key) in keys.enumerated() {
            // A word followed by another word of the name is stored by its stem when it has one.
            let isInner = position + 1 < keys.count && keys[position + 1] != "-" && key != "-"
            let stored = isInner ? innerStem(of: key) ?? key : key
            if let child = node.children[stored] {
                node = child
            } else {
                let child = Node()
                node.children[stored] = child
                node = child
            }
        }
        if !node.entries.contains(entry) { node.entries.append(entry) }
    }
}
