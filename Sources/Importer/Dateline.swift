/// The opening of agency copy and news text: where it was written, which agency sent it, and
/// the text after the dash.
///
/// The forms seen in real copy:
/// - `Wladiwostok (Reuters) - Russland will …`, `Berlin/Ahrweiler (dpa) - …`, `Berlin (dpa/lnw) – …`
/// - `KOMSOMOLSK-ON-AMUR, Russia, Sept 13 (Reuters) - …` (the date is dropped from the place)
/// - `BERLIN -- …`, `BERLIN (AP) — …`: a place in capitals, with or without an agency
/// - `München – Die Polizei …`: a place of up to three capitalised words before a spaced en or
///   em dash, only where the text after it starts a sentence.
/// - `Vladivostok (Russia) (AFP) - …` (the region in parentheses), `(CNN) — …` (no place)
/// - `WLADIWOSTOK. …`, `Berlin (epd). …`: a full stop after a place in capitals or an agency
struct Dateline: Equatable {
    var place: String
    var agency: String
    /// The paragraph text after the dash.
    var rest: String

    init?(_ text: String) {
        // The dash: " - ", " – ", " — " or " -- ", within the first 60 characters; or a full stop
        // after a place in capitals or an agency ("WLADIWOSTOK. …", "Berlin (epd). …").
        guard let (head, dash, rest) = Self.split(text) ?? Self.splitAtFullStop(text) else { return nil }
        var place = Substring(head), agency = ""
        if place.hasSuffix(")"), let open = place.lastIndex(of: "(") {
            agency = place[place.index(after: open)..<place.index(before: place.endIndex)].trimmingCharacters(in: .whitespaces)
            place = place[..<open]
            guard !agency.isEmpty, agency.count <= 20, !agency.contains(" ") || agency.split(separator: " ").count <= 2 else { return nil }
        }
        // "(CNN) — …": the agency alone opens the text.
        if place.allSatisfy(\.isWhitespace) {
            guard Agencies.outlet(inDateline: agency) != nil, Self.opensSentence(rest) else { return nil }
            self.place = ""
            self.agency = agency
            self.rest = rest
            return
        }
        // "Vladivostok (Russia) (AFP) - …": the region in parentheses after the place.
        var trimmed = place.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let region = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            trimmed = trimmed[..<open].trimmingCharacters(in: .whitespaces) + ", " + region
        }
        var parts = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        // "…, Sept 13": a date after the place.
        if parts.count > 1, parts.last!.contains(where: \.isNumber) { parts.removeLast() }
        guard let first = parts.first, (1...2).contains(parts.count), parts.allSatisfy(Self.isPlaceName) else { return nil }
        // What follows starts a sentence (or nothing follows: a dateline on a line of its own).
        let words = first.split(separator: " ")
        guard !Self.sentenceStarts.contains(String(words[0])), rest.isEmpty || Self.opensSentence(rest) else { return nil }
        let capitals = first.contains(where: \.isLetter) && first == first.uppercased()
        // After a full stop only a place in capitals or an agency known as one: "Putin (70). Er …" is none.
        if dash == ".", agency.isEmpty ? !capitals : Agencies.outlet(inDateline: agency) == nil { return nil }
        if agency.isEmpty, !capitals {
            // A plain "Name – Text": a spaced en or em dash, a short name, a sentence after it.
            guard dash != "-", parts.count == 1, words.count <= 3, rest.count >= 20 else { return nil }
        }
        self.place = parts.joined(separator: ", ")
        self.agency = agency
        self.rest = rest
    }
}

private extension Dateline {
    static let dashes = ["--", "-", "–", "—"]
    /// Words that start a sentence, never a place: "Die Regierung – Das …" is no dateline.
    static let sentenceStarts: Set<String> = ["Der", "Die", "Das", "Ein", "Eine", "Er", "Sie", "Es", "Wir", "Ich", "Auch", "Doch", "Aber",
                                              "The", "A", "An", "He", "She", "It", "We", "They", "But", "And"]

    /// The text before the first spaced dash, the dash, and the text after it.
    static func split(_ text: String) -> (String, String, String)? {
        var index = text.startIndex, count = 0
        while index < text.endIndex, count < 60 {
            if text[index] == " " {
                let after = text[text.index(after: index)...]
                for dash in dashes where after.hasPrefix(dash) {
                    let end = after.index(after.startIndex, offsetBy: dash.count)
                    guard end == after.endIndex || after[end] == " " else { continue }
                    let rest = after[end...].drop { $0 == " " }
                    return (String(text[..<index]), dash, String(rest))
                }
            }
            // Quotes or a colon before any dash: a sentence, not a dateline.
            if ":;„“\"".contains(text[index]) { return nil }
            index = text.index(after: index)
            count += 1
        }
        return nil
    }

    /// Whether `text` starts as a sentence does: a capital, a number or a quotation mark.
    static func opensSentence(_ text: String) -> Bool {
        text.first.map { $0.isUppercase || $0.isNumber || "„\"'»".contains($0) } ?? false
    }

    /// The text before a full stop that ends a dateline, "." and the text after it: the place
    /// in capitals ("WLADIWOSTOK. Kim …") or the agency in parentheses ("Berlin (epd). Die …"),
    /// within the first 60 characters, a capital after it.
    static func splitAtFullStop(_ text: String) -> (String, String, String)? {
        guard let stop = text.prefix(60).range(of: ". ") else { return nil }
        let head = String(text[..<stop.lowerBound]), rest = String(text[stop.upperBound...].drop { $0 == " " })
        guard head.count >= 3, opensSentence(rest) else { return nil }
        let letters = head.filter(\.isLetter)
        guard head.hasSuffix(")") || letters.count >= 3 && letters == letters.uppercased() && head.allSatisfy({ $0.isLetter || " -/".contains($0) }) else { return nil }
        return (head, ".", rest)
    }

    /// Capitalised words, joined by spaces, hyphens or slashes: "Berlin/Ahrweiler",
    /// "KOMSOMOLSK-ON-AMUR", "Frankfurt am Main", "Russia".
    static func isPlaceName(_ text: String) -> Bool {
        guard let initial = text.first, initial.isUppercase, text.count <= 40 else { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "/" })
        guard words.count <= 4 else { return false }
        return words.allSatisfy { word in
            word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" } && (word.first!.isUppercase || ["am", "an", "der", "im", "on", "upon"].contains(word))
        }
    }
}
