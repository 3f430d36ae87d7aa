import Articles
import Entities
import Markdown
import SourceText
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
                                                   byDate: state.byDate, feedBodies: state.bodies, shared: state.shared))
        var articleJobs: [ConvertedArticle] = []
        var otherJobs: [PageBuilder.Job] = []
        if records {
            for number in stalePages(pages).sorted() {
                guard let path = state.paths[Int(number)] else { continue }
                if let job = state.layout!.jobs[path] {
                    otherJobs.append(job)
                } else if let article = state.converted[String(path.dropFirst("articles/".count).dropLast(".html".count))] {
                    articleJobs.append(article)
                }
            }
        } else {
            // Article pages were made while converting, before it was known which passages
            // other articles share: those with shared passages are made again with them marked.
            articleJobs = state.shared.ofArticle.keys.sorted().map { state.byDate[Int($0)] }
            // One-of-a-kind pages first: the sitemap and the feed are large, and last in line they
            // would be rendered while the other cores wait. Entity pages then by the first article
            // they list: the cores work on pages that read the same articles, which are then still
            // in the cache, rather than each entity's pages reading all articles in turn.
            let jobs = pages.jobs()
            let entityPages = jobs.filter(\.isEntityPage).map { (job: $0, first: pages.firstListed(by: $0)) }
            otherJobs = jobs.filter { !$0.isEntityPage } + entityPages.sorted { $0.first < $1.first }.map(\.job)
            if mode == .build {
                run.pagesByKind = SiteBuilder.count(state.index.articles.map(\.path) + jobs.map(pages.path) + state.assets.map { "assets/\($0.name)" })
            }
        }
        // An article's body with its shared passages marked is made when its page is.
        let marking = Dictionary(articleJobs.map { converted in
            var reads = Reads(records: records)
            let marks = pages.sharedMarks(of: converted, &reads)
            return (converted.article.slug, (marks: marks, reads: reads.keys))
        }, uniquingKeysWith: { first, _ in first })
        try ensureBodies(for: articleJobs.map(\.article.slug).filter { marking[$0]!.marks.isEmpty })
        let (bodies, converter, again) = (state.bodies, state.converter!, !records)
        // Per page made: its path and what it read (when recorded), and a checking render's problems.
        typealias Made = (path: String?, keys: [InputKey], problems: [TemplateError])
        @Sendable func made(_ page: Page, _ reads: inout Reads, again: Bool = false) throws -> Made {
            let problems = try render(page, library, into: output, clock: clock, within: "render", reads: &reads, again: again)
            return (records ? page.path : nil, Self.unique(reads.keys), problems)
        }
        let made = try clock.time("render") {
            try articleJobs.concurrentMap(serially: options.serially) { converted -> Made in
                let slug = converted.article.slug
                var reads = Reads(records: records)
                for key in marking[slug]!.reads { reads.note(key) }
                // Read again here, one at a time: an agency-heavy dossier has shared passages in most
                // articles. The teaser's shared passages are marked in its field.
                let marks = marking[slug]!.marks
                let remade = marks.isEmpty ? nil : try converter.convert(source(of: slug), marks: marks)
                return try made(pages.article(converted, html: remade?.html ?? bodies[slug]!, fields: remade?.article.fields, &reads), &reads, again: again)
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
        let (converter, sources) = (state.converter!, try sources(of: missing))
        let bodies = try missing.concurrentMap(serially: options.serially) { try converter.convert(sources[$0]!).html }
        for (slug, body) in zip(missing, bodies) { state.bodies[slug] = body }
    }

    /// The articles of `slugs` as read (`source(of:)`).
    func sources(of slugs: [String]) throws -> [String: Article] {
        let read = try slugs.concurrentMap(serially: options.serially) { try source(of: $0) }
        return Dictionary(zip(slugs, read), uniquingKeysWith: { first, _ in first })
    }

    /// The article `slug` as read: kept by `serve` and `check`, read again by `build`, which
    /// keeps none.
    func source(of slug: String) throws -> Article {
        try state.sources[slug] ?? ArticleFile.read(options.content.appendingPathComponent("articles/\(slug).md").path, contentName: options.content.lastPathComponent)
    }

    /// The pages (by number) to make again: on the first run all, later those that read an
    /// input whose fingerprint changed and those that are new. Lists the pages again when
    /// pages came or went.
    func stalePages(_ pages: PageBuilder) -> Set<Int32> {
        let print = layoutPrint(pages)
        state.layoutChanged = state.isFirstRun || print != state.layout?.print
        var stale = Set<Int32>()
        if state.layoutChanged {
            let jobs = pages.jobs()
            let others = jobs.map(pages.path)
            let paths = state.index.articles.map(\.path) + others + state.assets.map { "assets/\($0.name)" }
            let live = Set(paths)
            for path in state.live.subtracting(live) {
                if let number = state.numbers.removeValue(forKey: path) { (state.paths[Int(number)], state.reads[number]) = (nil, nil) }
            }
            for path in paths.dropLast(state.assets.count) where state.numbers[path] == nil {
                let number = Int32(state.paths.count)
                state.numbers[path] = number
                state.paths.append(path)
                stale.insert(number)
            }
            state.layout = Layout(print: print, paths: paths, jobs: Dictionary(zip(others, jobs), uniquingKeysWith: { first, _ in first }))
            state.live = live
        }
        for key in updateFingerprints(layout: print) { stale.formUnion(state.readers[key] ?? []) }
        if state.isFirstRun { stale = Set(state.numbers.values) }
        return stale
    }

    /// `keys` sorted and without repeats, by sorting rather than hashing: a site's pages note
    /// millions of reads (done by each page's worker).
    static func unique(_ keys: [InputKey]) -> [InputKey] {
        var values = keys.map(\.value)
        values.sortDistinct()
        return values.map { InputKey(raw: $0) }
    }

    /// Notes what each page made this run read (its keys unique), replacing what it read before.
    func record(_ made: [(path: String, keys: [InputKey])]) {
        for (path, read) in made {
            guard let number = state.numbers[path] else { continue }
            if let old = state.reads[number] {
                let (before, after) = (Set(old), Set(read))
                for key in before.subtracting(after) {
                    if let at = state.readers[key]?.firstIndex(of: number) { state.readers[key]!.remove(at: at) }
                }
                for key in after.subtracting(before) { state.readers[key, default: []].append(number) }
            } else {
                for key in read { state.readers[key, default: []].append(number) }
            }
            state.reads[number] = read
        }
    }

    /// Brings the fingerprint of every input pages can read (`InputKey.Kind`) up to date and
    /// returns the inputs whose fingerprint changed, came or went. Each kind is looked at where
    /// it can change: articles when converted again, entities' details when the registry
    /// changed, their articles when the index stage changed their mentions.
    func updateFingerprints(layout: UInt64) -> Set<InputKey> {
        var changed = Set<InputKey>()
        func set(_ key: InputKey, _ print: UInt64?) {
            let old = print.map { state.inputPrints.updateValue($0, forKey: key) } ?? state.inputPrints.removeValue(forKey: key)
            if old != print { changed.insert(key) }
        }
        func value(_ hasher: Hasher) -> UInt64 { UInt64(bitPattern: Int64(hasher.finalize())) }
        var settings = Hasher()
        settings.combine(state.settings)
        settings.combine(options.search != nil)
        set(InputKey(.settings), value(settings))
        for (name, print) in state.templatePrints { set(InputKey(.template, name), print) }
        for name in state.library?.names ?? [] where state.templatePrints[name] == nil { set(InputKey(.template, name), 0) }
        for article in state.reconverted {
            let print = state.articlePrints[article.article.slug]
            set(InputKey(.summary, hash: article.key), print?.summary)
            set(InputKey(.mentions, hash: article.key), print?.mentions)
            set(InputKey(.overview, hash: article.key), print?.overview)
            set(InputKey(.document, hash: article.key), print?.document)
            set(InputKey(.quotes, hash: article.key), print?.quotes)
        }
        for slug in state.removed {
            for kind in [InputKey.Kind.summary, .mentions, .overview, .document, .quotes] { set(InputKey(kind, slug), nil) }
        }
        let entities = state.registry.entities
        if state.registryChanged {
            for id in state.removedIDs {
                for kind in [InputKey.Kind.entityName, .entityDetails, .articlesOfEntity, .mentionCount] { set(InputKey(kind, id), nil) }
            }
            for (position, print) in state.entityPrints.enumerated() {
                set(InputKey(.entityName, hash: state.entityKeys[position]), print.name)
                set(InputKey(.entityDetails, hash: state.entityKeys[position]), print.details)
            }
            var types: [EntityType: Hasher] = [:]
            for entity in entities { types[entity.type, default: Hasher()].combine(entity.id) }
            for type in EntityType.allCases { set(InputKey(.entitiesOfType, type.rawValue), types[type].map(value) ?? 0) }
        }
        for position in state.touchedEntities.map(Array.init) ?? Array(entities.indices) {
            set(InputKey(.articlesOfEntity, hash: state.entityKeys[position]), state.index.memberPrints[position])
            set(InputKey(.mentionCount, hash: state.entityKeys[position]), UInt64(state.index.counts[position]))
        }
        var order = Hasher()
        for article in state.byDate { order.combine(article.key) }
        set(InputKey(.articleOrder), value(order))
        var newest = Hasher()
        newest.combine(state.byDate.first { !$0.article.date.isEmpty }?.article.date)
        set(InputKey(.newestDate), value(newest))
        if state.sharedChanged {
            let (prints, groups) = sharedFingerprints()
            for key in state.sharedKeys where prints[key] == nil { set(InputKey(.shared, hash: key), nil) }
            for (key, print) in prints { set(InputKey(.shared, hash: key), print) }
            state.sharedKeys = Set(prints.keys)
            set(InputKey(.sharedGroups), groups)
        }
        set(InputKey(.pageList), layout)
        return changed
    }

    /// Renders one page into `output` (the time of writing it counted as part of stage
    /// `within`), noting the templates it uses in `reads`; returns the problems a checking
    /// render finds (in `check` mode).
    func render(_ page: Page, _ library: TemplateLibrary, into output: SiteOutput, clock: StageClock, within stage: String, reads: inout Reads,
                again: Bool = false) throws -> [TemplateError] {
        if let bytes = page.bytes {
            try clock.time("write", within: stage) { again ? try output.replace(page.path, bytes) : try output.put(page.path, bytes) }
            return []
        }
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
        let bytes: ByteBuffer
        if mode == .check {
            do {
                (bytes, problems) = try library.renderChecking(page.template, model, capacity: 96 * 1024)
                // The first unresolved name of a page, as a strict render reports it.
                problems = Array(problems.prefix(1))
            } catch let error as TemplateError {
                return [error]
            }
        } else {
            bytes = try library.renderBuffer(page.template, model, capacity: 96 * 1024)
        }
        try clock.time("write", within: stage) {
            try bytes.withBytes { again ? try output.replace(page.path, $0) : try output.put(page.path, $0) }
        }
        return problems
    }

    /// Per article key, a fingerprint of its shared passages (which, where, in which group, and
    /// the other versions' articles and passages); and one of all groups with their texts.
    func sharedFingerprints() -> (articles: [UInt64: UInt64], groups: UInt64) {
        let shared = state.shared
        var prints: [UInt64: UInt64] = [:]
        for (position, passages) in shared.ofArticle {
            var hasher = Hasher()
            let article = state.byDate[Int(position)]
            for (passage, group) in passages {
                hasher.combine(passage)
                hasher.combine(group)
                hasher.combine(article.passages[Int(passage)].block)
                hasher.combine(article.passages[Int(passage)].rangeInBlock)
                // What the note names: the first other versions, and how many there are.
                let (named, count) = SharedPassages.others(of: position, in: shared.groups[Int(group)], limit: PageBuilder.versionsNamed)
                hasher.combine(count)
                for version in named {
                    hasher.combine(state.byDate[Int(version.article)].key)
                    hasher.combine(version.passage)
                }
            }
            prints[article.key] = UInt64(bitPattern: Int64(hasher.finalize()))
        }
        var groups = Hasher()
        for group in shared.groups {
            groups.combine(group.count)
            for version in group {
                let article = state.byDate[Int(version.article)]
                groups.combine(article.key)
                groups.combine(version.passage)
                article.text.withUnsafeBytes { groups.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[article.passages[Int(version.passage)].range])) }
            }
        }
        return (prints, UInt64(bitPattern: Int64(groups.finalize())))
    }

    /// A fingerprint of what decides which pages there are: the articles, the entities and
    /// how many pages each fills, the assets.
    func layoutPrint(_ pages: PageBuilder) -> UInt64 {
        var hasher = Hasher()
        for article in state.index.articles { hasher.combine(article.key) }
        for (position, key) in state.entityKeys.enumerated() {
            hasher.combine(key)
            hasher.combine(state.registry.entities[position].type)
            hasher.combine(pages.entityPageCount(groups: state.index.groups[position].count))
            // Only a mentioned entity has a feed, only a speaker quoted often pages of quotes.
            hasher.combine(state.index.groups[position].isEmpty)
            hasher.combine(pages.quotePageCount(position))
        }
        for asset in state.assets { hasher.combine(asset.name) }
        // Only mentions that fit a spreadsheet make a table of them.
        hasher.combine(pages.hasMentionsTable)
        // Nor does data/dossier.json read every article's mentions beyond its limit.
        hasher.combine(pages.hasIndexMentions)
        // Which outlets there are decides their pages.
        var outlets = Set<String>()
        for article in state.index.articles { outlets.insert(article.outlet) }
        hasher.combine(outlets)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}
