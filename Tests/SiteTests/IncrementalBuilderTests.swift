import Foundation
import Testing
@testable import Site

struct IncrementalBuilderTests {
    /// A clean build of the same content into another folder, as the reference.
    func cleanBuild(_ dossier: TestDossier) throws -> [String: Data] {
        let reference = TestDossier(root: dossier.root, outputName: "clean")
        try? FileManager.default.removeItem(at: reference.output)
        try SiteBuilder(options: .init(content: dossier.root.appendingPathComponent("content"), output: reference.output)).build()
        return try reference.snapshot()
    }

    /// A preview killed while it wrote leaves a `.tmp` file, and content removed while no
    /// preview ran leaves its pages: the next preview's first rebuild removes both, so its
    /// output is a clean build's. The search index, made beside the build, stays.
    @Test func theFirstRebuildRemovesWhatABuildWouldNotWrite() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        try dossier.write("site/articles/treffen.html.4711.tmp", "<html>halb")
        try dossier.write("site/articles/entfernt.html", "<html>alt</html>")
        try dossier.write("site/pagefind/pagefind.js", "index")
        let builder = IncrementalBuilder(options: .init(content: dossier.root.appendingPathComponent("content"), output: dossier.output))
        let first = try builder.rebuild()
        #expect(first.removed.sorted() == ["articles/entfernt.html", "articles/treffen.html.4711.tmp"])
        var served = try dossier.snapshot()
        #expect(served.removeValue(forKey: "pagefind/pagefind.js") != nil)
        #expect(served == (try cleanBuild(dossier)))
    }

    @Test func aSequenceOfEditsEndsByteIdenticalToACleanBuild() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let builder = IncrementalBuilder(options: .init(content: dossier.root.appendingPathComponent("content"), output: dossier.output))
        let first = try builder.rebuild()
        #expect(first.renderedEverything)
        #expect(try dossier.snapshot() == cleanBuild(dossier))

        // Edit one article: it no longer mentions TASS, now mentions Russland.
        let edited = """
        ---
        title: Putin trifft Kim
        outlet: DPA
        date: 2023-09-13
        ---
        [Putin](person:wladimir-putin) traf [Kim Jong Un](person:kim-jong-un) in [Russland](place:russland).
        """
        try dossier.write("content/articles/treffen.md", edited)
        let edit = try builder.rebuild()
        #expect(!edit.renderedEverything)
        #expect(edit.written.contains("articles/treffen.html") && edit.written.contains("orgs/tass.html"))
        #expect(!edit.written.contains("articles/wien.html"), "an unaffected article page is not rewritten")
        #expect(try dossier.snapshot() == cleanBuild(dossier))

        // A text edit away from any mention leaves the entity pages alone.
        try dossier.write("content/articles/treffen.md", edited + "\n\nEin neuer Absatz ohne Namen.\n")
        let textOnly = try builder.rebuild()
        #expect(textOnly.written.contains("articles/treffen.html"))
        #expect(!textOnly.written.contains { $0.hasPrefix("persons/") || $0.hasPrefix("places/") })
        #expect(textOnly.rendered < edit.rendered)
        #expect(try dossier.snapshot() == cleanBuild(dossier))

        // Nothing changed: nothing is written.
        #expect(try builder.rebuild().written.isEmpty)

        // Add and remove articles, rename an entity id in the registry.
        try dossier.write("content/articles/neu.md", "---\ntitle: Neu\ndate: 2023-09-14\n---\nIn [Russland](place:russland) und am [Amur](place:amur).\n")
        try dossier.remove("content/articles/wien.md")
        try builder.rebuild()
        #expect(!dossier.exists("articles/wien.html"))
        #expect(try dossier.snapshot() == cleanBuild(dossier))

        try dossier.write("content/entities/entities.yml", TestDossier.registry.replacingOccurrences(of: "id: amur", with: "id: fluss-amur"))
        try dossier.write("content/articles/neu.md", "---\ntitle: Neu\ndate: 2023-09-14\n---\nIn [Russland](place:russland) und am [Amur](place:fluss-amur).\n")
        try dossier.write("content/articles/treffen.md", "---\ntitle: T\n---\nAm [Amur](place:fluss-amur).\n")
        let renamed = try builder.rebuild()
        #expect(!renamed.renderedEverything, "only the pages that show the renamed entity")
        #expect(renamed.removed.contains("places/amur.html"), "a renamed id leaves no stale page")
        #expect(try dossier.snapshot() == cleanBuild(dossier))
    }

    @Test func anEditRendersOnlyThePagesThatShowIt() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        func report(_ number: Int, _ sentence: String) -> String {
            "---\ntitle: Bericht \(number)\noutlet: DPA\ndate: 2023-08-\(String(format: "%02d", number))\n---\n\(sentence)\n"
        }
        for number in 1...30 {
            try dossier.write("content/articles/bericht-\(String(format: "%02d", number)).md", report(number, "[Putin](person:wladimir-putin) sprach (\(number))."))
        }
        let builder = IncrementalBuilder(options: .init(content: dossier.root.appendingPathComponent("content"), output: dossier.output))
        try builder.rebuild()
        #expect(dossier.exists("persons/wladimir-putin/2.html"))

        // Bericht 01 is Putin's oldest article, listed last, on his second page.
        try dossier.write("content/articles/bericht-01.md", report(1, "[Putin](person:wladimir-putin) schwieg (1)."))
        let sentence = try builder.rebuild()
        // The feed carries the article's body, so it changes too; and the data files with the sentence.
        #expect(Set(sentence.written) == ["articles/bericht-01.html", "persons/wladimir-putin/2.html", "feed.xml",
                                          "data/articles/bericht-01.json", "data/mentions.csv", "data/dossier.json"])
        #expect(sentence.rendered == 6, "no home, index or overview page: nothing they show changed")
        #expect(try dossier.snapshot() == cleanBuild(dossier))

        // A new spelling changes the overview on the first page, and the count on home and index.
        try dossier.write("content/articles/bericht-01.md", report(1, "[Putins](person:wladimir-putin) Schweigen (1)."))
        let spelling = try builder.rebuild()
        #expect(spelling.written.contains("persons/wladimir-putin.html") && spelling.written.contains("persons/wladimir-putin/2.html"))
        #expect(try dossier.snapshot() == cleanBuild(dossier))

        // A new date moves the article in the feed and on home.
        try dossier.write("content/articles/bericht-05.md", report(25, "[Putin](person:wladimir-putin) sprach (5)."))
        let date = try builder.rebuild()
        #expect(date.written.contains("index.html") && date.written.contains("feed.xml"))
        // Entity pages list newest first: the article moves from Putin's second page to his first.
        #expect(date.written.contains("persons/wladimir-putin.html") && date.written.contains("persons/wladimir-putin/2.html"))
        #expect(try dossier.snapshot() == cleanBuild(dossier))

        // Articles that stop naming Putin shrink his pages to one; the second page goes.
        for number in 1...10 {
            try dossier.write("content/articles/bericht-\(String(format: "%02d", number)).md", report(number, "Niemand sprach (\(number))."))
        }
        let fewer = try builder.rebuild()
        #expect(fewer.removed == ["persons/wladimir-putin/2.html"])
        #expect(try dossier.snapshot() == cleanBuild(dossier))

        // Removing and adding articles.
        for number in 11...13 { try dossier.remove("content/articles/bericht-\(number).md") }
        try dossier.write("content/articles/a-neu.md", report(1, "Am [Amur](place:amur) und mit [Putin](person:wladimir-putin)."))
        let reorganised = try builder.rebuild()
        #expect(reorganised.removed.sorted() == ["articles/bericht-11.html", "articles/bericht-12.html", "articles/bericht-13.html",
                                                 "data/articles/bericht-11.json", "data/articles/bericht-12.json", "data/articles/bericht-13.json"])
        #expect(try dossier.snapshot() == cleanBuild(dossier))
    }

    /// The note on a shared passage names the other articles' versions by their place in the
    /// text. An article with two versions in the middle of the date order names the versions
    /// around it; an edit that moves one (a sentence put before it) makes the note link the new
    /// place under `serve` too, not only in a clean build.
    @Test func aSharedPassagesNoteFollowsTheVersionsItNames() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let agency = "Nach Angaben der Agentur traf Putin am Mittwoch die Delegation aus dem Norden in der Stadt"
        func report(_ number: Int, _ text: String) -> String {
            "---\ntitle: Bericht \(number)\noutlet: DPA\ndate: 2023-08-0\(number)\n---\n\(text)\n"
        }
        let others = [1, 2, 3, 4, 6, 7, 8, 9]
        for number in others { try dossier.write("content/articles/bericht-\(number).md", report(number, "\(agency) (\(number)).")) }
        try dossier.write("content/articles/bericht-5.md", report(5, "\(agency) (5). Dazwischen steht ein ganz anderer Satz ohne jede Ähnlichkeit mit ihm. \(agency) (50)."))
        let builder = IncrementalBuilder(options: .init(content: dossier.root.appendingPathComponent("content"), output: dossier.output))
        try builder.rebuild()
        let page = try #require(String(data: dossier.snapshot()["articles/bericht-5.html"] ?? Data(), encoding: .utf8))
        #expect(page.components(separatedBy: "<span class=\"shared\"").count - 1 == 2, "both versions marked")
        for number in others {
            try dossier.write("content/articles/bericht-\(number).md", report(number, "Zuvor hatte die Regierung in einer langen Erklärung etwas anderes mitgeteilt. \(agency) (\(number))."))
            try builder.rebuild()
            let served = try dossier.snapshot(), clean = try cleanBuild(dossier)
            let differing = Set(served.keys).union(clean.keys).filter { served[$0] != clean[$0] }.sorted()
            #expect(differing.isEmpty, "after moving the version in bericht-\(number): \(differing)")
        }
    }

    @Test func aRegistryEditRendersOnlyThePagesOfTheEntitiesItChanges() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let builder = IncrementalBuilder(options: .init(content: dossier.root.appendingPathComponent("content"), output: dossier.output))
        try builder.rebuild()

        // A new description: Putin's page and the person index, nothing else.
        try dossier.write("content/entities/entities.yml", TestDossier.registry.replacingOccurrences(of: "Präsident Russlands", with: "Präsident der Russischen Föderation"))
        let details = try builder.rebuild()
        #expect(!details.renderedEverything)
        #expect(Set(details.written) == ["persons/wladimir-putin.html", "persons/index.html", "data/dossier.json", "data/entities.js", "data/entities.csv"])
        #expect(try dossier.read("persons/wladimir-putin.html").contains("Präsident der Russischen Föderation"))
        #expect(try dossier.snapshot() == cleanBuild(dossier))

        // A new entity before all others moves every position; an article starts to mention it.
        let added = "- id: xi-jinping\n  type: person\n  name: Xi Jinping\n" + TestDossier.registry
        try dossier.write("content/entities/entities.yml", added)
        try dossier.write("content/articles/wien.md", "---\ntitle: Blick aus Wien\noutlet: ORF\ndate: 2023-09-12\n---\nIn [Österreich](place:oesterreich) sprach man über [Putin](person:wladimir-putin) und [Xi](person:xi-jinping).\n")
        let entity = try builder.rebuild()
        #expect(!entity.renderedEverything)
        #expect(entity.written.contains("persons/xi-jinping.html") && entity.written.contains("articles/wien.html"))
        #expect(!entity.written.contains("articles/treffen.html"))
        #expect(try dossier.snapshot() == cleanBuild(dossier))

        // A new name is on every page that links the entity, and only there.
        try dossier.write("content/entities/entities.yml", added.replacingOccurrences(of: "name: Amur", with: "name: Fluss Amur"))
        let renamed = try builder.rebuild()
        #expect(renamed.written.contains("articles/treffen.html") && renamed.written.contains("places/amur.html"))
        #expect(!renamed.written.contains("articles/wien.html"), "an article without the entity is not rendered")
        #expect(!renamed.renderedEverything)
        #expect(try dossier.snapshot() == cleanBuild(dossier))
    }

    @Test func aTemplateEditRendersThePagesThatUseIt() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let templates = dossier.root.appendingPathComponent("Templates")
        try dossier.write("Templates/person.mustache", "{{<entity}}{{$facts}}<dt>Person</dt>{{/facts}}{{/entity}}\n")
        let options = SiteBuilder.Options(content: dossier.root.appendingPathComponent("content"), templates: templates, output: dossier.output)
        func clean() throws -> [String: Data] {
            let reference = TestDossier(root: dossier.root, outputName: "clean")
            try? FileManager.default.removeItem(at: reference.output)
            try SiteBuilder(options: .init(content: options.content, templates: templates, output: reference.output)).build()
            return try reference.snapshot()
        }
        let builder = IncrementalBuilder(options: options)
        try builder.rebuild()

        // The person template: person pages only.
        try dossier.write("Templates/person.mustache", "{{<entity}}{{$facts}}<dt>Mensch</dt>{{/facts}}{{/entity}}\n")
        let person = try builder.rebuild()
        #expect(!person.renderedEverything)
        #expect(Set(person.written) == ["persons/wladimir-putin.html", "persons/kim-jong-un.html"])
        #expect(person.rendered == 2)
        #expect(try dossier.snapshot() == clean())

        // The entity template is the parent of person, place and org pages.
        try dossier.write("Templates/entity.mustache", "{{<layout}}{{$main}}<h1>{{name}}</h1>{{$facts}}{{/facts}}{{/main}}{{/layout}}\n")
        let entity = try builder.rebuild()
        #expect(entity.written.contains("places/amur.html") && entity.written.contains("orgs/tass.html") && entity.written.contains("persons/kim-jong-un.html"))
        #expect(!entity.written.contains { $0.hasPrefix("articles/") || $0 == "index.html" })
        #expect(try dossier.snapshot() == clean())

        // The article template: articles are converted again for their bodies.
        try dossier.write("Templates/article.mustache", "{{<layout}}{{$main}}<article>{{{body}}}</article>{{/main}}{{/layout}}\n")
        let article = try builder.rebuild()
        #expect(Set(article.written) == ["articles/treffen.html", "articles/wien.html"])
        #expect(try dossier.snapshot() == clean())
    }

    /// A quote is shown in its article's quotation marks, with its language where that is not
    /// the site's: changing only the article's language changes the quotes pages under serve.
    @Test func anArticlesLanguageDecidesHowItsQuotesAreMarked() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        func write(language: String) throws {
            try dossier.write("content/articles/zitat.md", """
            ---
            title: Ein Zitat
            language: \(language)
            ---
            "We will be back tomorrow," [Putin](person:wladimir-putin) said.
            """)
        }
        try write(language: "de")
        let builder = IncrementalBuilder(options: .init(content: dossier.root.appendingPathComponent("content"), output: dossier.output))
        try builder.rebuild()
        #expect(try dossier.read("quotes.html").contains("<blockquote><a href=\"articles/zitat.html#wladimir-putin-1\">„We will be back tomorrow“</a>"))
        try write(language: "en")
        try builder.rebuild()
        for page in ["quotes.html", "persons/wladimir-putin.html"] {
            #expect(try dossier.read(page).contains("<blockquote lang=\"en\"><a href=\"") && dossier.read(page).contains("“We will be back tomorrow”</a>"), "\(page)")
        }
        #expect(try dossier.snapshot() == cleanBuild(dossier))
    }

    @Test func anAddedArticleTakesTheSamePlaceAsInACleanBuild() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let builder = IncrementalBuilder(options: .init(content: dossier.root.appendingPathComponent("content"), output: dossier.output))
        try builder.rebuild()
        // "treffen-2.md" sorts before "treffen.md" as a file name, after "treffen" as a slug:
        // entity pages list articles in one order whichever way the site was built.
        try dossier.write("content/articles/treffen-2.md", "---\ntitle: Noch ein Treffen\n---\n[Putin](person:wladimir-putin) traf [Kim Jong Un](person:kim-jong-un).\n")
        try builder.rebuild()
        #expect(try dossier.snapshot() == cleanBuild(dossier))
    }

    @Test func aBadEditKeepsTheSiteAndAFixRecovers() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let builder = IncrementalBuilder(options: .init(content: dossier.root.appendingPathComponent("content"), output: dossier.output))
        try builder.rebuild()
        let before = try dossier.snapshot()
        try dossier.write("content/articles/wien.md", "---\ntitle: Wien\n---\n[Xi](person:xi)\n")
        #expect(throws: (any Error).self) { try builder.rebuild() }
        #expect(try dossier.snapshot() == before)
        try dossier.write("content/articles/wien.md", "---\ntitle: Wien\n---\n[Putin](person:wladimir-putin) in Wien.\n")
        try builder.rebuild()
        #expect(try dossier.read("articles/wien.html").contains("in Wien."))
        #expect(try dossier.snapshot() == cleanBuild(dossier))
    }

    @Test func fullBuildKeepsTheModificationTimeOfUnchangedFiles() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        let page = dossier.output.appendingPathComponent("articles/wien.html").path
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: page)
        try dossier.write("content/articles/treffen.md", "---\ntitle: Anders\n---\nText.\n")
        try dossier.build()
        let modified = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date
        #expect(modified == old)
        #expect(try dossier.read("articles/treffen.html").contains("Anders"))
        // A change that keeps the page's size is still a change.
        try dossier.write("content/articles/treffen.md", "---\ntitle: Andere\n---\nText.\n")
        try dossier.build()
        let size = try dossier.read("articles/treffen.html").utf8.count
        try dossier.write("content/articles/treffen.md", "---\ntitle: Anderx\n---\nText.\n")
        try dossier.build()
        let changed = try dossier.read("articles/treffen.html")
        #expect(changed.contains("Anderx") && !changed.contains("Andere"))
        #expect(changed.utf8.count == size)
    }
}
