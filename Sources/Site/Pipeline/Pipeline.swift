import Articles
import Entities
import Foundation
import SourceText
import Templating

/// The one way a site is made, in named stages: load -> convert -> index -> render -> write.
///
/// `dossier build` runs it once into a `SiteWriter`, `dossier check` once into a
/// `LinkCollector` with problems collected rather than thrown, and `dossier serve` keeps one
/// and runs it after every change into a `PreviewOutput`. A kept pipeline redoes only what a
/// change needs: it loads the files whose stamps changed, converts the articles that changed
/// (all of them when the settings or the entities' names change), updates the mention index,
/// and makes again exactly the pages that read an input whose fingerprint changed: each page
/// notes what it reads while it is made (`PageInputs`, `Reads`), so a new page kind or field
/// needs no invalidation code. The result equals a clean build byte for byte.
final class Pipeline: @unchecked Sendable {
    enum Mode: Sendable {
        /// One run; pages are made once, nothing is recorded.
        case build
        /// Runs after each change; what pages read is recorded.
        case serve
        /// One run that collects every problem instead of stopping at the first.
        case check
    }

    /// What one run did.
    struct Run: Sendable {
        var pages: [String] = []
        var rendered = 0
        var renderedEverything = false
        var removed: [String] = []
        var timings: [(stage: String, seconds: Double)] = []
        var warnings: [String] = []
        /// In `check` mode: every problem met.
        var problems: [SourceError] = []
        var templateProblems: [TemplateError] = []
        var articles: [Article] = []
        var registry = Registry([])
    }

    let options: SiteBuilder.Options
    let mode: Mode
    private var state = State()

    init(options: SiteBuilder.Options, mode: Mode) {
        self.options = options
        self.mode = mode
    }

    /// Brings `output` up to date with the content; throws on bad input before writing
    /// anything (in `build` mode the staging folder is abandoned, the old site stays).
    func run(into output: SiteOutput) throws -> Run {
        var run = Run()
        let clock = StageClock()
        do {
            var next = state
            let changes = try clock.time("load") { try load(into: &next, run: &run) }
            try convert(changes, into: &next, output: output, run: &run, clock: clock)
            clock.time("index") { index(&next) }
            try render(changes, into: &next, output: output, run: &run, clock: clock)
            run.removed = try clock.time("write") { try output.finish(live: next.live) }
            state = next
        } catch {
            output.abandon()
            throw error
        }
        run.timings = clock.timings
        run.registry = state.registry
        if Localization(language: state.settings.language).language != state.settings.language {
            run.warnings.append("content/dossier.yml: language '\(state.settings.language)' has no built-in interface words; using English")
        }
        return run
    }
}

// MARK: - State

private extension Pipeline {
    /// What a kept pipeline remembers between runs; a run works on a copy and keeps it only when
    /// it succeeds, so a failed run leaves the next one to start from the last good state.
    struct State {
        var stamps: [String: FileStamp] = [:]
        var settings = DossierConfig()
        var registry = Registry([])
        var library: TemplateLibrary?
        var assets: [(name: String, bytes: [UInt8])] = []
        /// Per template name, a fingerprint of its source as the dossier gives it.
        var templatePrints: [String: UInt64] = [:]
        var converter: Converter?
        /// The articles as read, by slug (kept by `serve`, to convert again after a registry change).
        var sources: [String: Article] = [:]
        /// The converted articles by slug.
        var converted: [String: ConvertedArticle] = [:]
        /// Per slug, the fingerprints of what pages show of the article.
        var articlePrints: [String: ConvertedArticle.Fingerprints] = [:]
        /// The bodies converted this run, for their pages; and those of the feed's articles, kept.
        var bodies: [String: Markup] = [:]
        var index = MentionIndex([], registry: Registry([]))
        var byDate: [ConvertedArticle] = []
        /// The pages of the site (kept by `serve` until pages come or go).
        var layout: Layout?
        /// Fingerprints of every input of the last run.
        var inputPrints: [InputKey: UInt64] = [:]
        /// Per input, the pages that read it; per page, what it read.
        var readers: [InputKey: Set<String>] = [:]
        var reads: [String: [InputKey]] = [:]
        /// Every file of the site.
        var live: Set<String> = []
        var isFirstRun = true
    }

    /// Every page of the site, and a fingerprint of what decides which pages there are.
    struct Layout {
        var print: UInt64
        var jobs: [PageBuilder.Job]
        /// Every file: articles, other pages, assets.
        var paths: [String]
        var jobAt: [String: PageBuilder.Job]
    }

    /// What changed since the last run.
    struct Changes {
        var articles: Set<String> = []
        var removedArticles: Set<String> = []
        /// Whether conversion itself changed (settings, the entities' ids, names or types).
        var converterChanged = false
        /// Where each entity of the old registry is in the new one, if the registry changed
        /// without changing what conversion makes (entities added or moved, details edited).
        var moved: [Int]?
        var templates = false
        var registryChanged = false
    }
}

// MARK: - Load

private extension Pipeline {
    /// Reads what changed (everything on the first run): settings, registry, templates and
    /// assets, and the list of articles.
    func load(into state: inout State, run: inout Run) throws -> Changes {
        var changes = Changes()
        let current = scan()
        let first = state.isFirstRun
        if first {
            if mode == .check {
                collect(into: &run) { try Content.requireFolders(of: options.content) }
            } else {
                try OutputFolder.check(options)
                try Content.requireFolders(of: options.content)
            }
        }
        func changed(_ prefix: String) -> Bool {
            first || current.contains { $0.key.hasPrefix(prefix) && state.stamps[$0.key] != $0.value }
                || state.stamps.keys.contains { $0.hasPrefix(prefix) && current[$0] == nil }
        }
        let name = options.content.lastPathComponent
        if changed("dossier.yml") {
            let settings = mode == .check
                ? collect(into: &run) { try DossierConfig.load(from: options.content.appendingPathComponent("dossier.yml"), displayPath: "\(name)/dossier.yml") } ?? DossierConfig()
                : try DossierConfig.load(from: options.content.appendingPathComponent("dossier.yml"), displayPath: "\(name)/dossier.yml")
            if settings != state.settings || first { changes.converterChanged = true }
            state.settings = settings
        }
        if changed("entities/") {
            let registry: Registry
            if mode == .check {
                var problems: [SourceError] = []
                registry = collect(into: &run) { try Registry.load(from: options.content.appendingPathComponent("entities"), displayPath: "\(name)/entities", problems: &problems) } ?? Registry([])
                run.problems += problems
            } else {
                registry = try Content.loadRegistry(from: options.content)
            }
            if first {
                changes.converterChanged = true
            } else if let moved = Self.compatible(state.registry, registry, mentioned: state.index) {
                if moved != Array(moved.indices) || moved.count != registry.entities.count { changes.moved = moved }
            } else {
                changes.converterChanged = true
            }
            state.registry = registry
            changes.registryChanged = true
        }
        if changed("Templates/") || state.library == nil {
            var problems: [TemplateError] = []
            let builder = SiteBuilder(options: options)
            let library = mode == .check ? (collect(into: &run) { try builder.library(problems: &problems) } ?? TemplateLibrary()) : try builder.library()
            run.templateProblems += problems
            state.library = library
            state.assets = mode == .check ? (collect(into: &run) { try builder.assets() } ?? []) : try builder.assets()
            state.templatePrints = Self.templatePrints(current, templates: options.templates)
            changes.templates = true
        }
        let articles = mode == .check ? (collect(into: &run) { try Content.articleFiles(in: options.content) } ?? []) : try Content.articleFiles(in: options.content)
        let paths = Set(articles.map { "articles/" + ($0 as NSString).lastPathComponent })
        for path in paths where first || state.stamps[path] != current[path] || state.sources[Self.slug(of: path)] == nil && mode == .serve {
            changes.articles.insert(path)
        }
        changes.removedArticles = Set(state.converted.keys.map { "articles/\($0).md" }).subtracting(paths)
        state.stamps = current
        return changes
    }

    /// Where each entity of `old` is in `new`, when no article's conversion changes: every
    /// entity that articles mention keeps its id, name and type. Nil otherwise.
    static func compatible(_ old: Registry, _ new: Registry, mentioned index: MentionIndex) -> [Int]? {
        var moved: [Int] = []
        for (position, entity) in old.entities.enumerated() {
            if let now = new.index(of: entity.id), new.entities[now].name == entity.name, new.entities[now].type == entity.type {
                moved.append(now)
            } else if position < index.counts.count, index.counts[position] > 0 {
                return nil
            } else {
                moved.append(-1)
            }
        }
        return moved
    }

    /// Stamps of everything a build reads, keyed by path relative to `content/`, and
    /// `Templates/…` for templates.
    func scan() -> [String: FileStamp] {
        let content = options.content
        var stamps = FileStamp.scan(content.appendingPathComponent("articles"), extensions: ["md"], prefix: "articles/", recursive: false)
        stamps.merge(FileStamp.scan(content.appendingPathComponent("entities"), extensions: ["yml", "yaml"], prefix: "entities/", recursive: false)) { first, _ in first }
        if let stamp = FileStamp.of(content.appendingPathComponent("dossier.yml").path) { stamps["dossier.yml"] = stamp }
        if let templates = options.templates {
            stamps.merge(FileStamp.scan(templates, prefix: "Templates/")) { first, _ in first }
        }
        return stamps
    }

    /// Per template the dossier gives, a fingerprint of its stamp: a template's source changed
    /// when its file did.
    static func templatePrints(_ stamps: [String: FileStamp], templates: URL?) -> [String: UInt64] {
        var prints: [String: UInt64] = [:]
        for (path, stamp) in stamps where path.hasPrefix("Templates/") && path.hasSuffix(".mustache") {
            var hasher = Hasher()
            hasher.combine(stamp.modified)
            hasher.combine(stamp.size)
            prints[String(path.dropFirst("Templates/".count).dropLast(".mustache".count))] = UInt64(bitPattern: Int64(hasher.finalize()))
        }
        return prints
    }

    static func slug(of path: String) -> String {
        String(path.dropFirst("articles/".count).dropLast(".md".count))
    }

    /// Runs `work`; in `check` mode a failure becomes located problems and nil, otherwise it is thrown.
    func collect<T>(into run: inout Run, _ work: () throws -> T) -> T? {
        do { return try work() } catch {
            run.problems += SourceErrors.located(in: error) ?? [SourceError(file: options.content.relativePath, message: "\(error)")]
            return nil
        }
    }
}

// MARK: - Convert

private extension Pipeline {
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

// MARK: - Index

private extension Pipeline {
    /// The mention index and the date order, for the converted articles; a kept pipeline swaps
    /// edited articles into its index when no article came or went.
    func index(_ state: inout State) {
        let slugs = state.converted.keys.sorted()
        let articles = slugs.map { state.converted[$0]! }
        let index = state.index
        let sameArticles = index.ids == state.registry.entities.map(\.id) && index.articles.count == articles.count
            && zip(index.articles, articles).allSatisfy { $0.article.slug == $1.article.slug }
        if sameArticles {
            var updated = index
            for (position, article) in articles.enumerated() where updated.articles[position] !== article {
                updated.replace(position, with: article)
            }
            state.index = updated
        } else {
            state.index = MentionIndex(articles, registry: state.registry)
        }
        state.byDate = PageBuilder.byDate(articles)
    }
}

// MARK: - Render

private extension Pipeline {
    /// Makes and renders the pages that need it: all of them on a one-off run, on a kept one
    /// the new pages and those that read an input whose fingerprint changed.
    func render(_ changes: Changes, into state: inout State, output: SiteOutput, run: inout Run, clock: StageClock) throws {
        let library = state.library!
        let records = mode == .serve
        if records {
            // Bodies kept for the feed only, made again by conversion when their page or the feed needs them.
            let feed = Set(state.byDate.prefix(PageBuilder.feedEntries).map(\.article.slug))
            try ensureBodies(for: feed, in: &state)
        }
        let inputs = PageInputs(settings: state.settings, registry: state.registry, index: state.index, byDate: state.byDate,
                                feedBodies: state.bodies)
        let pages = PageBuilder(inputs: inputs)
        var articleJobs: [ConvertedArticle] = []
        var otherJobs: [PageBuilder.Job]
        if records {
            // The list of pages is made again only when pages come or go.
            let layout = Self.layoutPrint(state, pages: pages)
            let newLayout = layout != state.layout?.print
            if newLayout {
                let jobs = pages.jobs()
                let paths = state.index.articles.map(\.path) + jobs.map(pages.path) + state.assets.map { "assets/\($0.name)" }
                state.layout = Layout(print: layout, jobs: jobs, paths: paths, jobAt: Dictionary(uniqueKeysWithValues: zip(jobs.map(pages.path), jobs)))
                state.live = Set(paths)
            }
            let prints = fingerprints(state, layout: layout)
            var stale = Set<String>()
            if state.isFirstRun {
                stale = state.live
            } else {
                for (key, print) in prints where state.inputPrints[key] != print {
                    stale.formUnion(state.readers[key] ?? [])
                }
                for key in state.inputPrints.keys where prints[key] == nil {
                    stale.formUnion(state.readers[key] ?? [])
                }
                if newLayout { for path in state.live where state.reads[path] == nil { stale.insert(path) } }
            }
            state.inputPrints = prints
            let jobAt = state.layout!.jobAt
            articleJobs = state.index.articles.filter { stale.contains($0.path) }
            otherJobs = stale.compactMap { jobAt[$0] }
            try ensureBodies(for: Set(articleJobs.map(\.article.slug)), in: &state)
        } else {
            // One-of-a-kind pages first: the sitemap and the feed are large, and last in line they
            // would be rendered while the other cores wait. Entity pages then by the first article
            // they list: the cores work on pages that read the same articles, which are then still
            // in the cache, rather than each entity's pages reading all articles in turn.
            let jobs = pages.jobs()
            let entityPages = jobs.filter(\.isEntityPage).map { (job: $0, first: pages.firstListed(by: $0)) }
            otherJobs = jobs.filter { !$0.isEntityPage } + entityPages.sorted { $0.first < $1.first }.map(\.job)
            run.pages = state.index.articles.map(\.path) + jobs.map(pages.path) + state.assets.map { "assets/\($0.name)" }
        }
        let bodies = state.bodies
        // Per page made: its path and what it read (when recorded), and a checking render's problems.
        typealias Made = (path: String?, keys: [InputKey], problems: [TemplateError])
        @Sendable func made(_ page: Page, _ reads: inout Reads) throws -> Made {
            let problems = try render(page, library, into: output, clock: clock, within: "render", reads: &reads)
            return (records ? page.path : nil, reads.keys, problems)
        }
        let made = try clock.time("render") {
            try articleJobs.concurrentMap(serially: options.serially) { converted -> Made in
                var reads = Reads(records: records)
                return try made(pages.article(converted, html: bodies[converted.article.slug]!, &reads), &reads)
            } + otherJobs.concurrentMap(serially: options.serially) { job -> Made in
                var reads = Reads(records: records)
                return try made(pages.page(for: job, &reads), &reads)
            }
        }
        run.rendered += made.count
        for page in made { run.templateProblems += page.problems }
        if records {
            record(made.map { ($0.path!, $0.keys) }, in: &state)
            run.renderedEverything = made.count + state.assets.count == state.live.count
            run.pages = state.layout!.paths
        }
        try clock.time("write") {
            for asset in state.assets { try output.put("assets/\(asset.name)", asset.bytes) }
        }
        if records {
            // Bodies of pages made this run go; the feed's stay.
            let feed = Set(state.byDate.prefix(PageBuilder.feedEntries).map(\.article.slug))
            state.bodies = state.bodies.filter { feed.contains($0.key) }
        }
        state.isFirstRun = false
    }

    /// Converts again the articles of `slugs` whose bodies are not at hand.
    func ensureBodies(for slugs: Set<String>, in state: inout State) throws {
        let missing = slugs.filter { state.bodies[$0] == nil }.sorted()
        guard !missing.isEmpty else { return }
        let converter = state.converter!
        let sources = missing.map { state.sources[$0]! }
        let bodies = try sources.concurrentMap(serially: options.serially) { try converter.convert($0).html }
        for (slug, body) in zip(missing, bodies) { state.bodies[slug] = body }
    }

    /// Renders one page into `output` (the time of writing it counted as part of stage
    /// `within`), noting the templates it uses in `reads`; returns the problems a checking
    /// render finds (in `check` mode).
    func render(_ page: Page, _ library: TemplateLibrary, into output: SiteOutput, clock: StageClock, within stage: String, reads: inout Reads) throws -> [TemplateError] {
        if reads.records {
            for name in library.dependencies(of: page.template) ?? Set(library.names) { reads.note(InputKey(.template, name)) }
        }
        var model = page.model
        if options.search != nil, case .object(var fields) = model {
            fields["search"] = true
            model = .object(fields)
        }
        // Entity and article pages run to tens of kilobytes: room for most at once.
        var problems: [TemplateError] = []
        let bytes: [UInt8]
        if mode == .check {
            do {
                (bytes, problems) = try library.renderChecking(page.template, model, capacity: 96 * 1024)
                // The first unresolved name of a page, as a strict render reports it.
                problems = Array(problems.prefix(1))
            } catch let error as TemplateError {
                return [error]
            }
        } else {
            bytes = try library.renderBytes(page.template, model, capacity: 96 * 1024)
        }
        try clock.time("write", within: stage) { try output.put(page.path, bytes) }
        return problems
    }

    /// Notes what each page made this run read, replacing what it read before.
    func record(_ made: [(path: String, keys: [InputKey])], in state: inout State) {
        for (path, keys) in made {
            let unique = Set(keys)
            for key in state.reads[path] ?? [] where !unique.contains(key) { state.readers[key]?.remove(path) }
            for key in unique { state.readers[key, default: []].insert(path) }
            state.reads[path] = Array(unique)
        }
        for path in state.reads.keys where !state.live.contains(path) {
            for key in state.reads[path]! { state.readers[key]?.remove(path) }
            state.reads[path] = nil
        }
    }

    /// The fingerprint of every input pages can read (`InputKey.Kind`), as the content is now.
    func fingerprints(_ state: State, layout: UInt64) -> [InputKey: UInt64] {
        var prints: [InputKey: UInt64] = [:]
        func value(_ hasher: Hasher) -> UInt64 { UInt64(bitPattern: Int64(hasher.finalize())) }
        var settings = Hasher()
        settings.combine(state.settings)
        settings.combine(options.search != nil)
        prints[InputKey(.settings)] = value(settings)
        for name in state.library?.names ?? [] {
            prints[InputKey(.template, name)] = state.templatePrints[name] ?? 0
        }
        for article in state.index.articles {
            guard let print = state.articlePrints[article.article.slug] else { continue }
            prints[InputKey(.summary, hash: article.key)] = print.summary
            prints[InputKey(.mentions, hash: article.key)] = print.mentions
            prints[InputKey(.overview, hash: article.key)] = print.overview
            prints[InputKey(.document, hash: article.key)] = print.document
        }
        var types: [EntityType: Hasher] = [:]
        for (position, entity) in state.registry.entities.enumerated() {
            let key = InputKey.hash(entity.id)
            var name = Hasher(), details = Hasher(), articles = Hasher()
            name.combine(entity.id)
            name.combine(entity.name)
            name.combine(entity.type)
            details.combine(entity)
            for group in state.index.groups[position] { articles.combine(state.index.articles[Int(group.article)].key) }
            prints[InputKey(.entityName, hash: key)] = value(name)
            prints[InputKey(.entityDetails, hash: key)] = value(details)
            prints[InputKey(.articlesOfEntity, hash: key)] = value(articles)
            prints[InputKey(.mentionCount, hash: key)] = UInt64(state.index.counts[position])
            types[entity.type, default: Hasher()].combine(entity.id)
        }
        for type in EntityType.allCases {
            prints[InputKey(.entitiesOfType, type.rawValue)] = types[type].map(value) ?? 0
        }
        var order = Hasher()
        for article in state.byDate { order.combine(article.key) }
        prints[InputKey(.articleOrder)] = value(order)
        prints[InputKey(.pageList)] = layout
        return prints
    }

    /// A fingerprint of what decides which pages there are: the articles, the entities and
    /// how many pages each fills, the assets.
    static func layoutPrint(_ state: State, pages: PageBuilder) -> UInt64 {
        var hasher = Hasher()
        for article in state.index.articles { hasher.combine(article.key) }
        for (position, entity) in state.registry.entities.enumerated() {
            hasher.combine(entity.id)
            hasher.combine(entity.type)
            hasher.combine(pages.entityPageCount(groups: state.index.groups[position].count))
        }
        for asset in state.assets { hasher.combine(asset.name) }
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}

/// Times the stages. Stages overlap where a worker goes on with a page it has made (conversion
/// makes each article's page, rendering writes each page): the time workers spend in a later
/// stage inside an earlier one is moved to the later one, in proportion to the earlier stage's
/// wall time, so each stage is reported under its real name.
final class StageClock: @unchecked Sendable {
    private let lock = NSLock()
    private var wall: [(stage: String, seconds: Double)] = []
    /// Per enclosing stage, the seconds workers spent in each inner stage, summed over workers.
    private var inner: [String: [String: Double]] = [:]

    /// Runs `work` as stage `stage` (on the calling thread, timed by the wall clock).
    func time<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        lock.withLock { wall.append((stage, seconds)) }
        return result
    }

    /// Runs `work`, part of stage `stage`, on a worker inside stage `outer`.
    func time<T>(_ stage: String, within outer: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        lock.withLock { inner[outer, default: [:]][stage, default: 0] += seconds }
        return result
    }

    /// Each stage's seconds, in pipeline order.
    var timings: [(stage: String, seconds: Double)] {
        lock.withLock {
            var totals: [(stage: String, seconds: Double)] = ["load", "convert", "index", "render", "write"].map { ($0, 0) }
            func add(_ stage: String, _ seconds: Double) {
                if let at = totals.firstIndex(where: { $0.stage == stage }) { totals[at].seconds += seconds } else { totals.append((stage, seconds)) }
            }
            let workers = Double(ProcessInfo.processInfo.activeProcessorCount)
            for (stage, seconds) in wall {
                let parts = inner[stage] ?? [:]
                let inside = parts.values.reduce(0, +)
                // Worker time in inner stages as a share of the workers' time in the stage.
                let busy = max(seconds * workers, inside)
                guard busy > 0 else { add(stage, seconds); continue }
                add(stage, seconds * (1 - inside / busy))
                for (part, time) in parts.sorted(by: { $0.key < $1.key }) { add(part, seconds * time / busy) }
            }
            return totals
        }
    }
}
