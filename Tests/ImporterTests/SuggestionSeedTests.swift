import Entities
import Testing
@testable import Importer

/// What `dossier suggest` offers a newcomer who imports the five seeds with an empty registry:
/// the names a reader finds, in base form and with a fitting type, and none of the noun phrases
/// German capitalisation and word order make look like names.
struct SuggestionSeedTests {
    @Test func theSeedsNamesWithAnEmptyRegistry() throws {
        var texts: [CandidateFinder.Text] = []
        for seed in Seeds.names {
            let article = PlainTextParser(file: seed).parse(try Seeds.text(seed))
            texts.append(.init(file: seed, text: ([article.title] + article.blocks).joined(separator: "\n\n"), language: "de"))
        }
        let found = Dictionary(CandidateFinder(registry: Registry([])).candidates(in: texts).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let expected: [(String, EntityType)] = [
            ("Wladimir Putin", .person), ("Kim Jong Un", .person), ("Dmitri Peskow", .person), ("Sergej Schoigu", .person),
            ("Jo Chun Ryong", .person), ("Adrienne Watson", .person), ("Russland", .place), ("Nordkorea", .place),
            ("Wostotschny", .place), ("Baikonur", .place), ("Wladiwostok", .place), ("Pjöngjang", .place), ("Moskau", .place),
            ("Kasachstan", .place), ("Ferner Osten", .place), ("Demokratische Volksrepublik Korea", .place), ("Interfax", .org),
            ("TASS", .org), ("RIA Nowosti", .org), ("Koreanische Zentrale Nachrichtenagentur", .org),
        ]
        for (name, type) in expected {
            #expect(found[name]?.type == type, "\(name): \(String(describing: found[name]))")
        }
        #expect(found["Kim Jong Un"]?.aliases.contains("Kim") == true, "the family name alone is the person")
        #expect(found["Wladimir Putin"]?.aliases == ["Putin"])
        for wrong in ["Visite Kims", "Kims Übersetzer", "Oste Russlands", "Osten Russlands", "Atomwaffenaktivitäten Nordkoreas",
                      "Wirtschaftszone Japans", "Putin Kim am Eingang", "Russland Nordkorea", "Moskau Raketentechnologien",
                      "Lieferant von Waffen", "Waffen", "Satelliten", "USA Bedenken", "Nordkoreas", "Kims", "Fernen Osten",
                      "US-Präsidenten Donald Trump", "Munitionsindustrie Jo Chun Ryong", "Waffengeschäfte", "Kim", "Putin"] {
            #expect(found[wrong] == nil, "\(wrong) is no candidate")
        }
    }
}
