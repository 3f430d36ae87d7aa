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

    /// Registry files as the registry writes them are read without the YAML parser: the same
    /// entities at the same places as the YAML parser gives (the seed dossier's files and
    /// entries of every kind of value), and anything the fast reader does not judge, or any
    /// problem, goes to the YAML parser, which reports it where it is.
    @Test func theFastReaderReadsWhatTheYAMLParserReads() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../content/entities").standardized
        var files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }.sorted().map {
            (name: $0, text: try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
        #expect(files.count >= 3)
        files.append(("kinds.yml", """
            # Persons first.
            - id: wladimir-putin
              type: person
              name: "Wladimir \\"W.\\" Putin"
              aliases: [Putin, "Putins Kreml", Wladimir Wladimirowitsch Putin]
              ambiguous: Kim
              description: Präsident Russlands
              wikidata: Q7747

            - id: wostotschny
              # The cosmodrome.
              type: place
              name: Kosmodrom Wostotschny
              lat: 51.884
              lon: 128.334
              common_word: no
            - type: org
              id: tass
              name: TASS
            """))
        for file in files {
            var fastProblems: [SourceError] = [], yamlProblems: [SourceError] = []
            let fast = try Registry.parse(file.text, file: file.name, problems: &fastProblems)
            let yaml = try Registry.parse(file.text, file: file.name, problems: &yamlProblems, fast: false)
            #expect(Registry.simpleEntities(file.text, file: file.name) != nil, "\(file.name) is read by the fast reader")
            #expect(fast.map(\.0) == yaml.map(\.0), "\(file.name)")
            #expect(fast.map(\.1) == yaml.map(\.1), "\(file.name): the ids' places")
            #expect(fastProblems.isEmpty && yamlProblems.isEmpty)
        }
        #expect(try Registry.parse(files.last!.text, file: "kinds.yml").map(\.0.id) == ["wladimir-putin", "wostotschny", "tass"])
        for other in ["- id: putin\n  type: person\n  name: Putin\n  alias: [P]\n", "- id: Putin\n  type: person\n  name: Putin\n",
                      "- id: putin\n  type: person\n", "- id: x\n  type: place\n  name: X\n  lat: 51\n", "- id: x\n  type: place\n  name: X\n  lat: 91\n  lon: 1\n",
                      "- id: x\n  type: person\n  name: X\n  aliases: [a, , b]\n", "- id: x\n  type: person\n  name: X\n  common_word: maybe\n",
                      "---\n- id: x\n  type: person\n  name: X\n", "- id: x\n    type: person\n", "-   id: x\n    type: person\n    name: X\n",
                      "- id: x\n  type: person\n  name: X\n  description: a: b\n", "- id: x\n  type: person\n  name: X\n  wikidata: 7747\n",
                      "- id: x\r\n  type: person\r\n  name: X\r\n", "- {id: x, type: person, name: X}\n", "- id: x\n  type: person\n  name: \"\\u0007\"\n"] {
            #expect(Registry.simpleEntities(other, file: "p.yml") == nil, "\(other) goes to the YAML parser")
        }
    }

    /// Entries put together from values of every awkward kind (quotes, escapes, colons, hashes,
    /// minus signs, words YAML reserves, spaces beyond ASCII, empty lists, comments): wherever the
    /// fast reader takes a file, it reads what the YAML parser reads, ids' places included.
    @Test func theFastReaderAgreesWithTheYAMLParserOnAwkwardValues() throws {
        let values = ["Putin", "\"Putin\"", "\"Kim: \\\"Jong\\\" Un\"", "a: b", "a #b", "a#b", "-95.71", "-", "- x", "true", "No", "null", "~",
                      "[]", "[a, b]", "[\"a, b\", c]", "[a, , b]", "[a", "\u{00A0}Putin", "Putin\u{2003}", "Wostotschny ", "'Putin'", "&a", "*a",
                      "Q7747", "51.5", "1e3", "Präsident Russlands", "\"\\t\"", "\"\\u0041\"", "%x", "@x", "`x`", "{a: b}", "|", ">", "?", "x, y"]
        let keys = ["id", "type", "name", "aliases", "ambiguous", "description", "wikidata", "lat", "lon", "common_word"]
        var fast = 0
        // Combinations in turn, by strides across the lists.
        for round in 0..<3000 {
            var text = ""
            for entry in 0..<(1 + round % 3) {
                var lines = ["id: e\(round)-\(entry)", "type: " + ["person", "place", "org"][(round + entry) % 3], "name: Name \(entry)"]
                for extra in 0..<((round / 3 + entry) % 4) {
                    lines.append(keys[(round * 31 + extra * 17 + entry) % keys.count] + ": " + values[(round * 13 + extra * 29 + entry * 7) % values.count])
                }
                if (round + entry) % 2 == 0 { lines.insert("# note", at: 1 + round % lines.count) }
                // The id first, or another key: any may open the entry.
                let first = (round / 7 + entry) % lines.count
                lines = Array(lines[first...] + lines[..<first])
                if lines[0].hasPrefix("#") { lines.append(lines.removeFirst()) }
                text += lines.enumerated().map { ($0.offset == 0 ? "- " : "  ") + $0.element }.joined(separator: "\n") + "\n"
                if round % 5 == entry { text += "\n" }
            }
            guard let simple = Registry.simpleEntities(text, file: "r.yml") else { continue }
            fast += 1
            var problems: [SourceError] = []
            guard let yaml = try? Registry.parse(text, file: "r.yml", problems: &problems, fast: false) else {
                Issue.record("the fast reader read a file the YAML parser refuses:\n\(text)")
                continue
            }
            #expect(problems.isEmpty, "the fast reader read a file with problems:\n\(text)")
            #expect(simple.map(\.0) == yaml.map(\.0), "\(text)")
            #expect(simple.map(\.1) == yaml.map(\.1), "\(text)")
        }
        #expect(fast > 300, "the fast reader takes a good share (\(fast) of 3000)")
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
                      ("Öl & Gas", "oel-gas"), ("Sergej Schoigu", "sergej-schoigu"), ("Jo Chun-Ryong", "jo-chun-ryong"),
                      ("Sam’s Club", "sams-club"), ("O'Brien's", "obriens"), ("’Reuters’ view", "reuters-view")])
    func slugsTransliterateGerman(text: String, slug: String) {
        #expect(Slug.make(text) == slug)
        #expect(Slug.isValid(slug))
    }
}
