import Foundation
import SourceText
import Testing
@testable import Site
import Entities

struct SiteBuilderTests {
    @Test func buildsEveryPageWithWorkingRelativeLinks() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let report = try dossier.build()
        for page in ["index.html", "articles/treffen.html", "articles/wien.html", "persons/wladimir-putin.html",
                     "persons/kim-jong-un.html", "places/amur.html", "orgs/tass.html", "persons/index.html",
                     "places/index.html", "orgs/index.html", "404.html", "feed.xml", "sitemap.xml", "assets/style.css"] {
            #expect(dossier.exists(page), "missing \(page)")
        }
        #expect(report.pagesByKind.first { $0.kind == "articles" }?.count == 2)
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
    }

    /// A known date is a `<time datetime>`; an unknown one is not a `<time>` at all (one
    /// without `datetime` must hold a date, not "Datum unbekannt"), wherever articles are listed.
    @Test func onlyKnownDatesAreMarkedAsTimes() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/ohne-datum.md", "---\ntitle: Ohne Datum\noutlet: ORF\n---\n[Putin](person:wladimir-putin) schwieg.\n")
        try dossier.build()
        for page in ["index.html", "articles/ohne-datum.html", "articles/treffen.html", "persons/wladimir-putin.html"] {
            let html = try dossier.read(page)
            let times = html.components(separatedBy: "<time").count - 1
            #expect(times == html.components(separatedBy: "<time datetime=\"").count - 1, "\(page) has a <time> without datetime")
        }
        #expect(try dossier.read("articles/treffen.html").contains(#"<time datetime="2023-09-13">13. September 2023</time>"#))
        #expect(try dossier.read("articles/ohne-datum.html").contains(#"<span class="date-unknown">Datum unbekannt</span>"#))
        #expect(try dossier.read("persons/wladimir-putin.html").contains(#"<span class="date-unknown">Datum unbekannt</span>"#))
        #expect(try dossier.read("persons/wladimir-putin.html").contains(#"<time datetime="2023-09-13">13. September 2023</time>"#))
    }

    /// The timeline groups articles by their date as written, newest first, by outlet within a
    /// date and the undated last; the feed never dates an undated article 1970.
    @Test func theTimelineAndTheFeedKeepUndatedArticlesApart() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/ohne-datum.md", "---\ntitle: Ohne Datum\noutlet: ORF\n---\n[Putin](person:wladimir-putin) schwieg.\n")
        try dossier.write("content/articles/monat.md", "---\ntitle: Im Monat\noutlet: AFP\ndate: 2023-09\n---\nText.\n")
        try dossier.write("content/articles/zweite.md", "---\ntitle: Zweite\noutlet: AFP\ndate: 2023-09-13\n---\nText.\n")
        try dossier.build()
        let timeline = try dossier.read("timeline.html")
        let headings = timeline.matches(of: /<h2>(.*?) <span class="count">(\d+)<\/span><\/h2>/).map { "\($0.1)|\($0.2)" }
        #expect(headings == [#"<time datetime="2023-09-13">13. September 2023</time>|2"#, #"<time datetime="2023-09-12">12. September 2023</time>|1"#,
                             #"<time datetime="2023-09">September 2023</time>|1"#, "Datum unbekannt|1"])
        let first = try #require(timeline.range(of: "Zweite")), second = try #require(timeline.range(of: "Putin trifft Kim"))
        #expect(first.lowerBound < second.lowerBound, "AFP before DPA on one day")
        let feed = try dossier.read("feed.xml")
        #expect(!feed.contains("1970"))
        let undated = try #require(feed.range(of: "<title>Ohne Datum</title>"))
        let end = try #require(feed[undated.upperBound...].range(of: "</entry>"))
        // An entry names an author: the authors, else the outlet, else the dossier.
        #expect(!feed.contains("<name></name>"))
        #expect(feed.contains("<name>ORF</name>"))
        #expect(feed[undated.upperBound..<end.lowerBound].contains("<updated>2023-09-13T00:00:00Z</updated>"), "as new as the newest dated article")
    }

    /// Without `base_url` the feed's and the sitemap's addresses are relative: build and check say so.
    @Test func aMissingBaseURLIsWarnedAbout() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let checker = SiteChecker(options: .init(content: dossier.root.appendingPathComponent("content"), output: dossier.output))
        #expect(try dossier.build().warnings.contains { $0.hasPrefix("content/dossier.yml: no base_url") })
        #expect(checker.check().warnings.contains { $0.hasPrefix("content/dossier.yml: no base_url") })
        try dossier.write("content/dossier.yml", "title: Testdossier\nlanguage: de\nbase_url: https://example.org/dossier/\n")
        #expect(try dossier.build().warnings == [])
        // The 404 page's links start at the address's path, and are the site's own, not errors.
        let report = checker.check()
        #expect(report.warnings == [])
        #expect(report.errors.map(\.description) == [])
        #expect(try dossier.read("404.html").contains(#"href="/dossier/persons/index.html""#))
    }

    /// Pages are counted by kind once each, also when an id or outlet ends in "index".
    @Test func theReportCountsEachPageOnceByItsKind() {
        let counts = SiteBuilder.count(["index.html", "persons/index.html", "persons/peter-index.html", "persons/putin/2.html",
                                        "outlets/index.html", "outlets/outlet-index.html", "outlets/dpa.html", "timeline.html",
                                        "feeds/outlets/dpa.xml", "assets/style.css", "articles/a.html", "quotes.html", "quotes/putin.html"])
        #expect(counts.map { "\($0.kind) \($0.count)" } == ["articles 1", "persons 2", "places 0", "orgs 0", "outlets 2", "speakers' quotes 1",
                                                           "other pages 5", "assets and feeds 2"])
    }

    @Test func mentionsBecomeTypedLinksWithStableAnchors() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        let article = try dossier.read("articles/treffen.html")
        #expect(article.contains(#"<a class="mention person" id="wladimir-putin-1" href="../persons/wladimir-putin.html" title="Wladimir Putin">Putin</a>"#))
        #expect(article.contains(#"<a class="mention person" id="wladimir-putin-2" href="../persons/wladimir-putin.html" title="Wladimir Putin">Putins</a>"#))
        #expect(article.contains(#"<a class="mention place" id="amur-1" href="../places/amur.html" title="Amur">Amur</a>"#))
    }

    /// Links to entities are written from one table of their pages' paths (`PackedTexts`) behind
    /// each page's way back to the root: the same links from the home page, an article's side
    /// panel and an entity's index, and the search's keys of an article in their order.
    @Test func entityLinksLeadToTheEntityFromPagesAtEveryDepth() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        #expect(try dossier.read("index.html").contains(#"<a class="entity person" href="persons/wladimir-putin.html">Wladimir Putin</a>"#))
        let article = try dossier.read("articles/treffen.html")
        #expect(article.contains(#"<li><a class="entity person" href="../persons/wladimir-putin.html">Wladimir Putin</a> <span class="count">2</span></li>"#))
        #expect(article.contains(#"<li><a class="entity place" href="../places/amur.html">Amur</a>"#))
        #expect(article.contains(#"data-pagefind-meta="entities:org:tass person:kim-jong-un person:wladimir-putin place:amur place:russland""#))
        #expect(try dossier.read("persons/index.html").contains(#"href="../persons/kim-jong-un.html">Kim Jong Un</a>"#))
        var bytes: [UInt8] = []
        let texts = PackedTexts(["persons/a.html", "", "places/wien.html", "orte/köln.html"])
        for number in [2, 1, 0, 3] { texts.append(number, to: &bytes) }
        #expect(texts.count == 4)
        #expect(String(decoding: bytes, as: UTF8.self) == "places/wien.htmlpersons/a.htmlorte/köln.html")
    }

    @Test func entityPageListsEachMentionWithItsSentenceAndLinksToTheSpot() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        let page = try dossier.read("persons/wladimir-putin.html")
        #expect(page.contains(#"<a class="context" href="../articles/treffen.html#wladimir-putin-1"><mark>Putin</mark> traf Kim Jong Un am Amur.</a>"#))
        #expect(page.contains(#"<a class="context" href="../articles/treffen.html#wladimir-putin-2"><mark>Putins</mark> Gast blieb in Russland.</a>"#))
        #expect(page.contains(#"<a class="context" href="../articles/wien.html#wladimir-putin-3">"#) == false)
        #expect(page.contains(#"<a class="context" href="../articles/wien.html#wladimir-putin-1">In Österreich sprach man über <mark>Putin</mark>.</a>"#))
        #expect(page.contains("Präsident Russlands"))
        #expect(page.contains(#"<a href="https://www.wikidata.org/wiki/Q7747">Q7747</a>"#))
        // Appears with: co-mentioned in the same sentence, with counts.
        #expect(page.contains(#"<a class="entity person" href="../persons/kim-jong-un.html">Kim Jong Un</a> <span class="count">1</span>"#))
        #expect(page.contains(#"<span class="outlet">DPA <span class="count">1</span></span>"#))
        #expect(page.contains(#"<span class="surface">Putin <span class="count">2</span></span>"#))
    }

    @Test func entityPagesListEachArticlesSummaryEscapedOnceWithEmptyFieldsFalse() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/zitat.md", """
        ---
        title: "Putin & Kim: \\"<Gipfel>\\" in O'Brien's Sicht"
        date: 2023-09-14
        teaser: Zwei & zwei
        authors: [Anna Berg, Jan Ott]
        ---
        [Putin](person:wladimir-putin) sprach.
        """)
        try dossier.build()
        let page = try dossier.read("persons/wladimir-putin.html")
        #expect(page.contains(#"<h3><a href="../articles/zitat.html">Putin &amp; Kim: &quot;&lt;Gipfel&gt;&quot; in O&#39;Brien&#39;s Sicht</a></h3>"#))
        // No outlet: the section over it is false, as for a string.
        #expect(page.contains(#"<p class="meta"><time datetime="2023-09-14">14. September 2023</time></p>"#))
        #expect(page.contains(#"<p class="meta"><span class="outlet">DPA</span> · <time datetime="2023-09-13">13. September 2023</time></p>"#))
        // Every field of the summary reaches a dossier's own template, escaped by `{{…}}`.
        try dossier.write("Templates/person.mustache", """
        {{#groups}}[{{title}}|{{outlet}}|{{^outlet}}none{{/outlet}}|{{teaser}}|{{date}}|{{dateText}}|{{authors}}|{{url}}]
        {{/groups}}
        """)
        try dossier.build(templates: "Templates")
        let custom = try dossier.read("persons/wladimir-putin.html")
        #expect(custom.contains("[Putin &amp; Kim: &quot;&lt;Gipfel&gt;&quot; in O&#39;Brien&#39;s Sicht||none|Zwei &amp; zwei|2023-09-14|14. September 2023|Anna Berg, Jan Ott|../articles/zitat.html]"))
        #expect(custom.contains("|DPA||"))
    }

    @Test func aCompanionCountsOncePerSentenceHoweverOftenItIsNamedThere() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/treffen.md", """
        ---
        title: Treffen
        outlet: DPA
        date: 2023-09-13
        ---
        [Putin](person:wladimir-putin) traf [Kim](person:kim-jong-un), und [Kim](person:kim-jong-un) lachte. Danach sprach [Kim](person:kim-jong-un) mit [Putin](person:wladimir-putin) und [Putin](person:wladimir-putin).
        """)
        try dossier.build()
        // Two sentences name both: two, not the three or six mentions of Kim.
        #expect(try dossier.read("persons/wladimir-putin.html").contains(#"<a class="entity person" href="../persons/kim-jong-un.html">Kim Jong Un</a> <span class="count">2</span>"#))
        #expect(try dossier.read("persons/kim-jong-un.html").contains(#"<a class="entity person" href="../persons/wladimir-putin.html">Wladimir Putin</a> <span class="count">2</span>"#))
    }

    @Test func aFrequentEntityIsPaginatedWithItsOverviewOnTheFirstPage() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        for number in 1...30 {
            let slug = String(format: "bericht-%02d", number)
            try dossier.write("content/articles/\(slug).md", """
            ---
            title: Bericht \(number)
            outlet: DPA
            date: 2023-08-\(String(format: "%02d", number))
            ---
            [Putin](person:wladimir-putin) sprach in [Russland](place:russland) (Nummer \(number)).
            """)
        }
        try dossier.build()
        let first = try dossier.read("persons/wladimir-putin.html")
        let second = try dossier.read("persons/wladimir-putin/2.html")
        // 32 articles mention Putin: 25 on the first page, 7 on the second, each with its sentences.
        #expect(first.components(separatedBy: #"<section class="mention-group">"#).count - 1 == 25)
        #expect(second.components(separatedBy: #"<section class="mention-group">"#).count - 1 == 7)
        #expect(first.contains(#"<a rel="next" href="../persons/wladimir-putin/2.html">"#))
        #expect(second.contains(#"<a rel="prev" href="../../persons/wladimir-putin.html">"#))
        // Newest first: the two September articles open the first page, August's oldest end the second.
        let groups = first.components(separatedBy: #"<section class="mention-group">"#).dropFirst()
        #expect(groups.first?.contains("articles/treffen.html") == true)
        #expect(groups.dropFirst().first?.contains("articles/wien.html") == true)
        #expect(second.contains(#"<a class="context" href="../../articles/bericht-01.html#wladimir-putin-1"><mark>Putin</mark> sprach in Russland (Nummer 1).</a>"#))
        #expect(!second.contains("articles/wien.html"))
        // Spellings, outlets and company are the overview: on the first page, not repeated on every page.
        #expect(first.contains(#"<section class="companions">"#) && first.contains(#"<span class="surface">Putin <span class="count">32</span></span>"#))
        #expect(!second.contains(#"<section class="companions">"#) && !second.contains(#"class="surface""#))
        #expect(second.contains("Wladimir Putin"))
        #expect(!dossier.exists("persons/wladimir-putin/3.html"))
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
    }

    /// An entity's company counts each companion once per sentence, most frequent first, the
    /// same for a rare entity in a large registry (counted sparsely) as in a small one.
    @Test func companyIsCountedOncePerSentenceInSmallAndLargeRegistries() throws {
        for extra in [0, 300] {
            let dossier = try TestDossier.standard()
            defer { dossier.cleanUp() }
            let more = (0..<extra).map { "- id: person-\($0)\n  type: person\n  name: Person \($0)\n" }.joined()
            try dossier.write("content/entities/entities.yml", TestDossier.registry + "\n" + more)
            try dossier.build()
            let kim = try dossier.read("persons/kim-jong-un.html")
            let company = try #require(kim.components(separatedBy: #"<section class="companions">"#).dropFirst().first?.components(separatedBy: "</section>").first)
            // Kim's one sentence names Putin and the Amur; TASS comes in the next one.
            #expect(company.contains(##"Wladimir Putin</a> <a class="count" href="#with-wladimir-putin" title="Gemeinsame Sätze">1</a>"##), "\(extra) more entities")
            #expect(company.contains(##"Amur</a> <a class="count" href="#with-amur" title="Gemeinsame Sätze">1</a>"##))
            #expect(!company.contains("TASS") && !company.contains("Russland"))
        }
    }

    @Test func navigationLinksFromEachDepthAndMarksThePageSection() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        for number in 1...30 {
            try dossier.write("content/articles/bericht-\(number).md", "---\ntitle: Bericht \(number)\n---\n[Putin](person:wladimir-putin) sprach.\n")
        }
        try dossier.build()
        #expect(try dossier.read("index.html").contains(#"<a href="index.html" aria-current="page">"#))
        let article = try dossier.read("articles/treffen.html")
        #expect(article.contains(#"<a href="../index.html" aria-current="page">"#))
        #expect(article.contains(#"<a href="../persons/index.html">"#))
        let second = try dossier.read("persons/wladimir-putin/2.html")
        #expect(second.contains(#"<a href="../../persons/index.html" aria-current="page">"#))
        #expect(second.contains(#"<a href="../../index.html">"#))
        #expect(try dossier.read("404.html").contains("aria-current") == false)
    }

    @Test func indexPagesSortByCountAndGermanAlphabet() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        let places = try dossier.read("places/index.html")
        let alphabetical = places.components(separatedBy: "Alphabetisch")[1]
        let order = ["Amur", "Österreich", "Russland"].map { alphabetical.range(of: ">\($0)</a>")!.lowerBound }
        #expect(order == order.sorted(), "Ö sorts with O, between A and R")
        #expect(places.contains(#"<h3 class="letter">O</h3>"#))
    }

    @Test func theFirstFewAreTheSortedListsHeadTiesAtTheCutIncluded() {
        let items: [(name: String, count: Int)] = [("Zoe", 5), ("Öl", 3), ("Amur", 3), ("Oder", 3), ("Bonn", 9), ("Ufa", 1), ("ob", 3)]
        let sorted = GermanCollation.sorted(items, count: \.count, name: \.name)
        #expect(sorted.map(\.name) == ["Bonn", "Zoe", "Amur", "ob", "Oder", "Öl", "Ufa"])
        for limit in 0...items.count + 1 {
            #expect(GermanCollation.first(limit, of: items, count: \.count, name: \.name).map(\.name) == sorted.prefix(limit).map(\.name))
        }
    }

    @Test func interfaceSpeaksTheDossierLanguage() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        #expect(try dossier.read("index.html").contains(">Personen</a>"))
        try dossier.write("content/dossier.yml", "title: Test\nlanguage: en\n")
        try dossier.build()
        let home = try dossier.read("index.html")
        #expect(home.contains(">People</a>") && home.contains("<html lang=\"en\">"))
        #expect(try dossier.read("articles/treffen.html").contains("13 September 2023"))
    }

    @Test func buildingTwiceGivesIdenticalBytes() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        let first = try dossier.snapshot()
        try dossier.build()
        #expect(try dossier.snapshot() == first)
    }

    @Test func aBuildOnAllCoresEqualsABuildOnOne() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        // Enough articles for the feed to choose its newest 50 and for entity pages to paginate.
        for number in 1...80 {
            try dossier.write("content/articles/bericht-\(number).md", """
            ---
            title: Bericht \(number)
            outlet: \(["DPA", "ORF", "AFP"][number % 3])
            date: 2023-0\(number % 9 + 1)-1\(number % 10)
            ---
            [Putin](person:wladimir-putin) sprach mit [Kim](person:kim-jong-un) am [Amur](place:amur) (\(number)).
            """)
        }
        let content = dossier.root.appendingPathComponent("content")
        let serial = TestDossier(root: dossier.root, outputName: "serial")
        try SiteBuilder(options: .init(content: content, output: dossier.output)).build()
        try SiteBuilder(options: .init(content: content, output: serial.output, serially: true)).build()
        let parallel = try dossier.snapshot()
        #expect(parallel.count > 90)
        #expect(parallel == (try serial.snapshot()))
    }

    @Test func failedBuildLeavesThePreviousSiteWhole() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        let before = try dossier.snapshot()
        try dossier.write("content/articles/kaputt.md", "---\ntitle: Kaputt\n---\nHier ist [Xi](person:xi-jinping).\n")
        #expect(throws: (any Error).self) { try dossier.build() }
        #expect(try dossier.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dossier.root.path).filter { $0.hasPrefix(".site") }
        #expect(leftovers == [])
    }

    @Test func unknownEntityIsReportedAtFileLineAndColumn() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/kaputt.md", "---\ntitle: Kaputt\n---\n\nErst Text,\ndann [Xi Jinping](person:xi-jinping).\n")
        #expect(throws: (any Error).self) { try dossier.build() }
        do { try dossier.build() } catch {
            #expect("\(error)" == "content/articles/kaputt.md:6:6: error: unknown entity 'person:xi-jinping': add it to content/entities/ or fix the id")
        }
        try dossier.write("content/articles/kaputt.md", "---\ntitle: Kaputt\n---\n[Putin](place:wladimir-putin) und [X](org:Böse Firma)\n")
        do { try dossier.build() } catch {
            // Every mistake of the article at once, the one CommonMark did not take as a link too.
            #expect("\(error)" == """
            content/articles/kaputt.md:4:1: error: unknown entity 'place:wladimir-putin': it is a person: write person:wladimir-putin
            content/articles/kaputt.md:4:35: error: '[X](org:Böse Firma)' is not a link: an entity id has no spaces: write it as a slug, like person:olaf-scholz
            """)
        }
    }

    /// A link around no text would be a mention no one sees: in the body and in a field it is a
    /// mistake at its place, and a title of nothing but such a link is blank.
    @Test func anEntityLinkAroundNoTextIsReportedAtItsPlace() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        let before = try dossier.snapshot()
        try dossier.write("content/articles/leer.md", "---\ntitle: Leer\nteaser: \"Mit [](person:kim-jong-un).\"\n---\n\nEs sprach [](person:wladimir-putin), dann [ ](person:kim-jong-un) und [Kim](person:kim-jong-un).\n")
        #expect(throws: (any Error).self) { try dossier.build() }
        do { try dossier.build() } catch {
            #expect("\(error)" == """
            content/articles/leer.md:3:14: error: the link to person:kim-jong-un is around no text: write the name it stands for between the brackets, like [Name](person:kim-jong-un)
            content/articles/leer.md:6:11: error: the link to person:wladimir-putin is around no text: write the name it stands for between the brackets, like [Name](person:wladimir-putin)
            content/articles/leer.md:6:43: error: the link to person:kim-jong-un is around no text: write the name it stands for between the brackets, like [Name](person:kim-jong-un)
            """)
        }
        #expect(try dossier.snapshot() == before)
        try dossier.write("content/articles/leer.md", "---\ntitle: \"[](person:kim-jong-un)\"\n---\nText.\n")
        #expect { try dossier.build() } throws: { "\($0)".hasPrefix("content/articles/leer.md:2:8: error: the article's 'title' is empty") }
        #expect(try dossier.snapshot() == before)
    }

    @Test func textThatIsNotUTF8IsReportedAtItsFirstBadByte() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        let before = try dossier.snapshot()
        // "Grüße" saved as Latin-1: ü is the byte FC.
        let latin1 = Data("---\ntitle: Gr".utf8) + Data([0xFC]) + Data("sse\n---\nText.\n".utf8)
        try latin1.write(to: dossier.root.appendingPathComponent("content/articles/latin.md"))
        #expect(throws: SourceError(file: "content/articles/latin.md", line: 2, column: 10,
                                    message: "the file is not UTF-8 text: save it as UTF-8 (it may be Latin-1 or Windows-1252)")) { try dossier.build() }
        #expect(try dossier.snapshot() == before)
        try dossier.remove("content/articles/latin.md")
        try (Data("- id: gr".utf8) + Data([0xFC]) + Data("ss\n".utf8)).write(to: dossier.root.appendingPathComponent("content/entities/more.yml"))
        #expect(throws: SourceError(file: "content/entities/more.yml", line: 1, column: 9,
                                    message: "the file is not UTF-8 text: save it as UTF-8 (it may be Latin-1 or Windows-1252)")) { try dossier.build() }
        try dossier.remove("content/entities/more.yml")
        // The settings too: a Latin-1 title was silently replaced by the default settings.
        try (Data("title: Gr".utf8) + Data([0xFC]) + Data("sse\n".utf8)).write(to: dossier.root.appendingPathComponent("content/dossier.yml"))
        #expect(throws: SourceError(file: "content/dossier.yml", line: 1, column: 10,
                                    message: "the file is not UTF-8 text: save it as UTF-8 (it may be Latin-1 or Windows-1252)")) { try dossier.build() }
    }

    @Test func hiddenFilesBesideTheArticlesAreNotArticles() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        let before = try dossier.snapshot()
        // Emacs marks a file being edited with a dangling symlink; other editors leave hidden copies.
        try FileManager.default.createSymbolicLink(atPath: dossier.root.appendingPathComponent("content/articles/.#wien.md").path,
                                                   withDestinationPath: "redaktion@laptop.4711:1700000000")
        try dossier.write("content/articles/.wien.md", "kein Artikel")
        try dossier.build()
        #expect(try dossier.snapshot() == before)
    }

    @Test func removedArticlesAndEntitiesDisappear() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        #expect(dossier.exists("articles/wien.html") && dossier.exists("places/oesterreich.html"))
        try dossier.remove("content/articles/wien.md")
        try dossier.write("content/entities/entities.yml", TestDossier.registry.replacingOccurrences(of: "- id: oesterreich\n  type: place\n  name: Österreich\n", with: ""))
        try dossier.build()
        #expect(!dossier.exists("articles/wien.html"))
        #expect(!dossier.exists("places/oesterreich.html"))
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
    }

    @Test func rawHTMLIsEscapedUnlessTheDossierOptsIn() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/html.md", "---\ntitle: HTML\n---\nText <script>alert(1)</script> ![x](javascript:alert(2))\n")
        try dossier.build()
        let escaped = try dossier.read("articles/html.html")
        #expect(escaped.contains("Text &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!escaped.contains("javascript:"))
        try dossier.write("content/dossier.yml", "title: T\nallow_raw_html: true\n")
        try dossier.build()
        let raw = try dossier.read("articles/html.html")
        #expect(raw.contains("Text <script>alert(1)</script>"))
        #expect(!raw.contains("javascript:"))
        // A link readers would follow into a script is refused, not silently emptied.
        try dossier.write("content/articles/html.md", "---\ntitle: HTML\n---\nText [x](javascript:alert(2))\n")
        #expect { try dossier.build() } throws: { "\($0)".contains("content/articles/html.md:4:6: error: link to 'javascript:alert(2)'") }
    }

    @Test func notAnEntityMarkerRendersAsPlainText() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/marker.md", "---\ntitle: M\n---\nDer [Amur](-) fließt.\n")
        try dossier.build()
        #expect(try dossier.read("articles/marker.html").contains("<p>Der Amur fließt.</p>"))
    }

    @Test func dossierTemplatesOverrideBuiltInsAndErrorsNameTheTemplate() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("Templates/person.mustache", "{{<entity}}{{$facts}}<dt>Extra</dt><dd>{{name}}!</dd>{{/facts}}{{/entity}}")
        try dossier.write("Templates/assets/extra.css", "p{}")
        try dossier.build(templates: "Templates")
        #expect(try dossier.read("persons/kim-jong-un.html").contains("<dt>Extra</dt><dd>Kim Jong Un!</dd>"))
        #expect(dossier.exists("assets/extra.css") && dossier.exists("assets/style.css"))
        try dossier.write("Templates/person.mustache", "{{<entity}}\n{{$facts}}\n  {{#name}}x\n{{/facts}}{{/entity}}")
        do {
            try dossier.build(templates: "Templates")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "Templates/person.mustache:4:1: error: section 'name' is closed by '{{/facts}}': close it with {{/name}}")
        }
    }

    @Test func feedAndSitemapListTheArticles() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/dossier.yml", "title: T\nbase_url: https://example.org/dossier\n")
        try dossier.build()
        let feed = try dossier.read("feed.xml")
        #expect(feed.contains("<id>https://example.org/dossier/articles/treffen.html</id>"))
        #expect(feed.contains("<updated>2023-09-13T00:00:00Z</updated>"))
        // Links in an entry's body are relative to the article's page, which its xml:base names.
        let base = "https://example.org/dossier/articles/treffen.html"
        #expect(feed.contains(#"<content type="html" xml:base="\#(base)">"#))
        #expect(feed.contains("href=&quot;../persons/wladimir-putin.html&quot;"))
        // A feed reader resolves it against that base to a page the site has.
        let resolved = try #require(URL(string: "../persons/wladimir-putin.html", relativeTo: URL(string: base))?.absoluteString)
        #expect(try dossier.read("sitemap.xml").contains("<loc>\(resolved)</loc>"))
        for number in 0..<60 { try dossier.write("content/articles/n\(number).md", "---\ntitle: N\(number)\ndate: 2024-01-01\n---\nText.\n") }
        try dossier.build()
        #expect(try dossier.read("feed.xml").components(separatedBy: "<entry>").count - 1 == PageBuilder.feedEntries)
    }

    @Test(.enabled(if: SearchIndexer.locate() != nil, "Pagefind is not installed"))
    func searchIndexIsDeterministicAndLinkedFromPages() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let options = SiteBuilder.Options(content: dossier.root.appendingPathComponent("content"), output: dossier.output, search: SearchIndexer.locate())
        try SiteBuilder(options: options).build()
        let first = try dossier.snapshot()
        #expect(first.keys.contains("pagefind/pagefind.js"))
        #expect(try dossier.read("index.html").contains(#"<form class="search" role="search" action="search.html">"#))
        #expect(try dossier.read("search.html").contains(#"<script src="assets/search.js" data-root="""#))
        #expect(LinkChecker.brokenLinks(in: first) == [])
        for _ in 0..<3 {
            try SiteBuilder(options: options).build()
            #expect(try dossier.snapshot() == first)
        }
    }
}


/// An entity's spellings as its first page counts them: each mention's own text, counted exactly
/// whether the article numbered the spelling (`Mention.spelling`) or left it to be read.
struct SpellingCountTests {
    @Test func spellingsAreCountedByTheirTextAcrossArticles() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let putin = { (text: String) in "[\(text)](person:wladimir-putin)" }
        try dossier.write("content/articles/schreibweisen.md", """
            ---
            title: Schreibweisen
            outlet: AFP
            ---
            \(putin("Putin")) kam. \(putin("Wladimir Putin")) sprach. \(putin("Putin")) ging. \(putin("Putim")) auch. \(putin("Wladimir Putin")) blieb.

            \(putin("Putins")) Gast kam. \(putin("Putim")) wieder.
            """)
        // More spellings in one article than are numbered: the later ones are read and counted all the same.
        let many = (1...70).map { putin("Putin \($0)") + " kam." }.joined(separator: " ")
        try dossier.write("content/articles/viele.md", "---\ntitle: Viele\noutlet: AP\n---\n\(many) \(many)\n")
        try dossier.build()
        let page = try dossier.read("persons/wladimir-putin.html")
        let counts = Dictionary(uniqueKeysWithValues: page.matches(of: /<span class="surface">([^<]*) <span class="count">(\d+)<\/span><\/span>/).map { (String($0.1), Int($0.2)!) })
        // The standard dossier's own: Putin twice, Putins once.
        #expect(counts["Putin"] == 4 && counts["Wladimir Putin"] == 2 && counts["Putim"] == 2 && counts["Putins"] == 2)
        #expect((1...70).allSatisfy { counts["Putin \($0)"] == 2 }, "\(counts)")
    }
}
