import Foundation
import Testing
@testable import Site

/// Quotes and their speakers, both ways: attributed where a report attributes them, and
/// without a speaker (or not a quote) where guessing would risk a wrong one.
struct QuoteFinderTests {
    /// `text` with `{name}` for a person or organisation and `<name>` for a place: the quotes
    /// found, as "speaker: words" (speaker "-" when none).
    static func quotes(_ marked: String) -> [String] {
        var plain: [UInt8] = [], named: [QuoteFinder.Named] = [], names: [String] = []
        var bytes = Array(marked.utf8)[...]
        while let first = bytes.first {
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "<") {
                let close = first == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ">")
                let end = bytes.firstIndex(of: close)!
                let name = Array(bytes[bytes.index(after: bytes.startIndex)..<end])
                named.append(.init(range: plain.count..<plain.count + name.count, entity: Int32(names.count), mention: Int32(named.count), canSpeak: first == UInt8(ascii: "{")))
                names.append(String(decoding: name, as: UTF8.self))
                plain += name
                bytes = bytes[bytes.index(after: end)...]
            } else {
                plain.append(first)
                bytes = bytes.dropFirst()
            }
        }
        return QuoteFinder.quotes(in: plain, base: 0, named: named).map { quote in
            "\(names[Int(quote.speaker)]): \(String(decoding: plain[quote.range], as: UTF8.self))"
        }
    }

    @Test(arguments: [
        ("„Wir kommen morgen wieder“, sagte {Putin}.", "Putin: Wir kommen morgen wieder"),
        ("„Wir kommen morgen wieder“, so {Peskow}.", "Peskow: Wir kommen morgen wieder"),
        ("„Wir kommen morgen wieder“, sagte {Kim} zu {Putin}.", "Kim: Wir kommen morgen wieder"),
        ("„Wir kommen wieder“, sagte der russische Präsident {Wladimir Putin} am Mittwoch.", "Wladimir Putin: Wir kommen wieder"),
        ("„Wir kommen morgen wieder“, hatte {Putin} zuvor auf eine Frage geantwortet.", "Putin: Wir kommen morgen wieder"),
        ("{Putin} sagte: „Wir kommen morgen wieder.“", "Putin: Wir kommen morgen wieder."),
        ("{Peskow} sagte auf eine Frage lediglich: „Wir kommen morgen wieder.“", "Peskow: Wir kommen morgen wieder."),
        ("{Kim}: „Entscheidungen von Putin immer unterstützen“", "Kim: Entscheidungen von Putin immer unterstützen"),
        ("{Putin} sagte, er sei „sehr froh, ihn zu sehen“.", "Putin: sehr froh, ihn zu sehen"),
        ("{Kim} erklärte, beide würden im „Kampf gegen den Imperialismus zusammenstehen“.", "Kim: Kampf gegen den Imperialismus zusammenstehen"),
        ("„Wir sind da“, sagte {Kim}. „Wir bleiben auch hier.“", "Kim: Wir sind da|Kim: Wir bleiben auch hier."),
        ("{Peskow} sagte, <Russland> bleibe dabei. „Russland behält seine Position bei.“", "Peskow: Russland behält seine Position bei."),
        ("\"We will be back tomorrow,\" said {Peskov}.", "Peskov: We will be back tomorrow"),
        ("{Peskov} said: \"We will be back tomorrow.\"", "Peskov: We will be back tomorrow."),
        ("“We will be back soon”, according to {Peskov}.", "Peskov: We will be back soon"),
    ])
    func attributedWhereTheReportSaysWho(marked: String, expected: String) {
        #expect(Self.quotes(marked) == expected.split(separator: "|").map(String.init))
    }

    @Test(arguments: [
        // Scare quotes and names are not quotes.
        "{Kim} lobte die „Militäroperation“ und die Rakete \"Angara\".",
        "Die Rakete vom Typ „Angara A5“ stand bereit, sagte {Putin}.",
        // Pronouns and role nouns do not name the speaker.
        "„Wir kommen morgen wieder“, sagte er. {Putin} nickte.",
        "Dazu sagte der russische Präsident: „Wir kommen morgen wieder.“ {Kim} schwieg.",
        // Two who could have said it.
        "{Putin} und {Kim} sagten: „Wir kommen morgen wieder.“",
        // A place does not speak, and the first name after the verb must be the speaker's.
        "„Wir kommen morgen wieder“, sagte <Moskau>.",
        "„Wir kommen morgen wieder“, sagte man in <Moskau>, als {Putin} kam.",
        // A quote with a sentence between it and the last attributed one.
        "„Wir sind da“, sagte {Kim}. Dann ging er. „Wir bleiben auch hier.“",
    ])
    func noSpeakerWhereItWouldBeAGuess(marked: String) {
        #expect(Self.quotes(marked).allSatisfy { $0.hasPrefix("Kim: Wir sind da") }, "\(marked) → \(Self.quotes(marked))")
    }
}
