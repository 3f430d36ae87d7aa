import Foundation
import Testing
@testable import Site

/// Title, teaser, dateline, authors and captions name entities with the body's link syntax.
struct FieldAnnotationTests {
    static let article = """
    ---
    title: "[Putin](person:wladimir-putin) am [Amur](place:amur)"
    outlet: ORF
    date: 2023-09-13
    dateline: "[Amur](place:amur)"
    teaser: Mehr bei [Reuters](https://www.reuters.com/a) über [Kim](person:kim-jong-un) und [Details](wien.html).
    captions:
      - text: "[Putin](person:wladimir-putin) winkt"
        credit: "[TASS](org:tass)/Max Muster"
    ---
    Der Text über [Putin](person:wladimir-putin).
    """

    func dossier() throws -> TestDossier {
        let dossier = try TestDossier.standard()
        try dossier.write("content/articles/felder.md", Self.article)
        return dossier
    }

    @Test func theArticlePageLinksWhatItsFieldsName() throws {
        let dossier = try dossier()
        defer { dossier.cleanUp() }
        try dossier.build()
        let page = try dossier.read("articles/felder.html")
        // Numbered in page order: dateline, title, teaser, caption, then the body.
        #expect(page.contains(#"<span class="dateline"><a class="mention place" id="amur-1" href="../places/amur.html" title="Amur">Amur</a></span>"#))
        #expect(page.contains(#"<h1><a class="mention person" id="wladimir-putin-1" href="../persons/wladimir-putin.html" title="Wladimir Putin">Putin</a> am <a class="mention place" id="amur-2" href="../places/amur.html" title="Amur">Amur</a></h1>"#))
        #expect(page.contains(#"<p class="teaser">Mehr bei <a href="https://www.reuters.com/a">Reuters</a> über <a class="mention person" id="kim-jong-un-1" href="../persons/kim-jong-un.html" title="Kim Jong Un">Kim</a> und <a href="wien.html">Details</a>.</p>"#))
        #expect(page.contains(#"<a class="mention person" id="wladimir-putin-3" href="../persons/wladimir-putin.html" title="Wladimir Putin">Putin</a> winkt"#))
        #expect(page.contains(#"<span class="credit">Foto: <a class="mention org" id="tass-1" href="../orgs/tass.html" title="TASS">TASS</a>/Max Muster</span>"#))
        #expect(page.contains(#"id="wladimir-putin-2" href="../persons/wladimir-putin.html" title="Wladimir Putin">Putin</a>.</p>"#))
        // Where the field is itself a link or plain text, it reads as text.
        #expect(page.contains("<title>Putin am Amur · Testdossier</title>"))
        let home = try dossier.read("index.html")
        #expect(home.contains(#"<a href="articles/felder.html">Putin am Amur</a>"#))
        // Lists show the teaser's links, without the ids that belong to the article's page,
        // relative links taken from the article's folder.
        #expect(home.contains(#"<p class="teaser">Mehr bei <a href="https://www.reuters.com/a">Reuters</a> über <a class="mention person" href="persons/kim-jong-un.html" title="Kim Jong Un">Kim</a> und <a href="articles/wien.html">Details</a>.</p>"#))
        let feed = try dossier.read("feed.xml")
        // The feed's summary is HTML with the same links, relative to the feed.
        #expect(feed.contains(#"<summary type="html">Mehr bei &lt;a href=&quot;https://www.reuters.com/a&quot;&gt;Reuters&lt;/a&gt; über &lt;a class=&quot;mention person&quot; href=&quot;persons/kim-jong-un.html&quot;"#))
        #expect(!home.contains("](") && !feed.contains("]("))
        #expect(feed.contains("<title>Putin am Amur</title>"))
    }

    @Test func entityPagesCountFieldMentionsAndSayWhereTheyStand() throws {
        let dossier = try dossier()
        defer { dossier.cleanUp() }
        try dossier.build()
        let putin = try dossier.read("persons/wladimir-putin.html")
        #expect(putin.contains(#"<a class="context" href="../articles/felder.html#wladimir-putin-1"><span class="field">Titel</span> <mark>Putin</mark> am Amur</a>"#))
        // Numbered in the page's order: the header, the body, the captions after it.
        #expect(putin.contains(#"<a class="context" href="../articles/felder.html#wladimir-putin-3"><span class="field">Bildunterschrift</span> <mark>Putin</mark> winkt</a>"#))
        #expect(putin.contains(#"<a class="context" href="../articles/felder.html#wladimir-putin-2">Der Text über <mark>Putin</mark>.</a>"#))
        let tass = try dossier.read("orgs/tass.html")
        #expect(tass.contains(#"<span class="field">Bildnachweis</span> <mark>TASS</mark>/Max Muster</a>"#))
        let kim = try dossier.read("persons/kim-jong-un.html")
        #expect(kim.contains(#"<span class="field">Vorspann</span> Mehr bei Reuters über <mark>Kim</mark> und Details.</a>"#))
        // A field mention counts like a body mention: three of Putin in this article.
        let amur = try dossier.read("places/amur.html")
        #expect(amur.contains(#"<span class="field">Ortsmarke</span> <mark>Amur</mark></a>"#))
        #expect(dossier.check().isEmpty)
    }

    @Test func aWrongAnnotationInAFieldIsReportedWhereItStands() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/kaputt.md", """
        ---
        title: Kaputt
        teaser: Über [Xi](person:xi-jinping) und [Putin](place:wladimir-putin).
        captions:
          - text: Bild
            credit: "[AFP](org:afp)"
        authors: ["[Anna](person:anna)"]
        ---
        Text.
        """)
        #expect(throws: (any Error).self) { try dossier.build() }
        // `check` reports the same, every one at once.
        #expect(dossier.check().joined(separator: "\n") == """
            content/articles/kaputt.md:3:14: error: unknown entity 'person:xi-jinping': add it to content/entities/ or fix the id
            content/articles/kaputt.md:3:42: error: unknown entity 'place:wladimir-putin': it is a person: write person:wladimir-putin
            content/articles/kaputt.md:6:14: error: unknown entity 'org:afp': add it to content/entities/ or fix the id
            content/articles/kaputt.md:7:10: error: unknown entity 'person:anna': add it to content/entities/ or fix the id
            """)
    }

    @Test func aBrokenRelativeLinkInAFieldIsFoundByTheLinkCheck() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/verweis.md", "---\ntitle: Verweis\nteaser: Siehe [dort](fehlt.html).\n---\nText.\n")
        // The article's page and the home page, which lists the teaser with its links.
        #expect(dossier.check() == ["site/articles/verweis.html: error: fehlt.html -> missing articles/fehlt.html",
                                    "site/index.html: error: articles/fehlt.html -> missing articles/fehlt.html"])
    }

    @Test func aFragmentLinkInATeaserLeadsToTheArticleFromLists() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/verweis.md", "---\ntitle: Verweis\nteaser: Siehe [unten](#unten).\n---\nText.\n")
        try dossier.build()
        #expect(try dossier.read("articles/verweis.html").contains(##"Siehe <a href="#unten">unten</a>."##))
        #expect(try dossier.read("index.html").contains(##"Siehe <a href="articles/verweis.html#unten">unten</a>."##))
    }

    @Test func fieldsWithoutLinksAndBracketsThatAreNoLinksStayAsWritten() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        try dossier.write("content/articles/klammer.md", "---\ntitle: \"[Video] Kim <b>kommt</b> (live)\"\nteaser: \"+++ Liveticker +++ [1] *nicht fett*\"\n---\nText.\n")
        try dossier.build()
        let page = try dossier.read("articles/klammer.html")
        #expect(page.contains("<h1>[Video] Kim &lt;b&gt;kommt&lt;/b&gt; (live)</h1>"))
        #expect(page.contains(#"<p class="teaser">+++ Liveticker +++ [1] *nicht fett*</p>"#))
    }
}
