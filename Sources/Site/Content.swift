import Entities
import Foundation

/// Everything a build reads from `content/`: the dossier settings, the registry and the articles.
public struct Content: Sendable {
    public var config: DossierConfig
    public var registry: Registry
    public var articles: [Article]

    public init(config: DossierConfig, registry: Registry, articles: [Article]) {
        self.config = config
        self.registry = registry
        self.articles = articles
    }

    /// Reads `directory` (usually `content/`); errors name files relative to its parent.
    /// Without `articles`, only the settings and the registry are read.
    public static func load(from directory: URL, articles readsArticles: Bool = true) throws -> Content {
        let name = directory.lastPathComponent
        let config = try DossierConfig.load(from: directory.appendingPathComponent("dossier.yml"), displayPath: "\(name)/dossier.yml")
        let registry = try loadRegistry(from: directory)
        guard readsArticles else { return Content(config: config, registry: registry, articles: []) }
        let articles = try articleFiles(in: directory).map { try loadArticle($0, contentName: name) }
        return Content(config: config, registry: registry, articles: articles)
    }

    /// Reads the registry in `directory`'s `entities/`; errors name files relative to its parent.
    public static func loadRegistry(from directory: URL) throws -> Registry {
        try Registry.load(from: directory.appendingPathComponent("entities"), displayPath: "\(directory.lastPathComponent)/entities")
    }

    /// The article files of `directory` (usually `content/`), in slug order, the order in which
    /// entity pages list articles (not file-name order: "a-b.md" sorts before "a.md").
    static func articleFiles(in directory: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: directory.appendingPathComponent("articles"), includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "md" }
            .map { (slug: $0.deletingPathExtension().lastPathComponent, file: $0) }
            .sorted { $0.slug < $1.slug }
            .map(\.file)
    }

    /// Reads one article file; its slug is the file name.
    static func loadArticle(_ file: URL, contentName: String) throws -> Article {
        let slug = file.deletingPathExtension().lastPathComponent
        let display = "\(contentName)/articles/\(file.lastPathComponent)"
        guard Slug.isValid(slug) else {
            throw SourceError(file: display, line: 1, column: 1, message: "file name '\(slug)' is not a slug: rename it to '\(Slug.make(slug)).md'")
        }
        return try Article.parse(try TextFile.read(file.path, display: display), slug: slug, file: display)
    }
}
