import Foundation
import Testing
@testable import Site

/// `data/`: the seed dossier as JSON (checked against `docs/dossier.schema.json`) and CSV, and
/// what it says agrees with the pages.
struct DataExportTests {
    static let schema = OutletTests.repository.appendingPathComponent("docs/dossier.schema.json")

    @Test func theSeedsExportMatchesItsSchemaAndThePages() throws {
        let dossier = try OutletTests.seedSite()
        defer { dossier.cleanUp() }
        let schema = try JSONSchema(Data(contentsOf: Self.schema))
        let index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dossier.output.appendingPathComponent("data/dossier.json"))) as? [String: Any])
        #expect(schema.problems(index) == [])
        #expect(schema.problems(["version": 1, "title": 2] as [String: Any]) != [], "the checker finds what is missing or mistyped")
        let articles = try #require(index["articles"] as? [[String: Any]])
        #expect(articles.count == 5)
        // Every mention a row of the spreadsheet table, articles newest first, as their files list them.
        let mentionRows = Self.records(try dossier.read("data/mentions.csv"))
        #expect(mentionRows.first == ["article", "title", "outlet", "date", "entity", "type", "name", "field", "surface", "sentence", "page"])
        var expectedRows: [[String]] = []
        for article in articles {
            let slug = try #require(article["slug"] as? String)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dossier.output.appendingPathComponent(article["data"] as! String))) as? [String: Any])
            #expect(schema.problems(data) == [], "\(slug)")
            let mentions = try #require(data["mentions"] as? [[String: Any]])
            let page = try dossier.read("articles/\(slug).html")
            // Every mention of the page, in its order, with the anchor the page gives it.
            let anchors = page.matches(of: /<a class="mention [a-z]+" id="([a-z0-9-]+)"/).map { String($0.1) }
            #expect(mentions.map { $0["anchor"] as! String } == anchors, "\(slug)")
            #expect(data["source"] as? String != nil && data["language"] as? String == "de")
            let sentences = try #require(data["sentences"] as? [String])
            #expect(mentions.allSatisfy { sentences[$0["sentence"] as! Int].contains($0["surface"] as! String) })
            expectedRows += mentions.map { mention in
                [slug, article["entity"] as? String ?? "", mention["entity"] as! String, mention["surface"] as! String,
                 sentences[mention["sentence"] as! Int], "articles/\(slug).html#\(mention["anchor"] as! String)"]
            }
        }
        #expect(mentionRows.dropFirst().map { [$0[0], "", $0[4], $0[8], $0[9], $0[10]] } == expectedRows)
        // dossier.json lists the same mentions, each with its article, position, field, surface and sentence.
        let listed = try #require(index["mentions"] as? [[String: Any]])
        #expect(listed.map { [$0["article"] as! String, "", $0["entity"] as! String, $0["surface"] as! String, $0["sentence"] as! String,
                              "articles/\($0["article"] as! String).html#\($0["anchor"] as! String)"] } == expectedRows)
        #expect(listed.map { "\($0["article"]!)/\($0["field"]!)" } == mentionRows.dropFirst().map { "\($0[0])/\($0[7])" })
        #expect(listed.allSatisfy { ($0["sentence"] as! String).contains($0["surface"] as! String) })
        for (slug, group) in Dictionary(grouping: listed, by: { $0["article"] as! String }) {
            #expect(group.map { $0["position"] as! Int } == Array(0..<group.count), "\(slug): positions in the article's mentions")
        }
        // Where each article comes from.
        #expect(articles.allSatisfy { ($0["source"] as? String)?.hasPrefix("raw/") == true && $0["url"] is NSNull })
        #expect(mentionRows.contains { $0[0] == "russland-will-nordkorea-beim-bau-von-satelliten-helfen" && $0[1] == "Russland will Nordkorea beim Bau von Satelliten helfen"
            && $0[2] == "Reuters" && $0[4] == "russland" && $0[5] == "place" && $0[6] == "Russland" && $0[7] == "title" })
        #expect(mentionRows.contains { $0[4] == "wladimir-putin" && $0[7] == "body" && $0[8] == "Putin" }, "the words as written")
        #expect(mentionRows.contains { $0[4] == "wladimir-putin" && $0[7] == "caption" && $0[8] == "Wladimir Putin" })
        let entities = try #require(index["entities"] as? [[String: Any]])
        let putin = try #require(entities.first { $0["id"] as? String == "wladimir-putin" })
        #expect(putin["name"] as? String == "Wladimir Putin" && putin["type"] as? String == "person")
        #expect(try dossier.read("persons/wladimir-putin.html").contains("<dd>\(putin["mentions"]!) Erwähnungen in \(putin["articles"]!) Artikeln</dd>"))
        // The tables for spreadsheets: a row per entity and per article, with the same counts.
        let table = Self.records(try dossier.read("data/entities.csv"))
        #expect(table.first == ["id", "type", "name", "aliases", "description", "wikidata", "lat", "lon", "mentions", "articles", "page"])
        #expect(table.count - 1 == entities.count)
        #expect(table.contains { $0[0] == "wladimir-putin" && $0[8] == "\(putin["mentions"]!)" && $0[9] == "\(putin["articles"]!)" })
        let rows = Self.records(try dossier.read("data/articles.csv"))
        #expect(rows.first == ["slug", "title", "outlet", "date", "authors", "page"])
        #expect(rows.dropFirst().map { $0[0] } == articles.map { $0["slug"] as! String }, "newest first, as dossier.json lists them")
        let quotes = try #require(index["quotes"] as? [[String: Any]])
        #expect(quotes.filter { $0["speaker"] is String }.count == 23)
        #expect(quotes.contains { $0["speaker"] as? String == "dmitri-peskow" && ($0["text"] as? String)?.hasPrefix("Unsere Länder kooperieren") == true })
        // Quotes no speaker is certain for are there too, with null, and located by a mention of their paragraph.
        let unattributed = quotes.filter { $0["speaker"] is NSNull }
        #expect(unattributed.map { $0["text"] as! String }.sorted() == ["Unser Militär hat die Überwachung und Wachsamkeit erhöht, bereitet sich auf mögliche weitere Abschüsse vor und arbeitet eng mit den Vereinigten Staaten zusammen",
                                                                  "neue Siege des großen Russlands", "sehr froh, Kim zu sehen"])
        for quote in quotes {
            let slug = quote["article"] as! String, position = try #require(quote["position"] as? Int)
            let mention = try #require(listed.filter { $0["article"] as! String == slug }.first { $0["position"] as! Int == position })
            #expect(quote["anchor"] as? String == mention["anchor"] as? String)
            if let speaker = quote["speaker"] as? String { #expect(mention["entity"] as? String == speaker) }
        }
        #expect(try dossier.read("quotes.html").contains("<h2>Ohne sicheren Sprecher <span class=\"count\">3</span></h2>"))
        let shared = try #require(index["shared"] as? [[String: Any]])
        #expect(shared.count == SharedPassagesTests.expected.count)
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
    }

    @Test func csvFieldsWithQuotesCommasAndLineBreaksReadBack() {
        var csv = DataText()
        csv.record(["a", "„x“, \"y\"", "z\nw"])
        #expect(String(decoding: csv.bytes, as: UTF8.self) == "\"a\",\"„x“, \"\"y\"\"\",\"z\nw\"\r\n")
        #expect(Self.records(String(decoding: csv.bytes, as: UTF8.self)) == [["a", "„x“, \"y\"", "z\nw"]])
        // Fields written from bytes: quotation marks at either end, alone, doubled, none.
        let fields = ["\"a\"", "\"", "\"\"", "", "b\"c\"d", "plain"]
        var cells = DataText()
        for (index, field) in fields.enumerated() { cells.cell(utf8: Array(field.utf8), first: index == 0) }
        cells.endRecord()
        #expect(Self.records(String(decoding: cells.bytes, as: UTF8.self)) == [fields])
    }

    @Test func jsonTextEscapesWhatJSONMust() throws {
        var json = DataText()
        json.object { json in
            json.field("text") { $0.string("\"\\\n\t\u{1}ü") }
            json.field("none") { $0.optional("") }
            json.field("list") { $0.strings(["a", "b"]) }
            json.field("number") { $0.double(1.5) }
            // Keys written in the code are copied as they are, ASCII or not, one letter long too; a key
            // made from data is escaped.
            json.field("x") { $0.int(1) }
            json.field("ü") { $0.int(2) }
            json.field(named: "person:\"kim\"") { $0.int(3) }
        }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        #expect(parsed["text"] as? String == "\"\\\n\t\u{1}ü")
        #expect(parsed["none"] is NSNull && parsed["list"] as? [String] == ["a", "b"] && parsed["number"] as? Double == 1.5)
        #expect(parsed["x"] as? Int == 1 && parsed["ü"] as? Int == 2 && parsed["person:\"kim\""] as? Int == 3)
    }

    /// Every ASCII byte at every place of a 20-byte run (the scan passes words of eight, then
    /// the rest) reads back from the JSON as it was: what JSON must escape is found wherever it is.
    @Test func jsonEscapesEveryByteWhereverItIs() throws {
        for value in UInt8(0)...UInt8(0x7F) {
            for place in 0..<20 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 20)
                bytes[place] = value
                var json = DataText()
                json.array { $0.string(utf8: bytes) }
                let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
                #expect(parsed == [String(decoding: bytes, as: UTF8.self)], "byte \(value) at \(place)")
            }
        }
    }

    /// RFC 4180 records (every field quoted, as Dossier writes them).
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\r\n" || character == "\n" {
                record.append(field)
                records.append(record)
                (record, field) = ([], "")
            }
        }
        return records
    }
}

/// The part of JSON Schema (2020-12) `docs/dossier.schema.json` uses: `type`, `required`,
/// `additionalProperties: false`, `properties`, `items`, `enum`, `oneOf` and local `$ref`.
struct JSONSchema {
    let root: [String: Any]

    init(_ data: Data) throws {
        root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    func problems(_ value: Any) -> [String] {
        check(value, against: root, at: "$")
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            return check(value, against: (root["$defs"] as! [String: Any])[name] as! [String: Any], at: path)
        }
        if let choices = schema["oneOf"] as? [[String: Any]] {
            let fitting = choices.filter { check(value, against: $0, at: path).isEmpty }.count
            return fitting == 1 ? [] : ["\(path): fits \(fitting) of the choices, not one"]
        }
        var problems: [String] = []
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as! String]
            if !types.contains(where: { Self.isOfType(value, $0) }) { return ["\(path): not \(types.joined(separator: " or "))"] }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) { problems.append("\(path): \(value) not allowed") }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): lacks \(key)") }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for (key, item) in object {
                if let property = properties[key] {
                    problems += check(item, against: property, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unknown \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += check(item, against: items, at: "\(path)[\(index)]") }
        }
        return problems
    }

    private static func isOfType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": value is NSNull
        case "string": value is String
        case "object": value is [String: Any]
        case "array": value is [Any]
        // The export has no booleans: a number is one.
        case "integer": (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": value is NSNumber
        default: false
        }
    }
}
