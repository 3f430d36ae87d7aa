import Testing
@testable import Entities

/// The matching rules of each language, both ways: what must be linked and what must not.
struct LanguageRulesTests {
    static let registry = Registry([
        Entity(id: "wladimir-putin", type: .person, name: "Vladimir Putin", aliases: ["Putin", "Wladimir Putin"]),
        Entity(id: "nordkorea", type: .place, name: "North Korea", aliases: ["Nordkorea", "Demokratische Volksrepublik Korea"]),
        Entity(id: "suedkorea", type: .place, name: "South Korea", aliases: ["Südkorea"]),
        Entity(id: "russland", type: .place, name: "Russia", aliases: ["Russland"]),
        Entity(id: "bayern", type: .place, name: "Bavaria", aliases: ["Bayern"]),
        Entity(id: "nrw", type: .place, name: "North Rhine Westphalia", aliases: ["Nordrhein-Westfalen"]),
        Entity(id: "reuters", type: .org, name: "Reuters"),
        Entity(id: "thw", type: .org, name: "Technisches Hilfswerk", aliases: ["THW"]),
        Entity(id: "vereinigte-staaten", type: .place, name: "Vereinigte Staaten"),
        Entity(id: "rotes-kreuz", type: .org, name: "Deutsches Rotes Kreuz"),
        Entity(id: "schuld", type: .place, name: "Schuld", isCommonWord: true),
        Entity(id: "reading", type: .place, name: "Reading", isCommonWord: true),
    ])

    @Test(arguments: [
        ("Putin's visit", "[Putin's](person:wladimir-putin) visit"),
        ("Putin’s visit", "[Putin’s](person:wladimir-putin) visit"),
        ("Reuters' report", "[Reuters'](org:reuters) report"),
        ("the 'Putin' problem", "the '[Putin](person:wladimir-putin)' problem"),
        ("North Korea's leader", "[North Korea's](place:nordkorea) leader"),
        ("the North Korean leader", "the North Korean leader"),
        ("Russian troops", "Russian troops"),
        ("South Korean military", "South Korean military"),
        ("Bavarian villages", "Bavarian villages"),
        ("North Rhine Westphalian towns", "North Rhine Westphalian towns"),
        ("Russians in Russia", "Russians in [Russia](place:russland)"),
        ("Putins plans", "Putins plans"),
        ("floods in Reading and Bavaria", "floods in [Reading](place:reading) and [Bavaria](place:bayern)"),
        ("Reading the report, he left.", "Reading the report, he left."),
        ("the Reading of the will", "the Reading of the will"),
    ])
    func english(input: String, expected: String) {
        #expect(Annotator(registry: Self.registry, language: "en").annotate(input).text == expected)
    }

    @Test(arguments: [
        ("Putins Gast", "[Putins](person:wladimir-putin) Gast"),
        ("Helfer des Technischen Hilfswerks", "Helfer des [Technischen Hilfswerks](org:thw)"),
        ("dem Technischen Hilfswerk", "dem [Technischen Hilfswerk](org:thw)"),
        ("in den Vereinigten Staaten", "in den [Vereinigten Staaten](place:vereinigte-staaten)"),
        ("des Deutschen Roten Kreuzes", "des [Deutschen Roten Kreuzes](org:rotes-kreuz)"),
        ("der Demokratischen Volksrepublik Korea", "der [Demokratischen Volksrepublik Korea](place:nordkorea)"),
        ("nordkoreanische Soldaten", "nordkoreanische Soldaten"),
        ("die Flut in Schuld", "die Flut in [Schuld](place:schuld)"),
        ("Die Schuld trägt niemand.", "Die Schuld trägt niemand."),
        ("Er gibt die Schuld dem Land.", "Er gibt die Schuld dem Land."),
        ("Sie hat keine Schuld.", "Sie hat keine Schuld."),
        ("Schuld ist der Regen.", "Schuld ist der Regen."),
        ("Aus Schuld kamen Helfer. Schuld liegt an der Ahr, in Schuld starben Menschen.",
         "Aus [Schuld](place:schuld) kamen Helfer. Schuld liegt an der Ahr, in [Schuld](place:schuld) starben Menschen."),
        ("Die Helfer in Schuld arbeiten. Der Ort Schuld ist zerstört.",
         "Die Helfer in [Schuld](place:schuld) arbeiten. Der Ort [Schuld](place:schuld) ist zerstört."),
        ("Putin's Gast", "[Putin](person:wladimir-putin)'s Gast"),
    ])
    func german(input: String, expected: String) {
        #expect(Annotator(registry: Self.registry, language: "de").annotate(input).text == expected)
    }

    @Test func aCommonWordIsNeverLinkedBeforeItsEntityIsKnown() {
        // Without a preposition of place and without an earlier mention, "Schuld" stays a word.
        let annotator = Annotator(registry: Self.registry, language: "de")
        #expect(annotator.annotate("Wer trägt Schuld an der Katastrophe?").added.isEmpty)
    }

    @Test(arguments: [
        ("Der russische Präsident hat den Gast empfangen, und es ist nicht klar, ob die Gespräche mit dem Gast auf der Basis der alten Verträge stattfinden, sagte er. Die Delegation wird von dem Minister geführt und ist auch bei den Gesprächen.", "de"),
        ("The Russian president said that the talks were to be held at the cosmodrome, and that it was the first visit of the leader since 2019. It has been reported by the agency that he arrived by train from the capital with his delegation and that they were met by officials.", "en"),
        // A short agency item.
        ("\"We have to manage this competition responsibly,\" the president said. \"China will never seek hegemony,\" the Chinese president told the summit.", "en"),
        ("„Wir bleiben in Kontakt“, sagte der Präsident. Die Gespräche sollen im Herbst weitergehen, hieß es aus dem Ministerium.", "de"),
        ("Putin Kim Wostotschny", nil),
        ("„We have to manage this“, sagte Biden.", nil),
    ] as [(String, String?)])
    func aTextShowsItsLanguage(text: String, language: String?) {
        #expect(LanguageRules.language(of: text) == language)
    }

    @Test func aLanguageWithoutRulesReadsAsEnglishAndTagsReadByTheirLanguage() {
        #expect(LanguageRules.of("de-AT").code == "de")
        #expect(LanguageRules.of("EN-gb").code == "en")
        #expect(LanguageRules.of("fr").code == "en")
        #expect(!LanguageRules.has("fr") && LanguageRules.has("de-CH"))
    }
}
