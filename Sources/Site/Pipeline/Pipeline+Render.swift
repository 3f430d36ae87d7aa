import Entities
import Templating

extension Pipeline {
    /// Makes and renders the pages that need it: all of them on a one-off run, on a kept one
    /// the new pages and those that read an input whose fingerprint changed.
    func render(output: SiteOutput, run: inout Run, clock: StageClock) throws {
        let library = state.library!
        let records = mode == .serve
        if records {
            // Bodies are kept for the feed only; conversion makes them again when a page needs one.
            try ensureBodies(for: state.byDate.prefix(PageBuilder.feedEntries).map(\.article.slug))
        }
        let pages = PageBuilder(inputs: PageInputs(settings: state.settings, registry: state.registry, index: state.index,
                                                   byDate: state.byDate, feedBodies: state.bodies))
        var articleJobs: [ConvertedArticle] = []
        var otherJobs: [PageBuilder.Job] = []
        if records {
            let stale = stalePages(pages)
            let layout = state.layout!
            let articleCount = state.index.articles.count
            for number in stale.sorted() {
                if number < articleCount { articleJobs.append(state.index.articles[Int(number)]) } else if Int(number) - articleCount < layout.jobs.count { otherJobs.append(layout.jobs[Int(number) - articleCount]) }
            }
            try ensureBodies(for: articleJobs.map(\.article.slug))
            run.pages = layout.paths
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
        try clock.time("write") {
            for asset in state.assets { try output.put("assets/\(asset.name)", asset.bytes) }
        }
        if records {
            record(made.map { ($0.path!, $0.keys) })
            run.renderedEverything = made.count + state.assets.count == state.live.count
            // Bodies of pages made this run go; the feed's stay.
            let feed = Set(state.byDate.prefix(PageBuilder.feedEntries).map(\.article.slug))
            state.bodies = state.bodies.filter { feed.contains($0.key) }
        }
        state.isFirstRun = false
    }

    /// Converts again the articles of `slugs` whose bodies are not at hand.
    func ensureBodies(for slugs: [String]) throws {
        let missing = slugs.filter { state.bodies[$0] == nil }
        guard !missing.isEmpty else { return }
        let (converter, sources) = (state.converter!, missing.map { state.sources[$0]! })
        let bodies = try sources.concurrentMap(serially: options.serially) { try converter.convert($0).html }
        for (slug, body) in zip(missing, bodies) { state.bodies[slug] = body }
    }

    /// The pages (by number in the layout) to make again: on the first run all, later those
    /// that read an input whose fingerprint changed and those that are new. Makes the layout
    /// again when pages came or went.
    func stalePages(_ pages: PageBuilder) -> Set<Int32> {
        let print = Self.layoutPrint(state, pages: pages)
        state.layoutChanged = state.isFirstRun || print != state.layout?.print
        if state.layoutChanged {
            let jobs = pages.jobs()
            let paths = state.index.articles.map(\.path) + jobs.map(pages.path) + state.assets.map { "assets/\($0.name)" }
            state.layout = Layout(print: print, jobs: jobs, paths: paths,
                                  number: Dictionary(paths.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first }))
            state.live = Set(paths)
        }
        let changed = updateFingerprints(layout: print)
        let count = Int32(state.layout!.paths.count - state.assets.count)
        guard !state.isFirstRun else { return Set(0..<count) }
        var stale = Set<Int32>()
        if state.layoutChanged {
            renumberReaders()
            for (path, number) in state.layout!.number where number < count && state.reads[path] == nil { stale.insert(number) }
        }
        for key in changed { stale.formUnion(state.readers[key] ?? []) }
        return stale
    }

    /// Notes what each page made this run read, replacing what it read before.
    func record(_ made: [(path: String, keys: [InputKey])]) {
        let numbers = state.layout!.number
        let rebuilds = made.count > state.reads.count / 4
        for (path, keys) in made {
            let unique = Array(Set(keys))
            if !rebuilds, let number = numbers[path] {
                let (old, new) = (Set(state.reads[path] ?? []), Set(unique))
                for key in old.subtracting(new) {
                    if let at = state.readers[key]?.firstIndex(of: number) { state.readers[key]!.remove(at: at) }
                }
                for key in new.subtracting(old) { state.readers[key, default: []].append(number) }
            }
            state.reads[path] = unique
        }
        // Many pages made: readers listed again from what each page read.
        if rebuilds { renumberReaders() }
    }

    /// Lists per input the pages that read it, by their numbers in the current layout; forgets
    /// what pages that are gone read.
    func renumberReaders() {
        let numbers = state.layout!.number
        state.reads = state.reads.filter { numbers[$0.key] != nil }
        state.readers = [:]
        for (path, keys) in state.reads {
            let number = numbers[path]!
            for key in keys { state.readers[key, default: []].append(number) }
        }
    }

    /// Brings the fingerprint of every input pages can read (`InputKey.Kind`) up to date with
    /// the content and returns the inputs whose fingerprint changed (or that came or went).
    /// Articles' fingerprints change only when they are converted again; everything else is
    /// looked at on every run.
    func updateFingerprints(layout: UInt64) -> Set<InputKey> {
        var changed = Set<InputKey>()
        var seen = Set<InputKey>()
        func set(_ key: InputKey, _ print: UInt64) {
            seen.insert(key)
            if state.inputPrints.updateValue(print, forKey: key) != print { changed.insert(key) }
        }
        func value(_ hasher: Hasher) -> UInt64 { UInt64(bitPattern: Int64(hasher.finalize())) }
        var settings = Hasher()
        settings.combine(state.settings)
        settings.combine(options.search != nil)
        set(InputKey(.settings), value(settings))
        for name in state.library?.names ?? [] { set(InputKey(.template, name), state.templatePrints[name] ?? 0) }
        for article in state.reconverted {
            guard let print = state.articlePrints[article.article.slug] else { continue }
            set(InputKey(.summary, hash: article.key), print.summary)
            set(InputKey(.mentions, hash: article.key), print.mentions)
            set(InputKey(.overview, hash: article.key), print.overview)
            set(InputKey(.document, hash: article.key), print.document)
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
            set(InputKey(.entityName, hash: key), value(name))
            set(InputKey(.entityDetails, hash: key), value(details))
            set(InputKey(.articlesOfEntity, hash: key), value(articles))
            set(InputKey(.mentionCount, hash: key), UInt64(state.index.counts[position]))
            types[entity.type, default: Hasher()].combine(entity.id)
        }
        for type in EntityType.allCases { set(InputKey(.entitiesOfType, type.rawValue), types[type].map(value) ?? 0) }
        var order = Hasher()
        for article in state.byDate { order.combine(article.key) }
        set(InputKey(.articleOrder), value(order))
        set(InputKey(.pageList), layout)
        // Inputs that are gone: entities and templates no longer there, articles removed. Article
        // keys not looked at this run are kept when their article still exists.
        let articleKinds: Set<UInt64> = [InputKey.Kind.summary, .mentions, .overview, .document].map(\.rawValue).reduce(into: []) { $0.insert($1) }
        let present = Set(state.index.articles.map { $0.key & 0x00FF_FFFF_FFFF_FFFF })
        for key in Array(state.inputPrints.keys) where !seen.contains(key) {
            if articleKinds.contains(key.value >> 56), present.contains(key.value & 0x00FF_FFFF_FFFF_FFFF) { continue }
            state.inputPrints[key] = nil
            changed.insert(key)
        }
        return changed
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
