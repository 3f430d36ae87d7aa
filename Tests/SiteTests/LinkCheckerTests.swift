import Foundation
import Testing
@testable import Site

struct LinkCheckerTests {
    /// Every local `href` and `src` must name a file of the site, and a `#fragment` an `id` in it;
    /// look-alike attributes (`data-id`, `hreflang`, `srcset`) are not links or anchors.
    @Test func findsEveryBrokenLinkAndOnlyThose() {
        let site: [String: Data] = [
            "index.html": Data(#"<a href="persons/a.html#a-1">A</a> <a href="persons/a.html#a-2">A2</a> <img src="assets/x.png"> <a data-id="a-9" hreflang="de" href="persons/a.html">Q</a>"#.utf8),
            "persons/a.html": Data(#"<p id="a-1">A</p><span data-id="a-2"></span><a href="../index.html">Home</a><a href="/abs.html">Abs</a><a href="https://example.org">Web</a>"#.utf8),
        ]
        #expect(LinkChecker.brokenLinks(in: site) == [
            "index.html: assets/x.png -> missing assets/x.png",
            "index.html: persons/a.html#a-2 -> no id 'a-2' in persons/a.html",
            "persons/a.html: absolute link /abs.html breaks under a sub-path",
        ])
    }

    /// A site published under a path (`base_url: https://example.org/d/`) may link from the
    /// server's root under that path, as its 404 page does to work at any depth: those links are
    /// the site's files, checked as such; a root link elsewhere is outside the site.
    @Test func rootLinksUnderTheBasePathAreTheSitesFiles() {
        let site: [String: Data] = [
            "index.html": Data(#"<p id="top">Home</p>"#.utf8),
            "persons/a.html": Data(#"<p id="a-1">A</p>"#.utf8),
            "404.html": Data(#"<a href="/d/index.html">1</a><a href="/d/">2</a><a href="/d/#top">3</a><a href="/d/persons/a.html#a-1">4</a><a href="/d/persons/b.html">5</a><a href="/d/index.html#no">6</a><a href="/x.html">7</a>"#.utf8),
        ]
        #expect(LinkChecker.brokenLinks(in: site, baseURL: "https://example.org/d/") == [
            "404.html: /d/index.html#no -> no id 'no' in index.html",
            "404.html: /d/persons/b.html -> missing persons/b.html",
            "404.html: absolute link /x.html is outside the site's path /d/ (base_url)",
        ])
        #expect(LinkChecker.brokenLinks(in: site).count == 7)
    }

    /// The quick join of a page's folder and a link gives what resolving part by part gives.
    @Test func linksResolveAsTheirPartsSay() {
        let targets = ["a.html", "../index.html", "../../persons/x.html", "../../../x.html", "./a.html", "x/../a.html",
                       "../x/./y.html", ".hidden", "..a/b.html", "a..b.html", "", "x/"]
        for folder in ["", "persons/", "persons/wladimir-putin/"] {
            for target in targets {
                #expect(LinkChecker.resolve(target[...], inFolder: folder) == LinkChecker.resolve(target, from: folder + "_"), "\(folder) \(target)")
            }
        }
        #expect(LinkChecker.resolve("../../places/a.html"[...], inFolder: "persons/p/") == "places/a.html")
    }
}
