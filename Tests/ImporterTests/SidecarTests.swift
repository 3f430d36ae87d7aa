import Entities
import Foundation
import SourceText
import Testing
@testable import Importer

/// Per-file metadata from a sidecar (`name.yml` beside the raw file), and the article's language.
struct SidecarTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sidecar-\(UUID().uuidString)")
    var content: URL { root.appendingPathComponent("content") }
    static let registry = Registry([
        Entity(id: "russland", type: .place, name: "Russland", aliases: ["Russia"]),
        Entity(id: "wladimir-putin", type: .person, name: "Wladimir Putin", aliases: ["Putin", "Vladimir Putin"]),
    ])
    static let english = """
        Putin meets Kim in the Far East

        The Russian president said on Wednesday that the talks with the leader of the North were to be held at the \
        cosmodrome, and that it was the first visit of a foreign leader since the start of the pandemic. It has been \
        reported by the agency that he arrived by train from the capital with his delegation and that they were met \
        by officials of the region. Putin's hosts in Russia said the visit was a success.
        """

    func write(_ text: String, _ name: String) throws -> URL {
        let file = root.appendingPathComponent("in/\(name)")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func article(_ slug: String) throws -> String {
        try String(contentsOf: content.appendingPathComponent("articles/\(slug).md"), encoding: .utf8)
    }

    @Test func eachFileOfAFolderGetsItsOwnMetadata() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try write("Erster Bericht\n\nPutin kam nach Russland zurück.\n", "a.txt")
        _ = try write("outlet: Tagesschau\ndate: 2021-07-15\nurl: https://www.tagesschau.de/a\nauthors: [Anna Beispiel]\n", "a.yml")
        _ = try write("Zweiter Bericht\n\nPutin blieb in Russland.\n", "b.txt")
        _ = try write("outlet: WDR\ndate: 2021-07-16\ndateline: Köln\n", "b.yml")
        let importer = ArticleImporter(options: .init(content: content, outlet: "Fallback"), registry: Self.registry)
        let outcomes = try ArticleImporter.inputs([root.appendingPathComponent("in").path]).map(importer.importFile)
        #expect(outcomes.map(\.article) == ["content/articles/erster-bericht.md", "content/articles/zweiter-bericht.md"])
        let first = try article("erster-bericht"), second = try article("zweiter-bericht")
        #expect(first.contains("outlet: \"Tagesschau\"") && first.contains("date: \"2021-07-15\"") && first.contains("url: \"https://www.tagesschau.de/a\""))
        #expect(first.contains("authors: [\"Anna Beispiel\"]"))
        #expect(second.contains("outlet: \"WDR\"") && second.contains("date: \"2021-07-16\"") && second.contains("dateline: \"Köln\""))
        #expect(outcomes[1].found.contains("outlet WDR") && outcomes[1].empty.contains("url"))
        // The sidecar is kept beside the original, so a later import from raw/ finds it.
        #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("raw/b.yml").path))
    }

    @Test func aBadSidecarIsLocatedAndNothingIsWritten() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try write("Bericht\n\nPutin in Russland.\n", "c.txt")
        _ = try write("outlet: WDR\ndate: 2021-02-30\n", "c.yml")
        let importer = ArticleImporter(options: .init(content: content), registry: Self.registry)
        #expect { try importer.importFile(file) } throws: { "\($0)".contains("in/c.yml:2:7: error:") && "\($0)".contains("2021-02-30") }
        _ = try write("outlet: WDR\nsender: x\n", "c.yml")
        #expect { try importer.importFile(file) } throws: { "\($0)".contains("c.yml:2:1: error: unknown sidecar field 'sender'") }
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("articles").path))
    }

    @Test func theLanguageIsTheDossiersUnlessTheTextSaysOtherwise() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let english = try write(Self.english, "en.txt"), short = try write("Putin in Russia\n\nPutin is back.\n", "short.txt")
        let importer = ArticleImporter(options: .init(content: content, language: "de"), registry: Self.registry)
        _ = try importer.importFile(english)
        let text = try article("putin-meets-kim-in-the-far-east")
        #expect(text.contains("language: en\n"))
        // English rules: the possessive is part of the name, "Russian" is no mention of Russia.
        #expect(text.contains("[Putin's](person:wladimir-putin) hosts in [Russia](place:russland)"))
        #expect(text.contains("The Russian president"))
        // Too short to tell: the dossier's language.
        let enDossier = ArticleImporter(options: .init(content: content, language: "en"), registry: Self.registry)
        _ = try enDossier.importFile(short)
        #expect(try article("putin-in-russia").contains("language: en\n"))
        _ = try ArticleImporter(options: .init(content: content, language: "de"), registry: Self.registry).importFile(short)
        #expect(try article("putin-in-russia").contains("language: de\n"))
    }

    @Test func aPageDeclaresItsLanguage() throws {
        let page = "<html lang=\"en-GB\"><head><title>T</title></head><body><article><h1>Putin in Russia</h1><p>Putin is back.</p></article></body></html>"
        let article = try ArticleImporter.parse(Data(page.utf8), name: "p.html", display: "p.html")
        #expect(article.language == "en-GB")
    }
}
