import Foundation
import Testing
@testable import Importer

struct HTMLArticleParserTests {
    static let page = """
    <!DOCTYPE html><html><head><title>Putin empfängt Kim | Beispielzeitung</title>
    <meta property="og:site_name" content="Beispielzeitung">
    <meta property="article:published_time" content="2023-09-13T10:15:00+02:00">
    <meta name="author" content="Anna Muster und Ben Beispiel">
    <script>var tracking = "Putin";</script></head>
    <body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
    <article>
      <h1>Putin empfängt Kim am Kosmodrom</h1>
      <p class="lead">Wladiwostok (dpa) - Der russische Präsident hat Kim Jong Un empfangen.</p>
      <figure><img src="x.jpg" alt="Kim und Putin"><figcaption>Kim und Putin beim Rundgang <span class="credit">Foto: AP/Sputnik</span></figcaption></figure>
      <h2>Raketen &amp; „Waffen“</h2>
      <p>Es ging um <b>Raketen</b>, sagte ein Sprecher.</p>
      <div class="ad-slot"><p>Jetzt abonnieren!</p></div>
      <aside><p>Lesen Sie auch: etwas anderes</p></aside>
    </article>
    <footer><p>Impressum</p></footer></body></html>
    """

    /// libxml2 stops at 256 nested elements; the text below would be lost without a word.
    @Test func aPageNestedTooDeepIsRefusedNotEmptied() throws {
        let deep = "<html><body>" + String(repeating: "<div>", count: 300) + "<p>Olaf Scholz in Berlin.</p>" + String(repeating: "</div>", count: 300) + "</body></html>"
        #expect { try HTMLArticleParser(file: "tief.html").parse(Data(deep.utf8)) } throws: { "\($0)".contains("tief.html:1:1: error: the page nests elements more than 256 deep") }
        let shallow = "<html><body>" + String(repeating: "<div>", count: 100) + "<p>Olaf Scholz in Berlin.</p>" + String(repeating: "</div>", count: 100) + "</body></html>"
        #expect(try HTMLArticleParser(file: "flach.html").parse(Data(shallow.utf8)).blocks == ["Olaf Scholz in Berlin."])
    }

    @Test func keepsArticleStructureAndDropsNavigationScriptsAndAds() throws {
        let article = try HTMLArticleParser(file: "page.html").parse(Data(Self.page.utf8))
        #expect(article.title == "Putin empfängt Kim am Kosmodrom")
        #expect(article.outlet == "Beispielzeitung")
        #expect(article.date == "2023-09-13")
        #expect(article.authors == ["Anna Muster", "Ben Beispiel"])
        #expect(article.dateline == "Wladiwostok")
        #expect(article.blocks == ["Der russische Präsident hat Kim Jong Un empfangen.", "## Raketen & „Waffen“", "Es ging um Raketen, sagte ein Sprecher."])
        #expect(article.captions == [.init(text: "Kim und Putin beim Rundgang", credit: "AP/Sputnik")])
    }

    @Test func aCreditWrittenIntoTheCaptionIsTheCredit() throws {
        let page = """
        <html><body><article><h1>Flut</h1>
        <figure><img src="a.jpg" alt=""><figcaption>Überflutete Straße in Ahrweiler Foto: Credit: Reuters/Wolfgang Rattay</figcaption></figure>
        <figure><img src="b.jpg" alt=""><figcaption>Helfer im Einsatz <span class="credit">(Bild: THW)</span></figcaption></figure>
        <p>Die Ahr trat über die Ufer.</p><p>Helfer kamen.</p></article></body></html>
        """
        let article = try HTMLArticleParser(file: "flut.html").parse(Data(page.utf8))
        #expect(article.captions == [.init(text: "Überflutete Straße in Ahrweiler", credit: "Reuters/Wolfgang Rattay"), .init(text: "Helfer im Einsatz", credit: "THW")])
    }
}
