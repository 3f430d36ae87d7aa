import Foundation

/// The authors a byline names: "Von Guy Faulconbridge und Soo-hyang Choi", "By Jane Doe",
/// "Pjotr Sauer in Moscow and Justin McCurry in Tokyo", "Demian von Osten, ARD-Studio Moskau".
enum Byline {
    /// "- von Guy Faulconbridge und Soo-hyang Choi" -> the names; nil unless the line starts
    /// with "von" or "By".
    static func authors(in line: String) -> [String]? {
        var text = Substring(line)
        if text.hasPrefix("- ") || text.hasPrefix("– ") { text = text.dropFirst(2) }
        guard ["von ", "Von ", "VON ", "By ", "BY "].contains(where: text.hasPrefix) else { return nil }
        return names(in: text.drop { $0 != " " }.dropFirst(), singleWords: true)
    }

    /// The names of a byline without its "By": "Guy Faulconbridge und Soo-hyang Choi", "Pjotr
    /// Sauer in Moscow and Justin McCurry in Tokyo" (where each writes from is left out). Names
    /// of one word ("Reuters") only where `singleWords` (after "By", which says they are names).
    static func names(in text: Substring, singleWords: Bool = false) -> [String]? {
        guard text.count <= 120, !LineKind.endsSentence(String(text)) else { return nil }
        // "und", "and", "&" in any case (AP writes "BY HYUNG-JIN KIM AND JIM HEINTZ").
        var names = text.replacingOccurrences(of: " (und|and|&) ", with: ",", options: [.regularExpression, .caseInsensitive])
            .split(separator: ",").map { name in
                let words = name.split(separator: " ")
                return (words.firstIndex(of: "in").map { words[..<$0] } ?? words[...]).joined(separator: " ")
            }.filter { !$0.isEmpty }
        // "Demian von Osten, ARD-Studio Moskau": where the author works is no name.
        if let desk = names.dropFirst().firstIndex(where: Self.isDesk) { names.removeSubrange(desk...) }
        let looksLikeNames = names.allSatisfy { name in
            let words = name.split(separator: " ")
            return (singleWords ? 1 : 2)...4 ~= words.count && words.first?.first?.isUppercase == true
                && words.allSatisfy { $0.first?.isUppercase == true || Self.nameParticles.contains($0) }
        }
        return looksLikeNames && !names.isEmpty ? names.map(Self.fromCapitals) : nil
    }

    /// A name as AP's bylines print it, in capitals ("HYUNG-JIN KIM", "URSULA VON DER LEYEN",
    /// "CONOR O'BRIEN"), as it is written: "Hyung-Jin Kim", "Ursula von der Leyen", "Conor O'Brien".
    /// A name with a small letter, or of initials only ("AP"), is left as it is.
    static func fromCapitals(_ name: String) -> String {
        guard !name.contains(where: \.isLowercase), name.split(separator: " ").contains(where: { $0.count >= 3 }) else { return name }
        return name.split(separator: " ").enumerated().map { position, word in
            if position > 0, nameParticles.contains(Substring(word.lowercased())) { return word.lowercased() }
            var written = "", startsPart = true
            for character in word {
                written += startsPart ? character.uppercased() : character.lowercased()
                startsPart = character == "-" || character == "'" || character == "’"
            }
            return written
        }.joined(separator: " ")
    }

    /// Words inside names written small: "Demian von Osten", "Ursula von der Leyen".
    static let nameParticles: Set<Substring> = ["von", "vom", "van", "der", "den", "de", "da", "di", "del", "zu", "ter", "la", "le", "al", "bin", "ibn"]

    /// Whether a part of a byline says where its author works: "ARD-Studio Moskau", "BBC News",
    /// "Korrespondentin in Peking", "Washington correspondent", "Our Foreign Staff".
    static func isDesk(_ part: String) -> Bool {
        let lowered = part.lowercased()
        return ["studio", "korrespondent", "redaktion", "correspondent", "editor", "reporter", "büro", "bureau"].contains(where: lowered.contains)
            // Whole words only: "Staffan Lindberg" is a name.
            || lowered.split(whereSeparator: { !$0.isLetter }).contains { $0 == "staff" || $0 == "newsroom" }
            || { if case .outlet? = SourceLine.kind(of: part) { true } else { false } }()
    }
}
