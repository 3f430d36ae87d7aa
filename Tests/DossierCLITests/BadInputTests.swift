import ArgumentParser
import Foundation
import Testing
@testable import DossierCLI
@testable import Site

/// Bad input of every kind, one row each: `build` and `check` fail (non-zero exit) with a
/// message that names the file, line and column and says what to do, and afterwards the
/// content, the templates and the published site are byte for byte as they were.
struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Changes the good dossier in its folder.
        var change: @Sendable (BadDossier) throws -> Void
        /// What the message must say, place included.
        var expected: String
        /// Where `--content` points, if not at `content`.
        var contentFolder = "content"
        var testDescription: String { name }
    }

    static let article = "---\ntitle: Gut\ndate: 2023-09-13\n---\n[Scholz](person:olaf-scholz) in [Berlin](place:berlin).\n"

    static let cases: [Case] = [
        // Files that are not text, or not the text they claim to be.
        Case(name: "invalid UTF-8", change: { try $0.write("content/articles/x.md", bytes: Array("---\ntitle: T\n---\nK".utf8) + [0xF6, 0x6C, 0x6E]) },
             expected: "content/articles/x.md:4:2: error: the file is not UTF-8 text: save it as UTF-8"),
        Case(name: "empty article", change: { try $0.write("content/articles/leer.md", "") },
             expected: "content/articles/leer.md:1:1: error: no front matter: start the file with a '---' line"),
        Case(name: "binary file", change: { try $0.write("content/articles/bild.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]) },
             expected: "content/articles/bild.md:1:1: error: the file is not UTF-8 text"),
        Case(name: "NUL bytes in an article", change: { try $0.write("content/articles/x.md", bytes: Array("---\ntitle: T\n---\nab".utf8) + [0, 0, 0]) },
             expected: "content/articles/x.md:4:3: error: a NUL byte (U+0000): this looks like a binary file"),
        Case(name: "20 MB article", change: { try $0.write("content/articles/riesig.md", "---\ntitle: T\n---\n" + String(repeating: "Ein Satz über Berlin.\n", count: 1_000_000)) },
             expected: "content/articles/riesig.md: error: the article is 21.9 MB, more than the 8.0 MB an article may have: split it"),
        Case(name: "a line of 1,000,000 characters", change: { try $0.write("content/articles/zeile.md", "---\ntitle: T\n---\n" + String(repeating: "a", count: 1_000_000)) },
             expected: "content/articles/zeile.md:4:1: error: line 4 is 1000000 bytes long, more than the 200000 a line may have: break it into paragraphs"),
        Case(name: "control character in the body", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n---\nx\u{7}y\n") },
             expected: "content/articles/x.md:4:2: error: control character U+0007: remove it"),
        // Front matter.
        Case(name: "unterminated front matter", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n") },
             expected: "content/articles/x.md:1:1: error: front matter is not closed: add a '---' line after the YAML fields"),
        Case(name: "invalid YAML", change: { try $0.write("content/articles/x.md", "---\ntitle: [a, b\n---\nx\n") },
             expected: "content/articles/x.md:3:1: error: invalid YAML: did not find expected ',' or ']'"),
        Case(name: "wrong type", change: { try $0.write("content/articles/x.md", "---\ntitle: [a, b]\n---\nx\n") },
             expected: "content/articles/x.md:2:8: error: 'title' must be a single value"),
        Case(name: "impossible date", change: { try $0.write("content/articles/x.md", "---\ntitle: T\ndate: 2023-02-29\n---\nx\n") },
             expected: "content/articles/x.md:3:7: error: date '2023-02-29' does not exist: 2023-02 has 28 days"),
        Case(name: "control character as a YAML escape", change: { try $0.write("content/articles/x.md", "---\ntitle: \"T\\0\"\n---\nx\n") },
             expected: "content/articles/x.md:2:8: error: 'title': a NUL byte (U+0000)"),
        Case(name: "misspelt front matter field", change: { try $0.write("content/articles/x.md", "---\ntitle: T\ndte: 2023-09-13\n---\nx\n") },
             expected: "content/articles/x.md:3:1: error: unknown front matter field 'dte': did you mean 'date'?"),
        Case(name: "javascript: as the article's url", change: { try $0.write("content/articles/x.md", "---\ntitle: T\nurl: javascript:alert(1)\n---\nx\n") },
             expected: "content/articles/x.md:3:6: error: url: address 'javascript:alert(1)' is not a web address: write it in full, starting with https://"),
        // Registry.
        Case(name: "missing id", change: { try $0.append("content/entities/e.yml", "- type: person\n  name: X\n") },
             expected: "content/entities/e.yml:8:3: error: entity has no 'id': add 'id: …'"),
        Case(name: "duplicate id", change: { try $0.append("content/entities/e.yml", "- id: berlin\n  type: place\n  name: Berlin Mitte\n") },
             expected: "content/entities/e.yml:8:7: error: duplicate id 'berlin', first defined at content/entities/e.yml:5: give one of them another id"),
        Case(name: "alias claimed twice", change: { try $0.append("content/entities/e.yml", "- id: olaf-s\n  type: person\n  name: O S\n  aliases: [Scholz]\n") },
             expected: "content/entities/e.yml:8:7: error: alias 'Scholz' is claimed by olaf-scholz and olaf-s: keep it on one entity or list it under 'ambiguous' on both"),
        Case(name: "control character in the registry", change: { try $0.append("content/entities/e.yml", "- id: x\n  type: person\n  name: \"X\\x07\"\n") },
             expected: "content/entities/e.yml:10:9: error: 'name': control character U+0007: remove it"),
        Case(name: "unterminated YAML in the registry", change: { try $0.append("content/entities/e.yml", "- id: \"x\n") },
             expected: "content/entities/e.yml:9:1: error: invalid YAML: found unexpected end of stream"),
        Case(name: "a tab indenting the registry", change: { try $0.append("content/entities/e.yml", "- id: x\n\ttype: person\n") },
             expected: "content/entities/e.yml:9:1: error: invalid YAML: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces"),
        Case(name: "a tab indenting the front matter", change: { try $0.write("content/articles/x.md", "---\ntitle: X\n\tdate: 2023\n---\nx\n") },
             expected: "content/articles/x.md:3:1: error: invalid YAML: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces"),
        Case(name: "misspelt registry field", change: { try $0.append("content/entities/e.yml", "- id: x\n  type: person\n  name: X\n  alias: [Y]\n") },
             expected: "content/entities/e.yml:11:3: error: unknown entity field 'alias': did you mean 'aliases'?"),
        // Settings.
        Case(name: "duplicate setting", change: { try $0.write("content/dossier.yml", "title: T\ntitle: U\n") },
             expected: "content/dossier.yml:2:1: error: 'title' is given twice: keep one of them"),
        Case(name: "misspelt setting", change: { try $0.write("content/dossier.yml", "title: T\nbase_ulr: https://example.org/\n") },
             expected: "content/dossier.yml:2:1: error: unknown setting 'base_ulr': did you mean 'base_url'?"),
        Case(name: "base_url that is no web address", change: { try $0.write("content/dossier.yml", "base_url: not a url\n") },
             expected: "content/dossier.yml:1:11: error: base_url: address 'not a url' contains a space"),
        // Annotations in every link form.
        Case(name: "unknown entity in an inline link", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n---\nHeute [Xi](person:xi-jinping).\n") },
             expected: "content/articles/x.md:4:7: error: unknown entity 'person:xi-jinping': add it to content/entities/ or fix the id"),
        Case(name: "unknown entity after old Mac line ends (CR alone)", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n---\nErst\rdann [Xi](person:xi-jinping).\r") },
             expected: "content/articles/x.md:5:6: error: unknown entity 'person:xi-jinping'"),
        Case(name: "20,000 unknown annotations in one paragraph", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n---\n" + (0..<20_000).map { "[x](person:niemand-\($0))" }.joined(separator: "\n") + "\n") },
             expected: "content/articles/x.md: error: 19900 more annotation problems like those above: fix those, then run the build again"),
        Case(name: "unknown entity in a reference link", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n---\n[Olaf][o] kam.\n\n[o]: person:olaf-scholtz\n") },
             expected: "content/articles/x.md:6:1: error: unknown entity 'person:olaf-scholtz'"),
        Case(name: "unknown entity in angle brackets", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n---\nDa [x](<person:olaf-schulz>).\n") },
             expected: "content/articles/x.md:4:4: error: unknown entity 'person:olaf-schulz'"),
        Case(name: "unknown entity as an autolink", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n---\nDa <person:olaf-schulz>.\n") },
             expected: "content/articles/x.md:4:4: error: unknown entity 'person:olaf-schulz'"),
        Case(name: "malformed entity id", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n---\n[X](person:Olaf_Scholz)\n") },
             expected: "content/articles/x.md:4:1: error: malformed entity id 'person:Olaf_Scholz': write person:<slug>, like person:olaf-scholz"),
        Case(name: "annotation with a space, which CommonMark does not take as a link", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n---\nDa [x](person:Bad Id).\n") },
             expected: "content/articles/x.md:4:4: error: '[x](person:Bad Id)' is not a link: an entity id has no spaces"),
        Case(name: "unknown link scheme", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n---\n[x](persn:olaf-scholz)\n") },
             expected: "content/articles/x.md:4:1: error: link to 'persn:olaf-scholz': 'persn:' is not an entity type or a web address"),
        Case(name: "javascript: link in the body", change: { try $0.write("content/articles/x.md", "---\ntitle: T\n---\n[x](javascript:alert(1))\n") },
             expected: "content/articles/x.md:4:1: error: link to 'javascript:alert(1)'"),
        // Templates.
        Case(name: "unclosed section", change: { try $0.write("Templates/home.mustache", "<h1>{{title}}</h1>\n{{#articles}}\n") },
             expected: "Templates/home.mustache:2:1: error: unclosed section 'articles': add {{/articles}}"),
        Case(name: "missing brace", change: { try $0.write("Templates/home.mustache", "<h1>{{title}</h1>\n<p>{{description}}</p>\n{{x}}\n") },
             expected: "Templates/home.mustache:1:5: error: unclosed tag"),
        Case(name: "missing partial", change: { try $0.write("Templates/home.mustache", "{{>kopf}}") },
             expected: "Templates/home.mustache:1:1: error: unknown partial 'kopf': add Templates/kopf.mustache or fix the name"),
        Case(name: "partial that includes itself", change: { try $0.write("Templates/kopf.mustache", "x{{>kopf}}"); try $0.write("Templates/home.mustache", "{{>kopf}}") },
             expected: "Templates/kopf.mustache:1:2: error: '{{>kopf}}' expands without end (Templates/kopf → Templates/kopf)"),
        Case(name: "partials that include each other", change: { try $0.write("Templates/a.mustache", "{{>b}}"); try $0.write("Templates/b.mustache", "{{>a}}"); try $0.write("Templates/home.mustache", "{{>a}}") },
             expected: "Templates/a.mustache:1:1: error: '{{>b}}' expands without end (Templates/b → Templates/a → Templates/b)"),
        Case(name: "layout that inherits itself", change: { try $0.write("Templates/layout.mustache", "{{<layout}}{{/layout}}") },
             expected: "Templates/layout.mustache:1:1: error: '{{<layout}}' expands without end"),
        Case(name: "sections nested 20,000 deep", change: { try $0.write("Templates/home.mustache", String(repeating: "{{#a}}", count: 20_000) + String(repeating: "{{/a}}", count: 20_000)) },
             expected: "Templates/home.mustache:1:295: error: 'a' is nested more than 50 sections deep"),
        Case(name: "sections around a partial that includes itself", change: {
            try $0.write("Templates/tief.mustache", String(repeating: "{{#site}}", count: 49) + "{{>tief}}" + String(repeating: "{{/site}}", count: 49))
            try $0.write("Templates/entity.mustache", "{{>tief}}")
        }, expected: "Templates/tief.mustache:1:442: error: '{{>tief}}' expands without end (Templates/tief → Templates/tief)"),
        // Folders.
        Case(name: "mistyped content folder", change: { _ in }, expected: "contnet: error: the content folder (with dossier.yml, articles/ and entities/): there is no such folder", contentFolder: "contnet"),
        Case(name: "no articles folder", change: { try $0.remove("content/articles") },
             expected: "content/articles: error: the articles folder: there is no such folder"),
        Case(name: "articles is a file", change: { try $0.remove("content/articles"); try $0.write("content/articles", "") },
             expected: "content/articles: error: the articles folder: it is a file, not a folder"),
        Case(name: "articles is a symbolic link loop", change: { try $0.remove("content/articles"); try $0.link("content/articles", to: "articles") },
             expected: "content/articles: error: the articles folder: it is a symbolic link that points back to itself"),
        Case(name: "content folder is a symbolic link loop", change: { try $0.link("schleife", to: "schleife") },
             expected: "schleife: error: the content folder (with dossier.yml, articles/ and entities/): it is a symbolic link that points back to itself", contentFolder: "schleife"),
        Case(name: "misnamed registry folder", change: { try FileManager.default.moveItem(atPath: $0.path("content/entities"), toPath: $0.path("content/entitys")) },
             expected: "content/entities: error: the registry folder: there is no such folder; did you mean 'entitys'? (rename the folder or fix the path)"),
        Case(name: "no registry folder", change: { try $0.remove("content/entities") },
             expected: "content/entities: error: the registry folder: there is no such folder"),
    ]

    /// An output folder a build would replace whole must not be the dossier itself, or hold
    /// anything but a site: each is refused, and nothing changes.
    @Test(arguments: [
        ("content", "it is or holds the content folder"), ("content/site", "it lies inside the content folder"),
        ("", "it is or holds the content folder"), ("Templates", "it is or holds the templates folder"),
        ("content/articles/gut.md", "it lies inside the content folder"), ("notizen.txt", "it is a file"),
        ("anderes", "it holds files but no site"),
    ])
    func outputThatIsNotASiteFolderIsRefused(output: String, expected: String) throws {
        let dossier = try BadDossier()
        defer { dossier.cleanUp() }
        try dossier.write("notizen.txt", "wichtig")
        try dossier.write("anderes/brief.txt", "auch wichtig")
        let before = try dossier.snapshot()
        let options = SiteBuilder.Options(content: URL(fileURLWithPath: dossier.path("content")), templates: URL(fileURLWithPath: dossier.path("Templates")),
                                          output: URL(fileURLWithPath: dossier.path(output)))
        #expect { try SiteBuilder(options: options).build() } throws: { "\($0)".contains("error: not a folder to write the site into: \(expected)") }
        #expect { try IncrementalBuilder(options: options).rebuild() } throws: { "\($0)".contains(expected) }
        #expect(try dossier.snapshot() == before)
    }

    @Test(arguments: cases)
    func failsWithALocatedMessageAndChangesNothing(_ bad: Case) throws {
        let dossier = try BadDossier()
        defer { dossier.cleanUp() }
        try Build.parse(dossier.arguments(content: "content") + ["--output", dossier.path("site"), "--no-search"]).run()
        try bad.change(dossier)
        let before = try dossier.snapshot()

        let options = SiteBuilder.Options(content: URL(fileURLWithPath: dossier.path(bad.contentFolder)),
                                          templates: URL(fileURLWithPath: dossier.path("Templates")), output: URL(fileURLWithPath: dossier.path("site")))
        #expect { try SiteBuilder(options: options).build() } throws: { error in
            "\(error)".contains(bad.expected) || { Issue.record("build said: \(error)"); return false }()
        }
        let report = SiteChecker(options: options).check()
        #expect(report.errors.contains { "\($0)".contains(bad.expected) }, "check said: \(report.errors)")
        let arguments = dossier.arguments(content: bad.contentFolder)
        #expect(throws: ExitCode.failure) { try Build.parse(arguments + ["--output", dossier.path("site"), "--no-search"]).run() }
        #expect(throws: ExitCode.failure) { try Check.parse(arguments).run() }
        #expect(try dossier.snapshot() == before, "content, templates and site are as they were")
    }
}

extension BadInputTests {
    /// `check` lists every problem of a dossier in one run, sorted by file, line and column,
    /// where it used to stop at the first (a registry error hid every article's).
    @Test func checkReportsEveryProblemAtOnceSorted() throws {
        let dossier = try BadDossier()
        defer { dossier.cleanUp() }
        try dossier.write("content/dossier.yml", "title: T\nbase_ulr: https://example.org/\n")
        try dossier.append("content/entities/e.yml", "- id: Putin\n  type: person\n  name: Putin\n- id: x\n  type: thing\n  name: X\n")
        try dossier.write("content/articles/a.md", "---\ntitle: A\ndate: 2023-02-30\n---\nx\n")
        try dossier.write("content/articles/b.md", "---\ntitle: B\n---\n[X](person:xi) und [Y](persn:y)\n\n[Z](place:Bad Id)\n")
        try dossier.write("Templates/home.mustache", "{{#articles}}")
        try dossier.write("Templates/entity-index.mustache", "{{>fehlt}}")
        let report = SiteChecker(options: .init(content: URL(fileURLWithPath: dossier.path("content")), templates: URL(fileURLWithPath: dossier.path("Templates")),
                                                output: URL(fileURLWithPath: dossier.path("site")))).check()
        let located = report.errors.map { "\($0.file):\($0.line):\($0.column)" }
        #expect(located == [
            "Templates/entity-index.mustache:1:1", "Templates/home.mustache:1:1",
            "content/articles/a.md:3:7", "content/articles/b.md:4:1", "content/articles/b.md:4:20", "content/articles/b.md:6:1",
            "content/dossier.yml:2:1", "content/entities/e.yml:8:7", "content/entities/e.yml:12:9",
        ], "\(report.errors)")
    }
}

/// A good dossier in a temporary folder, for bad input to be put into.
struct BadDossier: Sendable {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString)")

    init() throws {
        try write("content/dossier.yml", "title: Gut\nlanguage: de\n")
        try write("content/entities/e.yml", "- id: olaf-scholz\n  type: person\n  name: Olaf Scholz\n  aliases: [Scholz]\n- id: berlin\n  type: place\n  name: Berlin\n")
        try write("content/articles/gut.md", BadInputTests.article)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Templates"), withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func arguments(content: String) -> [String] { ["--content", path(content), "--templates", path("Templates")] }

    func write(_ relative: String, _ text: String) throws { try write(relative, bytes: Array(text.utf8)) }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func append(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(try Data(contentsOf: root.appendingPathComponent(relative))) + Array(text.utf8))
    }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: path(relative)) }

    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
    }

    /// Every file and link under the root with its bytes (a link: where it points), not
    /// following links, so a link loop is a value like any other.
    func snapshot() throws -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        func walk(_ relative: String) throws {
            let full = path(relative)
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            switch attributes[.type] as? FileAttributeType {
            case .typeSymbolicLink?: found[relative] = Array(try FileManager.default.destinationOfSymbolicLink(atPath: full).utf8)
            case .typeDirectory?:
                found[relative + "/"] = []
                for name in try FileManager.default.contentsOfDirectory(atPath: full).sorted() { try walk(relative.isEmpty ? name : "\(relative)/\(name)") }
            default: found[relative] = Array(try Data(contentsOf: URL(fileURLWithPath: full)))
            }
        }
        try walk("")
        return found
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}
