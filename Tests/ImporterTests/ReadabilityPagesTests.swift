import Foundation
import Testing
@testable import Importer

/// The HTML importer on real news pages: Mozilla Readability's test pages
/// (`Readability/<page>/source.html`, Apache 2.0, see `Readability/LICENSE.md`), scored by the
/// words of the text it keeps against the words of Readability's `expected.html`.
struct ReadabilityPagesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Readability")

    /// The least precision and recall each page reaches today: a change that loses text or keeps
    /// a page's navigation shows here. `READABILITY_SHOW=<page>` prints what was kept.
    static let pages: [(name: String, precision: Double, recall: Double)] = [
        ("bbc-1", 0.98, 0.95), ("heise", 0.99, 0.96), ("telegraph", 0.98, 0.96), ("cnn", 0.93, 0.88), ("herald-sun-1", 0.99, 0.98),
        ("nytimes-1", 0.95, 0.93), ("wapo-1", 0.97, 0.93), ("seattletimes-1", 0.98, 0.98),
    ]

    /// Words of `text`, lowercased, with their counts.
    static func words(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { counts[String(word), default: 0] += 1 }
        return counts
    }

    /// The text of an HTML fragment: tags dropped, entities decoded.
    static func text(ofHTML html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        while let range = text.range(of: "&#[0-9]+;", options: .regularExpression) {
            let number = UInt32(text[range].dropFirst(2).dropLast()) ?? 32
            text.replaceSubrange(range, with: String(Character(Unicode.Scalar(number) ?? " ")))
        }
        while let range = text.range(of: "&#x[0-9a-fA-F]+;", options: .regularExpression) {
            let number = UInt32(text[range].dropFirst(3).dropLast(), radix: 16) ?? 32
            text.replaceSubrange(range, with: String(Character(Unicode.Scalar(number) ?? " ")))
        }
        return text
    }

    static func score(_ page: String) throws -> (precision: Double, recall: Double, article: ImportedArticle) {
        let source = try Data(contentsOf: folder.appendingPathComponent("\(page)/source.html"))
        let expected = words(text(ofHTML: try String(contentsOf: folder.appendingPathComponent("\(page)/expected.html"), encoding: .utf8)))
        let article = try HTMLArticleParser(file: "\(page).html").parse(source)
        let kept = words(([article.teaser] + article.blocks).joined(separator: " "))
        let common = expected.reduce(0) { $0 + min($1.value, kept[$1.key] ?? 0) }
        let (keptCount, expectedCount) = (kept.values.reduce(0, +), expected.values.reduce(0, +))
        return (keptCount == 0 ? 0 : Double(common) / Double(keptCount), Double(common) / Double(expectedCount), article)
    }

    @Test(arguments: pages.map(\.name))
    func textOfARealPage(page: String) throws {
        let (precision, recall, article) = try Self.score(page)
        let least = Self.pages.first { $0.name == page }!
        if ProcessInfo.processInfo.environment["READABILITY_SHOW"] == page {
            print("title: \(article.title)\nteaser: \(article.teaser)\ncaptions: \(article.captions)\n" + article.blocks.joined(separator: "\n"))
        }
        print(String(format: "readability %@: precision %.3f, recall %.3f, title %@", page, precision, recall, article.title))
        #expect(precision >= least.precision && recall >= least.recall)
        #expect(!article.title.isEmpty)
        #expect(!([article.title, article.teaser] + article.blocks).contains { $0.contains("&quot;") || $0.contains("&amp;") })
    }
}
