import Entities
import Foundation
import Markdown
import SourceText
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
        #expect(text.hasPrefix("---\ntitle: \"[Russland](place:russland) will [Nordkorea](place:nordkorea) beim Bau von Satelliten helfen\"\noutlet: \"Reuters\"\nauthors: [\"[Guy Faulconbridge](person:guy-faulconbridge)\", \"[Soo-hyang Choi](person:soo-hyang-choi)\"]\ndate: \"2023-09\"\ndateline: \"[Wladiwostok](place:wladiwostok)\"\nsource: \"raw/001_2693660c1e8186e1.txt\"\nlanguage: de\n"))
        #expect(text.contains("\n---\n[Russland](place:russland) will [Nordkorea](place:nordkorea) beim Bau von Satelliten helfen.\n"))
        #expect(text.contains("an der [Pazifik](place:pazifik)-Küste"))
    }

    /// Two raw names that differ only in how "ü" is encoded (NFC "ü", NFD "u" + U+0308) are one
    /// name: the second file is refused rather than overwriting the first one's article.
    @Test func namesThatDifferOnlyInNormalisationAreOneName() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let composed = folder.appendingPathComponent("bericht-m\u{00FC}nchen.txt"), decomposed = folder.appendingPathComponent("bericht-mu\u{0308}nchen.txt")
        try Data("Treffen in München\n\nErster Bericht.\n".utf8).write(to: composed)
        try Data("Treffen in München\n\nZweiter, anderer Bericht.\n".utf8).write(to: decomposed)
        #expect(composed.path.utf8.count != decomposed.path.utf8.count)
        #expect(try importer().importFile(composed).action == .written)
        #expect { try importer().importFile(decomposed) } throws: { "\($0)".contains("a different file named 'bericht-m\u{00FC}nchen.txt' was imported before") }
        let article = try String(contentsOf: content.appendingPathComponent("articles/treffen-in-muenchen.md"), encoding: .utf8)
        #expect(article.contains("Erster Bericht."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("articles").path) == ["treffen-in-muenchen.md"])
    }

    /// A binary file is no article: refused before anything is written. Text with stray
    /// control characters is imported without them.
    @Test func binaryFilesAreRefusedAndControlCharactersDropped() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let binary = root.appendingPathComponent("bild.txt")
        try Data([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 1, 0, 1, 0x80, 0xFF]).write(to: binary)
        #expect { try importer().importFile(binary) } throws: { "\($0)".contains("bild.txt: error: byte 6 is NUL: this is a binary file, not an article") }
        #expect(!FileManager.default.fileExists(atPath: content.path))
        let text = root.appendingPathComponent("text.txt")
        try Data("Titel\u{7}\n\nEin Satz\u{1B} mit Steuerzeichen.\n".utf8).write(to: text)
        #expect(try importer().importFile(text).action == .written)
        let article = try String(contentsOf: content.appendingPathComponent("articles/titel.md"), encoding: .utf8)
        #expect(article.contains("title: \"Titel\"") && article.contains("Ein Satz mit Steuerzeichen."))
    }

    /// What web clippers write: Obsidian's Web Clipper and MarkDownload put the page's address
    /// under `source` and authors as linked notes; the address is the url, no outlet; the date
    /// published wins over the day it was clipped; an embedded file is left out, a link to a
    /// note is the words it shows. Hugo's TOML the same way.
    @Test func clippersFrontMatterGivesAddressAuthorsAndDate() throws {
        let clipped = """
        ---
        title: "Putin and Kim meet at Russian spaceport"
        source: "https://www.reuters.com/world/putin-kim-meet-2023-09-13/"
        author:
          - "[[Guy Faulconbridge]]"
          - "[[Josh Smith|Smith]]"
        created: 2024-01-05
        published: 2023-09-13
        site: "Reuters"
        tags: ["clippings"]
        ---
        North Korean leader Kim Jong Un invited Russian President Vladimir Putin to visit North Korea. Putin accepted.

        ![[Pasted image 20240105.png]]

        [[Kim Jong Un|Kim]] met [[Wladimir Putin]] at the cosmodrome.
        """
        let article = try ArticleImporter.parse(Data(clipped.utf8), name: "clip.md", display: "clip.md")
        #expect(article.blocks == ["North Korean leader Kim Jong Un invited Russian President Vladimir Putin to visit North Korea. Putin accepted.",
                                   "Kim met Wladimir Putin at the cosmodrome."], "\(article.blocks)")
        #expect(article.url == "https://www.reuters.com/world/putin-kim-meet-2023-09-13/")
        #expect(article.outlet == "Reuters")
        #expect(article.authors == ["Guy Faulconbridge", "Josh Smith"])
        #expect(article.date == "2023-09-13")
        let toml = "+++\ntitle = \"Kim in Wostotschny\"\nsource = \"https://example.org/kim\"\npublisher = \"dpa\"\n+++\nKim kam an. Putin wartete.\n"
        let hugo = try ArticleImporter.parse(Data(toml.utf8), name: "kim.md", display: "kim.md")
        #expect(hugo.url == "https://example.org/kim" && hugo.outlet == "dpa")
        // An outlet named under `source` stays the outlet.
        let named = try ArticleImporter.parse(Data("---\ntitle: Kim\nsource: AFP\n---\nKim kam an. Putin wartete.\n".utf8), name: "k.md", display: "k.md")
        #expect(named.outlet == "AFP" && named.url == nil)
        // An address that is not a valid one is neither the url nor the outlet.
        let broken = try ArticleImporter.parse(Data("---\ntitle: Kim\nsource: https://example.org/a b\n---\nKim kam an. Putin wartete.\n".utf8), name: "b.md", display: "b.md")
        #expect(broken.outlet.isEmpty && broken.url == nil)
    }

    /// An article clipped without an outlet (the Web Clipper's default template names none)
    /// takes the one other articles from its site name, from disk or from this import, else
    /// the site itself, and the warning says which; without an address it stays empty.
    @Test func anArticleWithoutAnOutletTakesItsSitesOutlet() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func clip(_ name: String, _ address: String?, site: String? = nil) throws -> ArticleImporter.Outcome? {
            var front = "title: \"\(name) title\"\n"
            if let address { front += "source: \"\(address)\"\n" }
            if let site { front += "site: \"\(site)\"\n" }
            let file = folder.appendingPathComponent("\(name).md")
            try Data("---\n\(front)---\nKim kam an. Putin wartete am Bahnsteig.\n".utf8).write(to: file)
            return try importer().importFile(file)
        }
        func outlet(_ name: String) throws -> String {
            let text = try String(contentsOf: content.appendingPathComponent("articles/\(name)-title.md"), encoding: .utf8)
            return text.split(separator: "\n").first { $0.hasPrefix("outlet: ") }.map { String($0.dropFirst(8)) } ?? ""
        }
        _ = try clip("erster", "https://www.tagesschau.de/ausland/a.html", site: "tagesschau")
        let second = try clip("zweiter", "https://TAGESSCHAU.de/ausland/b.html")
        #expect(try outlet("zweiter") == "\"tagesschau\"")
        #expect(second?.warnings.contains("zweiter.md: no outlet found; took 'tagesschau', as other articles from tagesschau.de do: change `outlet:` in the front matter if it goes by another name") == true, "\(second?.warnings ?? [])")
        #expect(second?.warnings.contains { $0.contains("no outlet found; left empty") } == false)
        let other = try clip("dritter", "https://user@www.example.org:8080/x?id=1")
        #expect(try outlet("dritter") == "\"example.org\"")
        #expect(other?.warnings.contains { $0.contains("took 'example.org', its address's site") } == true, "\(other?.warnings ?? [])")
        let none = try clip("vierter", nil)
        #expect(try ["", "\"\""].contains(outlet("vierter")))
        #expect(none?.warnings.contains("vierter.md: no outlet found; left empty, fill it in the front matter") == true, "\(none?.warnings ?? [])")

        // One importer: what it writes counts for the next file, and a name beats the site's.
        let one = try importer()
        for (name, site) in [("fuenfter", "Example News"), ("sechster", nil)] {
            let file = folder.appendingPathComponent("\(name).md")
            let front = "title: \"\(name) title\"\nsource: \"https://example.org/\(name)\"\n" + (site.map { "site: \"\($0)\"\n" } ?? "")
            try Data("---\n\(front)---\nKim kam an. Putin wartete am Bahnsteig.\n".utf8).write(to: file)
            _ = try one.importFile(file)
        }
        #expect(try outlet("sechster") == "\"Example News\"")
    }

    @Test func anAddressesSiteIsItsHostAsAReaderNamesIt() {
        #expect(WebAddress.site(of: "https://www.Tagesschau.de/ausland/x.html") == "tagesschau.de")
        #expect(WebAddress.site(of: "http://user:pw@news.example.org:8080/?q=1#top") == "news.example.org")
        #expect(WebAddress.site(of: "https://example.org.") == "example.org")
        #expect(WebAddress.site(of: "https://müller.de/x") == "müller.de")
        // No site: an address without a host, an IP address, localhost, a host no domain has.
        for notAnAddress in ["javascript:alert(1)", "example.org/page", "https:///path", "https://a b/c", "", "https://a:b@:80/",
                             "http://[::1]/x", "http://127.0.0.1/x", "http://localhost:8080/", "https://\(String(repeating: "a", count: 260)).de/"] {
            #expect(WebAddress.site(of: notAnAddress) == nil, "\(notAnAddress)")
        }
    }

    /// What editors save: UTF-8 with a byte order mark (which must not end up in the title or
    /// hide front matter), UTF-16 as Windows' "Unicode" (which is no binary file), in every format.
    @Test func byteOrderMarksAndUTF16AreText() throws {
        let samples: [(name: String, text: String, title: String)] = [
            ("a.txt", "Kim in Wladiwostok\n\nDer Zug kam an. Kim stieg aus.\n", "Kim in Wladiwostok"),
            ("b.md", "---\ntitle: \"Mit Vorspann\"\n---\n\nDer Text steht **hier**. Noch ein Satz.\n", "Mit Vorspann"),
            ("c.html", "<html><body><h1>Putin in Wostotschny</h1><p>Er wartete. Lange.</p></body></html>", "Putin in Wostotschny"),
        ]
        for (name, text, title) in samples {
            let encodings: [(String, Data)] = [("UTF-8 with BOM", Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))),
                                               ("UTF-16LE", text.data(using: .utf16LittleEndian).map { Data([0xFF, 0xFE]) + $0 }!),
                                               ("UTF-16BE", text.data(using: .utf16BigEndian).map { Data([0xFE, 0xFF]) + $0 }!)]
            for (encoding, data) in encodings {
                let article = try ArticleImporter.parse(data, name: name, display: name)
                #expect(article.title == title, "\(name) in \(encoding)")
                #expect(!article.blocks.joined().contains("\u{FEFF}") && !article.blocks.isEmpty, "\(name) in \(encoding)")
            }
        }
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
        // The title's "Kim" (an ambiguous alias) is resolved by the body's "Kim Jong Un", the
        // body's "Kim" by the title: an alias resolves from the whole article, fields included.
        try "---\ntitle: \"Kim in Moskau\"\nteaser: Kim Jong Un reist.\n---\nKim traf [Putin](-) in Moskau.\n".write(to: file, atomically: true, encoding: .utf8)
        let annotator = Reannotator(registry: try Seeds.registry(), language: "de")
        #expect(try annotator.annotate(file, display: "a.md").added == 5)
        let once = try String(contentsOf: file, encoding: .utf8)
        #expect(once == "---\ntitle: \"[Kim](person:kim-jong-un) in [Moskau](place:moskau)\"\nteaser: \"[Kim Jong Un](person:kim-jong-un) reist.\"\n---\n[Kim](person:kim-jong-un) traf [Putin](-) in [Moskau](place:moskau).\n")
        #expect(try annotator.annotate(file, display: "a.md").added == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == once)
    }

    /// Lists come out as Markdown lists: a page's numbered list with its numbers (from `start`),
    /// a bullet whose text starts like a number ("1. FC Köln") as a bullet with that text, and
    /// lines of a text file that start with the same dash, two or more, as a bulleted list.
    @Test func listsKeepTheirKindAndAClubsNumberStaysText() throws {
        func markdown(_ name: String, _ text: String) throws -> String {
            try ArticleImporter.markdown(of: ArticleImporter.parse(Data(text.utf8), name: name, display: name))
        }
        let page = """
        <html><body><article><h1>Bundesliga am Wochenende</h1><p>Am Samstag spielten diese Vereine, sagte der Sprecher der Liga:</p>
        <ul><li>1. FC Köln</li><li>Hertha BSC</li></ul><p>Die Tabelle danach sieht so aus, schrieb die Agentur:</p>
        <ol start="3"><li>Bayer Leverkusen</li><li>1. FC Union Berlin</li></ol><ol start="17"><li>VfL Bochum</li></ol><ol><li>Schalke 04</li></ol>
        <ul><li>Gelbe Karten: 4</li><li>&#xE001;Rote Karten: 1</li></ul><ul><li>Zuschauer: 48.000</li></ul>
        <p>Am Sonntag geht es weiter, hieß es.</p></article></body></html>
        """
        // Lists one after the other stay apart, each with its own numbers.
        let imported = try markdown("liga.html", page)
        #expect(imported == """
        Am Samstag spielten diese Vereine, sagte der Sprecher der Liga:

        - 1\\. FC Köln
        - Hertha BSC

        Die Tabelle danach sieht so aus, schrieb die Agentur:

        3. Bayer Leverkusen
        4. 1\\. FC Union Berlin
        17) VfL Bochum
        1. Schalke 04
        * Gelbe Karten: 4
        * Rote Karten: 1
        - Zuschauer: 48.000

        Am Sonntag geht es weiter, hieß es.

        """)
        let html = try String(decoding: MarkdownRenderer().renderUTF8(imported), as: UTF8.self)
        #expect(html.components(separatedBy: "<ol").count - 1 == 3)
        // Two bulleted lists one after the other, each a list of its own.
        #expect(html.contains("<ul>\n<li>Gelbe Karten: 4</li>\n<li>Rote Karten: 1</li>\n</ul>\n<ul>\n<li>Zuschauer: 48.000</li>\n</ul>"), "\(html)")
        #expect(html.contains("<ol start=\"17\">\n<li>VfL Bochum</li>") && html.contains("<ol>\n<li>Schalke 04</li>"))
        let text = """
        Bundesliga am Wochenende

        Am Samstag spielten diese Vereine, sagte der Sprecher der Liga:
        • 1. FC Köln
        • Hertha BSC
        Vereinbart wurde nach Angaben des Kreml:
        - Hilfe beim Bau von Satelliten
        - Austausch von Piloten
        – Das sagte der Sprecher am Abend.
        * Piloten
        * Techniker
        Am Sonntag geht es weiter, hieß es.
        """
        #expect(try markdown("liga.txt", text) == """
        Am Samstag spielten diese Vereine, sagte der Sprecher der Liga:

        - 1\\. FC Köln
        - Hertha BSC

        Vereinbart wurde nach Angaben des Kreml:

        - Hilfe beim Bau von Satelliten
        - Austausch von Piloten

        – Das sagte der Sprecher am Abend.

        - Piloten
        - Techniker

        Am Sonntag geht es weiter, hieß es.

        """)
        // Two runs of bullets in a row, each of its own dash or star, are two lists.
        let twoLists = try markdown("listen.txt", """
            Bundesliga am Wochenende

            Die Liga nannte am Abend diese Zahlen für die Vereine des Spieltags, sagte ein Sprecher:
            - Gelbe Karten
            - Rote Karten
            * Zuschauer
            * Tore
            Am Sonntag geht es weiter, hieß es.
            """)
        #expect(twoLists.contains("- Gelbe Karten\n- Rote Karten\n* Zuschauer\n* Tore\n"), "\(twoLists)")
    }
}
