import Entities
import Foundation
import Importer
import SourceText
import Testing
@testable import Articles

/// The article file is written by the importer and read by the build: what one writes, the
/// other reads back, by the fast front matter reader and the YAML one alike.
struct ArticleFileTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh folder with `content/articles/`, and an importer into it with the dossier's registry.
    static func importing(into prefix: String) throws -> (folder: URL, content: URL, importer: ArticleImporter) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        let registry = try Registry.load(from: repository.appendingPathComponent("content/entities"))
        return (folder, content, ArticleImporter(options: .init(content: content), registry: registry))
    }

    /// The seeds imported as a user imports them, and the dossier's committed articles (an
    /// earlier import's output, annotated since): both readers give the same article.
    @Test func bothReadersAgreeOnWhatTheImporterWrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("articles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        let registry = try Registry.load(from: Self.repository.appendingPathComponent("content/entities"))
        let importer = ArticleImporter(options: .init(content: content), registry: registry)
        let seeds = Self.repository.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where name.hasSuffix(".txt") {
            _ = try importer.importFile(seeds.appendingPathComponent(name))
        }
        let imported = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("articles").path).map { content.appendingPathComponent("articles/\($0)") }
        let committed = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("content/articles").path)
            .map { Self.repository.appendingPathComponent("content/articles/\($0)") }
        #expect(imported.count == 5)
        var fast = 0
        for file in imported + committed {
            let text = try String(contentsOf: file, encoding: .utf8)
            let viaYAML = try Article.parse(text, slug: "a", file: file.lastPathComponent, reader: .yaml)
            #expect(try Article.parse(text, slug: "a", file: file.lastPathComponent) == viaYAML, "\(file.lastPathComponent)")
            #expect(!viaYAML.title.isEmpty && !viaYAML.body.isEmpty && viaYAML.source.hasPrefix("raw/"))
            if SimpleFrontMatter(try FrontMatter.split(text, file: "").yaml) != nil { fast += 1 }
            // Written again from what was read, the file reads back the same.
            let rewritten = ArticleFile.text(of: viaYAML)
            var reread = try Article.parse(rewritten, slug: "a", file: file.lastPathComponent)
            reread.bodyLine = viaYAML.bodyLine
            #expect(reread == viaYAML)
            #expect(ArticleFile.isUnchangedSinceImport(rewritten))
        }
        #expect(fast > 0, "some of the importer's articles take the fast reader")
    }

    /// The text before the body is kept byte for byte by `annotate`: `split` cuts exactly there.
    @Test func splitCutsAtTheBody() throws {
        let text = "---\ntitle: T\n---\n\n\nText [x](-).\n"
        let (head, body, line) = try ArticleFile.split(text, file: "a.md")
        #expect(head + body == text && body == "Text [x](-).\n" && line == 6)
        #expect(throws: SourceError.self) { try ArticleFile.split("title: T\n", file: "a.md") }
    }
}

struct FrontMatterTests {
    static let samples = [
        "title: \"Putin \\\"trifft\\\" Kim\"\noutlet: DPA\nauthors: [\"Guy Faulconbridge\", Soo-hyang Choi]\ndate: 2023-09\nteaser: \"\"\ncaptions: []\nimport_hash: 00ff",
        "title: Treffen um 12:30 Uhr\noutlet: ORF # Kommentar",
        "title: 'Einfach'\ndate: 2023-09-13",
        "title: T\ncaptions:\n  - text: Bild\n    credit: AP\n",
        "title: T\nauthors:\n  - A\n  - B\n",
        "title: T\ndate: 13.09.2023",
        "title: yes\noutlet: null",
        "title: Grüße aus Wostotschny\noutlet: Der Standard\nauthors: [Jürgen Müller, \"Anna \\\"A.\\\" Schmidt\"]\nteaser: \"Kim: \\\"Wir sind bereit\\\"\"",
        "title: \"Kim\\tPutin\"\n# Kommentar\n\ndate: 2023\noutlet: \u{00A0}DPA",
        "title: T\r\noutlet: DPA",
        "title: Off\nlanguage: de\nurl: https://example.org/a?b=1#c\nsource: x:y",
        "titel: T",
        "title: T\nauthors: [A, , B]\ndate: 2023-09-13",
        "title: T\nauthors: [A, \"\", B, ]",
        "title: Tee\u{0301}\noutlet: \u{0301}Agentur",
    ]

    /// Whatever the importer accepts, the build reads: a page without a title or headline gets
    /// its text's first sentence as title (cut at a word when long), in every input format; a
    /// file with no text is refused and leaves nothing behind (no article, no raw copy). An
    /// article whose title is empty is an error at the title's line, in both readers.
    @Test func everyImportedArticleHasATitleTheBuildReads() throws {
        let (folder, content, importer) = try ArticleFileTests.importing(into: "titles")
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "Die Delegation besichtigte die Startrampe ", count: 6) + "am Mittwoch. Danach sprachen beide."
        let titled: [(name: String, text: String, title: String)] = [
            ("ohne-titel.html", "<html><body><p>Putin empfing Kim am Kosmodrom. Es gab ein Dinner.</p><p>Zweiter Absatz.</p></body></html>", "[Putin](person:wladimir-putin) empfing Kim am Kosmodrom"),
            ("leerer-titel.html", "<html><head><title> </title></head><body><p>Kim reiste mit dem Zug an. Er blieb.</p></body></html>", "Kim reiste mit dem Zug an"),
            ("text-als.html", "Kim traf Putin in Russland. Es war ein Treffen.\n\nZweiter Absatz.\n", "Kim traf [Putin](person:wladimir-putin) in [Russland](place:russland)"),
            ("lang.html", "<p>\(long)</p>", String(long.prefix(160).split(separator: " ").dropLast().joined(separator: " ")) + "…"),
            ("lang.txt", "\(long)\n\nZweiter Absatz mit mehr Text.\n\nDritter Absatz.\n", String(long.prefix(160).split(separator: " ").dropLast().joined(separator: " ")) + "…"),
        ]
        // A sidecar's blank title is none.
        try Data("title: \"  \"\n".utf8).write(to: folder.appendingPathComponent("leerer-titel.yml"))
        for (name, text, title) in titled {
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            let outcome = try importer.importFile(file)
            #expect(outcome.warnings.contains("\(name): no headline found; the title is the first sentence, edit it in the front matter"), "\(name)")
            #expect(!outcome.warnings.contains { $0.contains("no title found") }, "\(name)")
            let written = try String(contentsOf: folder.appendingPathComponent(outcome.article), encoding: .utf8)
            let article = try Article.parse(written, slug: "a", file: name)
            #expect(article.title == title, "\(name)")
            #expect(try Article.parse(written, slug: "a", file: name, reader: .yaml).title == title, "\(name)")
        }
        for (name, text) in [("leer.txt", ""), ("leer.html", "  \n\n"), ("nur-bildnachweis.html", "<html><body><p>Foto: dpa</p></body></html>")] {
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            #expect { try importer.importFile(file) } throws: { "\($0)".contains("\(name): error: no article text found") }
            #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("raw/\(name)").path))
        }
        // Text that was all left out as other content: the error says what was left out.
        let labels = folder.appendingPathComponent("nur-kurze-zeilen.txt")
        try Data("Köln\nBonn\nAhrweiler\nAltenahr\n".utf8).write(to: labels)
        #expect { try importer.importFile(labels) } throws: {
            "\($0)".contains("no article text found") && "\($0)".contains("left out 4 short lines in a row as the labels of a map or chart (\"Köln\", \"Bonn\", \"Ahrweiler\", …)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("articles").path).count == titled.count)
        // Written by hand: empty, or blank (no heading, no words for its links), also inside a link.
        for title in ["\"\"", "\"  \"", "\"\\t\"", "\"[ ](person:wladimir-putin)\""] {
            let empty = "---\ntitle: \(title)\ndate: \"2023-09-13\"\n---\nText.\n"
            for reader in [Article.Reader.fastest, .yaml] {
                #expect { try Article.parse(empty, slug: "a", file: "a.md", reader: reader) } throws: {
                    "\($0)".hasPrefix("a.md:2:8: error: the article's 'title' is empty")
                }
            }
        }
    }

    /// Markdown as other tools write it: YAML or TOML front matter under the names they use
    /// (publisher, author, description, a timestamp as date), Markdown's marks read as such rather
    /// than kept as literal `**` and `[…](…)`; plain text saved as `.md` is still read as plain text;
    /// a page's date in any form is a date, and one that is none is left out rather than written
    /// for the build to refuse.
    @Test func markdownFromOtherToolsImportsAsItsFrontMatterAndMarksSay() throws {
        let (folder, _, importer) = try ArticleFileTests.importing(into: "markdown")
        defer { try? FileManager.default.removeItem(at: folder) }
        func imported(_ name: String, _ text: String) throws -> (article: Article, outcome: ArticleImporter.Outcome) {
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            let outcome = try importer.importFile(file)
            let written = try String(contentsOf: folder.appendingPathComponent(outcome.article), encoding: .utf8)
            let article = try Article.parse(written, slug: "a", file: name)
            #expect(try Article.parse(written, slug: "a", file: name, reader: .yaml) == article, "\(name)")
            return (article, outcome)
        }
        let yaml = try imported("obsidian.md", """
            ---
            title: "Ankunft im Osten – der Tag"
            date: 2023-09-13T08:00:00.000Z
            author: [Jane Doe, Max Muster]
            publisher: Tagesschau
            description: Der Zug kam am Morgen an.
            url: https://example.org/ankunft
            tags: [a, b]
            ---

            # Ankunft im Osten – der Tag

            Der Zug aus Pjöngjang hielt am Mittwoch an der Grenze. Die Delegation stieg um.

            ## Das Gespräch

            Die beiden sprachen **lange** über [Raumfahrt](https://example.org/raumfahrt) und `Raketen`.
            """)
        #expect(yaml.article.title == "Ankunft im Osten – der Tag")
        #expect(yaml.article.outlet == "Tagesschau" && yaml.article.date == "2023-09-13" && yaml.article.authors == ["Jane Doe", "Max Muster"])
        #expect(yaml.article.url == "https://example.org/ankunft" && yaml.article.teaser == "Der Zug kam am Morgen an.")
        #expect(yaml.article.body == "Der Zug aus [Pjöngjang](place:pjoengjang) hielt am Mittwoch an der Grenze. Die Delegation stieg um.\n\n## Das Gespräch\n\nDie beiden sprachen lange über Raumfahrt und Raketen.\n")
        #expect(!yaml.outcome.warnings.contains { $0.contains("no title") || $0.contains("no date") || $0.contains("no outlet") })

        let toml = try imported("hugo.md", "+++\ntitle = \"Gespräche im Kosmodrom\"\ndate = 2023-09-14\nauthors = [\"Erika Beispiel\"]\n+++\n\nDie Gespräche dauerten **vier** Stunden.\n")
        #expect(toml.article.title == "Gespräche im Kosmodrom" && toml.article.date == "2023-09-14" && toml.article.authors == ["Erika Beispiel"])
        #expect(toml.article.body == "Die Gespräche dauerten vier Stunden.\n")

        // An image on its own is a caption: its description, a credit in its title (its agencies linked as in
        // any credit); one with neither is left out, and so is a linked one (a teaser for another page).
        let pictured = try imported("bilder.md", """
            ---
            title: Am Startplatz
            ---

            Die Delegation kam am Morgen an.

            ![Die Rakete auf der Startrampe](rakete.jpg "Foto: Reuters/Sputnik")

            ![Der Bahnhof am Abend](bahnhof.jpg)

            ![](zierde.png)

            Dann begann das Gespräch.
            """)
        #expect(pictured.article.captions == [Article.Caption(text: "Die Rakete auf der Startrampe", credit: "[Reuters](org:reuters)/[Sputnik](org:sputnik)"),
                                              Article.Caption(text: "Der Bahnhof am Abend", credit: "")])
        #expect(pictured.article.body == "Die Delegation kam am Morgen an.\n\nDann begann das Gespräch.\n")
        let page = try imported("bild.html", """
            <html><body><h1>Am Bahnhof</h1><p>Der Zug hielt an der Grenze.</p>
            <p><img src="zug.jpg" alt="Der Zug an der Grenze" title="Bild: AP"></p><p>Dann fuhr er weiter.</p>
            <ul><li><a href="/andere"><img src="t.jpg" alt="Ein anderer Bericht"></a></li></ul>
            <p><a href="/noch-einer"><img src="t2.jpg" alt="Noch ein anderer Bericht"></a></p></body></html>
            """)
        #expect(page.article.captions == [Article.Caption(text: "Der Zug an der Grenze", credit: "[AP](org:associated-press)")])

        // A seed saved as .md reads as the .txt does: headline, caption with its credit.
        let seeds = ArticleFileTests.repository.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where name.hasSuffix(".txt") {
            let data = try Data(contentsOf: seeds.appendingPathComponent(name))
            let asText = try ArticleImporter.parse(data, name: "a.txt", display: "a.txt")
            var asMarkdown = try ArticleImporter.parse(data, name: "a.md", display: "a.md")
            asMarkdown.warnings = asMarkdown.warnings.map { $0.replacingOccurrences(of: "a.md:", with: "a.txt:") }
            #expect(asMarkdown == asText, "\(name)")
        }

        let dated = try imported("datum.html", "<html><head><meta name=\"date\" content=\"Sep 13, 2023\"></head><body><h1>Der Gipfel</h1><p>Es wurde gesprochen. Lange.</p></body></html>")
        #expect(dated.article.date == "2023-09-13")
        let undated = try imported("kein-datum.html", "<html><head><meta name=\"date\" content=\"gestern Abend, 2023\"></head><body><h1>Der andere Gipfel</h1><p>Es wurde gesprochen. Kurz.</p></body></html>")
        #expect(undated.article.date == "" && undated.outcome.warnings.contains { $0.contains("no date found") })
    }

    /// A list in a page, a Markdown file or a text file's bullets stays a list: its items one after
    /// another, not paragraphs without their full stops; a numbered one keeps its numbers.
    @Test func listsStayLists() throws {
        let (folder, _, importer) = try ArticleFileTests.importing(into: "lists")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = [
            ("liste.html", """
                <html><body><h1>Was besprochen wurde</h1><p>Die beiden sprachen über drei Themen:</p>
                <ul><li>Raumfahrt und Satelliten</li><li>Landwirtschaft</li><li>den Austausch von Studenten</li></ul>
                <p>Danach reisten sie weiter in den Osten.</p></body></html>
                """),
            ("liste.md", """
                ---
                title: Was besprochen wurde
                ---

                Die beiden sprachen über drei Themen:

                * Raumfahrt und Satelliten
                * Landwirtschaft
                * den Austausch von Studenten

                Danach reisten sie weiter in den Osten.
                """),
            ("liste.txt", """
                Was besprochen wurde

                Die beiden sprachen über drei Themen:

                • Raumfahrt und Satelliten

                • Landwirtschaft

                • den Austausch von Studenten

                Danach reisten sie weiter in den Osten.
                """),
        ]
        for (name, text) in sources {
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            let outcome = try importer.importFile(file)
            let written = try String(contentsOf: folder.appendingPathComponent(outcome.article), encoding: .utf8)
            let article = try Article.parse(written, slug: "a", file: name)
            #expect(article.title == "Was besprochen wurde", "\(name)")
            #expect(article.body == """
                Die beiden sprachen über drei Themen:

                - Raumfahrt und Satelliten
                - Landwirtschaft
                - den Austausch von Studenten

                Danach reisten sie weiter in den Osten.

                """, "\(name)")
        }
        // A numbered list keeps its numbers, from where it starts.
        let numbered = [
            (2, "nummern.html", """
                <html><body><h1>Die Schritte</h1><p>Zuerst kam der Zug an, dann:</p>
                <ol start="2"><li>die Besichtigung der Rampe</li><li>das Gespräch</li></ol><p>Am Abend reisten sie ab.</p></body></html>
                """),
            (2, "nummern.md", "---\ntitle: Die Schritte\n---\n\nZuerst kam der Zug an, dann:\n\n2. die Besichtigung der Rampe\n3. das Gespräch\n\nAm Abend reisten sie ab.\n"),
            // A start no Markdown list can have (more than nine digits, past Int's end) counts from 1.
            (1, "nummern-gross.html", """
                <html><body><h1>Die Schritte</h1><p>Zuerst kam der Zug an, dann:</p>
                <ol start="9223372036854775807"><li>die Besichtigung der Rampe</li><li>das Gespräch</li></ol><p>Am Abend reisten sie ab.</p></body></html>
                """),
        ]
        for (first, name, text) in numbered {
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            let written = try String(contentsOf: folder.appendingPathComponent(try importer.importFile(file).article), encoding: .utf8)
            #expect(try Article.parse(written, slug: "a", file: name).body == """
                Zuerst kam der Zug an, dann:

                \(first). die Besichtigung der Rampe
                \(first + 1). das Gespräch

                Am Abend reisten sie ab.

                """, "\(name)")
        }
    }

    @Test func fastReaderReadsWhatTheImporterWrites() throws {
        let fields = try #require(SimpleFrontMatter(FrontMatterTests.samples[7]))
        #expect(fields.values["title"]?.value == .scalar("Grüße aus Wostotschny"))
        #expect(fields.values["authors"]?.value == .list(["Jürgen Müller", "Anna \"A.\" Schmidt"]))
        #expect(fields.values["teaser"].map { [$0.line, $0.column] } == [4, 9])
        #expect(SimpleFrontMatter(FrontMatterTests.samples[0])?.values["captions"]?.value == .list([]))
        #expect(SimpleFrontMatter(FrontMatterTests.samples[9]) == nil, "carriage returns go to the YAML parser")
    }

    @Test(arguments: samples)
    func fastReaderAgreesWithTheYAMLParser(_ yaml: String) throws {
        let text = "---\n\(yaml)\n---\nText.\n"
        let viaYAML = Result { try Article.parse(text, slug: "a", file: "a.md", reader: .yaml) }
        let fast = Result { try Article.parse(text, slug: "a", file: "a.md") }
        switch (fast, viaYAML) {
        case (.success(let left), .success(let right)): #expect(left == right)
        case (.failure(let left), .failure(let right)): #expect("\(left)" == "\(right)")
        default: Issue.record("fast \(fast) vs YAML \(viaYAML)")
        }
    }
}

/// Fields with the body's link syntax: what is a link and what stays as written.
struct FieldTextTests {
    @Test func anEntityLinkAroundNothingIsALinkOtherEmptyBracketsStayAsWritten() {
        #expect(FieldText("[](person:kim-jong-un) kam").parts == [.link(text: "", destination: "person:kim-jong-un", offset: 0), .text(" kam")])
        #expect(FieldText("[](person:kim-jong-un)").plain == "")
        for literal in ["[](https://example.org)", "[](-)", "[](kim)", "[Video] Kim", "[](unbekannt:x)"] {
            #expect(FieldText(literal).plain == literal, "\(literal)")
        }
        #expect(FieldText("[Kim](person:kim-jong-un)").plain == "Kim")
    }
}
