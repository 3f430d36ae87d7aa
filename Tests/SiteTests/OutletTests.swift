import Foundation
import Testing
@testable import Site

/// The outlets' pages and their comparison, on the seed dossier and on small ones.
struct OutletTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed dossier built into a temporary folder.
    static func seedSite() throws -> TestDossier {
        let dossier = TestDossier(root: FileManager.default.temporaryDirectory.appendingPathComponent("dossier-seed-\(UUID().uuidString)"), outputName: "site")
        try SiteBuilder(options: .init(content: repository.appendingPathComponent("content"), output: dossier.output)).build()
        return dossier
    }

    /// The text of an HTML fragment as a reader sees it, spaces collapsed.
    static func text(_ html: Substring) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression).trimmingCharacters(in: .whitespaces)
    }

    @Test func everyOutletHasAPageWithItsArticlesAndTheCountsAddUp() throws {
        let dossier = try Self.seedSite()
        defer { dossier.cleanUp() }
        let expected = ["outlets/dpa.html": ("DPA", 1), "outlets/orf.html": ("ORF", 1), "outlets/reuters.html": ("Reuters", 1),
                        "outlets/unknown.html": ("Ohne Quellenangabe", 2)]
        var mentions = 0
        for (path, (name, articles)) in expected {
            let page = try dossier.read(path)
            #expect(page.contains("<h1>\(name)</h1>"), "\(path)")
            #expect(page.components(separatedBy: "<h3><a href=\"../articles/").count - 1 == articles, "\(path) lists its articles")
            let stats = try #require(page.firstMatch(of: /<p class="stats">(\d+) Artikel · (\d+) Erwähnungen/))
            #expect(Int(stats.1) == articles)
            mentions += Int(stats.2)!
        }
        // Every mention of every article is counted by exactly one outlet, the unknown one included.
        let articlePages = try FileManager.default.contentsOfDirectory(atPath: dossier.output.appendingPathComponent("articles").path)
        let inArticles = try articlePages.reduce(0) { $0 + (try dossier.read("articles/\($1)").components(separatedBy: "class=\"mention ").count - 1) }
        #expect(mentions == inArticles)
        let comparison = try dossier.read("outlets/index.html")
        #expect(Self.text(comparison[...]).contains("DPA 1 \(try count(in: dossier, "dpa")) "))
        // An article links its outlet's page, and one without an outlet the unknown one's.
        #expect(try dossier.read("articles/machthaber-unter-sich-wladimir-putin-und-kim-jong.html").contains(#"<a class="outlet" href="../outlets/dpa.html">DPA</a>"#))
        #expect(try dossier.read("articles/putin-und-kim-jong-un-trafen-sich-in.html").contains(#"<a href="../outlets/unknown.html">Ohne Quellenangabe</a>"#))
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
        // The home page links every outlet and the comparison.
        let home = try dossier.read("index.html")
        #expect(home.contains(#"<p class="outlets"><a href="outlets/index.html">Medien</a>: <a href="outlets/dpa.html">DPA</a> <a href="outlets/orf.html">ORF</a> <a href="outlets/reuters.html">Reuters</a> · <a href="shared.html">Geteilte Passagen</a> · <a href="map.html">Karte</a> · <a href="network.html">Netzwerk</a></p>"#))
        // Feed entries of articles with neither authors nor outlet name the dossier as author.
        #expect(!(try dossier.read("feed.xml")).contains("<name></name>"))
        #expect(try dossier.read("feed.xml").contains("<name>Putin trifft Kim in Wostotschny</name>"))
    }

    private func count(in dossier: TestDossier, _ outlet: String) throws -> Int {
        let page = try dossier.read("outlets/\(outlet).html")
        return Int(try #require(page.firstMatch(of: /(\d+) Erwähnungen/)).1)!
    }

    /// DPA alone places the meeting at Baikonur: found from the mentions, with its sentence,
    /// while the place every outlet names is not reported as one outlet's.
    @Test func theSeedsBaikonurIsReportedAsOneOutletsAlone() throws {
        let dossier = try Self.seedSite()
        defer { dossier.cleanUp() }
        let page = try dossier.read("outlets/index.html")
        let single = try #require(page.range(of: "<section class=\"single-source\"")).lowerBound
        let places = page[single...].components(separatedBy: "<h3>").first { $0.hasPrefix("Orte") } ?? ""
        #expect(places.contains(#"<a class="entity place" href="../places/kosmodrom-baikonur.html">Kosmodrom Baikonur</a> <span class="count">2</span> · <a class="outlet" href="../outlets/dpa.html">DPA</a><br><a class="context" href="../articles/machthaber-unter-sich-wladimir-putin-und-kim-jong.html#kosmodrom-baikonur-1">Bei ihren Gesprächen auf dem <mark>Weltraumbahnhof Baikonur</mark> geht es um Raketentechnik.</a>"#))
        for everywhere in ["kosmodrom-wostotschny", "russland", "nordkorea", "wladimir-putin", "kim-jong-un"] {
            #expect(!page[single...].contains("\(everywhere).html\""), "\(everywhere) is named by every outlet")
        }
        // The DPA page lists it among what no other outlet mentions.
        let dpa = try dossier.read("outlets/dpa.html")
        let onlyHere = try #require(dpa.range(of: "id=\"only-here\"")).upperBound
        let exclusive = dpa[onlyHere...].components(separatedBy: "<h2>").first ?? ""
        #expect(exclusive.contains("kosmodrom-baikonur.html"))
        #expect(!exclusive.contains("kosmodrom-wostotschny.html"))
    }

    /// With one named outlet there is nothing to compare: no entity is "only" its.
    @Test func oneOutletIsNotComparedWithItself() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/wien.md", "---\ntitle: Wien\n---\n[Putin](person:wladimir-putin) in [Österreich](place:oesterreich).\n")
        try dossier.build()
        let page = try dossier.read("outlets/index.html")
        #expect(page.contains("Das Dossier hat nur ein Medium"))
        #expect(!(try dossier.read("outlets/dpa.html")).contains("id=\"only-here\""))
        #expect(dossier.exists("outlets/unknown.html"))
    }

    /// Spellings of one outlet that give the same slug share its page, named as German order
    /// puts them first; an outlet whose name would give the unknown group's page gets another.
    @Test func outletNamesWithOneSlugShareAPage() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/wien.md", "---\ntitle: Wien\noutlet: dpa\n---\n[Putin](person:wladimir-putin) in [Österreich](place:oesterreich).\n")
        try dossier.write("content/articles/x.md", "---\ntitle: X\noutlet: Unknown\n---\n[Putin](person:wladimir-putin).\n")
        try dossier.build()
        let page = try dossier.read("outlets/dpa.html")
        #expect(page.contains("<h1>DPA</h1>"), "DPA comes before dpa")
        #expect(page.components(separatedBy: "<h3><a href=\"../articles/").count - 1 == 2)
        #expect(try dossier.read("outlets/outlet-unknown.html").contains("<h1>Unknown</h1>"))
        #expect(!dossier.exists("outlets/unknown.html"))
    }
}
