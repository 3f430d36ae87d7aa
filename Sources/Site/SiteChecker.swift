import Entities
import Foundation
import Templating

/// `dossier check`: everything that would make the published dossier wrong, in one list.
///
/// Errors: registry problems (duplicate ids, aliases claimed twice), unknown or malformed entity
/// ids in articles, template errors and variables that resolve to nothing, broken internal links.
/// Suggestions: likely entities the registry lacks.
public struct SiteChecker: Sendable {
    public struct Report: Sendable {
        public var errors: [String] = []
        public var candidates: [CandidateFinder.Candidate] = []
    }

    let builder: SiteBuilder

    public init(options: SiteBuilder.Options) {
        var options = options
        options.search = nil
        builder = SiteBuilder(options: options)
    }

    public func check() -> Report {
        var report = Report()
        let content: Content
        let library: TemplateLibrary
        do {
            (content, library) = try builder.load()
        } catch {
            report.errors.append("\(error)")
            return report
        }
        let converter = SiteBuilder.converter(for: content)
        var converted: [(article: ConvertedArticle, html: Markup)] = []
        for article in content.articles {
            do { converted.append(try converter.convert(article)) } catch { report.errors.append("\(error)") }
        }
        var pageBuilder = PageBuilder(content: content, index: MentionIndex(converted.map(\.article), registry: content.registry))
        pageBuilder.feedBodies = Dictionary(converted.map { ($0.article.article.slug, $0.html) }, uniquingKeysWith: { first, _ in first })
        let pages = converted.map { pageBuilder.article($0.article, html: $0.html) } + pageBuilder.pages()
        var files: [String: Data] = [:]
        var templateProblems: [String] = []
        for page in pages {
            do {
                files[page.path] = Data(try library.render(page.template, page.model, strict: true).utf8)
            } catch {
                if !templateProblems.contains("\(error)") { templateProblems.append("\(error)") }
                files[page.path] = Data(((try? library.render(page.template, page.model)) ?? "").utf8)
            }
        }
        report.errors += templateProblems
        for asset in (try? builder.assets()) ?? [] { files["assets/\(asset.name)"] = Data(asset.bytes) }
        report.errors += LinkChecker.brokenLinks(in: files).map { "site/\($0)" }
        let texts = content.articles.map { (file: $0.file, text: $0.body) }
        report.candidates = CandidateFinder(registry: content.registry).candidates(in: texts).map { candidate in
            var located = candidate
            if let article = content.articles.first(where: { $0.file == candidate.file }) { located.line += article.bodyLine - 1 }
            return located
        }
        return report
    }
}
