import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Site

/// The co-occurrence network: drawn at build time, the same on every build, and every line
/// leads to the sentences the two names share.
struct NetworkTests {
    @Test func everyLineOfTheNetworkLeadsToTheSentencesTheTwoShare() throws {
        let dossier = try OutletTests.seedSite()
        defer { dossier.cleanUp() }
        let page = try dossier.read("network.html")
        let svg = String(try #require(page.firstMatch(of: /<svg class="network".*?<\/svg>/)).0)
        #expect(MapTests.isWellFormed(svg))
        let lines = svg.matches(of: /<a href="([a-z]+)\/([a-z0-9-]+)\.html#with-([a-z0-9-]+)"><line [^>]*><title>([^<]*): (\d+) (gemeinsamer Satz|gemeinsame Sätze)<\/title>/)
        #expect(lines.count > 30)
        // One sentence is one "gemeinsamer Satz".
        #expect(lines.allSatisfy { ($0.5 == "1") == ($0.6 == "gemeinsamer Satz") } && lines.contains { $0.5 == "1" })
        #expect(lines.count == svg.components(separatedBy: "<line ").count - 1, "every line is a link")
        for line in lines {
            let target = try dossier.read("\(line.1)/\(line.2).html")
            let section = try #require(target.components(separatedBy: "<section class=\"together\" id=\"with-\(line.3)\">").dropFirst().first, "\(line.2) with \(line.3)")
            let together = section.components(separatedBy: "</section>")[0]
            // The count the line states, and the sentences: each marks the entity and links the spot.
            #expect(together.contains("<span class=\"count\">\(line.5)</span>"))
            let sentences = together.components(separatedBy: "<a class=\"context\" href=\"").dropFirst()
                .filter { $0.prefix { $0 != "\"" }.contains("#\(line.2)-") }.count
            #expect(sentences == min(Int(line.5)!, PageBuilder.sentencesPerNeighbour))
        }
        // The strongest tie of the seeds: Putin and Kim.
        #expect(page.contains(#"<li><a class="entity person" href="persons/kim-jong-un.html">Kim Jong Un</a> – <a class="entity person" href="persons/wladimir-putin.html">Wladimir Putin</a>"#)
                || page.contains(#"<li><a class="entity person" href="persons/wladimir-putin.html">Wladimir Putin</a> – <a class="entity person" href="persons/kim-jong-un.html">Kim Jong Un</a>"#))
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
    }

    @Test func anEntityPageDrawsItsNeighbourhoodAndListsTheSharedSentences() throws {
        let dossier = try OutletTests.seedSite()
        defer { dossier.cleanUp() }
        let page = try dossier.read("persons/dmitri-peskow.html")
        let svg = String(try #require(page.firstMatch(of: /<svg class="network".*?<\/svg>/)).0)
        #expect(MapTests.isWellFormed(svg))
        // Peskow stands in one sentence with Russland and the UN Security Council, among others.
        #expect(page.contains(##"<a class="count" href="#with-russland" title="Gemeinsame Sätze">"##))
        let marker = #"id="with-russland">"#
        let russland = try #require(page.components(separatedBy: marker).dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(russland.contains("<mark>Peskow</mark> sagte mit Blick auf die gegen Nordkorea verhängten Sanktionen, Russland bleibe"))
    }

    @Test func theSameGraphGetsTheSamePictureAndTiesPullNodesTogether() {
        let names = ["a", "b", "c", "d", "e", "f"]
        let edges: [GraphLayout.Edge] = [.init(from: 0, to: 1, weight: 10), .init(from: 2, to: 3, weight: 10), .init(from: 1, to: 2, weight: 1)]
        let first = GraphLayout.positions(names: names, edges: edges, width: 600, height: 400)
        let second = GraphLayout.positions(names: names, edges: edges, width: 600, height: 400)
        #expect(first.map(\.x) == second.map(\.x) && first.map(\.y) == second.map(\.y))
        #expect(first.allSatisfy { (40...560).contains($0.x) && (40...360).contains($0.y) })
        func distance(_ a: Int, _ b: Int) -> Int {
            let (dx, dy) = (first[a].x - first[b].x, first[a].y - first[b].y)
            return Int(Double(dx * dx + dy * dy).squareRoot())
        }
        #expect(distance(0, 1) < distance(4, 5) && distance(2, 3) < distance(0, 5))
        let pinned = GraphLayout.positions(names: names, edges: edges, width: 600, height: 400, pinned: 2)
        #expect(pinned[2].x == 300 && pinned[2].y == 200)
    }

    @Test func twoBuildsDrawTheSameBytes() throws {
        let first = try OutletTests.seedSite(), second = try OutletTests.seedSite()
        defer { first.cleanUp(); second.cleanUp() }
        for path in ["network.html", "map.html", "persons/wladimir-putin.html", "places/russland.html", "shared.html", "data/dossier.json"] {
            #expect(try first.read(path) == second.read(path), "\(path)")
        }
    }
}
