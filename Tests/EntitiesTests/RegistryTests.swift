import Foundation
import SourceText
import Testing
@testable import Entities

struct RegistryTests {
    @Test func parsesEntitiesWithAllFields() throws {
        let yaml = """
        - id: wostotschny
          type: place
          name: Kosmodrom Wostotschny
          aliases: [Wostotschny]
          description: Weltraumbahnhof im Gebiet Amur
          wikidata: Q1817957
          lat: 51.884
          lon: 128.334
        """
        let entities = try Registry.parse(yaml, file: "content/entities/places.yml").map(\.0)
        #expect(entities == [Entity(id: "wostotschny", type: .place, name: "Kosmodrom Wostotschny", aliases: ["Wostotschny"],
                                    description: "Weltraumbahnhof im Gebiet Amur", wikidata: "Q1817957", latitude: 51.884, longitude: 128.334)])
    }

    @Test(arguments: [
        ("- id: Putin\n  type: person\n  name: Putin\n", "content/entities/p.yml:1:7: error: id 'Putin' is not a slug: use 'putin' (a–z, 0–9 and '-', ä→ae, ö→oe, ü→ue, ß→ss)"),
        ("- id: putin\n  type: human\n  name: Putin\n", "content/entities/p.yml:2:9: error: unknown type 'human': use person, place or org"),
        ("- id: putin\n  type: person\n", "content/entities/p.yml:1:3: error: entity has no 'name': add 'name: …'"),
        ("- id: putin\n  name: [a\n", "content/entities/p.yml:3:1: error: invalid YAML: did not find expected ',' or ']'"),
    ])
    func badEntriesAreLocated(yaml: String, expected: String) {
        do {
            _ = try Registry.parse(yaml, file: "content/entities/p.yml")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == expected)
        }
    }

    @Test func duplicateIdsAndSharedAliasesAreRejected() throws {
        let first = try Registry.parse("- id: kim\n  type: person\n  name: Kim Jong Un\n  aliases: [Kim]\n", file: "a.yml")
        let second = try Registry.parse("- id: kim-yo-jong\n  type: person\n  name: Kim Yo Jong\n  aliases: [Kim]\n- id: kim\n  type: person\n  name: K\n", file: "b.yml")
        #expect(throws: SourceError(file: "b.yml", line: 1, column: 7, message: "alias 'Kim' is claimed by kim and kim-yo-jong: keep it on one entity or list it under 'ambiguous' on both")) {
            try Registry.validated(first + second.prefix(1))
        }
        #expect(throws: SourceError(file: "b.yml", line: 5, column: 7, message: "duplicate id 'kim', first defined at a.yml:1: give one of them another id")) {
            try Registry.validated(first + second.suffix(1))
        }
    }

    @Test(arguments: [("Kim Jong Un", "kim-jong-un"), ("Düsseldorf", "duesseldorf"), ("Straße der Einheit", "strasse-der-einheit"),
                      ("Öl & Gas", "oel-gas"), ("Sergej Schoigu", "sergej-schoigu"), ("Jo Chun-Ryong", "jo-chun-ryong")])
    func slugsTransliterateGerman(text: String, slug: String) {
        #expect(Slug.make(text) == slug)
        #expect(Slug.isValid(slug))
    }
}
