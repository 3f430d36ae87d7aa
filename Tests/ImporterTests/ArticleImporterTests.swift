import Entities
import Foundation
import Testing
@testable import Importer

struct ArticleImporterTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
    var content: URL { root.appendingPathComponent("content") }

    func importer(force: Bool = false, outlet: String? = nil) throws -> ArticleImporter {
        ArticleImporter(options: .init(content: content, force: force, outlet: outlet), registry: try Seeds.registry())
    }

    @Test func importCopiesTheOriginalAndWritesAnnotatedMarkdown() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let seed = Seeds.folder.appendingPathComponent("001_2693660c1e8186e1.txt")
        let outcome = try importer().importFile(seed)
        #expect(outcome.action == .written)
        #expect(outcome.article == "content/articles/russland-will-nordkorea-beim-bau-von-satelliten-helfen.md")
        #expect(try Data(contentsOf: content.appendingPathComponent("raw/001_2693660c1e8186e1.txt")) == Data(contentsOf: seed))
        let text = try String(contentsOf: content.appendingPathComponent("articles/russland-will-nordkorea-beim-bau-von-satelliten-helfen.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Russland will Nordkorea beim Bau von Satelliten helfen\"\noutlet: \"Reuters\"\nauthors: [\"Guy Faulconbridge\", \"Soo-hyang Choi\"]\ndate: \"2023-09\"\ndateline: \"Wladiwostok\"\nsource: \"raw/001_2693660c1e8186e1.txt\"\nlanguage: de\n"))
        #expect(text.contains("\n---\n[Russland](place:russland) will [Nordkorea](place:nordkorea) beim Bau von Satelliten helfen.\n"))
        #expect(text.contains("an der [Pazifik](place:pazifik)-Küste"))
    }

    @Test func reimportKeepsEditorChangesUnlessForced() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let seed = Seeds.folder.appendingPathComponent("000_d429acaccbe4d770.txt")
        let first = try importer().importFile(seed)
        let article = content.appendingPathComponent("articles/machthaber-unter-sich-wladimir-putin-und-kim-jong.md")
        #expect(try importer().importFile(seed).action == .unchanged)
        var edited = try String(contentsOf: article, encoding: .utf8)
        edited = edited.replacingOccurrences(of: "date: \"\"", with: "date: \"2023-09-13\"")
            .replacingOccurrences(of: "Der russische Präsident", with: "Der RUSSISCHE Präsident")
        try edited.write(to: article, atomically: true, encoding: .utf8)
        #expect(try importer().importFile(seed).action == .keptEditorChanges)
        #expect(try String(contentsOf: article, encoding: .utf8) == edited)
        #expect(try importer(force: true).importFile(seed).action == .written)
        let forced = try String(contentsOf: article, encoding: .utf8)
        #expect(!forced.contains("RUSSISCHE"), "--force rewrites the body")
        #expect(forced.contains("date: \"2023-09-13\""), "a field the import cannot find keeps the editor's value")
        #expect(first.mentions > 40)
    }

    @Test func optionsFillWhatTheTextLacksAndSurviveReimport() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let seed = Seeds.folder.appendingPathComponent("003_bb289220367ce069.txt")
        let outcome = try importer(outlet: "ORF").importFile(seed)
        #expect(!outcome.warnings.contains { $0.contains("no outlet") })
        _ = try importer().importFile(seed)
        let text = try String(contentsOf: content.appendingPathComponent("articles/putin-und-kim-betonten-zusammenarbeit.md"), encoding: .utf8)
        #expect(text.contains("outlet: \"ORF\""))
    }

    @Test func aDifferentRawFileOfTheSameNameIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let first = root.appendingPathComponent("a/bericht.txt"), second = root.appendingPathComponent("b/bericht.txt")
        for (file, text) in [(first, "Titel\n\nEin Satz."), (second, "Anderer Titel\n\nAnderer Satz.")] {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        _ = try importer().importFile(first)
        #expect(throws: SourceError.self) { try importer().importFile(second) }
        #expect(try String(contentsOf: content.appendingPathComponent("raw/bericht.txt"), encoding: .utf8) == "Titel\n\nEin Satz.")
    }

    @Test func reannotateIsIdempotentAndKeepsMarkers() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let file = content.appendingPathComponent("articles/a.md")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "---\ntitle: \"Kim Jong Un in Moskau\"\n---\nKim traf [Putin](-) in Moskau.\n".write(to: file, atomically: true, encoding: .utf8)
        let annotator = Reannotator(registry: try Seeds.registry())
        #expect(try annotator.annotate(file, display: "a.md").added == 2)
        let once = try String(contentsOf: file, encoding: .utf8)
        #expect(once == "---\ntitle: \"Kim Jong Un in Moskau\"\n---\n[Kim](person:kim-jong-un) traf [Putin](-) in [Moskau](place:moskau).\n")
        #expect(try annotator.annotate(file, display: "a.md").added == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == once)
    }
}
