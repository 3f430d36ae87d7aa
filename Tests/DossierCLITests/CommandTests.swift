import ArgumentParser
import Foundation
import Testing
@testable import DossierCLI

struct CommandTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    @Test func importAnnotateBuildAndCheckWorkTogether() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("content/entities/e.yml", "- id: wladimir-putin\n  type: person\n  name: Wladimir Putin\n  aliases: [Putin]\n- id: moskau\n  type: place\n  name: Moskau\n")
        try write("in/bericht.txt", "Putin bleibt in Moskau\n\nMoskau (dpa) - Wladimir Putin sprach am Mittwoch in Moskau mit Sergej Lawrow.\n\nSergej Lawrow nickte. Putins Sprecher schwieg.\n")
        try FileManager.default.createDirectory(atPath: path("Templates"), withIntermediateDirectories: true)
        let content = ["--content", path("content"), "--templates", path("Templates")]
        try Import.parse(content + [path("in")]).run()
        let article = try String(contentsOf: root.appendingPathComponent("content/articles/putin-bleibt-in-moskau.md"), encoding: .utf8)
        #expect(article.contains("[Wladimir Putin](person:wladimir-putin) sprach am Mittwoch in [Moskau](place:moskau) mit Sergej Lawrow."))
        #expect(article.contains("outlet: \"DPA\"") && article.contains("dateline: \"[Moskau](place:moskau)\""))

        try write("content/entities/more.yml", "- id: sergej-lawrow\n  type: person\n  name: Sergej Lawrow\n")
        // An editor's lock file beside the article being edited is not an article.
        try FileManager.default.createSymbolicLink(atPath: path("content/articles/.#putin-bleibt-in-moskau.md"), withDestinationPath: "redaktion@laptop.4711:1700000000")
        try Annotate.parse(content).run()
        let annotated = try String(contentsOf: root.appendingPathComponent("content/articles/putin-bleibt-in-moskau.md"), encoding: .utf8)
        #expect(annotated.contains("mit [Sergej Lawrow](person:sergej-lawrow)."))

        try Build.parse(content + ["--output", path("site"), "--no-search"]).run()
        #expect(FileManager.default.fileExists(atPath: path("site/persons/sergej-lawrow.html")))
        try Check.parse(content).run()

        try write("content/articles/kaputt.md", "---\ntitle: K\n---\n[X](person:unbekannt)\n")
        #expect(throws: ExitCode.failure) { try Check.parse(content).run() }
        #expect(throws: ExitCode.failure) { try Build.parse(content + ["--output", path("site"), "--no-search"]).run() }
        #expect(FileManager.default.fileExists(atPath: path("site/persons/sergej-lawrow.html")), "a failed build keeps the old site")
    }

    /// A new dossier builds at once and checks clean; a second init overwrites nothing; a
    /// folder without a dossier is refused with a pointer to init.
    @Test func initMakesADossierThatBuildsAtOnce() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try Init.parse([path("neu")]).run()
        try FileManager.default.createDirectory(atPath: path("neu/Templates"), withIntermediateDirectories: true)
        let content = ["--content", path("neu/content"), "--templates", path("neu/Templates")]
        try Build.parse(content + ["--output", path("neu/site"), "--no-search"]).run()
        for page in ["index.html", "persons/olaf-scholz.html", "places/berlin.html", "orgs/dpa.html"] {
            #expect(FileManager.default.fileExists(atPath: path("neu/site/\(page)")), "\(page)")
        }
        try Check.parse(content).run()
        let settings = try String(contentsOfFile: path("neu/content/dossier.yml"), encoding: .utf8)
        try write("neu/content/dossier.yml", "title: Eigenes\n")
        #expect(throws: ExitCode.failure) { try Init.parse([path("neu")]).run() }
        #expect(try String(contentsOfFile: path("neu/content/dossier.yml"), encoding: .utf8) == "title: Eigenes\n")
        #expect(settings.contains("# base_url:") && settings.contains("allow_raw_html: false"))
        #expect(throws: ExitCode.failure) { try Build.parse(["--content", path("leer/content"), "--output", path("leer/site"), "--no-search"]).run() }
        #expect(!FileManager.default.fileExists(atPath: path("leer")))
        try write("datei", "kein Ordner")
        #expect(throws: ExitCode.failure) { try Init.parse([path("datei")]).run() }
        #expect(try String(contentsOfFile: path("datei"), encoding: .utf8) == "kein Ordner")
    }

    /// A folder with files that cannot be imported (empty, binary) among good ones: each bad
    /// file is reported and the import fails, but the good ones before and after it are
    /// imported, a page without a title gets its first sentence, and the dossier builds.
    @Test func aBadFileInAFolderStopsOnlyItself() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try Init.parse([path("mappe")]).run()
        try write("in/a.txt", "Kim reist nach Russland\n\nDer Zug fuhr am Dienstag ab. Er kam an.\n")
        try write("in/b-leer.txt", "")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 1]).write(to: URL(fileURLWithPath: path("in/c-bild.txt")))
        try write("in/d.html", "<html><body><p>Putin zeigte Kim den Startplatz. Dann gab es ein Essen.</p></body></html>")
        let content = ["--content", path("mappe/content")]
        #expect(throws: ExitCode.failure) { try Import.parse(content + [path("in")]).run() }
        let articles = try FileManager.default.contentsOfDirectory(atPath: path("mappe/content/articles")).filter { $0 != ".keep" }.sorted()
        #expect(articles == ["kim-reist-nach-russland.md", "putin-zeigte-kim-den-startplatz.md"])
        let raw = try FileManager.default.contentsOfDirectory(atPath: path("mappe/content/raw")).filter { $0 != ".keep" }.sorted()
        #expect(raw == ["a.txt", "d.html"])
        try FileManager.default.createDirectory(atPath: path("mappe/Templates"), withIntermediateDirectories: true)
        try Build.parse(content + ["--templates", path("mappe/Templates"), "--output", path("mappe/site"), "--no-search"]).run()
        let page = try String(contentsOfFile: path("mappe/site/articles/putin-zeigte-kim-den-startplatz.html"), encoding: .utf8)
        #expect(page.contains("<title>Putin zeigte Kim den Startplatz"))
    }

    /// A new user's first hour: init, import a folder of articles with sidecars, take the
    /// suggestions into the registry, annotate, build; the suggested entities get their pages.
    @Test func aNewcomerGetsFromRawArticlesToEntityPages() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try Init.parse([path("flut")]).run()
        try write("in/ahr.txt", """
            Helfer kämpfen an der Ahr

            Ahrweiler (dpa) - Landrat Jürgen Pföhler sagte am Donnerstag, die Lage sei dramatisch. Helfer des Technischen \
            Hilfswerks waren im Einsatz, auch in Köln. Pföhler dankte dem Technischen Hilfswerk.

            Jürgen Pföhler besuchte später Köln.
            """)
        try write("in/ahr.yml", "date: 2021-07-15\nurl: https://example.org/ahr\n")
        try write("in/flood.txt", """
            Merkel visits the flood

            German Chancellor Angela Merkel visited the region on Sunday, the news agency Reuters reported. Merkel said the \
            Federal Agency for Technical Relief was working. It was the first visit since the flood, and the residents of the \
            valley were told that help was on the way. Merkel's spokesman said the talks were good. They had been planned \
            for weeks by the state and the federal government, and they were held in the town hall.
            """)
        try write("in/flood.yml", "outlet: Reuters\ndate: 2021-07-18\n")
        let content = ["--content", path("flut/content")]
        try Import.parse(content + [path("in")]).run()
        let flood = try String(contentsOfFile: path("flut/content/articles/merkel-visits-the-flood.md"), encoding: .utf8)
        #expect(flood.contains("outlet: \"Reuters\"") && flood.contains("date: \"2021-07-18\"") && flood.contains("language: en"))
        let ahr = try String(contentsOfFile: path("flut/content/articles/helfer-kaempfen-an-der-ahr.md"), encoding: .utf8)
        #expect(ahr.contains("outlet: \"DPA\"") && ahr.contains("date: \"2021-07-15\"") && ahr.contains("dateline: \"Ahrweiler\""))

        try Suggest.parse(content + ["--write", "vorschlaege"]).run()
        let suggested = try String(contentsOfFile: path("flut/content/entities/vorschlaege.yml"), encoding: .utf8)
        for entry in ["name: \"Jürgen Pföhler\"", "name: \"Technisches Hilfswerk\"", "name: \"Angela Merkel\"", "aliases: [\"Merkel\"]",
                      "name: \"Federal Agency for Technical Relief\"", "name: \"Köln\""] {
            #expect(suggested.contains(entry), "\(entry)")
        }
        // A curated registry file is never written; the suggestions' own file may be made again.
        let curated = try FileManager.default.contentsOfDirectory(atPath: path("flut/content/entities")).first { $0 != "vorschlaege.yml" }!
        #expect(throws: ExitCode.failure) { try Suggest.parse(content + ["--write", curated]).run() }
        try Suggest.parse(content + ["--write", "vorschlaege.yml"]).run()

        try Annotate.parse(content).run()
        try FileManager.default.createDirectory(atPath: path("flut/Templates"), withIntermediateDirectories: true)
        try Build.parse(content + ["--templates", path("flut/Templates"), "--output", path("flut/site"), "--no-search"]).run()
        let pfoehler = try String(contentsOfFile: path("flut/site/persons/juergen-pfoehler.html"), encoding: .utf8)
        #expect(pfoehler.contains("<mark>Jürgen Pföhler</mark> besuchte später Köln."))
        let thw = try String(contentsOfFile: path("flut/site/orgs/technisches-hilfswerk.html"), encoding: .utf8)
        #expect(thw.contains("des <mark>Technischen Hilfswerks</mark>") && thw.contains("dem <mark>Technischen Hilfswerk</mark>."))
        let merkel = try String(contentsOfFile: path("flut/site/persons/angela-merkel.html"), encoding: .utf8)
        #expect(merkel.contains("<mark>Merkel&#39;s</mark> spokesman") || merkel.contains("<mark>Merkel's</mark> spokesman"))
        #expect(FileManager.default.fileExists(atPath: path("flut/site/places/koeln.html")))
    }

    /// An article saved with Windows line ends is annotated as the build reads it, and keeps them.
    @Test func annotateTakesWindowsLineEnds() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("content/entities/e.yml", "- id: olaf-scholz\n  type: person\n  name: Olaf Scholz\n")
        try write("content/articles/crlf.md", "---\r\ntitle: T\r\n---\r\nHeute kam Olaf Scholz.\r\n")
        try FileManager.default.createDirectory(atPath: path("Templates"), withIntermediateDirectories: true)
        let content = ["--content", path("content"), "--templates", path("Templates")]
        try Annotate.parse(content).run()
        #expect(try String(contentsOfFile: path("content/articles/crlf.md"), encoding: .utf8) == "---\r\ntitle: T\r\n---\r\nHeute kam [Olaf Scholz](person:olaf-scholz).\r\n")
        try Build.parse(content + ["--output", path("site"), "--no-search"]).run()
        #expect(FileManager.default.fileExists(atPath: path("site/persons/olaf-scholz.html")))
    }

    @Test func badOptionsAreRejectedBeforeAnythingRuns() throws {
        #expect(throws: (any Error).self) { try Import.parse(["--date", "13.09.2023", "x.txt"]) }
        // The build's own rule: a month or day out of range would be imported and then rejected.
        #expect(throws: (any Error).self) { try Import.parse(["--date", "2023-13-01", "x.txt"]) }
        #expect(throws: (any Error).self) { try Import.parse(["--date", "2023-09-1", "x.txt"]) }
        #expect(try Import.parse(["--date", "2023-09", "x.txt"]).date == "2023-09")
        #expect(throws: (any Error).self) { try Build.parse(["--unknown"]) }
        // A mistyped templates folder would silently build with the built-in templates.
        #expect(throws: (any Error).self) { try Build.parse(["--templates", "/nicht/da/Tempaltes"]) }
    }
}
