import Foundation
import Articles
import Testing
@testable import Site

/// The passages the five seed reports share, found by reading them side by side: Reuters and
/// DPA, and Reuters and ORF, carry the same agency sentences (ORF and DPA slightly edited); the
/// report without an outlet rewrites DPA's and shares one sentence nearly word for word.
struct SharedPassagesTests {
    /// The first words of each group's sentence, and the outlets of its versions.
    static let expected: Set<String> = [
        "Kim zeige großes Interesse an russischer Raketentechnik: DPA, Reuters",
        "Der russische Präsidialamtssprecher Dmitri Peskow sagte: ORF, Reuters",
        "Kim war am Dienstag mit dem Zug: DPA, Reuters",
        "Zunächst war allerdings offengeblieben: DPA, Reuters",
        "Das Raumfahrtzentrum Wostotschny liegt mehr als: ORF, Reuters",
        "Putin war nach russischen Angaben bereits am Montag: ORF, Reuters",
        "Im Gegenzug dafür könnte das weitgehend abgeschottete: DPA, Reuters",
        "Auch Lebensmittel könnte Russland dem armen Nachbarland: DPA, Reuters",
        "Wostotschny gilt als Ergänzung: DPA, Ohne Quellenangabe",
        "Kims Übersetzer dankte Putin für den herzlichen Empfang: ORF, Ohne Quellenangabe",
        "Ein zentrales Thema der Beratungen: DPA, ORF",
    ]

    @Test func theSeedsSharedPassagesAreFoundAndNothingUnrelated() throws {
        let dossier = try OutletTests.seedSite()
        defer { dossier.cleanUp() }
        let page = try dossier.read("shared.html")
        var found: Set<String> = []
        for group in page.components(separatedBy: "<section class=\"passage-group\"").dropFirst() {
            let versions = group.matches(of: /<span class="outlet">([^<]*)<\/span>.*?<blockquote>(.*?)<\/blockquote>/)
            let outlets = versions.map { String($0.1) }.sorted().joined(separator: ", ")
            let first = OutletTests.text(versions[0].2[...])
            guard let key = Self.expected.first(where: { first.hasPrefix($0.components(separatedBy: ":")[0]) && $0.hasSuffix(": " + outlets) }) else {
                Issue.record("an unexpected group: \(first) (\(outlets))")
                continue
            }
            found.insert(key)
        }
        #expect(found == Self.expected)
        // The second version shows what differs from the first.
        #expect(page.contains("Ukraine <ins>gewesen</ins> sein.") || page.contains("Ukraine <del>gewesen</del> sein."))
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
    }

    @Test func anArticleMarksItsSharedPassagesAndLinksTheOtherVersions() throws {
        let dossier = try OutletTests.seedSite()
        defer { dossier.cleanUp() }
        let reuters = try dossier.read("articles/russland-will-nordkorea-beim-bau-von-satelliten-helfen.html")
        let dpa = try dossier.read("articles/machthaber-unter-sich-wladimir-putin-und-kim-jong.html")
        let marked = try #require(reuters.firstMatch(of: /<span class="shared" id="(shared_\d+)">Auch Lebensmittel könnte (.*?)<\/span> <span class="shared-note">\(auch in: <a href="\.\.\/articles\/machthaber-unter-sich-wladimir-putin-und-kim-jong\.html#(shared_\d+)">DPA<\/a>; <a href="\.\.\/shared\.html#passage-\d+">vergleichen<\/a>\)<\/span>/))
        // The link leads to the same sentence in DPA's report, which links back.
        #expect(dpa.contains("<span class=\"shared\" id=\"\(marked.3)\">Auch Lebensmittel könnte"))
        #expect(dpa.contains("russland-will-nordkorea-beim-bau-von-satelliten-helfen.html#\(marked.1)\">Reuters</a>"))
        #expect(reuters.components(separatedBy: "<span class=\"shared\"").count - 1 == 8)
    }

    @Test func aSentenceCopiedIntoANewArticleIsMarkedInBothAndGoesWithIt() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        let before = try dossier.read("articles/treffen.html")
        #expect(!before.contains("class=\"shared\""))
        let sentence = "Der Besuch dauerte nach Angaben des Kreml zwei ganze Tage und endete am Abend."
        try dossier.write("content/articles/a.md", "---\ntitle: A\noutlet: AFP\n---\nErster Satz hier. \(sentence)\n")
        try dossier.write("content/articles/b.md", "---\ntitle: B\noutlet: AP\n---\n\(sentence.replacingOccurrences(of: "zwei", with: "drei")) Etwas anderes.\n")
        try dossier.build()
        let a = try dossier.read("articles/a.html"), b = try dossier.read("articles/b.html")
        #expect(a.contains("Erster Satz hier. <span class=\"shared\" id=\"shared_1\">Der Besuch dauerte") && a.contains("b.html#shared_1\">AP</a>"))
        #expect(b.contains("<span class=\"shared\" id=\"shared_1\">Der Besuch dauerte") && b.contains("a.html#shared_1\">AFP</a>"))
        #expect(try dossier.read("shared.html").contains("<del>zwei</del> <ins>drei</ins>") || (try dossier.read("shared.html")).contains("<del>drei</del> <ins>zwei</ins>"))
        try FileManager.default.removeItem(at: dossier.root.appendingPathComponent("content/articles/b.md"))
        try dossier.build()
        #expect(!(try dossier.read("articles/a.html")).contains("class=\"shared\""))
        #expect(try dossier.read("shared.html").contains("Keine Passage steht in mehr als einem Artikel."))
    }

    /// An importer makes a report's lead its teaser, and the lead is what agencies' clients copy
    /// most: teasers are compared with teasers and bodies, marked in place on the article's page
    /// (with links or without), and lists show them unmarked.
    @Test func aLeadCopiedIntoTeasersIsASharedPassage() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let lead = "Der Besuch dauerte nach Angaben des Kreml zwei ganze Tage und endete am Abend."
        let linked = lead.replacingOccurrences(of: "Kreml", with: "[Kreml](-)").replacingOccurrences(of: "Abend", with: "[Abend in Russland](place:russland)")
        try dossier.write("content/articles/a.md", "---\ntitle: A\noutlet: AFP\ndate: 2023-09-20\nteaser: \"\(lead) Mehr dazu.\"\n---\nErster Satz hier.\n")
        try dossier.write("content/articles/b.md", "---\ntitle: B\noutlet: AP\ndate: 2023-09-21\nteaser: \"Vorweg. \(linked)\"\n---\nEtwas anderes.\n")
        try dossier.write("content/articles/c.md", "---\ntitle: C\noutlet: DPA\ndate: 2023-09-22\n---\nZuerst dies. \(lead)\n")
        try dossier.build()
        let a = try dossier.read("articles/a.html"), b = try dossier.read("articles/b.html"), c = try dossier.read("articles/c.html")
        #expect(a.contains("<p class=\"teaser\"><span class=\"shared\" id=\"shared_1\">Der Besuch dauerte nach Angaben des Kreml zwei ganze Tage und endete am Abend.</span> <span class=\"shared-note\">(auch in: "))
        #expect(a.contains("b.html#shared_1\">AP</a>") && a.contains("c.html#shared_1\">DPA</a>"))
        // A mark takes in the links of its sentence, and the teaser's text around it stays.
        let marked = try #require(b.firstMatch(of: /<p class="teaser">Vorweg. <span class="shared" id="shared_1">Der Besuch (.*?)<\/span> <span class="shared-note">/))
        #expect(marked.1.hasSuffix("am <a class=\"mention place\" id=\"russland-1\" href=\"../places/russland.html\" title=\"Russland\">Abend in Russland</a>."))
        #expect(c.contains("Zuerst dies. <span class=\"shared\" id=\"shared_1\">Der Besuch"))
        let shared = try dossier.read("shared.html")
        #expect(shared.contains(">3 Fassungen</a></h2>"))
        // The earliest version first (AFP's of 20 September), the one the others likely copied.
        #expect(shared.matches(of: /<span class="outlet">(\w+)<\/span>/).map { String($0.1) } == ["AFP", "AP", "DPA"])
        // Lists show teasers as they are.
        let home = try dossier.read("index.html")
        #expect(home.contains("Vorweg. Der Besuch dauerte") && home.contains("\(lead) Mehr dazu.") && !home.contains("class=\"shared\""))
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
    }

    @Test func aSentenceInManyArticlesNamesAFewVersionsAndCountsTheRest() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let sentence = "Der Besuch dauerte nach Angaben des Kreml zwei ganze Tage und endete am Abend."
        for number in 1...8 {
            try dossier.write("content/articles/kopie-\(number).md", "---\ntitle: Kopie \(number)\noutlet: Blatt \(number)\ndate: 2023-09-\(10 + number)\n---\n\(sentence)\n")
        }
        try dossier.build()
        let page = try dossier.read("articles/kopie-1.html")
        let note = try #require(page.firstMatch(of: /<span class="shared-note">(.*?)<\/span>/)).1
        #expect(note.matches(of: /<a href="\.\.\/articles\/kopie-/).count == PageBuilder.versionsNamed)
        #expect(note.contains(" +2; "), "seven other versions: five named, two counted")
        let shared = try dossier.read("shared.html")
        #expect(shared.contains(">8 Fassungen</a></h2>"))
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
    }
}


/// Copies of one text, byte for byte, as a footer or a disclaimer every article of an outlet
/// carries: one group found as a class, not as a confirmed pair per two copies, and the same
/// groups whether found at once or updated edit by edit.
struct SharedCopiesTests {
    static let footer = "Dieser Bericht wurde von der Redaktion mit Material der Nachrichtenagenturen erstellt und geprüft."
    static let variant = "Dieser Bericht wurde von der Redaktion mit Material der Nachrichtenagenturen erstellt und sorgfältig geprüft."

    /// An article of `sentences`, each a passage, dated by its number so that the date order is the slugs'.
    static func article(_ number: Int, _ sentences: [String]) -> ConvertedArticle {
        var text: [UInt8] = [], passages: [Passage] = [], sketches: [SIMD16<UInt16>] = []
        for (block, sentence) in sentences.enumerated() {
            let start = text.count
            text += sentence.utf8
            sketches.append(text.withUnsafeBufferPointer { Shingles.sketch(words: Shingles.words(UnsafeBufferPointer(rebasing: $0[start...]))) })
            passages.append(Passage(block: Int32(block), start: Int32(start), end: Int32(text.count), blockStart: Int32(start)))
            text.append(0x0A)
        }
        let slug = String(format: "a%05d", number)
        let article = Article(slug: slug, file: slug + ".md", title: slug, outlet: "Blatt \(number % 3)", date: String(format: "2023-%02d-%02d", 1 + number / 28 % 12, 1 + number % 28))
        return ConvertedArticle(article: article, text: text, mentions: [], passages: passages, sketches: sketches, dateText: article.date)
    }

    static func unique(_ number: Int) -> String {
        "Am Tag \(number) sprachen Vertreter über die Lage Nummer \(number * 7919 % 10007) und andere Fragen der Region."
    }

    static func byDate(_ articles: [ConvertedArticle]) -> [ConvertedArticle] { articles.sorted { $0.article.slug < $1.article.slug } }

    /// The groups by slug and passage, independent of the date positions.
    static func groups(_ shared: SharedPassages, _ articles: [ConvertedArticle]) -> [[String]] {
        shared.groups.map { $0.map { "\(articles[Int($0.article)].article.slug)#\($0.passage)" } }
    }

    @Test func aSentenceEveryArticleCarriesIsOneGroupWithoutAPairPerTwoCopies() {
        let articles = Self.byDate((0..<600).map { Self.article($0, [Self.unique($0), $0 % 100 == 7 ? Self.variant : Self.footer]) })
        let shared = SharedPassages(articles, serially: true)
        #expect(shared.groups.count == 1)
        #expect(shared.groups.first?.count == 600, "594 copies of the footer and 6 of its variant, one passage in two versions")
        #expect(shared.copies.map(\.count).sorted() == [6, 594])
        // The two texts are joined by one confirmed pair of their first copies, not 178,000.
        #expect(shared.links.count == 1)
        #expect(Set(shared.groups[0].map(\.passage)) == [1])
    }

    @Test func copiesWithinOneArticleAloneAreNoSharedPassage() {
        let articles = Self.byDate([Self.article(1, [Self.footer, Self.footer, Self.unique(1)]), Self.article(2, [Self.unique(2)])])
        #expect(SharedPassages(articles, serially: true).groups.isEmpty)
    }

    /// A line hundreds of articles carry in versions (a footer with its time): a band's crowded
    /// run is searched only for the pairs that join groups, and the groups are those that every
    /// pair gives, also after edits (which search anew when they touch a crowded run's article,
    /// as its group may fall apart, and otherwise look up the changed passages).
    @Test func nearCopiesEnMasseGiveTheGroupsEveryPairGives() {
        var random = SplitMix(seed: 11)
        func footer() -> String {
            "Dieser Bericht wurde zuletzt aktualisiert am \(1 + random.below(28)). September 2023 um \(random.below(24)):\(10 + random.below(50)) Uhr von der Redaktion."
        }
        var articles: [String: ConvertedArticle] = [:]
        // Half the articles carry the footer.
        func sentences(_ number: Int) -> [String] {
            [Self.unique(number)] + (number % 2 == 0 ? [footer()] : [Self.unique(number % 20)]) + (number % 9 == 0 ? [Self.footer] : [])
        }
        for number in 0..<600 {
            let sentences = sentences(number)
            articles[Self.article(number, []).article.slug] = Self.article(number, sentences)
        }
        var ordered = Self.byDate(Array(articles.values))
        var shared = SharedPassages(ordered, crowded: 16, serially: true)
        let everyPair = SharedPassages(ordered, crowded: .max, serially: true)
        #expect(!shared.crowdedArticles.isEmpty && everyPair.crowdedArticles.isEmpty)
        #expect(Self.groups(shared, ordered) == Self.groups(everyPair, ordered))
        #expect(everyPair.groups.first?.count ?? 0 > 100, "the footers' versions are one group")
        #expect(shared.links.count < everyPair.links.count, "only pairs that join groups are kept of the crowded runs")
        for _ in 0..<16 {
            var changed: Set<String> = []
            for _ in 0..<1 + random.below(3) {
                let number = random.below(620)
                let slug = Self.article(number, []).article.slug
                if random.below(3) == 0 { articles[slug] = nil } else { articles[slug] = Self.article(number, sentences(number)) }
                changed.insert(slug)
            }
            ordered = Self.byDate(Array(articles.values))
            shared = SharedPassages(ordered, updating: shared, changed: changed, crowded: 16, serially: true)
            #expect(Self.groups(shared, ordered) == Self.groups(SharedPassages(ordered, crowded: .max, serially: true), ordered))
        }
    }

    /// A crowded run keeps only the pairs that joined its group, here those of its first passage:
    /// when that article goes, the others are still one group, as a full search finds.
    @Test func aCrowdedGroupStaysWholeWhenTheArticleItsPairsJoinedGoes() {
        let sentence = "Die Delegation reiste nach den Gesprächen im Osten des Landes am Abend mit dem Zug in die Hauptstadt zurück, Nummer"
        var articles = (0..<20).map { Self.article($0, [Self.unique($0), "\(sentence) \($0)."]) }
        let before = SharedPassages(articles, crowded: 4, serially: true)
        #expect(before.groups.map(\.count) == [20] && before.crowdedArticles.count == 20)
        let gone = articles.removeFirst().article.slug
        let after = SharedPassages(articles, updating: before, changed: [gone], crowded: 4, serially: true)
        #expect(after.groups.map(\.count) == [19])
        #expect(Self.groups(after, articles) == Self.groups(SharedPassages(articles, crowded: .max, serially: true), articles))
    }

    /// Edits that make, break and move classes of copies: the first copy edited away, every copy
    /// but one removed, a copy turned into the variant and back, articles added and removed.
    @Test func updatesFindWhatAFullSearchFinds() {
        var random = SplitMix(seed: 7)
        var articles: [String: ConvertedArticle] = [:]
        func sentences(_ number: Int) -> [String] {
            (0..<1 + random.below(3)).map { _ in [Self.footer, Self.variant, Self.unique(number), Self.unique(random.below(5))][random.below(4)] }
        }
        for number in 0..<40 { articles[Self.article(number, []).article.slug] = Self.article(number, sentences(number)) }
        var shared = SharedPassages(Self.byDate(Array(articles.values)), serially: true)
        for _ in 0..<60 {
            var changed: Set<String> = []
            for _ in 0..<1 + random.below(3) {
                let number = random.below(50)
                let slug = Self.article(number, []).article.slug
                if random.below(5) == 0 { articles[slug] = nil } else { articles[slug] = Self.article(number, sentences(number)) }
                changed.insert(slug)
            }
            let ordered = Self.byDate(Array(articles.values))
            shared = SharedPassages(ordered, updating: shared, changed: changed, serially: true)
            let full = SharedPassages(ordered, serially: true)
            #expect(Self.groups(shared, ordered) == Self.groups(full, ordered))
            #expect(shared.copies.map { $0.map(\.slug) } == full.copies.map { $0.map(\.slug) })
            #expect(Set(shared.links.map { "\($0.first.slug)#\($0.first.passage)-\($0.second.slug)#\($0.second.passage)" })
                == Set(full.links.map { "\($0.first.slug)#\($0.first.passage)-\($0.second.slug)#\($0.second.passage)" }))
        }
    }
}
