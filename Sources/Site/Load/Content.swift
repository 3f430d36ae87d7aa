import SourceText
import Articles
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

    /// Reads the registry in `directory`'s `entities/`; errors name files relative to its parent.
    public static func loadRegistry(from directory: URL) throws -> Registry {
        try Registry.load(from: directory.appendingPathComponent("entities"), displayPath: "\(directory.lastPathComponent)/entities")
    }

    /// Reads `directory`'s `dossier.yml` (the defaults when there is none).
    public static func loadSettings(from directory: URL) throws -> DossierConfig {
        try DossierConfig.load(from: directory.appendingPathComponent("dossier.yml"), displayPath: "\(directory.lastPathComponent)/dossier.yml")
    }

    /// The article files of `directory` (usually `content/`) as paths, in slug order, the order
    /// in which entity pages list articles (not file-name order: "a-b.md" sorts before "a.md").
    /// Hidden files (names starting with `.`, like the lock files editors leave beside an article
    /// being edited) are skipped, as the preview's file scan skips them. Names, not URLs: a
    /// dossier has tens of thousands of articles, and URL operations on each cost more than
    /// listing the folder.
    public static func articleFiles(in directory: URL) throws -> [String] {
        let folder = directory.appendingPathComponent("articles").path
        return try Folder.entries(folder, display: "\(directory.lastPathComponent)/articles", purpose: "the articles folder")
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .map { (slug: ArticleFile.slug(ofFile: $0), name: $0) }
            .sorted { $0.slug < $1.slug }
            .map { folder + "/" + $0.name }
    }

    /// The body of `article` as HTML, as its page shows it: annotations as entity links, with
    /// every annotation mistake thrown at once. For tools and the fuzz targets.
    public func bodyHTML(of article: Article) throws -> String {
        String(decoding: try SiteBuilder.converter(for: self).convert(article).html.bytes, as: UTF8.self)
    }

    /// Fails unless `directory` is a content folder with `articles/` and `entities/`, naming
    /// the first that is missing (or a file, or a link to itself) and what to do. A mistyped
    /// `--content` would otherwise build an empty site over the good one.
    public static func requireFolders(of directory: URL) throws {
        let name = directory.lastPathComponent
        try Folder.require(directory.path, display: directory.relativePath, purpose: "the content folder (with dossier.yml, articles/ and entities/)")
        try Folder.require(directory.appendingPathComponent("articles").path, display: "\(name)/articles", purpose: "the articles folder")
        try Folder.require(directory.appendingPathComponent("entities").path, display: "\(name)/entities", purpose: "the registry folder")
    }
}
