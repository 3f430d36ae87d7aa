import Entities
import Foundation
import Templating

/// Keeps a built site up to date as files change, doing only the work a change needs.
///
/// It remembers file stamps, parsed and converted articles and the bytes of every page it
/// wrote. An edited article re-renders its page, the pages of the entities it mentions now or
/// mentioned before, the indexes, home, feed and sitemap; a registry, settings or template
/// change re-renders everything. Only files whose bytes changed are written (each atomically);
/// pages that no longer exist are removed. The result equals a clean build, byte for byte.
///
///     let builder = IncrementalBuilder(options: options)
///     try builder.rebuild()   // first call: everything
///     try builder.rebuild()   // later calls: what changed since
public final class IncrementalBuilder: @unchecked Sendable {
    /// What one rebuild did.
    public struct Outcome: Sendable {
        public var written: [String]
        public var removed: [String]
        public var rendered: Int
        public var renderedEverything: Bool
        public var seconds: Double
    }

    public let options: SiteBuilder.Options
    private let builder: SiteBuilder
    private var stamps: [String: FileStamp] = [:]
    private var config = DossierConfig()
    private var registry = Registry([])
    private var library: TemplateLibrary?
    private var articles: [String: Article] = [:]
    private var converted: [String: ConvertedArticle] = [:]
    private var written: [String: Int] = [:]

    public init(options: SiteBuilder.Options) {
        self.options = options
        builder = SiteBuilder(options: options)
    }

    /// Brings the output up to date with the content; throws, leaving the output as it was, on bad input.
    @discardableResult
    public func rebuild() throws -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        let current = scan()
        let changed = Set(current.keys.filter { current[$0] != stamps[$0] })
        let removed = Set(stamps.keys.filter { current[$0] == nil })
        let everything = library == nil || (changed.union(removed)).contains { !$0.hasPrefix("articles/") }

        var nextConfig = config, nextRegistry = registry, nextLibrary = library
        if everything {
            let (content, library) = try builder.load(articles: false)
            (nextConfig, nextRegistry, nextLibrary) = (content.config, content.registry, library)
        }
        var nextArticles = articles
        for path in removed where path.hasPrefix("articles/") { nextArticles[path] = nil }
        for path in changed where path.hasPrefix("articles/") {
            nextArticles[path] = try Content.loadArticle(options.content.appendingPathComponent(path), contentName: options.content.lastPathComponent)
        }
        let content = Content(config: nextConfig, registry: nextRegistry, articles: nextArticles.keys.sorted().map { nextArticles[$0]! })
        let converter = SiteBuilder.converter(for: content)
        let stale = everything ? content.articles : content.articles.filter { changed.contains(Self.key(of: $0)) }
        let fresh = try stale.concurrentMap { try converter.convert($0) }

        var nextConverted = everything ? [:] : converted
        var affected: Set<String> = []
        for path in removed where path.hasPrefix("articles/") {
            let slug = String(path.dropFirst("articles/".count).dropLast(3))
            affected.formUnion(converted[slug]?.mentions.map(\.entityID) ?? [])
            nextConverted[slug] = nil
        }
        for article in fresh {
            affected.formUnion(Self.changedEntities(from: converted[article.article.slug], to: article))
            nextConverted[article.article.slug] = article
        }
        let all = content.articles.compactMap { nextConverted[$0.slug] }
        let pageBuilder = PageBuilder(content: content, index: MentionIndex(all, entityCount: content.registry.entities.count))
        let jobs = everything ? pageBuilder.jobs() : pageBuilder.jobs(articles: Set(fresh.map(\.article.slug)), entities: affected)
        let library = nextLibrary!
        let previous = written
        let results = try jobs.concurrentMap { job -> (path: String, hash: Int, wrote: Bool) in
            let (path, bytes) = try builder.render(pageBuilder.page(for: job), library)
            return try write(bytes, to: path, previousHash: previous[path])
        }
        let assets = everything ? try builder.assets().map { ("assets/\($0.name)", $0.bytes) } : []
        let assetResults = try assets.map { try write($0.1, to: $0.0, previousHash: previous[$0.0]) }

        var outcome = Outcome(written: [], removed: [], rendered: jobs.count, renderedEverything: everything, seconds: 0)
        var nextWritten = written
        for result in results + assetResults {
            nextWritten[result.path] = result.hash
            if result.wrote { outcome.written.append(result.path) }
        }
        let livePaths = Set(pageBuilder.allPaths()).union(everything ? Set(assets.map(\.0)) : Set(written.keys.filter { $0.hasPrefix("assets/") }))
        for path in nextWritten.keys where !livePaths.contains(path) {
            try? FileManager.default.removeItem(at: options.output.appendingPathComponent(path))
            nextWritten[path] = nil
            outcome.removed.append(path)
        }
        if !outcome.written.isEmpty || !outcome.removed.isEmpty { try options.search?.index(options.output) }
        (stamps, config, registry, self.library, articles, converted, written) = (current, nextConfig, nextRegistry, nextLibrary, nextArticles, nextConverted, nextWritten)
        outcome.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return outcome
    }
}

private extension IncrementalBuilder {
    /// Stamps of everything a build reads, keyed by path relative to `content/`, and
    /// `Templates/…` for templates.
    func scan() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        let content = options.content
        for (path, stamp) in FileStamp.scan(content.appendingPathComponent("articles"), extensions: ["md"]) where !path.contains("/") {
            stamps["articles/\(path)"] = stamp
        }
        for (path, stamp) in FileStamp.scan(content.appendingPathComponent("entities"), extensions: ["yml", "yaml"]) where !path.contains("/") {
            stamps["entities/\(path)"] = stamp
        }
        if let stamp = FileStamp.scan(content, extensions: ["yml"])["dossier.yml"] { stamps["dossier.yml"] = stamp }
        if let templates = options.templates {
            for (path, stamp) in FileStamp.scan(templates) { stamps["Templates/\(path)"] = stamp }
        }
        return stamps
    }

    static func key(of article: Article) -> String { "articles/\(article.slug).md" }

    /// Entities whose pages an edit of one article changes: those whose mentions there, the
    /// sentences around them or their company in those sentences differ, or all of them when
    /// what entity pages get of the article (title, date, outlet, teaser, authors) changed.
    static func changedEntities(from old: ConvertedArticle?, to new: ConvertedArticle) -> Set<String> {
        let all = Set(new.mentions.map(\.entityID)).union(old?.mentions.map(\.entityID) ?? [])
        guard let old, old.article.title == new.article.title, old.article.date == new.article.date,
              old.article.outlet == new.article.outlet, old.article.teaser == new.article.teaser,
              old.article.authors == new.article.authors else { return all }
        let (before, after) = (signatures(old), signatures(new))
        return all.filter { before[$0] != after[$0] }
    }

    /// Per entity, what its pages show of one article: each mention with its sentence and the
    /// entities sharing that sentence.
    static func signatures(_ article: ConvertedArticle) -> [String: [String]] {
        var company: [Int: [String]] = [:]
        for mention in article.mentions { company[mention.sentenceKey, default: []].append(mention.entityID) }
        var result: [String: [String]] = [:]
        for mention in article.mentions {
            let others = Set(company[mention.sentenceKey] ?? []).sorted().joined(separator: ",")
            result[mention.entityID, default: []].append("\(mention.anchor)|\(mention.surface)|\(mention.context)|\(others)")
        }
        return result
    }

    /// Writes `bytes` unless the file already holds them.
    func write(_ bytes: [UInt8], to path: String, previousHash: Int?) throws -> (path: String, hash: Int, wrote: Bool) {
        var hasher = Hasher()
        hasher.combine(bytes)
        let hash = hasher.finalize()
        let url = options.output.appendingPathComponent(path)
        if previousHash == hash { return (path, hash, false) }
        if previousHash == nil, let existing = FileManager.default.contents(atPath: url.path), existing.elementsEqual(bytes) {
            return (path, hash, false)
        }
        try OutputFile.write(bytes, to: url.path, atomically: true)
        return (path, hash, true)
    }
}
