import Foundation
import Testing
@testable import Preview
@testable import Site

struct PreviewSessionTests {
    @Test func aNewRegistryEntryAnnotatesOnlyArticlesThatNameIt() throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        try dossier.write("content/articles/wien.md", "---\ntitle: Wien\n---\nIn Wien sprach Karl Nehammer mit [Putin](person:wladimir-putin).\n")
        try dossier.write("content/articles/titel.md", "---\ntitle: Titel\n---\n## NEHAMMERS BESUCH\n\nText.\n")
        let untouched = "---\ntitle: Treffen\n---\n[Putin](person:wladimir-putin) kam an.\n"
        try dossier.write("content/articles/treffen.md", untouched)
        let session = PreviewSession(options: dossier.options)
        _ = try session.rebuild()

        // Only a new description: no article is annotated again.
        try dossier.write("content/entities/e.yml", "- id: wladimir-putin\n  type: person\n  name: Wladimir Putin\n  aliases: [Putin]\n  description: Präsident\n")
        #expect(try session.rebuild().summary.contains("registry changed, 0 mentions annotated"))

        try dossier.write("content/entities/e.yml", "- id: wladimir-putin\n  type: person\n  name: Wladimir Putin\n  aliases: [Putin]\n  description: Präsident\n"
            + "- id: karl-nehammer\n  type: person\n  name: Karl Nehammer\n  aliases: [Nehammer]\n")
        let note = try session.rebuild().summary
        #expect(note.contains("registry changed, 2 mentions annotated"), "\(note)")
        let wien = try String(contentsOf: dossier.root.appendingPathComponent("content/articles/wien.md"), encoding: .utf8)
        #expect(wien.contains("[Karl Nehammer](person:karl-nehammer)"))
        let page = try String(contentsOf: dossier.root.appendingPathComponent("site/articles/wien.html"), encoding: .utf8)
        #expect(page.contains(#"href="../persons/karl-nehammer.html""#))
        // Names in capitals, as in headlines, are found too; an article without the name is left as it was.
        let titel = try String(contentsOf: dossier.root.appendingPathComponent("content/articles/titel.md"), encoding: .utf8)
        #expect(titel.contains("[NEHAMMERS](person:karl-nehammer)"))
        #expect(try String(contentsOf: dossier.root.appendingPathComponent("content/articles/treffen.md"), encoding: .utf8) == untouched)
    }

    /// A file dropped into raw/ during serve takes its metadata from its sidecar; a sidecar
    /// written or changed later imports the file again. The sidecar itself is no article.
    @Test func aRawFileDroppedWithItsSidecarGetsItsMetadata() throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        let session = PreviewSession(options: dossier.options)
        _ = try session.rebuild()
        try dossier.write("content/raw/neu.yml", "outlet: WDR\ndate: 2021-07-15\n")
        try dossier.write("content/raw/neu.txt", "Putin reist nach Wien\n\nWladimir Putin reiste am Mittwoch nach Wien.\n")
        let note = try session.rebuild().summary
        #expect(note.contains("imported neu.txt as content/articles/putin-reist-nach-wien.md"), "\(note)")
        let article = dossier.root.appendingPathComponent("content/articles/putin-reist-nach-wien.md")
        #expect(try String(contentsOf: article, encoding: .utf8).contains("outlet: \"WDR\"\nauthors: []\ndate: \"2021-07-15\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dossier.root.appendingPathComponent("content/articles").path).sorted()
                == ["putin-reist-nach-wien.md", "treffen.md"])
        try dossier.write("content/raw/neu.yml", "outlet: Tagesschau\ndate: 2021-07-16\n")
        _ = try session.rebuild()
        #expect(try String(contentsOf: article, encoding: .utf8).contains("outlet: \"Tagesschau\"\nauthors: []\ndate: \"2021-07-16\""))
        let page = try String(contentsOf: dossier.root.appendingPathComponent("site/articles/putin-reist-nach-wien.html"), encoding: .utf8)
        #expect(page.contains("Tagesschau"))
    }

    /// A raw file that cannot be imported (here empty) is reported, but the file dropped with
    /// it is imported and built; it is reported again on each rebuild until it is fixed, and
    /// then imported.
    @Test func aRawFileThatCannotBeImportedKeepsNothingElseBack() throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        let session = PreviewSession(options: dossier.options)
        _ = try session.rebuild()
        try dossier.write("content/raw/a-leer.txt", "")
        try dossier.write("content/raw/b-gut.txt", "Putin reist nach Wien\n\nWladimir Putin reiste am Mittwoch nach Wien.\n")
        #expect { try session.rebuild() } throws: { "\($0)".contains("raw/a-leer.txt: error: no article text found") }
        let built = dossier.root.appendingPathComponent("site/articles/putin-reist-nach-wien.html")
        #expect(FileManager.default.fileExists(atPath: built.path))
        #expect { try session.rebuild() } throws: { "\($0)".contains("raw/a-leer.txt: error: no article text found") }
        try dossier.write("content/raw/a-leer.txt", "Kim reist nach Moskau\n\nKim Jong Un reiste am Dienstag nach Moskau.\n")
        let note = try session.rebuild().summary
        #expect(note.contains("imported a-leer.txt as content/articles/kim-reist-nach-moskau.md"), "\(note)")
        #expect(FileManager.default.fileExists(atPath: dossier.root.appendingPathComponent("site/articles/kim-reist-nach-moskau.html").path))
    }

    @Test func aKnownShortFormNewlyAmbiguousForAnotherEntityIsResolvedAgain() throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        let kims = "- id: wladimir-putin\n  type: person\n  name: Wladimir Putin\n  aliases: [Putin]\n"
            + "- id: kim-jong-un\n  type: person\n  name: Kim Jong Un\n  ambiguous: [Kim]\n"
            + "- id: kim-yo-jong\n  type: person\n  name: Kim Yo Jong\n"
        try dossier.write("content/entities/e.yml", kims)
        try dossier.write("content/articles/schwester.md", "---\ntitle: Die Schwester\n---\n[Kim Yo Jong](person:kim-yo-jong) reiste an. Kim sagte nichts.\n")
        let session = PreviewSession(options: dossier.options)
        _ = try session.rebuild()
        let article = dossier.root.appendingPathComponent("content/articles/schwester.md")

        // No name is new, but "Kim" now names Kim Yo Jong too, who was introduced.
        try dossier.write("content/entities/e.yml", kims + "  ambiguous: [Kim]\n")
        let note = try session.rebuild().summary
        #expect(note.contains("registry changed, 1 mentions annotated"), "\(note)")
        #expect(try String(contentsOf: article, encoding: .utf8).contains("[Kim](person:kim-yo-jong) sagte"))
    }

    @Test func theSearchIndexIsMadeAfterARebuildAndOnlyWhenPagesChanged() throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        // A stand-in for Pagefind that counts its runs in the site folder it is given.
        var options = dossier.options
        options.search = SearchIndexer(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "echo run >> \"$2/search-runs\"", "sh"])
        let session = PreviewSession(options: options)
        let runs = { (try? String(contentsOf: options.output.appendingPathComponent("search-runs"), encoding: .utf8))?.split(separator: "\n").count ?? 0 }

        _ = try session.rebuild()
        #expect(runs() == 0, "a rebuild writes pages and leaves the search index to later")
        #expect(try session.indexSearchIfStale())
        #expect(runs() == 1)
        #expect(try !session.indexSearchIfStale(), "nothing changed since")

        _ = try session.rebuild()
        #expect(try !session.indexSearchIfStale(), "a rebuild that wrote nothing leaves the index as it is")
        try dossier.write("content/articles/treffen.md", "---\ntitle: Treffen\n---\n[Putin](person:wladimir-putin) kam spät an.\n")
        _ = try session.rebuild()
        #expect(try session.indexSearchIfStale())
        #expect(runs() == 2)
    }
}
