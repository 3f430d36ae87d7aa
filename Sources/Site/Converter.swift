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
    let strings: Localization

    func convert(_ article: Article) throws -> ConvertedArticle {
        let collector = Collector(article: article, registry: registry)
        let rewriter = LinkRewriter { link in
            if link.destination == "-" { return .init(open: "", close: "") }
            return try collector.record(link)
        }
        let html = try renderer.render(article.body, rewriter: rewriter)
        let dateText = article.date.isEmpty ? strings["dateUnknown"] : strings.formatDate(article.date)
        return ConvertedArticle(article: article, html: html, mentions: collector.mentions, entities: collector.entities, dateText: dateText)
    }
}

private extension Converter {
    /// Numbers mentions per entity and cuts out their sentences while one article renders.
    final class Collector: @unchecked Sendable {
        /// An entity linked from the article, looked up once however often it is mentioned.
        struct Target {
            var entity: Int
            var id: String
            /// The link's opening tag up to its anchor number, and after it.
            var openStart: String
            var openEnd: String
            var positions: [Int] = []
        }

        let article: Article
        let registry: Registry
        let page: String
        var mentions: [Mention] = []
        private var targets: [Target] = []
        private var targetByDestination: [String: Int] = [:]
        private var lastSentence: (context: String, start: Int)?
        private var sentenceKey = 0
        /// The paragraph of the last link as bytes; links of one paragraph come one after another.
        private var contextBytes: (text: String, bytes: [UInt8]) = ("", [])

        init(article: Article, registry: Registry) {
            self.article = article
            self.registry = registry
            page = SitePaths.article(article.slug)
        }

        /// The entities mentioned with the positions of their mentions, in registry order.
        var entities: [ConvertedArticle.Mentioned] {
            targets.sorted { $0.entity < $1.entity }.map { .init(entity: $0.entity, positions: $0.positions) }
        }

        /// Records an entity link and returns its markup; nil for links that are not annotations.
        func record(_ link: MarkdownLink) throws -> LinkRewriter.Replacement? {
            let number: Int
            if let known = targetByDestination[link.destination] {
                number = known
            } else {
                guard let target = try target(link) else { return nil }
                number = targets.count
                targets.append(target)
                targetByDestination[link.destination] = number
            }
            targets[number].positions.append(mentions.count)
            let target = targets[number]
            let ordinal = target.positions.count
            if contextBytes.text != link.context { contextBytes = (link.context, Array(link.context.utf8)) }
            let (context, start) = Sentence.highlighted(link.range, in: contextBytes.bytes)
            if lastSentence?.context != link.context || lastSentence?.start != start {
                sentenceKey += 1
                lastSentence = (link.context, start)
            }
            mentions.append(Mention(entity: target.entity, entityID: target.id, ordinal: ordinal, surface: link.text, context: context, sentenceKey: sentenceKey))
            return .init(open: "\(target.openStart)\(ordinal)\(target.openEnd)", close: "</a>")
        }

        /// The entity an annotation names, checked against the registry.
        private func target(_ link: MarkdownLink) throws -> Target? {
            guard let colon = link.destination.firstIndex(of: ":"),
                  let type = EntityType(rawValue: String(link.destination[..<colon])) else { return nil }
            let id = String(link.destination[link.destination.index(after: colon)...])
            guard Slug.isValid(id) else {
                throw SourceError(file: article.file, line: article.bodyLine + link.line - 1, column: link.column,
                                  message: "malformed entity id '\(link.destination)': write \(type.rawValue):<slug>, like \(type.rawValue):\(Slug.make(id).isEmpty ? "name" : Slug.make(id))")
            }
            guard let position = registry.index(of: id), registry.entities[position].type == type else {
                let hint = registry[id].map { "it is a \($0.type.rawValue): write \($0.reference)" } ?? "add it to content/entities/ or fix the id"
                throw SourceError(file: article.file, line: article.bodyLine + link.line - 1, column: link.column,
                                  message: "unknown entity '\(link.destination)': \(hint)")
            }
            let entity = registry.entities[position]
            let href = SitePaths.relative(from: page, to: SitePaths.entity(type, id))
            return Target(
                entity: position, id: id,
                openStart: "<a class=\"mention \(type.rawValue)\" id=\"\(id)-",
                openEnd: "\" href=\"\(href)\" title=\"\(HTMLEscaping.escape(entity.name))\">"
            )
        }
    }
}
