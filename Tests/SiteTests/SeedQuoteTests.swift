import Foundation
import Testing
@testable import Site

/// The quotes of the five seed reports, checked by reading them: 26 quotations of three words or
/// more, 25 with a speaker the registry knows (the 26th is South Korea's general staff).
struct SeedQuoteTests {
    /// Speaker and the first words of each quote a reader attributes.
    static let gold: Set<String> = [
        "kim-jong-un: Russland hat sich zu einem heiligen Kampf", "kim-jong-un: Wir werden die Entscheidungen von Präsident Putin und",
        "kim-jong-un: Kampf gegen den Imperialismus", "kim-jong-un: heldenhafte russische Volk", "kim-jong-un: Entscheidungen von Putin immer",
        "kim-jong-un: Russland hat einen heiligen Kampf", "kim-jong-un: Wir werden die Entscheidungen von Präsident Putin immer",
        "kim-jong-un: als Sprungbrett dienen", "kim-jong-un: immer an der Seite Russlands",
        "wladimir-putin: Deswegen sind wir ins Kosmodrom", "wladimir-putin: Wir werden alle diese Themen",
        "wladimir-putin: Der Führer der Demokratischen Volksrepublik Korea (Nordkorea)", "wladimir-putin: Deshalb sind wir hierher gekommen",
        "wladimir-putin: sehr froh, ihn zu sehen", "wladimir-putin: Der Führer der Demokratischen Volksrepublik Korea zeigt großes Interesse an der Raketentechnik,",
        "wladimir-putin: Einen Toast auf", "wladimir-putin: Auf das Wohlergehen",
        "wladimir-putin: Der Führer der Demokratischen Volksrepublik Korea zeigt großes Interesse an der Raketentechnologie",
        "dmitri-peskow: Unsere Länder kooperieren", "dmitri-peskow: Russland behält seine Position",
        // By the role the report gives to Putin's name ("der russische Präsident Wladimir Putin").
        "wladimir-putin: Wir werden über alle Themen", "wladimir-putin: ein alter Freund",
        // Missed on purpose: a role the report gives to no name ("der russische Staatschef"), a pronoun.
        "wladimir-putin: sehr froh, Kim zu sehen", "kim-jong-un: neue Siege des großen Russlands",
    ]
    /// Peskow's "Unsere Länder kooperieren" is in two reports: 25 quotes, 24 distinct entries.
    static let quotedTwice = 1

    @Test func theSeedsQuotesHaveTheirSpeakersAndNoWrongOne() throws {
        let dossier = try OutletTests.seedSite()
        defer { dossier.cleanUp() }
        let page = try dossier.read("quotes.html")
        var found: [String] = []
        // Each speaker's section; the quotes without a speaker come after the last.
        for section in page.components(separatedBy: "<section class=\"quotes\"").dropFirst().map({ $0.components(separatedBy: "</section>")[0] }) {
            let speaker = try #require(section.firstMatch(of: /href="[a-z]+\/([a-z0-9-]+)\.html"/)).1
            // A speaker quoted often has all quotes on a page of their own.
            let all = try section.firstMatch(of: /<p class="more"><a href="(quotes\/[a-z0-9-]+\.html)">/).map { try dossier.read(String($0.1)) }
            for quote in (all ?? section).matches(of: /<blockquote><a href="[^"]*">„(.*?)“<\/a>/) {
                let words = String(quote.1).replacingOccurrences(of: "&quot;", with: "\"")
                found.append("\(speaker): \(words)")
            }
        }
        let right = found.filter { item in Self.gold.contains { item.hasPrefix($0) } }
        let wrong = found.filter { item in !Self.gold.contains { item.hasPrefix($0) } }
        let precision = Double(right.count) / Double(max(found.count, 1))
        let recall = Double(right.count) / Double(Self.gold.count + Self.quotedTwice)
        print("quotes on the seeds: \(found.count) attributed, precision \(precision), recall \(recall) (\(right.count) of \(Self.gold.count + Self.quotedTwice))")
        #expect(wrong == [], "a wrong speaker is worse than none")
        #expect(right.count == 23)
        #expect(recall >= 0.9)
        // The speaker's own page lists them too, linked to the spot.
        let peskow = try dossier.read("persons/dmitri-peskow.html")
        #expect(peskow.components(separatedBy: "<blockquote>").count - 1 == 3)
        #expect(peskow.contains(#"<blockquote><a href="../articles/russland-will-nordkorea-beim-bau-von-satelliten-helfen.html#dmitri-peskow-"#))
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
    }
}

/// A speaker quoted more often than its page shows: the newest there and on `quotes.html`,
/// all on the speaker's page of quotes.
struct QuotePageTests {
    @Test func aFrequentSpeakersPageShowsTheNewestQuotesAndLinksToAll() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        for day in 1...25 {
            try dossier.write("content/articles/zitat-\(day).md", "---\ntitle: Zitat \(day)\ndate: 2023-08-\(String(format: "%02d", day))\n---\n„Wir reden über Nummer \(day) heute“, sagte [Putin](person:wladimir-putin).\n")
        }
        try dossier.build()
        let page = try dossier.read("persons/wladimir-putin.html")
        #expect(page.components(separatedBy: "<blockquote>").count - 1 == PageBuilder.quotesShown)
        #expect(page.contains("„Wir reden über Nummer 25 heute“</a></blockquote>") && !page.contains("„Wir reden über Nummer 5 heute“</a></blockquote>"), "the newest first")
        #expect(page.contains(#"<a href="../quotes/wladimir-putin.html">Alle Zitate (25)</a>"#))
        // The page of all quotes shows the newest few of each speaker and links to the rest.
        let index = try dossier.read("quotes.html")
        #expect(index.components(separatedBy: "<blockquote>").count - 1 == PageBuilder.quotesPerSpeaker)
        #expect(index.contains(#"<section class="quotes" id="wladimir-putin">"#))
        #expect(index.contains(#"<p class="more"><a href="quotes/wladimir-putin.html">Alle Zitate (25)</a></p>"#))
        let all = try dossier.read("quotes/wladimir-putin.html")
        #expect(all.components(separatedBy: "<blockquote>").count - 1 == 25)
        #expect(all.range(of: "Nummer 25 heute")!.lowerBound < all.range(of: "Nummer 24 heute")!.lowerBound, "the newest first")
        #expect(all.contains(#"<a href="../quotes.html" aria-current="page">Zitate</a>"#))
        #expect(try dossier.read("sitemap.xml").contains("quotes/wladimir-putin.html"))
        // Quoted no more often than the index shows: no page of their own.
        #expect(!FileManager.default.fileExists(atPath: dossier.root.appendingPathComponent("site/quotes/kim-jong-un.html").path))
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
    }
    /// A speaker quoted more often than a page lists gets pages of them, linked in both
    /// directions; under serve a page goes when the quotes that filled it go.
    @Test func aSpeakersQuotesArePaginatedAndThePagesFollowTheQuotes() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        // Five articles of 21 quotes each: 105, one page of 100 and one of 5.
        func quotes(_ day: Int) -> String {
            (1...21).map { "„Das ist Aussage \(day)-\($0) zur Lage“, sagte [Putin](person:wladimir-putin)." }.joined(separator: "\n\n")
        }
        for day in 1...5 {
            try dossier.write("content/articles/reden-\(day).md", "---\ntitle: Reden \(day)\ndate: 2023-08-0\(day)\n---\n\(quotes(day))\n")
        }
        let builder = IncrementalBuilder(options: .init(content: dossier.root.appendingPathComponent("content"), output: dossier.output))
        try builder.rebuild()
        let first = try dossier.read("quotes/wladimir-putin.html")
        let second = try dossier.read("quotes/wladimir-putin/2.html")
        #expect(first.components(separatedBy: "<blockquote>").count - 1 == PageBuilder.quotesPerSpeakerPage)
        #expect(second.components(separatedBy: "<blockquote>").count - 1 == 105 - PageBuilder.quotesPerSpeakerPage)
        // Newest first across the pages: the oldest article's quotes end the last page.
        #expect(first.contains("„Das ist Aussage 5-1 zur Lage“") && second.contains("„Das ist Aussage 1-21 zur Lage“"))
        #expect(!first.contains("„Das ist Aussage 1-21 zur Lage“"))
        #expect(first.contains(#"<a rel="next" href="../quotes/wladimir-putin/2.html">"#) && !first.contains(#"rel="prev""#))
        #expect(second.contains(#"<a rel="prev" href="../../quotes/wladimir-putin.html">"#) && !second.contains(#"rel="next""#))
        #expect(second.contains("<span>Seite 2 / 2</span>"))
        #expect(second.contains(#"<a href="../../quotes.html" aria-current="page">Zitate</a>"#))
        #expect(try dossier.read("sitemap.xml").contains("quotes/wladimir-putin/2.html"))
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])

        // The oldest article dated newest: all its quotes move to the first page and the next
        // oldest article's last five to the second, a page showing quotes of other articles than
        // before.
        try dossier.write("content/articles/reden-1.md", "---\ntitle: Reden 1\ndate: 2023-08-09\n---\n\(quotes(1))\n")
        try builder.rebuild()
        let moved = try dossier.read("quotes/wladimir-putin.html"), movedDown = try dossier.read("quotes/wladimir-putin/2.html")
        #expect(moved.contains("„Das ist Aussage 1-21 zur Lage“") && !moved.contains("„Das ist Aussage 2-21 zur Lage“"))
        #expect(movedDown.contains("„Das ist Aussage 2-21 zur Lage“") && !movedDown.contains("„Das ist Aussage 1-21 zur Lage“"))
        #expect(try dossier.snapshot() == IncrementalBuilderTests().cleanBuild(dossier))

        // One article quotes no more: 84 quotes fill one page, and the second is gone as from a
        // clean build (the articles stay the same ones).
        try dossier.write("content/articles/reden-1.md", "---\ntitle: Reden 1\ndate: 2023-08-01\n---\n[Putin](person:wladimir-putin) schwieg.\n")
        let edit = try builder.rebuild()
        #expect(edit.removed.contains("quotes/wladimir-putin/2.html"))
        #expect(!(try dossier.read("quotes/wladimir-putin.html")).contains(#"class="pagination""#))
        #expect(try dossier.snapshot() == IncrementalBuilderTests().cleanBuild(dossier))
    }
}
