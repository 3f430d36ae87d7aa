import Articles
import SourceText
import Templating

extension Pipeline {
    /// Converts the articles that changed, or all when conversion changed. A one-off run
    /// (`build`, `check`) makes each article's page as soon as it is converted, so that bodies
    /// need not stay in memory; a kept pipeline converts everything first, so that a bad edit
    /// fails before anything is written.
    func convert(_ changes: Changes, into state: inout State, output: SiteOutput, run: inout Run, clock: StageClock) throws {
        let content = Content(config: state.settings, registry: state.registry, articles: [])
        if changes.converterChanged || changes.registryChanged || state.converter == nil {
            state.converter = SiteBuilder.converter(for: content)
        }
        if let moved = changes.moved, !changes.converterChanged {
            state.converted = state.converted.mapValues { $0.remapped(moved) }
        }
        let converter = state.converter!
        var paths = changes.articles
        if changes.converterChanged { paths.formUnion(state.sources.keys.map { "articles/\($0).md" }) }
        paths.subtract(changes.removedArticles)
        let contentName = options.content.lastPathComponent
        let (emits, keepsSources, keepsBodies) = (mode != .serve, mode != .build, mode == .serve)
        let sources = state.sources
        let pages = PageBuilder(inputs: PageInputs(settings: state.settings, registry: state.registry, index: MentionIndex([], registry: state.registry), byDate: [], feedBodies: [:]))
        let library = state.library!
        let newest = NewestBodies(limit: PageBuilder.feedEntries)
        let isCheck = mode == .check
        let ids = state.registry.entities.map(\.id)
        struct Converted: Sendable {
            var source: Article?
            var converted: ConvertedArticle?
            var html: Markup?
            var problems: [SourceError] = []
            var templateProblems: [TemplateError] = []
        }
        let results = try clock.time("convert") {
            try paths.sorted().concurrentMap(serially: options.serially) { path -> Converted in
                var result = Converted()
                do {
                    let slug = Self.slug(of: path)
                    let source = try sources[slug].flatMap { changes.articles.contains(path) ? nil : $0 }
                        ?? clock.time("load", within: "convert") { try ArticleFile.read(options.content.appendingPathComponent(path).path, contentName: contentName) }
                    if keepsSources { result.source = source }
                    let (converted, html) = try converter.convert(source)
                    result.converted = converted
                    if keepsBodies { result.html = html }
                    if emits {
                        newest.offer(converted, html: html)
                        var reads = Reads(records: false)
                        let page = clock.time("render", within: "convert") { pages.article(converted, html: html, &reads) }
                        result.templateProblems = try self.render(page, library, into: output, clock: clock, within: "convert", reads: &reads)
                    }
                } catch where isCheck {
                    result.problems = SourceErrors.located(in: error) ?? [SourceError(file: "\(contentName)/\(path)", message: "\(error)")]
                }
                return result
            }
        }
        for slug in changes.removedArticles.map(Self.slug(of:)) {
            (state.sources[slug], state.converted[slug], state.articlePrints[slug], state.bodies[slug]) = (nil, nil, nil, nil)
        }
        if emits { state.bodies = newest.bodies }
        for result in results {
            run.problems += result.problems
            run.templateProblems += result.templateProblems
            if let source = result.source { state.sources[source.slug] = source }
            guard let converted = result.converted else { continue }
            let slug = converted.article.slug
            state.converted[slug] = converted
            if let html = result.html {
                state.bodies[slug] = html
                state.articlePrints[slug] = converted.fingerprints(entityIDs: ids, html: html)
            }
        }
        if isCheck { run.articles = results.compactMap(\.source) }
        run.rendered += emits ? results.count : 0
    }
}
