import Entities
import Templating

extension Pipeline {
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
