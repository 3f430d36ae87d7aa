import Entities
import Foundation
import Templating

/// `dossier check`: everything that would make the published dossier wrong, in one list.
///
/// Errors: settings and registry problems (duplicate ids, aliases claimed twice, unknown
/// keys), article files that do not parse, unknown or malformed annotations, template errors
/// and variables that resolve to nothing, broken internal links: every one of them in one run,
/// sorted by file, line and column. A file with a problem is left out and the rest checked.
/// Suggestions: likely entities the registry lacks.
public struct SiteChecker: Sendable {
    public struct Report: Sendable {
        public var errors: [SourceError] = []
        public var candidates: [CandidateFinder.Candidate] = []
    }

    let builder: SiteBuilder

    public init(options: SiteBuilder.Options) {
        var options = options
        options.search = nil
        builder = SiteBuilder(options: options)
    }

    public func check() -> Report {
        var problems: [SourceError] = []
        func attempt<T>(_ work: () throws -> T) -> T? {
            do { return try work() } catch {
                problems += SourceErrors.located(in: error) ?? [SourceError(file: builder.options.content.relativePath, message: "\(error)")]
                return nil
            }
        }
        let directory = builder.options.content
        guard attempt({ try Content.requireFolders(of: directory) }) != nil else { return Report(errors: problems) }
        let name = directory.lastPathComponent
        let config = attempt { try DossierConfig.load(from: directory.appendingPathComponent("dossier.yml"), displayPath: "\(name)/dossier.yml") } ?? DossierConfig()
        let registry = attempt { try Registry.load(from: directory.appendingPathComponent("entities"), displayPath: "\(name)/entities", problems: &problems) } ?? Registry([])
        var templateProblems: [TemplateError] = []
        let library = attempt { try builder.library(problems: &templateProblems) } ?? TemplateLibrary()
        let articles = (attempt { try Content.articleFiles(in: directory) } ?? []).compactMap { path in
            attempt { try Content.loadArticle(path, contentName: name) }
        }
        let content = Content(config: config, registry: registry, articles: articles)
        let converter = SiteBuilder.converter(for: content)
        let converted = (try? articles.concurrentMap { article in Result { try converter.convert(article) } }) ?? []
        let good = converted.compactMap { result in attempt { try result.get() } }

        var pageBuilder = PageBuilder(content: content, index: MentionIndex(good.map(\.article), registry: registry))
        pageBuilder.feedBodies = Dictionary(good.map { ($0.article.article.slug, $0.html) }, uniquingKeysWith: { first, _ in first })
        let finished = pageBuilder
        // Pages made, rendered and read for links on all cores, as the build makes and renders them.
        @Sendable func checked(_ page: Page) -> (links: LinkChecker.PageLinks, problems: [TemplateError], error: Error?) {
            do {
                let (bytes, problems) = try library.renderChecking(page.template, page.model, capacity: 96 * 1024)
                return (bytes.withUnsafeBufferPointer { LinkChecker.PageLinks(path: page.path, html: $0) }, problems, nil)
            } catch {
                return (LinkChecker.PageLinks(path: page.path, html: UnsafeBufferPointer(start: nil, count: 0)), [], error)
            }
        }
        let articlePages = (try? good.concurrentMap { checked(finished.article($0.article, html: $0.html)) }) ?? []
        let otherPages = (try? pageBuilder.jobs().concurrentMap { checked(finished.page(for: $0)) }) ?? []
        var pages = (articlePages + otherPages).map(\.links)
        for (index, result) in (articlePages + otherPages).enumerated() {
            // The first unresolved name of a page, as a strict render reports it.
            templateProblems += result.problems.prefix(1)
            if let error = result.error as? TemplateError {
                templateProblems.append(error)
            } else if let error = result.error {
                problems.append(SourceError(file: "site/\(pages[index].path)", message: "\(error)"))
            }
        }
        problems += templateProblems.map(SourceError.init)
        for asset in (attempt { try builder.assets() } ?? []) {
            pages.append(asset.bytes.withUnsafeBufferPointer { LinkChecker.PageLinks(path: "assets/\(asset.name)", html: $0) })
        }
        problems += LinkChecker.brokenLinks(pages).map { SourceError(file: "site/\($0.page)", message: $0.problem) }

        var report = Report()
        // One problem reported once, though many pages show it.
        var seen = Set<String>()
        report.errors = SourceErrors(problems).errors.filter { seen.insert($0.description).inserted }
        let bodyLines = Dictionary(articles.map { ($0.file, $0.bodyLine) }, uniquingKeysWith: { first, _ in first })
        report.candidates = CandidateFinder(registry: registry).candidates(in: articles.map { (file: $0.file, text: $0.body) }).map { candidate in
            var located = candidate
            if let line = bodyLines[candidate.file] { located.line += line - 1 }
            return located
        }
        return report
    }
}
