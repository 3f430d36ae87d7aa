import Entities
import Foundation
import Markdown
import Templating

/// Renders article bodies with libcmark, turning annotations into entity links with anchors.
///
/// `[Putins](person:wladimir-putin)` becomes
/// `<a class="mention person" id="wladimir-putin-2" href="../persons/wladimir-putin.html" title="Wladimir Putin">Putins</a>`,
/// and `[Kim](-)`, the not-an-entity marker, becomes plain text.
struct Converter: Sendable {
    let registry: Registry
    let renderer: MarkdownRenderer

    func convert(_ article: Article) throws -> ConvertedArticle {
        let collector = Collector()
        let registry = self.registry
        let page = SitePaths.article(article.slug)
        let rewriter = LinkRewriter { link in
            if link.destination == "-" { return .init(open: "", close: "") }
            guard let colon = link.destination.firstIndex(of: ":"),
                  let type = EntityType(rawValue: String(link.destination[..<colon])) else { return nil }
            let id = String(link.destination[link.destination.index(after: colon)...])
            guard Slug.isValid(id) else {
                throw SourceError(file: article.file, line: article.bodyLine + link.line - 1, column: link.column,
                                  message: "malformed entity id '\(link.destination)': write \(type.rawValue):<slug>, like \(type.rawValue):\(Slug.make(id).isEmpty ? "name" : Slug.make(id))")
            }
            guard let entity = registry[id], entity.type == type else {
                let hint = registry[id].map { "it is a \($0.type.rawValue): write \($0.reference)" } ?? "add it to content/entities/ or fix the id"
                throw SourceError(file: article.file, line: article.bodyLine + link.line - 1, column: link.column,
                                  message: "unknown entity '\(link.destination)': \(hint)")
            }
            let anchor = collector.record(link, entityID: id, articleSlug: article.slug)
            let href = SitePaths.relative(from: page, to: SitePaths.entity(type, id))
            return .init(
                open: "<a class=\"mention \(type.rawValue)\" id=\"\(anchor)\" href=\"\(href)\" title=\"\(HTMLEscaping.escape(entity.name))\">",
                close: "</a>"
            )
        }
        let html = try renderer.render(article.body, rewriter: rewriter)
        return ConvertedArticle(article: article, html: html, mentions: collector.mentions)
    }
}

private extension Converter {
    /// Numbers mentions per entity and cuts out their sentences while one article renders.
    final class Collector: @unchecked Sendable {
        var mentions: [Mention] = []
        private var counts: [String: Int] = [:]
        private var lastSentence: (context: String, start: Int)?
        private var sentenceKey = 0
        /// The paragraph of the last link as bytes; links of one paragraph come one after another.
        private var contextBytes: (text: String, bytes: [UInt8]) = ("", [])

        func record(_ link: MarkdownLink, entityID: String, articleSlug: String) -> String {
            counts[entityID, default: 0] += 1
            let anchor = "\(entityID)-\(counts[entityID]!)"
            if contextBytes.text != link.context { contextBytes = (link.context, Array(link.context.utf8)) }
            let (sentence, range, start) = Sentence.around(link.range, in: contextBytes.bytes)
            if lastSentence?.context != link.context || lastSentence?.start != start {
                sentenceKey += 1
                lastSentence = (link.context, start)
            }
            mentions.append(Mention(entityID: entityID, articleSlug: articleSlug, anchor: anchor, surface: link.text,
                                    sentence: sentence, range: range, sentenceKey: sentenceKey))
            return anchor
        }
    }
}
