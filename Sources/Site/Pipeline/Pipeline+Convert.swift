import Articles
import Entities
import SourceText
import Templating

extension Pipeline {
    /// What the convert stage made: the converter for the new settings and registry, and per
    /// converted article the article as read, its conversion and (kept by `serve`) its body.
    struct Conversions {
        struct Article: Sendable {
            var source: Articles.Article?
            var converted: ConvertedArticle?
            var html: Markup?
            var problems: [SourceError] = []
            var templateProblems: [TemplateError] = []
        }

        var converter: Converter
        var articles: [Article]
        /// In one-off runs: the bodies of the feed's articles.
        var newest: [String: Markup] = [:]
    }

    /// Converts the articles that changed, or all when conversion changed; keeps nothing. A
    /// one-off run (`build`, `check`) makes each article's page as soon as it is converted, so
    /// that bodies need not stay in memory; a kept pipeline converts everything first, so that
    /// a bad edit fails before anything is written.
    func convert(_ loaded: Loaded, output: SiteOutput, run: inout Run, clock: StageClock) throws -> Conversions {
        let changes = loaded.changes
        let converter = changes.converterChanged || changes.registryChanged || state.converter == nil
            ? SiteBuilder.converter(for: Content(config: loaded.settings, registry: loaded.registry, articles: []))
            : state.converter!
        var paths = changes.articles
        if changes.converterChanged { paths.formUnion(state.sources.keys.map { "articles/\($0).md" }) }
        paths.subtract(changes.removedArticles)
        let contentName = options.content.lastPathComponent
        // The folder as a path, made once: a URL per article showed in profiles (0.7 % of a 10k build).
        let folder = options.content.path.hasSuffix("/") ? options.content.path : options.content.path + "/"
        let (emits, keepsSources, keepsBodies) = (mode != .serve, mode != .build, mode == .serve)
        let sources = state.sources
        // Article pages need no other article: made from an index without any.
        let pages = emits ? PageBuilder(inputs: PageInputs(settings: loaded.settings, registry: loaded.registry, index: MentionIndex([], registry: loaded.registry), byDate: [], feedBodies: [:])) : nil
        let library = loaded.library ?? state.library!
        let newest = NewestBodies(limit: PageBuilder.feedEntries)
        let isCheck = mode == .check
        let results = try clock.time("convert") {
            try paths.sorted().concurrentMap(serially: options.serially) { path -> Conversions.Article in
                var result = Conversions.Article()
                do {
                    let slug = Self.slug(of: path)
                    let source = try sources[slug].flatMap { changes.articles.contains(path) ? nil : $0 }
                        ?? clock.time("load", within: "convert") { try ArticleFile.read(folder + path, contentName: contentName) }
                    if keepsSources { result.source = source }
                    let (converted, html) = try converter.convert(source)
                    result.converted = converted
                    if keepsBodies { result.html = html }
                    if emits {
                        newest.offer(converted, html: html)
                        var reads = Reads(records: false)
                        let page = clock.time("render", within: "convert") { pages!.article(converted, html: html, &reads) }
                        result.templateProblems = try self.render(page, library, into: output, clock: clock, within: "convert", reads: &reads)
                    }
                } catch where isCheck {
                    result.problems = SourceErrors.located(in: error) ?? [SourceError(file: "\(contentName)/\(path)", message: "\(error)")]
                }
                return result
            }
        }
        for result in results {
            run.problems += result.problems
            run.templateProblems += result.templateProblems
        }
        if isCheck { run.articles = results.compactMap { $0.source?.resolved(in: converter.language) } }
        run.rendered += emits ? results.count : 0
        return Conversions(converter: converter, articles: results, newest: emits ? newest.bodies : [:])
    }

    /// Keeps what the load and convert stages made.
    func commit(_ loaded: Loaded, _ conversions: Conversions) {
        let changes = loaded.changes
        // Only a kept pipeline compares stamps with the next scan.
        state.stamps = mode == .serve ? loaded.stamps : [:]
        state.registryChanged = changes.registryChanged || state.isFirstRun
        if state.registryChanged {
            let ids = Set(loaded.registry.entities.map(\.id))
            state.removedIDs = state.registry.entities.map(\.id).filter { !ids.contains($0) }
            state.entityKeys = loaded.registry.entities.map { InputKey.hash($0.id) }
            state.entityPrints = loaded.registry.entities.map(Self.fingerprints(of:))
        }
        state.removed = changes.removedArticles.map(Self.slug(of:))
        state.textChanged = Set(conversions.articles.compactMap { $0.converted?.article.slug } + state.removed)
        (state.settings, state.registry, state.converter) = (loaded.settings, loaded.registry, conversions.converter)
        if let library = loaded.library { state.library = library }
        if let assets = loaded.assets { state.assets = assets }
        if let prints = loaded.templatePrints { state.templatePrints = prints }
        state.reconverted = []
        if let moved = changes.moved, !changes.converterChanged {
            state.converted = state.converted.mapValues { $0.remapped(moved) }
            state.reconverted = Array(state.converted.values)
        }
        for slug in state.removed {
            (state.sources[slug], state.converted[slug], state.articlePrints[slug], state.bodies[slug]) = (nil, nil, nil, nil)
        }
        if mode != .serve { state.bodies = conversions.newest }
        let ids = state.registry.entities.map(\.id)
        for result in conversions.articles {
            if let source = result.source { state.sources[source.slug] = source }
            guard let converted = result.converted else { continue }
            let slug = converted.article.slug
            state.converted[slug] = converted
            state.reconverted.append(converted)
            if let html = result.html {
                state.bodies[slug] = html
                state.articlePrints[slug] = converted.fingerprints(entityIDs: ids, html: html)
            }
        }
    }

    /// Fingerprints of what links show of an entity (id, name, type) and of all the registry says.
    static func fingerprints(of entity: Entity) -> (name: UInt64, details: UInt64) {
        var name = Hasher(), details = Hasher()
        name.combine(entity.id)
        name.combine(entity.name)
        name.combine(entity.type)
        details.combine(entity)
        return (UInt64(bitPattern: Int64(name.finalize())), UInt64(bitPattern: Int64(details.finalize())))
    }
}
