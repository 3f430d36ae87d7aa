import Foundation
import Testing
@testable import Site

/// Quotes and their speakers, both ways: attributed where a report attributes them, and
/// without a speaker (or not a quote) where guessing would risk a wrong one.
struct QuoteFinderTests {
    /// `text` with `{name}` for a person or organisation, `[name]` for one named in a genitive
    /// the registry does not spell (`Putins`) and `<name>` for a place: the quotes found, as
    /// "speaker: words".
    static func quotes(_ marked: String) -> [String] {
        var plain: [UInt8] = [], named: [QuoteFinder.Named] = [], names: [String] = []
        var bytes = Array(marked.utf8)[...]
        let closing: [UInt8: UInt8] = [UInt8(ascii: "{"): UInt8(ascii: "}"), UInt8(ascii: "["): UInt8(ascii: "]"), UInt8(ascii: "<"): UInt8(ascii: ">")]
        while let first = bytes.first {
            if let close = closing[first] {
                let end = bytes.firstIndex(of: close)!
                let name = Array(bytes[bytes.index(after: bytes.startIndex)..<end])
                named.append(.init(range: plain.count..<plain.count + name.count, entity: Int32(names.count), mention: Int32(named.count),
                                   canSpeak: first != UInt8(ascii: "<"), possessive: first == UInt8(ascii: "[")))
                names.append(String(decoding: name, as: UTF8.self))
                plain += name
                bytes = bytes[bytes.index(after: end)...]
            } else {
                plain.append(first)
                bytes = bytes.dropFirst()
            }
        }
        return QuoteFinder.quotes(in: plain, base: 0, named: named).filter(\.hasSpeaker).map { quote in
            "\(names[Int(quote.speaker)]): \(String(decoding: plain[quote.range], as: UTF8.self))"
        }
    }

    @Test(arguments: [
        ("„Wir kommen morgen wieder“, sagte {Putin}.", "Putin: Wir kommen morgen wieder"),
        ("„Wir kommen morgen wieder“, so {Peskow}.", "Peskow: Wir kommen morgen wieder"),
        // Guillemets both ways: »…« in Germany, «…» in Switzerland.
        ("»Wir kommen morgen wieder«, sagte {Putin}.", "Putin: Wir kommen morgen wieder"),
        ("«Wir kommen morgen wieder», sagte {Putin}. «Wir bleiben auch hier.»", "Putin: Wir kommen morgen wieder|Putin: Wir bleiben auch hier."),
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
        // English names the speaker before the verb, with or without a title.
        ("\"We will be back tomorrow,\" {Xi} said.", "Xi: We will be back tomorrow"),
        ("\"We will be back tomorrow,\" {Xi} told {Biden} on Wednesday.", "Xi: We will be back tomorrow"),
        ("\"We will be back tomorrow,\" White House spokesperson {Karine Jean-Pierre} told reporters.", "Karine Jean-Pierre: We will be back tomorrow"),
        ("\"We will be back tomorrow,\" {Biden} has said.", "Biden: We will be back tomorrow"),
        ("\"Why would we wait for them?\" {Biden} asked.", "Biden: Why would we wait for them?"),
        ("„Warum sollten wir warten?“, fragte {Putin}.", "Putin: Warum sollten wir warten?"),
        // A partial quote in a sentence that opens with its source.
        ("According to {Biden}, the two leaders \"made some real progress\".", "Biden: made some real progress"),
        ("Laut {Peskow} sind die Gespräche „sehr konstruktiv verlaufen“.", "Peskow: sehr konstruktiv verlaufen"),
        // A role of someone's, then the speaker's name.
        ("„Wir kommen morgen wieder“, sagte [Putins] Sprecher {Dmitri Peskow}.", "Dmitri Peskow: Wir kommen morgen wieder"),
        ("\"We will be back tomorrow,\" {Biden}'s spokeswoman {Karine Jean-Pierre} told reporters.", "Karine Jean-Pierre: We will be back tomorrow"),
        // The verb before the name when a colon opens the quote.
        ("Dazu sagte {Putin}: „Wir kommen morgen wieder.“", "Putin: Wir kommen morgen wieder."),
        // The source before `zufolge`, with an article and a role at most.
        ("{Peskow} zufolge sei über „militärische Zusammenarbeit nicht gesprochen worden“.", "Peskow: militärische Zusammenarbeit nicht gesprochen worden"),
        ("Dem Kremlsprecher {Peskow} zufolge „gibt es keine Pläne“.", "Peskow: gibt es keine Pläne"),
        // A quote its attribution interrupts: both parts are the speaker's.
        ("„Wir sind bereit“, so {Kim}, „die Zusammenarbeit auszubauen.“", "Kim: Wir sind bereit|Kim: die Zusammenarbeit auszubauen."),
        ("„Wir sind bereit“, sagte {Kim} am Abend zu {Putin}, „die Zusammenarbeit auszubauen.“", "Kim: Wir sind bereit|Kim: die Zusammenarbeit auszubauen."),
        ("\"He is a dictator,\" {Biden} said of {Xi}, \"in the sense that he runs a country.\"", "Biden: He is a dictator|Biden: in the sense that he runs a country."),
        // The one quoted said it; the one quoting did not.
        ("\"We will talk about everything,\" {Putin} was quoted as saying by RIA.", "Putin: We will talk about everything"),
        ("\"We will talk about everything,\" RIA quoted {Putin} as saying.", "Putin: We will talk about everything"),
        ("„Wir reden über alles“, wurde {Putin} von der Agentur Tass zitiert.", "Putin: Wir reden über alles"),
        // A possessive right before the name: the name speaks.
        ("\"The talks were constructive,\" the [Kremlin's] {Peskov} said.", "Peskov: The talks were constructive"),
        // The second part names its own speaker.
        ("„Wir sind bereit“, sagte {Kim}, „wir sind es auch“, sagte {Putin}.", "Kim: Wir sind bereit|Putin: wir sind es auch"),
    ])
    func attributedWhereTheReportSaysWho(marked: String, expected: String) {
        #expect(Self.quotes(marked) == expected.split(separator: "|").map(String.init))
    }

    @Test(arguments: [
        // Scare quotes and names are not quotes.
        "{Kim} lobte die „Militäroperation“ und die Rakete \"Angara\".",
        "Die Rakete vom Typ „Angara A5“ stand bereit, sagte {Putin}.",
        // Someone the registry lacks is said to speak after the quote, a name stands before it.
        "{Asarow} sprach über den Plan „Wir kommen morgen wieder“, sagte ein Sprecher.",
        "Dazu sagte {Putin}, man werde „morgen wieder kommen“, so ein Sprecher.",
        "{Biden} spoke of \"the plan to come back,\" an aide said.",
        // Pronouns do not name the speaker, nor do role nouns the article gives to no name.
        "„Wir kommen morgen wieder“, sagte er. {Putin} nickte.",
        "Dazu sagte der russische Präsident: „Wir kommen morgen wieder.“ {Kim} schwieg.",
        // Two who could have said it.
        "{Putin} und {Kim} sagten: „Wir kommen morgen wieder.“",
        // A place does not speak, and the first name after the verb must be the speaker's.
        "„Wir kommen morgen wieder“, sagte <Moskau>.",
        "„Wir kommen morgen wieder“, sagte man in <Moskau>, als {Putin} kam.",
        // Someone speaking for the one named: the speaker is not named.
        "„Wir kommen morgen wieder“, sagte ein Sprecher von {Putin}.",
        "„Wir kommen morgen wieder“, sagte der Sprecher des Präsidenten {Putin}.",
        // The one named passes the words on.
        "„Wir kommen morgen wieder“, zitierte {Tass} den Kremlchef.",
        "„Wir kommen morgen wieder“, {Tass} zitierte den Kremlchef.",
        // The first name after the verb is an object: someone else speaks.
        "„Wir kommen morgen wieder“, sagte ein Sprecher zu {Kim}.",
        "„Wir kommen morgen wieder“, teilte das Ministerium mit Blick auf {Putin} mit.",
        "„Wir kommen morgen wieder“, hieß es aus Kreisen um {Putin}.",
        "\"We will be back tomorrow,\" said an aide traveling with {Biden}.",
        "„Wir kommen morgen wieder“, sagte [Putins] Sprecher.",
        "„Wir kommen morgen wieder“, sagte [Putins] Sprecher bei einem Treffen mit {Kim}.",
        "„Wir kommen morgen wieder“, sagte [Putins] Sprecher über {Kim}.",
        "[Putins] Sprecher sagte: „Wir kommen morgen wieder.“",
        "\"We will be back tomorrow,\" said a spokesman for {Xi}.",
        "\"We will be back tomorrow,\" a spokesman for {Xi} said.",
        "\"We will be back tomorrow,\" the aide to {Biden} said.",
        "\"We will be back tomorrow,\" {Biden}'s aide said.",
        "\"We will be back tomorrow,\" {Biden}’s aide told reporters.",
        "{Biden}'s aide said: \"We will be back tomorrow.\"",
        // A name that runs past the end of the attribution's clause.
        "\"We will be back tomorrow,\" {Dr. Who} said.",
        "\"We will be back tomorrow,\" \(String(repeating: "x", count: 150)) {Joe Biden} said.",
        // A name after the quote that no speech verb follows.
        "\"We will be back tomorrow,\" {Biden} and the others wrote.",
        "\"We will be back tomorrow,\" reporters heard in <Moskau> as {Biden} said goodbye.",
        // A quote with a sentence between it and the last attributed one.
        "„Wir sind da“, sagte {Kim}. Dann ging er. „Wir bleiben auch hier.“",
        // After the attributed quote, another clause that ends in no comma, or one with a speaker.
        "„Wir sind da“, sagte {Kim}, als {Putin} „Wir bleiben auch hier“ rief.",
        "„Wir sind da“, sagte {Kim}, und {Putin} antwortete: „Wir bleiben auch hier.“",
        "„Wir sind da“, sagte {Kim}, „ein Sieg für alle“ sei das nicht.",
        // Quoted by someone named, who is not the speaker.
        "„Wir reden über alles“, wurde von {Tass} der Kremlchef zitiert.",
        "\"We will talk about everything,\" {RIA} quoted the president as saying.",
        "\"We will talk about everything,\" {Biden} was told by an aide.",
        // `zufolge` after a report about the one named: the report is the source.
        "Einem Bericht über {Peskow} zufolge „gibt es keine Pläne“.",
        "Nach einem langen Gespräch mit {Peskow} zufolge „gibt es keine Pläne“.",
    ])
    func noSpeakerWhereItWouldBeAGuess(marked: String) {
        #expect(Self.quotes(marked).allSatisfy { $0.hasPrefix("Kim: Wir sind da") }, "\(marked) → \(Self.quotes(marked))")
    }

    /// A quote without a speaker is still found, located by the first mention of its paragraph
    /// after its start, else the last before it, else none; scare quotes are not.
    @Test func quotesWithoutASpeakerAreFoundAndLocated() {
        func found(_ text: String, named: [(String, Bool)]) -> [(speaker: Int32, mention: Int32, words: String)] {
            let bytes = Array(text.utf8)
            let named = named.enumerated().map { number, item in
                let start = text.utf8.distance(from: text.startIndex, to: text.range(of: item.0)!.lowerBound)
                return QuoteFinder.Named(range: start..<start + item.0.utf8.count, entity: Int32(number), mention: Int32(number), canSpeak: item.1)
            }
            return QuoteFinder.quotes(in: bytes, base: 0, named: named).map { ($0.speaker, $0.mention, String(decoding: bytes[$0.range], as: UTF8.self)) }
        }
        let pronoun = found("„Wir kommen morgen wieder“, sagte er in Moskau.", named: [("Moskau", false)])
        #expect(pronoun.map(\.words) == ["Wir kommen morgen wieder"] && pronoun.map(\.speaker) == [-1] && pronoun.map(\.mention) == [0])
        let before = found("In Moskau hieß es: „Wir kommen morgen wieder.“", named: [("Moskau", false)])
        #expect(before.map(\.speaker) == [-1] && before.map(\.mention) == [0])
        let none = found("„Wir kommen morgen wieder“, sagte ein Sprecher. Die „Militäroperation“ gehe weiter.", named: [])
        #expect(none.map(\.words) == ["Wir kommen morgen wieder"] && none.map(\.mention) == [-1])
        let both = found("„Wir sind da“, sagte Kim. Dann ging er. „Wir bleiben auch hier“, rief jemand in Moskau.", named: [("Kim", true), ("Moskau", false)])
        #expect(both.map(\.speaker) == [0, -1] && both.map(\.mention) == [0, 1])
    }

    /// The words a quote's attribution is read by, as Unicode lower-cases and splits them, whether
    /// the text is all ASCII (read as bytes) or not.
    @Test(arguments: [
        "According to Biden, said: 'OK' -- well-known", "Laut\tPeskow", "sagte Putin am Mittwoch", "  ", "",
        "Über Nacht SAGTE Peskow", "x1y2z", "DAS  „SAGTE“ er",
    ])
    func attributionWordsAreUnicodesLowerCaseWords(text: String) {
        let expected = text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        #expect(QuoteFinder.words(Array(text.utf8)[...]) == expected)
    }

    /// What stands between the name and the quote may have any spaces around its colon.
    @Test(arguments: ["{Kim}:\t„Wir kommen morgen wieder.“", "{Kim}\u{00A0}: „Wir kommen morgen wieder.“",
                      "{Kim} sagte:\u{2009}„Wir kommen morgen wieder, und zwar mit allen, die damals dabei waren und es noch sind.“"])
    func aColonWithAnySpacesAttributes(marked: String) {
        #expect(Self.quotes(marked).count == 1 && Self.quotes(marked)[0].hasPrefix("Kim: Wir kommen"), "\(marked) → \(Self.quotes(marked))")
    }
}

/// Quotes attributed by a role ("sagte der russische Präsident") where the article gives the
/// role to one name of the registry, and to no one where it gives it to several, to a name the
/// registry lacks, to none, or the role is someone else's ("ein Sprecher des Präsidenten").
struct RoleQuoteTests {
    @Test func aRoleTheArticleGivesToOneNameAttributesItsQuotesAndNoOther() throws {
        let dossier = try TestDossier(files: [
            "content/dossier.yml": "title: Rollen\nlanguage: de\n",
            "content/entities/entities.yml": TestDossier.registry + """

            - id: joe-biden
              type: person
              name: Joe Biden
            - id: xi-jinping
              type: person
              name: Xi Jinping
            """,
            "content/articles/eine-rolle.md": """
            ---
            title: Empfang im Osten
            date: 2023-09-13
            ---
            Der russische Präsident [Wladimir Putin](person:wladimir-putin) empfing den nordkoreanischen Machthaber [Kim](person:kim-jong-un).

            Auf die Frage sagte der russische Präsident: „Wir sprechen über alle Themen.“

            „Das ist ein großer Tag für uns“, sagte der Präsident am Abend.

            „Wir stehen an Russlands Seite“, so der nordkoreanische Machthaber.

            Ein Sprecher des Präsidenten sagte: „Wir kommentieren das nicht.“

            „Wir sehen uns bald wieder“, sagte der Staatschef.
            """,
            "content/articles/zwei-praesidenten.md": """
            ---
            title: Telefonat
            date: 2023-09-14
            ---
            Der russische Präsident [Putin](person:wladimir-putin) und der südkoreanische Präsident Yoon Suk Yeol telefonierten.

            „Wir bleiben in Kontakt mit allen“, sagte der Präsident.

            „Wir bleiben in Kontakt mit Moskau“, sagte der südkoreanische Präsident.

            „Wir bleiben in Kontakt mit Seoul“, sagte der russische Präsident.

            „Die Lage ist ernst genug“, sagte der amerikanische Präsident.
            """,
            "content/articles/beide.md": """
            ---
            title: Zwei Machthaber
            date: 2023-09-15
            ---
            Die beiden Machthaber [Putin](person:wladimir-putin) und [Kim](person:kim-jong-un) trafen sich.

            „Wir sind heute Freunde geworden“, sagte der Machthaber.
            """,
            "content/articles/two-presidents.md": """
            ---
            title: Two presidents meet
            date: 2023-11-15
            language: en
            ---
            U.S. President [Joe Biden](person:joe-biden) met Chinese President [Xi Jinping](person:xi-jinping) in California on Wednesday.

            "We have to manage this competition," the president said.

            "China will never seek hegemony," the Chinese president told the summit.

            A spokesman for the president said: "We will not comment on that."

            "We are ready to talk again," the Chinese president’s spokesman said.
            """,
        ])
        defer { dossier.cleanUp() }
        try dossier.build()
        let export = try JSONSerialization.jsonObject(with: Data(try dossier.read("data/dossier.json").utf8)) as! [String: Any]
        let quotes = Set((export["quotes"] as! [[String: Any]]).filter { $0["speaker"] is String }.map { "\($0["article"]!) \($0["speaker"]!): \($0["text"]!)" })
        #expect(quotes == [
            "eine-rolle wladimir-putin: Wir sprechen über alle Themen.", "eine-rolle wladimir-putin: Das ist ein großer Tag für uns",
            "eine-rolle kim-jong-un: Wir stehen an Russlands Seite",
            "zwei-praesidenten wladimir-putin: Wir bleiben in Kontakt mit Seoul",
            "two-presidents xi-jinping: China will never seek hegemony",
        ])
        // The quote links to the holder's mention that gave the role.
        let putin = try dossier.read("persons/wladimir-putin.html")
        #expect(putin.contains(#"<blockquote><a href="../articles/eine-rolle.html#wladimir-putin-1">„Wir sprechen über alle Themen.“</a>"#))
    }
}

/// An article whose front matter names no language is in the dossier's: an English dossier's
/// hand-written article is read by the English rules and its quotes shown in English marks;
/// one that names another language keeps it, and its page and quotes say so with `lang`.
@Suite("Article language")
struct ArticleLanguageTests {
    @Test func anArticleWithoutALanguageIsInTheDossiers() throws {
        let dossier = try TestDossier(files: [
            "content/dossier.yml": "title: Summit\nlanguage: en\n",
            "content/entities/entities.yml": """
            - id: joe-biden
              type: person
              name: Joe Biden
              aliases: [Biden]
            - id: xi-jinping
              type: person
              name: Xi Jinping
              aliases: [Xi]
            """,
            "content/articles/summit.md": """
            ---
            title: Two presidents meet
            date: 2023-11-15
            ---
            U.S. President [Joe Biden](person:joe-biden) met Chinese President [Xi Jinping](person:xi-jinping) in California.

            "China will never seek hegemony," the Chinese president told the summit.
            """,
            "content/articles/gipfel.md": """
            ---
            title: Gipfel in Kalifornien
            date: 2023-11-16
            language: de
            ---
            „Wir suchen keine Vorherrschaft“, sagte [Xi](person:xi-jinping).
            """,
        ])
        defer { dossier.cleanUp() }
        try dossier.build()
        // The role ("the Chinese president") is found by the English rules only.
        let xi = try dossier.read("quotes.html")
        #expect(xi.contains(#"<blockquote><a href="articles/summit.html#xi-jinping-1">“China will never seek hegemony”</a></blockquote>"#))
        #expect(xi.contains(#"<blockquote lang="de"><a href="articles/gipfel.html#xi-jinping-1">„Wir suchen keine Vorherrschaft“</a></blockquote>"#))
        #expect(try dossier.read("data/articles/summit.json").contains(#""language":"en""#))
        #expect(try dossier.read("data/articles/gipfel.json").contains(#""language":"de""#))
        // The German article is marked as German on its page; the English one needs no mark.
        #expect(try dossier.read("articles/gipfel.html").contains(#"<article class="article" lang="de" data-pagefind-body>"#))
        #expect(try dossier.read("articles/summit.html").contains(#"<article class="article" data-pagefind-body>"#))
    }
}
