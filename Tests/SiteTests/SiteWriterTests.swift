import Foundation
import Testing
@testable import Site

struct SiteWriterTests {
    /// An unchanged page is staged as a link to the current site's file; a page made again in
    /// the same build (an article page once its shared passages are known) must not write
    /// through that link into the site a failed build leaves in place.
    @Test func aPageMadeAgainNeverChangesTheCurrentSitesFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        let first = try SiteWriter(output: output)
        try first.put("articles/a.html", Array("old".utf8))
        _ = try first.finish(live: nil)
        let second = try SiteWriter(output: output)
        try second.put("articles/a.html", Array("old".utf8))
        try second.replace("articles/a.html", Array("new, with marks".utf8))
        second.abandon()
        #expect(try String(contentsOf: output.appendingPathComponent("articles/a.html"), encoding: .utf8) == "old")
        let third = try SiteWriter(output: output)
        try third.put("articles/a.html", Array("old".utf8))
        try third.replace("articles/a.html", Array("new, with marks".utf8))
        _ = try third.finish(live: nil)
        #expect(try String(contentsOf: output.appendingPathComponent("articles/a.html"), encoding: .utf8) == "new, with marks")
    }
}
