import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Site

/// The feeds of the dossier, of each entity and of each outlet: well-formed Atom with absolute ids,
/// the newest articles first, linked from their pages.
struct FeedTests {
    /// The entries' titles, ids and alternate links of the Atom feed `xml`, checked well-formed.
    final class Entries: NSObject, XMLParserDelegate {
        var titles: [String] = [], ids: [String] = [], links: [String] = [], updated: [String] = []
        private var text = "", depth = 0, inEntry = false

        init(_ xml: String) throws {
            super.init()
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = self
            guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "entry" { inEntry = true }
            if inEntry, name == "link", attributes["rel"] == "alternate", let href = attributes["href"] { links.append(href) }
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard inEntry else { return }
            switch name {
            case "title": titles.append(text)
            case "id": ids.append(text)
            case "updated": updated.append(text)
            case "entry": inEntry = false
            default: break
            }
        }
    }

    @Test func everyMentionedEntityAndOutletHasAFeedOfItsNewestArticles() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/ohne-datum.md", "---\ntitle: Ohne Datum\noutlet: ORF\n---\n[Putin](person:wladimir-putin) schwieg.\n")
        try dossier.write("content/entities/more.yml", "- id: xi-jinping\n  type: person\n  name: Xi Jinping\n")
        try dossier.build()
        let putin = try Entries(try dossier.read("feeds/persons/wladimir-putin.xml"))
        #expect(putin.titles == ["Putin trifft Kim", "Blick aus Wien", "Ohne Datum"], "newest first, the undated last")
        #expect(putin.links == ["../../articles/treffen.html", "../../articles/wien.html", "../../articles/ohne-datum.html"])
        #expect(putin.ids.allSatisfy { $0.hasPrefix("urn:dossier:testdossier:articles/") })
        #expect(putin.updated.last == "2023-09-13T00:00:00Z", "an undated article is as new as the newest dated one")
        #expect(try dossier.read("persons/wladimir-putin.html").contains(#"<link rel="alternate" type="application/atom+xml" href="../feeds/persons/wladimir-putin.xml" title="Wladimir Putin">"#))
        let orf = try Entries(try dossier.read("feeds/outlets/orf.xml"))
        #expect(orf.titles == ["Blick aus Wien", "Ohne Datum"])
        #expect(try dossier.read("outlets/orf.html").contains(#"href="../feeds/outlets/orf.xml""#))
        // An entity no article mentions has no feed to subscribe to.
        #expect(dossier.exists("persons/xi-jinping.html") && !dossier.exists("feeds/persons/xi-jinping.xml"))
        #expect(!(try dossier.read("persons/xi-jinping.html")).contains("feeds/"))
        // Under base_url every address and id is absolute.
        try dossier.write("content/dossier.yml", "title: Testdossier\nlanguage: de\nbase_url: https://example.org/d/\n")
        try dossier.build()
        let absolute = try Entries(try dossier.read("feeds/persons/wladimir-putin.xml"))
        #expect(absolute.ids.first == "https://example.org/d/articles/treffen.html")
        #expect(absolute.links.first == "https://example.org/d/articles/treffen.html")
        let main = try Entries(try dossier.read("feed.xml"))
        #expect(main.ids.allSatisfy { $0.hasPrefix("https://example.org/d/articles/") })
    }
}
