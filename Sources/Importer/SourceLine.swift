import Entities

/// A line above the text that names the outlet and the date, as clipping services, press
/// reviews and copied pages print it under the headline: "Reuters, 15 November 2023",
/// "dpa, 16. November 2023", "Süddeutsche Zeitung, 14.09.2023, S. 7", "The Guardian | 13
/// September 2023", "13.09.2023 · ZEIT ONLINE", "Reuters News, 15 November 2023, 712 words",
/// "13.09.2023, 08.58 Uhr • aus DER SPIEGEL".
/// A place instead of an outlet (a country, "Nordkorea, 13. September 2023"; a place in
/// capitals, "MOSKAU, 13.09.2023") is the dateline; a name that may be either ("Berlin,
/// 13.09.2023") makes no source line. Neither half alone makes one: a line of a date only is
/// `DateLine`'s, a name only may be a heading.
struct SourceLine: Equatable {
    var date: String
    /// The outlet as the dossier shows it ("Reuters" for "REUTERS"), or "" when the line names a place.
    var outlet = ""
    /// The place the line names instead of an outlet.
    var place = ""

    init?(_ line: String) {
        guard line.count <= 120, line.contains(where: \.isNumber) else { return nil }
        var parts = Self.parts(of: line)
        // What clippings add after the date: the page, the issue, the length.
        while parts.count > 2, Self.isExtra(parts.last!.text) { parts.removeLast() }
        guard parts.count >= 2 else { return nil }
        // The name first or last, the date the rest.
        for (name, rest) in [(parts.first!, parts.dropFirst()), (parts.last!, parts.dropLast())] {
            let dateText = rest.enumerated().map { $0.offset == 0 ? $0.element.text : $0.element.separator + $0.element.text }.joined()
            guard let date = DateLine.date(in: dateText), let kind = Self.kind(of: name.text) else { continue }
            self.date = date
            switch kind {
            case .outlet(let outlet): self.outlet = outlet
            case .place: place = name.text
            }
            return
        }
        return nil
    }

    /// Whether each field the line gives is empty in `article` or the same there.
    func agrees(with article: ImportedArticle) -> Bool {
        [(date, article.date), (outlet, article.outlet), (place, article.dateline)].allSatisfy { $0.isEmpty || $1.isEmpty || $0 == $1 }
    }
}

extension SourceLine {
    /// The line cut at its separators (a comma, `|`, `·`, a spaced dash); each part with the
    /// separator before it, so that a date's own comma ("Sept. 13, 2023") can be put back.
    static func parts(of line: String) -> [(separator: String, text: String)] {
        var parts: [(separator: String, text: String)] = []
        var separator = "", current = ""
        let characters = Array(line)
        for (index, character) in characters.enumerated() {
            let spaced = index > 0 && characters[index - 1] == " " && index + 1 < characters.count && characters[index + 1] == " "
            if character == "," || character == "|" || character == "·" || character == "•" || ("-–—".contains(character) && spaced) {
                parts.append((separator, current.trimmingCharacters(in: .whitespaces)))
                separator = character == "," ? ", " : " \(character) "
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append((separator, current.trimmingCharacters(in: .whitespaces)))
        return parts
    }

    /// "S. 7", "Seite 7", "p. 7", "Nr. 213", "712 words", "1.234 Wörter".
    static func isExtra(_ part: String) -> Bool {
        let words = part.lowercased().split(separator: " ")
        guard words.count == 2 else { return false }
        let isNumber = { (word: Substring) in word.allSatisfy { $0.isNumber || $0 == "." } && word.contains(where: \.isNumber) }
        return (["s.", "seite", "p.", "page", "nr.", "no.", "ausgabe", "issue"].contains(words[0]) && isNumber(words[1]))
            || (isNumber(words[0]) && ["words", "wörter", "zeichen", "characters"].contains(words[1]))
    }

    enum Kind { case outlet(String), place }

    /// Whether `name` is an outlet (and which), a place, or neither: a phrase, a sentence, a
    /// weekday, or a name that could be either (left as it stands, precision over recall).
    static func kind(of name: String) -> Kind? {
        // "13.09.2023, 08.58 Uhr • aus DER SPIEGEL": where the text is from.
        let name = name.hasPrefix("aus ") ? String(name.dropFirst(4)) : name
        let words = name.split(separator: " ")
        guard (1...5).contains(words.count), name.count <= 50, name.contains(where: \.isLetter), name.last != ".",
              !name.contains(where: { "!?:;\"„“”»«()".contains($0) }), DateLine.date(in: name) == nil,
              !weekdays.contains(name.lowercased()) else { return nil }
        if let agency = Agencies.outlet(signedBy: name) { return .outlet(agency) }
        // A name of several words has capitals ("Frankfurter Allgemeine Zeitung", "The Times
        // of India"); one word may be written small ("taz", "t-online").
        guard words.count == 1 || words.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true || joiners.contains(String($0)) }) else {
            return nil
        }
        let lowered = name.lowercased()
        let loweredWords = lowered.split(whereSeparator: { $0 == " " || $0 == "-" })
        if outletParts.contains(where: lowered.contains) || loweredWords.contains(where: { outletWords.contains(String($0)) }) {
            return .outlet(name)
        }
        guard name.first?.isUppercase == true else { return nil }
        // A country ("Nordkorea", "USA") is a place; then an acronym of up to four letters an
        // outlet's (ORF, BBC, NZZ), and a place in capitals as datelines print it (BERLIN) a place.
        if LanguageRules.states.contains(name) || LanguageRules.stateAcronyms.contains(name) { return .place }
        if words.count == 1, name.count <= 4, name == name.uppercased() { return .outlet(name) }
        return words.count <= 2 && name == name.uppercased() ? .place : nil
    }

    static let joiners: Set<String> = ["of", "the", "am", "an", "der", "die", "das", "für", "de", "la", "le", "und", "and"]
    static let weekdays: Set<String> = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
                                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// Parts of outlets' names (lowercased): a name containing one is an outlet's.
    static let outletParts = [
        "zeitung", "zeitschrift", "news", "times", "journal", "herald", "tribune", "gazette", "guardian", "telegraph", "presse",
        "press", "rundschau", "kurier", "anzeiger", "nachrichten", "tagesschau", "spiegel", "allgemeine", "tagblatt", "blatt",
        "rundfunk", "magazin", "online", "observer", "independent", "chronicle", "morgenpost", "volksstimme", "tagesspiegel",
    ]
    /// Words of outlets' names (lowercased) that are a name's words, not parts of one: "Die Welt", "n-tv".
    static let outletWords: Set<String> = [
        "post", "welt", "bild", "stern", "focus", "standard", "radio", "tv", "funk", "express", "daily", "weekly", "monitor",
        "review", "agentur", "agency", "wire", "zeit", "taz", "merkur", "echo", "bote", "politico", "bloomberg", "axios",
    ]
}
