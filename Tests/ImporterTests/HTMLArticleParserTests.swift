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

    /// A page without meta tags for them: the date its `<time>` prints, the byline in an
    /// `<address>` (where each writes from left out), the standfirst as the teaser, and a
    /// caption's credit after its last sentence.
    @Test func theDateTheBylineAndTheStandfirstThePagePrints() throws {
        let page = """
        <html lang="en"><head><title>Kim and Putin hold talks | World | The Guardian</title></head><body>
        <article><h1>Kim Jong-un and Vladimir Putin hold talks at Russian space centre</h1>
        <div class="standfirst"><p>North Korean leader offers Moscow ‘full and unconditional support’</p></div>
        <address aria-label="Contributor info">Pjotr Sauer in Moscow and Justin McCurry in Tokyo</address>
        <time>Wed 13 Sep 2023 10.04 BST</time>
        <figure><img src="a.jpg" alt="Putin and Kim"><figcaption>Putin and Kim at the cosmodrome on Wednesday. Photograph: Vladimir Smirnov/AP</figcaption></figure>
        <p>Kim Jong-un has offered Vladimir Putin his full support at a summit in Russia’s far east.</p>
        <p>Putin said the two countries had discussed all issues.</p></article>
        <footer><address>Jane Publisher, Editor, Kings Place</address></footer></body></html>
        """
        let article = try HTMLArticleParser(file: "g.html").parse(Data(page.utf8))
        #expect(article.date == "2023-09-13")
        #expect(article.authors == ["Pjotr Sauer", "Justin McCurry"])
        let withoutByline = try HTMLArticleParser(file: "g.html").parse(Data(page.replacingOccurrences(of: "<address aria-label=\"Contributor info\">Pjotr Sauer in Moscow and Justin McCurry in Tokyo</address>", with: "").utf8))
        #expect(withoutByline.authors.isEmpty, "the footer's address names no author")
        #expect(article.teaser == "North Korean leader offers Moscow ‘full and unconditional support’")
        #expect(article.captions.map(\.credit) == ["Vladimir Smirnov/AP"])
        #expect(article.blocks == ["Kim Jong-un has offered Vladimir Putin his full support at a summit in Russia’s far east.",
                                   "Putin said the two countries had discussed all issues."])
    }

    /// What a page tells search engines of its article: the canonical address, schema.org's
    /// JSON-LD (in `@graph`, beside objects of other types) for the date, the authors (people,
    /// not the desk nor an organisation), the publisher as outlet, the headline where the page
    /// has no `<h1>`; the date a microdata tag marks; the address a browser noted on saving.
    @Test func theAddressAndWhatTheLinkedDataSays() throws {
        let linked = """
        <!DOCTYPE html><html lang="en"><head><title>Putin and Kim meet | Reuters</title>
        <link rel="canonical" href="https://www.reuters.com/world/putin-kim-meet-2023-09-13/">
        <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
          {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "item": {"@id": "https://www.reuters.com/world/", "name": "World"}}]},
          {"@type": ["NewsArticle"], "headline": "Putin and Kim meet at Russian spaceport, discuss military matters",
           "datePublished": "2023-09-13T05:42:00Z", "dateCreated": "2023-09-12T20:00:00Z",
           "author": [{"@type": "Person", "name": "Guy Faulconbridge"}, {"@type": "Person", "name": "Our Foreign Staff"}, {"@type": "Organization", "name": "Reuters Staff"}, "Josh Smith", {"@type": "Person", "name": "Staffan Lindberg"}],
           "publisher": {"@type": "Organization", "name": "Reuters"}, "description": "North Korean leader Kim Jong Un invited Putin."}]}
        </script></head><body><div class="story"><p>North Korean leader Kim Jong Un invited Russian President Vladimir Putin to visit.</p>
        <p>Putin said the talks were good.</p></div></body></html>
        """
        let article = try HTMLArticleParser(file: "r.html").parse(Data(linked.utf8))
        #expect(article.url == "https://www.reuters.com/world/putin-kim-meet-2023-09-13/")
        #expect(article.date == "2023-09-13")
        #expect(article.authors == ["Guy Faulconbridge", "Josh Smith", "Staffan Lindberg"])
        #expect(article.outlet == "Reuters")
        #expect(article.title == "Putin and Kim meet at Russian spaceport, discuss military matters")
        #expect(article.teaser == "North Korean leader Kim Jong Un invited Putin.")

        // Only an og:url and a microdata date; JSON-LD that is no article, or no JSON, gives nothing.
        let tagged = """
        <html><head><meta property="og:url" content="https://example.org/a"><link rel="canonical" href="javascript:alert(1)">
        <meta itemprop="datePublished" content="2017-11-16T14:15+0000">
        <script type="application/ld+json">{"@type": "WebSite", "url": "https://example.org/", "name": "Example", "datePublished": "2001-01-01"}</script>
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script></head>
        <body><article><h1>Zimbabwe coup</h1><p>Robert Mugabe is insisting he finishes his term, a priest said on Thursday.</p></article></body></html>
        """
        let other = try HTMLArticleParser(file: "t.html").parse(Data(tagged.utf8))
        #expect(other.url == "https://example.org/a")
        #expect(other.date == "2017-11-16")
        #expect(other.title == "Zimbabwe coup" && other.authors.isEmpty && other.outlet.isEmpty)

        // The address a browser notes on saving, and JSON-LD's dateCreated where nothing else gives a date.
        let saved = """
        <!-- saved from url=(0034)https://example.org/news/article -->
        <html><head><script type="application/ld+json">{"@type": "Article", "dateCreated": "2017-11-17T10:41:09Z", "author": "By Jane Doe"}</script></head>
        <body><article><h1>Headline here</h1><p>The text of the article, a sentence long enough to count.</p></article></body></html>
        """
        let third = try HTMLArticleParser(file: "s.html").parse(Data(saved.utf8))
        #expect(third.url == "https://example.org/news/article")
        #expect(third.date == "2017-11-17")
        #expect(third.authors == ["Jane Doe"])
    }

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
        <figure><img src="c.jpg" alt=""><figcaption>Biden greets Xi in Woodside, Calif. (AP Photo/Evan Vucci)</figcaption></figure>
        <p>Die Ahr trat über die Ufer.</p><p>Helfer kamen.</p></article></body></html>
        """
        let article = try HTMLArticleParser(file: "flut.html").parse(Data(page.utf8))
        #expect(article.captions == [.init(text: "Überflutete Straße in Ahrweiler", credit: "Reuters/Wolfgang Rattay"), .init(text: "Helfer im Einsatz", credit: "THW"),
                                     .init(text: "Biden greets Xi in Woodside, Calif.", credit: "AP Photo/Evan Vucci")])
    }

    /// Short lines after the last paragraph are a box of other content and left out, but the
    /// warning names each, so nothing goes without a word; a list that the last paragraph
    /// announces with a colon is the article's own and stays, however short its items.
    @Test func aBoxAfterTheTextIsLeftOutWithAWarningAndAnAnnouncedListStays() throws {
        func page(_ end: String) -> Data {
            Data("<html><body><article><h1>Putin empfängt Kim</h1><p>Kim Jong Un reiste mit dem Zug an, sagte ein Sprecher.</p>\(end)</article></body></html>".utf8)
        }
        let announced = try HTMLArticleParser(file: "liste.html").parse(page("<p>Vereinbart wurde nach Angaben des Kreml:</p><ul><li>Hilfe beim Bau von Satelliten</li><li>Austausch von Piloten</li></ul><p>Ressorts</p>"))
        #expect(announced.blocks == ["Kim Jong Un reiste mit dem Zug an, sagte ein Sprecher.", "Vereinbart wurde nach Angaben des Kreml:",
                                     ImportedArticle.bulletedItem("Hilfe beim Bau von Satelliten", first: true), "• Austausch von Piloten"])
        #expect(announced.warnings.contains("liste.html: left out a short line after the last paragraph as a box of other content (\"Ressorts\"); if the article ends with it, add it to its text"))
        let box = try HTMLArticleParser(file: "box.html").parse(page("<h2>Ressorts</h2><ul><li>Politik</li><li>Wirtschaft</li><li>Sport</li></ul>"))
        #expect(box.blocks == ["Kim Jong Un reiste mit dem Zug an, sagte ein Sprecher."])
        #expect(box.warnings.contains("box.html: left out 4 short lines after the last paragraph as a box of other content (\"Ressorts\", \"Politik\", \"Wirtschaft\", …); if the article ends with them, add them to its text"))
        // A list after a paragraph that does not announce it is a box like any other.
        let unannounced = try HTMLArticleParser(file: "x.html").parse(page("<ul><li>Kim in Moskau</li></ul>"))
        #expect(unannounced.blocks == ["Kim Jong Un reiste mit dem Zug an, sagte ein Sprecher."])
        #expect(unannounced.warnings.contains { $0.hasPrefix("x.html: left out a short line after the last paragraph") })
        // An article that ends with its text has nothing left out.
        #expect(!(try HTMLArticleParser(file: "y.html").parse(page(""))).warnings.contains { $0.contains("left out") })
    }

    /// Text a page shows screen readers only ("Media caption", "Image copyright" before a
    /// caption, in classes such as `off-screen` and `sr-only`) and images drawn as rules
    /// (`height="2"`, alt "line") are no part of the article or its captions.
    @Test func screenReaderLabelsAndRulesAreNoText() throws {
        let page = """
        <html><body><article><h1>Obama admits gun laws are his biggest frustration</h1>
        <figure><img src="a.jpg" alt="Obama"><figcaption class="media-caption"><span class="off-screen">Media caption</span> \
        <span class="media-caption__text">Mr Obama told the BBC that gun control was his biggest frustration</span></figcaption></figure>
        <p>President Barack Obama has admitted his failure, he said.<span class="sr-only">Advertisement</span></p>
        <figure><img src="line.jpg" alt="line" height="2" width="464"></figure>
        <p><img src="line.jpg" alt="line" height="2"></p>
        <p hidden>Hidden text.</p><p>In an interview with the BBC, Mr Obama said it was distressing.</p>
        </article></body></html>
        """
        let article = try HTMLArticleParser(file: "bbc.html").parse(Data(page.utf8))
        #expect(article.captions.map(\.text) == ["Mr Obama told the BBC that gun control was his biggest frustration"])
        #expect(article.blocks == ["President Barack Obama has admitted his failure, he said.", "In an interview with the BBC, Mr Obama said it was distressing."])
        // A page whose text is all hidden keeps its headline, and the warning says the text is missing.
        let hidden = try HTMLArticleParser(file: "leer.html").parse(Data("<html><body><article><h1>Titel</h1><p hidden>Nur versteckt.</p></article></body></html>".utf8))
        #expect(hidden.title == "Titel" && hidden.blocks.isEmpty)
        #expect(hidden.warnings.contains("leer.html: no text found under the headline; the article is its title only, add its text to the file"))
    }
}
