import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Site

/// Locator maps and the map of all places: drawn at build time from Natural Earth's outlines,
/// well-formed SVG with whole-number coordinates, each dot where its place is.
struct MapTests {
    @Test func aPlaceWithCoordinatesGetsALocatorMapWithItsDotAtThePlace() throws {
        let dossier = try OutletTests.seedSite()
        defer { dossier.cleanUp() }
        let page = try dossier.read("places/kosmodrom-wostotschny.html")
        let svg = String(try #require(page.firstMatch(of: /<svg class="map locator".*?<\/svg>/)).0)
        #expect(Self.isWellFormed(svg))
        // 51.884° N, 128.334° E in tenths of a degree, y southwards; the window 50° by 30° around it.
        #expect(svg.contains(#"<circle class="spot" cx="1283" cy="-519" r="9"/>"#))
        #expect(svg.contains(#"viewBox="1033 -669 500 300""#))
        #expect(svg.contains(#"aria-label="Karte: Kosmodrom Wostotschny, 51,9° N, 128,3° O""#))
        #expect(page.contains(#"<a href="https://www.openstreetmap.org/?mlat=51.884&amp;mlon=128.334#map=8/51.884/128.334">51,9° N, 128,3° O</a>"#))
        // A person has no map.
        #expect(!(try dossier.read("persons/wladimir-putin.html")).contains("<svg class=\"map"))
    }

    @Test func theMapShowsEveryPlaceWithCoordinatesSizedByMentionsAndLinked() throws {
        let dossier = try OutletTests.seedSite()
        defer { dossier.cleanUp() }
        let page = try dossier.read("map.html")
        let svg = String(try #require(page.firstMatch(of: /<svg class="map overview".*?<\/svg>/)).0)
        #expect(Self.isWellFormed(svg))
        let dots = svg.matches(of: /<a href="places\/([a-z0-9-]+)\.html"><circle class="spot" cx="(-?\d+)" cy="(-?\d+)" r="(\d+)"><title>([^<]*)<\/title>/)
        #expect(dots.count == 22, "every seed place has coordinates")
        #expect(svg.contains(#"aria-label="Karte: 22 Orte""#))
        let radius = Dictionary(uniqueKeysWithValues: dots.map { (String($0.1), Int($0.4)!) })
        #expect(radius["russland"]! > radius["kasachstan"]!, "Russland is mentioned far more often")
        #expect(dots.contains { $0.1 == "wladiwostok" && $0.2 == "1319" && $0.3 == "-431" })
        #expect(svg.contains(">Russland</text>"))
        // The table below the map lists every place with its count and coordinates.
        #expect(page.components(separatedBy: #"<tr><th scope="row"><a class="entity place""#).count - 1 == 22)
        #expect(page.contains(#"<a class="entity place" href="places/kosmodrom-baikonur.html">Kosmodrom Baikonur</a></th><td>"#))
        #expect(LinkChecker.brokenLinks(in: try dossier.snapshot()) == [])
    }

    /// Counts are said in the right number: the map's name for screen readers, what it leaves
    /// out, an outlet's page.
    @Test func countsOfOneAreSingular() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.build()
        let map = try dossier.read("map.html")
        #expect(map.contains(#"aria-label="Karte: 1 Ort""#), "only Russland has coordinates")
        #expect(map.contains("2 Orte ohne Koordinaten im Verzeichnis sind nicht eingezeichnet."))
        #expect(try dossier.read("outlets/dpa.html").contains(#"<p class="stats">1 Artikel · "#))
        #expect(try dossier.read("index.html").contains(#"<p class="stats">2 Artikel · 2 Medien"#))
    }

    @Test func outlinesAreReadOnceAndOnlyThoseInTheWindowAreDrawn() {
        let outlines = WorldOutlines.builtIn
        #expect(outlines.rings.count == 286)
        let eastAsia = outlines.path(in: MapWindow.around(longitude: 1283, latitude: 519, width: 500, height: 300))
        #expect(!eastAsia.isEmpty && eastAsia.count < outlines.path(in: MapWindow(west: -1800, east: 1800, south: -900, north: 900)).count / 5)
        // South America lies outside it.
        #expect(!eastAsia.contains("M-7"))
        #expect(MapWindow.around(longitude: 1790, latitude: 880, width: 500, height: 300) == MapWindow(west: 1300, east: 1800, south: 600, north: 900))
    }

    static func isWellFormed(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }
}
