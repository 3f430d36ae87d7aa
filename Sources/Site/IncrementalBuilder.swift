import Entities
import Foundation
import Templating

/// Keeps a built site up to date as files change, doing only the work a change needs.
///
/// It remembers file stamps, the articles as read, the mention index and a hash of every file
/// it wrote. An edited article is converted again and swapped into the index; then only the
/// pages that show something of it are rendered: its own page, the page of each entity listing
/// it (and the entity's first page when its overview changed), and home, indexes, feed and
/// sitemap only when what they show changed. A registry edit that keeps every entity's id, name
/// and type renders the pages of the entities it changes or adds; a template edit renders the
/// pages whose template uses the edited one; other changes render everything. Only files whose
/// bytes changed are written (each atomically); pages that no longer exist are removed. The
/// result equals a clean build, byte for byte, but for the search index: Pagefind reads the
/// whole site, so the caller runs `options.search` when it suits it.
///
///     let builder = IncrementalBuilder(options: options)
///     try builder.rebuild()   // first call: everything
///     try builder.rebuild()   // later calls: what changed since
public final class IncrementalBuilder: @unchecked Sendable {
    /// What one rebuild did.
    public struct Outcome: Sendable {
        public var written: [String] = []
        public var removed: [String] = []
        public var rendered = 0
        public var renderedEverything = false
        public var seconds = 0.0
    }

    public let options: SiteBuilder.Options
    private let builder: SiteBuilder
    private var stamps: [String: FileStamp] = [:]
    private var config = DossierConfig()
    private var registry = Registry([])
    /// Kept with the registry and settings it was made for: it prepares a link tag per entity.
    private var converter: Converter?
    private var library: TemplateLibrary?
    /// Articles as read, by path (`articles/<slug>.md`), to convert again after a registry change.
    private var articles: [String: Article] = [:]
    /// The converted articles in slug order.
    private var index: MentionIndex?
    /// The converted articles newest first, as home and feed list them.
    private var byDate: [ConvertedArticle] = []
    private var feedBodies: [String: Markup] = [:]
    private var written: [String: Int] = [:]

    public init(options: SiteBuilder.Options) {
        self.options = options
        builder = SiteBuilder(options: options)
    }

    /// Brings the output up to date with the content; throws, leaving the output as it was, on bad input.
    /// `registry`: the registry as the caller just loaded it from `content/entities/`, to save
    /// reading it twice.
    @discardableResult
    public func rebuild(registry loaded: Registry? = nil) throws -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        let current = scan()
        // One lookup per file: a dossier has ten thousand, and this runs after every save.
        var changed: Set<String> = [], added = 0
        for (path, stamp) in current {
            let before = stamps[path]
            guard before != stamp else { continue }
            changed.insert(path)
            if before == nil { added += 1 }
        }
        // Every earlier file is still there when the files that are not new number as many.
        let removed = current.count - added == stamps.count ? [] : Set(stamps.keys.filter { current[$0] == nil })
        let others = changed.union(removed).filter { !$0.hasPrefix("articles/") }
        var outcome: Outcome
        if library == nil || index == nil {
            outcome = try rebuildEverything(changed: changed, removed: removed)
        } else if others.isEmpty {
            outcome = try rebuildArticles(changed: changed, removed: removed, registryChange: nil)
        } else if others.allSatisfy({ $0.hasPrefix("entities/") }), let change = try registryChange(loaded) {
            outcome = try rebuildArticles(changed: changed, removed: removed, registryChange: change)
        } else if others.count == changed.union(removed).count, others.allSatisfy({ $0.hasPrefix("Templates/") }) {
            outcome = try rebuildTemplates(others)
        } else {
            outcome = try rebuildEverything(changed: changed, removed: removed)
        }
        stamps = current
        outcome.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return outcome
    }
}

private extension IncrementalBuilder {
    /// After a registry, settings or template change (or on the first call): every page.
    func rebuildEverything(changed: Set<String>, removed: Set<String>) throws -> Outcome {
        let isFirst = written.isEmpty
        if isFirst { try OutputFolder.check(options) }
        let (content, library) = try builder.load(articles: false)
        var nextArticles = articles
        for path in removed { nextArticles[path] = nil }
        nextArticles.merge(try read(changed)) { _, new in new }
        let converter = SiteBuilder.converter(for: content)
        let conversions = try nextArticles.values.sorted { $0.slug < $1.slug }.concurrentMap { try converter.convert($0) }
        let index = MentionIndex(conversions.map(\.article), registry: content.registry)
        var pages = PageBuilder(content: content, index: index)
        let bodies = Dictionary(conversions.map { ($0.article.article.slug, $0.html) }, uniquingKeysWith: { first, _ in first })
        pages.feedBodies = Dictionary(pages.feedArticles.map { ($0.article.slug, bodies[$0.article.slug] ?? Markup([])) }, uniquingKeysWith: { first, _ in first })

        var outcome = Outcome(renderedEverything: true)
        let finished = pages
        var results = try conversions.concurrentMap { try write(finished.article($0.article, html: $0.html), library) }
        let jobs = pages.jobs()
        results += try jobs.concurrentMap { try write(finished.page(for: $0), library) }
        let assets = try builder.assets().map { ("assets/\($0.name)", $0.bytes) }
        results += try assets.map { try write($0.1, to: $0.0) }
        outcome.rendered = conversions.count + jobs.count
        record(results, outcome: &outcome)
        let live = Set(pages.allPaths()).union(assets.map(\.0))
        for path in written.keys.sorted() where !live.contains(path) { remove(path, outcome: &outcome) }
        if isFirst { removeStrays(keeping: live, outcome: &outcome) }
        (config, registry, self.converter, self.library, articles, self.index) = (content.config, content.registry, converter, library, nextArticles, index)
        byDate = pages.articlesByDate
        feedBodies = pages.feedBodies
        return outcome
    }

    /// After template and asset edits only: the pages whose template uses a changed one.
    func rebuildTemplates(_ paths: Set<String>) throws -> Outcome {
        let library = try builder.library()
        let names = Set(paths.filter { $0.hasSuffix(".mustache") }.map { String($0.dropFirst("Templates/".count).dropLast(".mustache".count)) })
        func affected(_ template: String) -> Bool {
            library.dependencies(of: template).map { !$0.isDisjoint(with: names) } ?? true
        }
        var pages = PageBuilder(content: Content(config: config, registry: registry, articles: []), index: index!, byDate: byDate)
        pages.feedBodies = feedBodies
        let finished = pages
        let jobs = pages.jobs().filter { affected(pages.template(of: $0)) }
        var results = try jobs.concurrentMap { try write(finished.page(for: $0), library) }
        var outcome = Outcome(rendered: jobs.count)
        if affected(PageBuilder.articleTemplate) {
            // Article bodies are not kept in memory: they are converted again.
            let converter = self.converter!
            let stored = Array(articles.values)
            results += try stored.concurrentMap { article in
                let (converted, html) = try converter.convert(article)
                return try write(finished.article(converted, html: html), library)
            }
            outcome.rendered += stored.count
        }
        var assets: Set<String> = []
        if paths.contains(where: { !$0.hasSuffix(".mustache") }) {
            let files = try builder.assets().map { ("assets/\($0.name)", $0.bytes) }
            results += try files.map { try write($0.1, to: $0.0) }
            assets = Set(files.map(\.0))
        }
        record(results, outcome: &outcome)
        if !assets.isEmpty {
            for path in written.keys.sorted() where path.hasPrefix("assets/") && !assets.contains(path) { remove(path, outcome: &outcome) }
        }
        self.library = library
        return outcome
    }

    /// A registry edit that leaves every page linking an entity as it was: no entity gone,
    /// none renamed or retyped. Entities may be added, moved or get new details.
    struct RegistryChange {
        var registry: Registry
        /// Where the entity at each old position is now.
        var moved: [Int]
        /// New positions of entities that are new or whose details changed.
        var changed: [Int]
    }

    /// The registry edit, or nil when it needs everything rendered again.
    func registryChange(_ loaded: Registry?) throws -> RegistryChange? {
        let new = try loaded ?? Content.loadRegistry(from: options.content)
        var moved: [Int] = []
        for entity in registry.entities {
            guard let position = new.index(of: entity.id), new.entities[position].type == entity.type,
                  new.entities[position].name == entity.name else { return nil }
            moved.append(position)
        }
        let changed = new.entities.indices.filter { registry[new.entities[$0].id] != new.entities[$0] }
        return RegistryChange(registry: new, moved: moved, changed: changed)
    }

    /// After edits, additions and removals of articles, and registry edits that `registryChange` allows.
    func rebuildArticles(changed: Set<String>, removed: Set<String>, registryChange: RegistryChange?) throws -> Outcome {
        let library = self.library!
        var (old, registry, byDate) = (index!, self.registry, self.byDate)
        if let registryChange {
            registry = registryChange.registry
            if registryChange.moved != Array(registryChange.moved.indices) || registry.entities.count != registryChange.moved.count {
                // Entities moved or were added: the same articles, with the entities' new positions.
                let remapped = old.articles.map { $0.remapped(registryChange.moved) }
                let byIdentity = Dictionary(uniqueKeysWithValues: zip(old.articles.map(ObjectIdentifier.init), remapped))
                byDate = byDate.map { byIdentity[ObjectIdentifier($0)]! }
                old = MentionIndex(remapped, registry: registry)
            }
        }
        let edited = try read(changed)
        let content = Content(config: config, registry: registry, articles: [])
        let converter = registryChange == nil ? self.converter! : SiteBuilder.converter(for: content)
        let fresh = try edited.keys.sorted().concurrentMap { try converter.convert(edited[$0]!) }
        let removedSlugs = Set(removed.map(Self.slug(of:)))
        let addedSlugs = Set(fresh.map(\.article.article.slug).filter { old.position(of: $0) == nil })

        var index = old
        var nextByDate = byDate
        if removedSlugs.isEmpty, addedSlugs.isEmpty {
            for conversion in fresh {
                let position = old.position(of: conversion.article.article.slug)!
                Self.move(old.articles[position], to: conversion.article, in: &nextByDate)
                index.replace(position, with: conversion.article)
            }
        } else {
            var bySlug = Dictionary(uniqueKeysWithValues: old.articles.map { ($0.article.slug, $0) })
            for slug in removedSlugs { bySlug[slug] = nil }
            for conversion in fresh { bySlug[conversion.article.article.slug] = conversion.article }
            index = MentionIndex(bySlug.keys.sorted().map { bySlug[$0]! }, registry: registry)
            nextByDate = PageBuilder.byDate(index.articles)
        }
        var pages = PageBuilder(content: content, index: index, byDate: nextByDate)
        let reorganised = !removedSlugs.isEmpty || !addedSlugs.isEmpty
        var plan = Plan()
        for conversion in fresh {
            let slug = conversion.article.article.slug
            let before = old.position(of: slug).map { old.articles[$0] }
            plan.add(Self.changes(from: before, to: conversion.article), articleAt: index.position(of: slug)!, old: old, new: index, reorganised: reorganised)
        }
        for slug in removedSlugs {
            plan.add(Self.changes(from: old.articles[old.position(of: slug)!], to: nil), articleAt: nil, old: old, new: index, reorganised: true)
        }
        let affected = Set(fresh.map(\.article.article.slug)).union(removedSlugs)
        let oldFeed = Set(byDate.prefix(PageBuilder.feedEntries).map(\.article.slug))
        let newFeed = pages.feedArticles.map(\.article.slug)
        let bodies = Dictionary(fresh.map { ($0.article.article.slug, $0.html) }, uniquingKeysWith: { first, _ in first })
        var nextFeedBodies: [String: Markup] = [:]
        for slug in newFeed {
            let path = "articles/\(slug).md"
            nextFeedBodies[slug] = try bodies[slug] ?? feedBodies[slug] ?? converter.convert((edited[path] ?? articles[path])!).html
        }
        pages.feedBodies = nextFeedBodies

        var jobs = plan.jobs(registry: registry, pages: pages)
        if reorganised || plan.countsChanged || plan.summariesChanged {
            jobs += [.home] + EntityType.allCases.map { .entityIndex($0) }
        }
        if !affected.isDisjoint(with: oldFeed) || !affected.isDisjoint(with: newFeed) { jobs.append(.feed) }
        if reorganised || plan.pageCountsChanged(old: old, new: index, pages: pages) { jobs.append(.sitemap) }
        if let registryChange, !registryChange.changed.isEmpty {
            // New details show on an entity's first page and its index; a new entity gets its pages.
            for entity in registryChange.changed {
                let id = registry.entities[entity].id
                let isNew = !registryChange.moved.contains(entity)
                jobs += (1...(isNew ? pages.entityPageCount(id) : 1)).map { .entity(id, page: $0) }
            }
            jobs += Set(registryChange.changed.map { registry.entities[$0].type }).sorted { $0.rawValue < $1.rawValue }.map { .entityIndex($0) }
            if registry.entities.count != registryChange.moved.count { jobs.append(.sitemap) }
        }
        var seen: Set<PageBuilder.Job> = []
        jobs = jobs.filter { seen.insert($0).inserted }

        var outcome = Outcome()
        let finished = pages
        var results = try fresh.concurrentMap { try write(finished.article($0.article, html: $0.html), library) }
        results += try jobs.concurrentMap { try write(finished.page(for: $0), library) }
        outcome.rendered = fresh.count + jobs.count
        record(results, outcome: &outcome)
        for slug in removedSlugs.sorted() { remove(SitePaths.article(slug), outcome: &outcome) }
        for entity in plan.entities.keys.sorted() {
            let id = registry.entities[entity].id
            let (before, after) = (pages.entityPageCount(groups: old.groups[entity].count), pages.entityPageCount(id))
            for page in stride(from: after + 1, through: before, by: 1) {
                remove(SitePaths.entity(registry.entities[entity].type, id, page: page), outcome: &outcome)
            }
        }
        for path in removed { articles[path] = nil }
        for (path, article) in edited { articles[path] = article }
        if registryChange != nil { (self.registry, self.converter) = (registry, converter) }
        (self.index, self.byDate, feedBodies) = (index, nextByDate, nextFeedBodies)
        return outcome
    }

    /// What the pages of the entities of edited articles need: per entity (registry position),
    /// whether its listing of the article, its overview or its list of articles changed.
    struct Plan {
        struct Change {
            var listing = false
            var overview = false
            var membership = false
            /// Where the article's group is in the entity's groups now, if it is there.
            var group: Int?
        }

        var entities: [Int: [Change]] = [:]
        var countsChanged = false
        var summariesChanged = false

        mutating func add(_ changes: Changes, articleAt position: Int?, old: MentionIndex, new: MentionIndex, reorganised: Bool) {
            summariesChanged = summariesChanged || changes.summary
            for (entity, var change) in changes.entities {
                if old.counts[entity] != new.counts[entity] { countsChanged = true }
                change.membership = change.membership || reorganised
                change.group = position.flatMap { position in new.groups[entity].firstIndex { Int($0.article) == position } }
                entities[entity, default: []].append(change)
            }
        }

        /// The entity pages to render again.
        func jobs(registry: Registry, pages: PageBuilder) -> [PageBuilder.Job] {
            var jobs: [PageBuilder.Job] = []
            for (entity, changes) in entities.sorted(by: { $0.key < $1.key }) {
                let id = registry.entities[entity].id
                let count = pages.entityPageCount(id)
                var numbers: Set<Int> = []
                for change in changes {
                    if change.membership {
                        // Groups after the article moved: every page from its own on, or all.
                        let first = change.group.map { $0 / pages.articlesPerEntityPage + 1 } ?? 1
                        numbers.formUnion(first...count)
                        numbers.insert(1)
                    }
                    if change.overview { numbers.insert(1) }
                    if change.listing, let group = change.group { numbers.insert(group / pages.articlesPerEntityPage + 1) }
                }
                jobs += numbers.sorted().map { .entity(id, page: $0) }
            }
            return jobs
        }

        func pageCountsChanged(old: MentionIndex, new: MentionIndex, pages: PageBuilder) -> Bool {
            entities.keys.contains { pages.entityPageCount(groups: old.groups[$0].count) != pages.entityPageCount(groups: new.groups[$0].count) }
        }
    }

    /// What an edit of one article changes: whether what lists of articles show of it changed,
    /// and per entity it mentions before or after, what changed on that entity's pages.
    struct Changes {
        var summary = false
        var entities: [Int: Plan.Change] = [:]
    }

    static func changes(from old: ConvertedArticle?, to new: ConvertedArticle?) -> Changes {
        var changes = Changes()
        let (before, after) = (old.map(signatures) ?? [:], new.map(signatures) ?? [:])
        let summary = { (article: ConvertedArticle?) in
            article.map { [$0.article.title, $0.article.date, $0.article.outlet, $0.article.teaser, $0.article.authors.joined(separator: "\n")] }
        }
        changes.summary = summary(old) != summary(new)
        for entity in Set(before.keys).union(after.keys) {
            let (was, now) = (before[entity], after[entity])
            var change = Plan.Change()
            change.membership = (was == nil) != (now == nil)
            change.listing = changes.summary || was?.listing != now?.listing
            change.overview = changes.summary || change.membership || was?.overview != now?.overview
            if change.listing || change.overview || change.membership { changes.entities[entity] = change }
        }
        return changes
    }

    /// Per entity, what its pages show of one article: its mentions with their sentences (the
    /// listing), and its spellings and company there (the overview).
    static func signatures(_ article: ConvertedArticle) -> [Int: (listing: [String], overview: [String])] {
        var result: [Int: (listing: [String], overview: [String])] = [:]
        let mentions = article.mentions
        for mentioned in article.entities {
            var listing: [String] = []
            var overview: [String] = []
            var lastSentence: Int32 = -1
            for position in article.positions(mentioned.run).lazy.map(Int.init) {
                let mention = mentions[position]
                let sentence = String(decoding: article.text[mention.sentence], as: UTF8.self)
                listing.append("\(mention.ordinal)|\(mention.markStart - mention.sentenceStart)|\(mention.markEnd - mention.markStart)|\(sentence)")
                overview.append(article.surface(mention))
                guard mention.sentenceStart != lastSentence else { continue }
                lastSentence = mention.sentenceStart
                let company = Set(mentions[article.sentence(around: position)].map(\.entity)).subtracting([Int32(mentioned.entity)])
                overview.append(company.sorted().map(String.init).joined(separator: ","))
            }
            result[mentioned.entity] = (listing, overview.sorted())
        }
        return result
    }

    /// Replaces `old` by `new` in `byDate`, keeping its order.
    static func move(_ old: ConvertedArticle, to new: ConvertedArticle, in byDate: inout [ConvertedArticle]) {
        if let at = byDate.firstIndex(where: { $0 === old }) { byDate.remove(at: at) }
        byDate.insert(new, at: byDate.partitionPoint { $0.order < new.order })
    }

    /// The articles at `paths` (those under `articles/`), read again.
    func read(_ paths: Set<String>) throws -> [String: Article] {
        let paths = paths.filter { $0.hasPrefix("articles/") }.sorted()
        let contentName = options.content.lastPathComponent
        let read = try paths.concurrentMap { try Content.loadArticle(options.content.appendingPathComponent($0).path, contentName: contentName) }
        return Dictionary(uniqueKeysWithValues: zip(paths, read))
    }

    static func slug(of path: String) -> String {
        String(path.dropFirst("articles/".count).dropLast(".md".count))
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

    typealias Written = (path: String, hash: Int, wrote: Bool)

    func write(_ page: Page, _ library: TemplateLibrary) throws -> Written {
        let (path, bytes) = try builder.render(page, library)
        return try write(bytes, to: path)
    }

    /// Writes `bytes` unless the file already holds them.
    func write(_ bytes: [UInt8], to path: String) throws -> Written {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        let hash = hasher.finalize()
        let previousHash = written[path]
        let url = options.output.appendingPathComponent(path)
        if previousHash == hash { return (path, hash, false) }
        if previousHash == nil, TextFile.holds(bytes, atPath: url.path) { return (path, hash, false) }
        try OutputFile.write(bytes, to: url.path, atomically: true)
        return (path, hash, true)
    }

    /// Notes what was written; the output and `written` change together, never ahead of each other.
    func record(_ results: [Written], outcome: inout Outcome) {
        for result in results {
            written[result.path] = result.hash
            if result.wrote { outcome.written.append(result.path) }
        }
    }

    /// Removes what the output holds but this build does not make: pages of content removed
    /// while no preview ran, and the half-written `.tmp` files of a preview that was killed
    /// while it wrote. The search index (`pagefind/`) is made beside the build and stays.
    func removeStrays(keeping live: Set<String>, outcome: inout Outcome) {
        let root = options.output.standardizedFileURL.path + "/"
        guard let files = FileManager.default.enumerator(atPath: root) else { return }
        var strays: [String] = []
        while let path = files.nextObject() as? String {
            if path == "pagefind" { files.skipDescendants() }
            var isFolder: ObjCBool = false
            guard !live.contains(path), FileManager.default.fileExists(atPath: root + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            strays.append(path)
        }
        for path in strays.sorted() { remove(path, outcome: &outcome) }
    }

    func remove(_ path: String, outcome: inout Outcome) {
        try? FileManager.default.removeItem(at: options.output.appendingPathComponent(path))
        written[path] = nil
        outcome.removed.append(path)
    }
}
