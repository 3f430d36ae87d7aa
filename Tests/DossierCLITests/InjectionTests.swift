import ArgumentParser
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierCLI
@testable import Site

/// Hostile text in every field a user controls (front matter, registry, settings, body,
/// captions, import options) reaches every output (pages' text and attributes, feed, sitemap)
/// as text: no element or attribute the payload brings, no link a browser would run, feeds
/// and sitemap well-formed; and every address outside http(s) and relative ones is refused.
struct InjectionTests {
    static let payload = #"x"><script>alert(1)</script><img src=x onerror=alert(2)>'&amp;{{title}}<!--"#
    /// The scripts the site loads on its own pages.
    static let ownScripts = ["data/entities.js", "assets/preview.js"]

    @Test func payloadsInEveryFieldStayText() throws {
        let dossier = try BadDossier()
        defer { dossier.cleanUp() }
        let p = Self.payload
        let quoted = ArticleFileQuoting.quoted(p)
        try dossier.write("content/dossier.yml", "title: \(quoted)\ndescription: \(quoted)\nbase_url: https://example.org/a?b=c&d=e/\n")
        try dossier.append("content/entities/e.yml", "- id: boese\n  type: org\n  name: \(quoted)\n  aliases: [\(ArticleFileQuoting.quoted("Böse" + p))]\n  description: \(quoted)\n  wikidata: Q1\n")
        try dossier.write("content/articles/boese.md", """
        ---
        title: \(quoted)
        outlet: \(quoted)
        authors: [\(quoted)]
        dateline: \(quoted)
        source: \(quoted)
        url: https://example.org/x?a=b&c=d
        teaser: \(quoted)
        captions:
          - text: \(quoted)
            credit: \(quoted)
            title: \(quoted)
        ---
        Text <script>alert(3)</script> <img src=x onerror=alert(4)> [Olaf](https://example.org "\\" onmouseover=\\"alert(5)")
        ![Bild](javascript:alert(6)) ![Daten](data:text/html;base64,PHNjcmlwdD4=) <a href="javascript:alert(7)">a</a>
        [Böse](org:boese) und [Scholz](person:olaf-scholz) `<script>` <https://example.org/"onmouseover="alert(8)>
        """)
        try dossier.write("eingang/bericht.txt", "Titel\n\nText über Berlin <script>alert(9)</script>.\n")
        try Import.parse(["--content", dossier.path("content"), "--outlet", p, dossier.path("eingang")]).run()
        try Build.parse(dossier.arguments(content: "content") + ["--output", dossier.path("site"), "--no-search"]).run()

        let site = try dossier.snapshot().filter { $0.key.hasPrefix("site/") && !$0.key.hasSuffix("/") }
        #expect(site.count > 10)
        for (path, bytes) in site {
            let text = String(decoding: bytes, as: UTF8.self)
            if path.hasSuffix(".html") {
                for tag in Self.tags(in: text) {
                    // The only scripts are the site's own files (the previews of article pages), never inline.
                    #expect(tag.name != "script" || Self.ownScripts.contains { tag.attributes["src"]?.hasSuffix($0) == true }, "\(path): a script element: \(tag.source)")
                    #expect(tag.name != "img" || !tag.attributes.keys.contains { $0.hasPrefix("on") }, "\(path): \(tag.source)")
                    for (name, value) in tag.attributes {
                        #expect(!name.hasPrefix("on"), "\(path): an event handler attribute: \(tag.source)")
                        if ["href", "src", "action", "formaction", "srcset"].contains(name) {
                            #expect(Self.isSafeAddress(value), "\(path): \(name)=\"\(value)\" in \(tag.source)")
                        }
                    }
                }
                #expect(!text.contains("<!--\""), "\(path): the payload opened a comment")
            }
            if path.hasSuffix("data/entities.js") {
                // A script of one JSON object: the payload stays a string in it.
                let json = text.dropFirst("window.dossierEntities = ".count).dropLast(2)
                #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) is [String: Any], "\(path) is one JSON object")
            }
            if path.hasSuffix(".xml") {
                let parser = XMLParser(data: Data(bytes))
                #expect(parser.parse(), "\(path) is well-formed XML: \(String(describing: parser.parserError))")
                #expect(!text.contains("<script"), "\(path) carries no markup of the payload")
            }
        }
        // The payload arrived (as text), so the checks above looked at it.
        #expect(site["site/articles/boese.html"].map { String(decoding: $0, as: UTF8.self).contains("&lt;script&gt;alert(1)&lt;/script&gt;") } == true)
        #expect(site["site/feed.xml"].map { String(decoding: $0, as: UTF8.self).contains("alert(1)") } == true)
    }

    /// Addresses that would run code or leave the web are refused where they are written.
    @Test(arguments: [
        ("content/articles/x.md", "---\ntitle: T\nurl: javascript:alert(1)\n---\nx\n", "url: address 'javascript:alert(1)' is not a web address"),
        ("content/articles/x.md", "---\ntitle: T\nurl: \" JavaScript:alert(1)\"\n---\nx\n", "contains a space"),
        ("content/articles/x.md", "---\ntitle: T\nurl: \"JavaScript:alert(1)\"\n---\nx\n", "is not a web address"),
        ("content/articles/x.md", "---\ntitle: T\nurl: data:text/html,x\n---\nx\n", "url: address 'data:text/html,x' is not a web address"),
        ("content/articles/x.md", "---\ntitle: T\nurl: //evil.example/x\n---\nx\n", "is not a web address"),
        ("content/articles/x.md", "---\ntitle: T\nurl: \"https://x.org/\\\" onclick=\\\"a\"\n---\nx\n", "contains a space, a quote"),
        ("content/dossier.yml", "base_url: javascript:alert(1)//\n", "base_url: address 'javascript:alert(1)//' is not a web address"),
        ("content/dossier.yml", "base_url: file:///etc/\n", "base_url: address 'file:///etc/' is not a web address"),
        ("content/articles/x.md", "---\ntitle: T\n---\n[x](JaVaScRiPt:alert(1))\n", "'JaVaScRiPt:' is not an entity type or a web address"),
        ("content/articles/x.md", "---\ntitle: T\n---\n[x](jav&#x61;script:alert(1))\n", "link to 'javascript:alert(1)'"),
        ("content/articles/x.md", "---\ntitle: T\n---\n[x](vbscript:msgbox)\n", "'vbscript:' is not an entity type"),
        ("content/articles/x.md", "---\ntitle: T\n---\n[x](data:text/html;base64,PHNjcmlwdD4=)\n", "'data:' is not an entity type"),
        ("content/articles/x.md", "---\ntitle: T\n---\n[x](file:///etc/passwd)\n", "'file:' is not an entity type"),
        ("content/dossier.yml", "language: \"de\\\"><script>\"\n", "is not a language tag"),
        ("content/articles/x.md", "---\ntitle: T\nlanguage: \"en onmouseover=x\"\n---\nx\n", "is not a language tag"),
        ("content/entities/w.yml", "- id: w\n  type: org\n  name: W\n  wikidata: \"Q1\\\" onmouseover=\\\"x\"\n", "is not a Wikidata id"),
    ])
    func addressesOutsideTheWebAreRefused(file: String, text: String, expected: String) throws {
        let dossier = try BadDossier()
        defer { dossier.cleanUp() }
        try dossier.write(file, text)
        #expect { try SiteBuilder(options: .init(content: URL(fileURLWithPath: dossier.path("content")), output: URL(fileURLWithPath: dossier.path("site")))).build() }
            throws: { error in "\(error)".contains(expected) || { Issue.record("said: \(error)"); return false }() }
        #expect(!FileManager.default.fileExists(atPath: dossier.path("site")))
    }

    @Test func importOptionsRefuseAddressesOutsideTheWeb() {
        #expect(throws: (any Error).self) { try Import.parse(["--url", "javascript:alert(1)", "x.txt"]) }
        #expect(throws: (any Error).self) { try Import.parse(["--url", "ftp://example.org/x", "x.txt"]) }
        #expect(throws: (any Error).self) { try Import.parse(["--date", "2023-02-30", "x.txt"]) }
        #expect((try? Import.parse(["--url", "https://example.org/x", "x.txt"])) != nil)
    }

    /// The checks above see what a browser would run, so their silence means something.
    @Test func theCheckSeesWhatABrowserWouldRun() {
        let tags = Self.tags(in: #"<p>a</p><!-- <script>no</script> --><script>x</script><img src=x onerror=alert(1)><a href="JavaScript:y" title='t'>"#)
        #expect(tags.map(\.name) == ["p", "script", "img", "a"])
        #expect(tags[2].attributes["onerror"] == "alert(1)")
        #expect(!Self.isSafeAddress(tags[3].attributes["href"]!) && Self.isSafeAddress("../persons/a.html#x-1") && Self.isSafeAddress("https://a.org/?q=b:c"))
    }

    static func isSafeAddress(_ value: String) -> Bool {
        let lowered = value.lowercased().filter { !$0.isWhitespace }
        guard let colon = lowered.firstIndex(of: ":") else { return true }
        let scheme = lowered[..<colon]
        // A colon after a slash, `?` or `#` is inside a relative address.
        if scheme.contains(where: { "/?#".contains($0) }) { return true }
        return ["http", "https", "mailto"].contains(String(scheme))
    }

    struct Tag {
        var name: String
        var attributes: [String: String]
        var source: String
    }

    /// The start tags of an HTML page as a browser tokenizes them (enough for generated pages:
    /// quoted and unquoted attribute values, comments skipped).
    static func tags(in html: String) -> [Tag] {
        var tags: [Tag] = []
        let characters = Array(html.unicodeScalars)
        var index = 0
        func isNameCharacter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == ":" }
        while index < characters.count {
            guard characters[index] == "<" else { index += 1; continue }
            if Array(characters[index..<min(index + 4, characters.count)]) == Array("<!--".unicodeScalars) {
                let rest = String(String.UnicodeScalarView(characters[index...]))
                index += (rest.range(of: "-->").map { rest.unicodeScalars.distance(from: rest.unicodeScalars.startIndex, to: $0.upperBound.samePosition(in: rest.unicodeScalars)!) } ?? characters.count)
                continue
            }
            let start = index
            index += 1
            guard index < characters.count, characters[index].properties.isAlphabetic else { continue }
            var name = ""
            while index < characters.count, isNameCharacter(characters[index]) { name.unicodeScalars.append(characters[index]); index += 1 }
            var attributes: [String: String] = [:]
            while index < characters.count, characters[index] != ">" {
                if characters[index] == " " || characters[index] == "\n" || characters[index] == "\t" || characters[index] == "/" { index += 1; continue }
                var attribute = ""
                while index < characters.count, !" \n\t/>=".unicodeScalars.contains(characters[index]) { attribute.unicodeScalars.append(characters[index]); index += 1 }
                var value = ""
                if index < characters.count, characters[index] == "=" {
                    index += 1
                    if index < characters.count, characters[index] == "\"" || characters[index] == "'" {
                        let quote = characters[index]
                        index += 1
                        while index < characters.count, characters[index] != quote { value.unicodeScalars.append(characters[index]); index += 1 }
                        index += 1
                    } else {
                        while index < characters.count, !" \n\t>".unicodeScalars.contains(characters[index]) { value.unicodeScalars.append(characters[index]); index += 1 }
                    }
                }
                if !attribute.isEmpty { attributes[attribute.lowercased()] = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"") }
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes, source: String(String.UnicodeScalarView(characters[start..<min(index + 1, characters.count)]))))
        }
        return tags
    }
}

/// YAML double quoting as the importer writes it, for payloads in hand-written test files.
enum ArticleFileQuoting {
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
