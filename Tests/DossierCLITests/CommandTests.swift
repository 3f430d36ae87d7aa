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
        #expect(article.contains("outlet: \"DPA\"") && article.contains("dateline: \"Moskau\""))

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
