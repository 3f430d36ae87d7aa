import Testing
@testable import Markdown
import SourceText

struct MarkdownRendererTests {
    @Test func rendersCommonMark() throws {
        #expect(try MarkdownRenderer().render("## Treffen\n\nHallo *Welt*") == "<h2>Treffen</h2>\n<p>Hallo <em>Welt</em></p>\n")
    }

    @Test func keepsTypographyAsWritten() throws {
        #expect(try MarkdownRenderer().render("„Wir werden“ – sagte \"er\"") == "<p>„Wir werden“ – sagte &quot;er&quot;</p>\n")
    }

    @Test func rawHTMLIsShownEscapedUnlessAllowed() throws {
        let markdown = "Text <b>fett</b>\n\n<script>alert(1)</script>\n"
        #expect(try MarkdownRenderer().render(markdown) == "<p>Text &lt;b&gt;fett&lt;/b&gt;</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")
        #expect(try MarkdownRenderer(allowsRawHTML: true).render(markdown) == "<p>Text <b>fett</b></p>\n<script>alert(1)</script>\n")
    }

    @Test func javascriptURLsNeverReachTheOutput() throws {
        let html = try MarkdownRenderer(allowsRawHTML: true).render("[klick](javascript:alert(1)) [x](vbscript:y)")
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
    }

    @Test func aDocumentLargerThanAnArenaBlockRendersWhole() throws {
        // About 2 MB of HTML: more than one block of the allocator a document is parsed with.
        let paragraph = "Wort [Putin](https://example.org) und **fett** gesetzt, ein Satz mit etwas Länge.\n\n"
        let html = try MarkdownRenderer().render(String(repeating: paragraph, count: 20_000))
        let expected = "<p>Wort <a href=\"https://example.org\">Putin</a> und <strong>fett</strong> gesetzt, ein Satz mit etwas Länge.</p>\n"
        #expect(html == String(repeating: expected, count: 20_000))
    }

    @Test func aRenderInsideARewriterGivesWhatARenderOnItsOwnGives() throws {
        // The inner render runs while the outer document's arena is in use.
        let rewriter = LinkRewriter { link in
            .init(open: try MarkdownRenderer().render("*\(link.text)* [x](y)"), close: "")
        }
        let html = try MarkdownRenderer().render("Vor [Kim](person:kim) nach", rewriter: rewriter)
        #expect(html == "<p>Vor <p><em>Kim</em> <a href=\"y\">x</a></p>\nKim nach</p>\n")
    }

    @Test func rewriterReplacesLinksAndSeesTheirContext() throws {
        let seen = Box()
        let rewriter = LinkRewriter { link in
            seen.links.append(link)
            guard link.destination.hasPrefix("person:") else { return nil }
            return .init(open: "<a class=\"person\" href=\"p.html\">", close: "</a>")
        }
        let markdown = "Titel\n\nDer Präsident [Wladimir *Putin*](person:wladimir-putin) traf\n[Kim](person:kim-jong-un) und [TASS](https://tass.ru)."
        let html = try MarkdownRenderer().render(markdown, rewriter: rewriter)
        #expect(html == "<p>Titel</p>\n<p>Der Präsident <a class=\"person\" href=\"p.html\">Wladimir <em>Putin</em></a> traf\n<a class=\"person\" href=\"p.html\">Kim</a> und <a href=\"https://tass.ru\">TASS</a>.</p>\n")
        #expect(seen.links.map(\.text) == ["Wladimir Putin", "Kim", "TASS"])
        #expect(seen.links.map(\.line) == [3, 4, 4])
        #expect(seen.links.map(\.column) == [15, 1, 31])
        let kim = seen.links[1]
        #expect(kim.context == "Der Präsident Wladimir Putin traf Kim und TASS.")
        let utf8 = Array(kim.context.utf8)
        #expect(String(decoding: utf8[kim.range], as: UTF8.self) == "Kim")
    }

    @Test func knownDestinationsAreFoundByTheirBytesAndReachTheRewriterNumbered() throws {
        // Enough destinations that some share a slot of the table and are found further on.
        let references = ["person:wladimir-putin", "person:kim-jong-un", "place:wostotschny", "person:wladimir-putin"]
            + (0..<3_000).map { "person:p\($0)" }
        let known = KnownDestinations(references)
        #expect(known.position(of: "person:wladimir-putin") == 0)
        #expect(known.position(of: "place:wostotschny") == 2)
        for (position, reference) in references.enumerated().dropFirst(4) {
            #expect(known.position(of: reference) == position)
        }
        for missing in ["person:wladimir-puti", "person:wladimir-putinx", "", "person:p3000", "Person:kim-jong-un"] {
            #expect(known.position(of: missing) == nil)
        }
        #expect(KnownDestinations([]).position(of: "person:x") == nil)

        let seen = Box()
        let rewriter = LinkRewriter(known: known) { link in
            seen.links.append(link)
            return link.known == nil ? nil : .init(openUTF8: Array("<a id=\"\(link.known!)\">".utf8), close: "</a>")
        }
        let html = try MarkdownRenderer().render("[Kim](person:kim-jong-un) und [Putin](person:p2999) in [Moskau](place:moskau)", rewriter: rewriter)
        #expect(html == "<p><a id=\"1\">Kim</a> und <a id=\"3003\">Putin</a> in <a href=\"place:moskau\">Moskau</a></p>\n")
        #expect(seen.links.map(\.known) == [1, 3003, nil])
        #expect(seen.links.map(\.destination) == ["person:kim-jong-un", "person:p2999", "place:moskau"])
    }

    /// Columns are counted the one way every error of the tool counts them (`TextPosition`, in
    /// Unicode scalars), also after decomposed letters and emoji that are one character each
    /// but several scalars, and for links written every way.
    @Test func linkColumnsAreCountedAsTextPositionCountsThem() throws {
        let markdown = "# Pra\u{0308}sident 👩‍👩‍👧 [Kim](person:kim)\n\nA\u{0301}b 🇩🇪 [Putin](<person:putin>) und [Xi][x] und [bad](person:Bad Id).\n\n[x]: person:xi\n"
        let seen = Box()
        let unparsed = UnparsedBox()
        let rewriter = LinkRewriter(watching: ["person:"], unparsed: { unparsed.found.append($0) }) { link in
            seen.links.append(link)
            return nil
        }
        _ = try MarkdownRenderer().render(markdown, rewriter: rewriter)
        let bytes = Array(markdown.utf8)
        func expected(_ marker: String) -> TextPosition {
            let needle = Array(marker.utf8)
            let offset = (0...(bytes.count - needle.count)).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }!
            return TextPosition(of: offset, in: bytes)
        }
        let positions = seen.links.map { TextPosition(line: $0.line, column: $0.column) }
        #expect(positions == [expected("[Kim]"), expected("[Putin]"), expected("[x]: person:xi")])
        #expect(positions[0].column == 20, "# P r a ̈ s i d e n t, space, 5 scalars of the family, space")
        #expect(unparsed.found.map { TextPosition(line: $0.line, column: $0.column) } == [expected("[bad]")])
    }

    @Test func rewriterErrorsStopRendering() {
        struct Bad: Error {}
        #expect(throws: Bad.self) {
            try MarkdownRenderer().render("[x](person:y)", rewriter: LinkRewriter { _ in throw Bad() })
        }
    }
}

final class UnparsedBox: @unchecked Sendable {
    var found: [LinkRewriter.Unparsed] = []
}

final class Box: @unchecked Sendable {
    var links: [MarkdownLink] = []

    /// Marks a span of each block's text, given by UTF-8 offsets.
    static func marking(_ spans: [Int: [Range<Int>]]) -> LinkRewriter {
        var rewriter = LinkRewriter { link in link.destination.hasPrefix("person:") ? .init(open: "<a class=\"m\">", close: "</a>") : nil }
        rewriter.blocks = { number, _ in (spans[number] ?? []).map { .init(range: $0, open: "<span>", close: "</span>") } }
        return rewriter
    }

    @Test func aMarkWrapsItsSpanOfPlainTextAndLinks() throws {
        // "Erst das. Dann Kim und Putin hier. Ende." : the second sentence is 10..<34.
        let html = try MarkdownRenderer().render("Erst das. Dann [Kim](person:kim) und Putin hier. Ende.", rewriter: Self.marking([0: [10..<34]]))
        #expect(html == "<p>Erst das. <span>Dann <a class=\"m\">Kim</a> und Putin hier.</span> Ende.</p>\n")
    }

    @Test func aMarkThatStartsOrEndsInsideEmphasisTakesTheWholeEmphasis() throws {
        let html = try MarkdownRenderer().render("Ein *kurzer Satz* hier. Zwei.", rewriter: Self.marking([0: [6..<21]]))
        #expect(html == "<p>Ein <span><em>kurzer Satz</em> hier.</span> Zwei.</p>\n")
    }

    @Test func marksFindTheirBlockByNumberAndSeveralShareOne() throws {
        let markdown = "## Titel\n\nA eins. B zwei. C drei.\n\n- Liste\n"
        let html = try MarkdownRenderer().render(markdown, rewriter: Self.marking([1: [0..<7, 16..<23], 2: [0..<5]]))
        #expect(html == "<h2>Titel</h2>\n<p><span>A eins.</span> B zwei. <span>C drei.</span></p>\n<ul>\n<li><span>Liste</span></li>\n</ul>\n")
    }

    @Test func thousandsOfMarksInOneParagraphEachWrapTheirSentence() throws {
        // A paragraph of one sentence 3,000 times, each marked: every mark its own span, in order.
        let sentence = "Die Delegation traf am Mittwoch ein. "
        let count = 3000, length = sentence.utf8.count
        let spans = (0..<count).map { $0 * length..<($0 + 1) * length - 1 }
        let html = try MarkdownRenderer().render(String(repeating: sentence, count: count), rewriter: Self.marking([0: spans.reversed()]))
        let expected = "<p>" + Array(repeating: "<span>Die Delegation traf am Mittwoch ein.</span>", count: count).joined(separator: " ") + "</p>\n"
        #expect(html == expected)
    }

    @Test func adjacentMarksStaySeparateAndAnOverlappingOneIsLeftOut() throws {
        // "A eins. B zwei. C drei.": 0..<7, 8..<15 and 16..<23; 5..<12 overlaps the first.
        let html = try MarkdownRenderer().render("A eins. B zwei. C drei.", rewriter: Self.marking([0: [16..<23, 0..<7, 5..<12, 7..<8]]))
        #expect(html == "<p><span>A eins.</span><span> </span>B zwei. <span>C drei.</span></p>\n")
    }

    @Test func aMarkNeverSplitsACharacterOrLeavesItsBlock() throws {
        // Offsets inside "ü" (2 bytes) and past the end are moved to the next whole character and the end.
        let html = try MarkdownRenderer().render("Grüße an alle", rewriter: Self.marking([0: [3..<400]]))
        #expect(html == "<p>Grü<span>ße an alle</span></p>\n")
    }
}

