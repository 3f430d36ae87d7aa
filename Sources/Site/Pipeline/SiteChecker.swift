import Entities
import Foundation
import SourceText
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
        /// What a build would warn of (no `base_url`, a language without interface words).
        public var warnings: [String] = []
    }

    let options: SiteBuilder.Options

    public init(options: SiteBuilder.Options) {
        var options = options
        options.search = nil
        self.options = options
    }

    public func check() -> Report {
        // Without the content folders there is nothing to check: that one problem, not its echoes.
        do { try Content.requireFolders(of: options.content) } catch { return failure(error) }
        let links = LinkCollector()
        // A check run collects every problem rather than throwing; what it still throws is one.
        let run: Pipeline.Run
        do { run = try Pipeline(options: options, mode: .check).run(into: links) } catch { return failure(error) }
        var problems = run.problems + run.templateProblems.map(SourceError.init)
        problems += links.brokenLinks(siteRoot: SitePaths.notFoundRoot(baseURL: run.settings.baseURL)).map { SourceError(file: "site/\($0.page)", message: $0.problem) }

        var report = Report()
        report.warnings = run.warnings
        // One problem reported once, though many pages show it.
        var seen = Set<String>()
        report.errors = SourceErrors(problems).errors.filter { seen.insert($0.description).inserted }
        let articles = run.articles
        report.candidates = CandidateFinder(registry: run.registry).candidates(in: articles.map { article in
            CandidateFinder.Text(file: article.file, text: article.body, language: article.language, firstLine: article.bodyLine)
        })
        return report
    }

    /// A report of the one problem that stopped the check.
    private func failure(_ error: any Error) -> Report {
        Report(errors: SourceErrors.located(in: error) ?? [SourceError(file: options.content.relativePath, message: "\(error)")])
    }
}
