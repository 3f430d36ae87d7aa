import Articles
import Entities
import Foundation
import SourceText
import Yams

/// `content/dossier.yml`: what the dossier is about and how it is published.
///
///     title: Putin trifft Kim
///     description: Fünf Berichte über das Treffen am Kosmodrom Wostotschny, September 2023.
///     language: de
///     base_url: https://example.org/dossier/
public struct DossierConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    public var language: String
    /// Absolute URL the site is published under; used where a format needs one (feed, sitemap).
    public var baseURL: String?
    /// Lets raw HTML in articles through; off by default, so it is shown escaped.
    public var allowsRawHTML: Bool

    public init(title: String = "Dossier", description: String = "", language: String = "de",
                baseURL: String? = nil, allowsRawHTML: Bool = false) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.allowsRawHTML = allowsRawHTML
    }

    /// The settings `dossier.yml` takes.
    static let keys = ["title", "description", "language", "base_url", "allow_raw_html"]

    static func load(from file: URL, displayPath: String) throws -> DossierConfig {
        // No file: the defaults. A file that cannot be read or is not UTF-8 is an error.
        guard FileManager.default.fileExists(atPath: file.path) else { return DossierConfig() }
        let text = try TextFile.read(file.path, display: displayPath)
        let fields = try YAMLFields(text, file: displayPath)
        try fields.rejectUnknownKeys(keys, what: "setting")
        var config = DossierConfig()
        config.title = try fields.string("title") ?? config.title
        config.description = try fields.string("description") ?? ""
        config.language = try fields.string("language") ?? config.language
        if let problem = LanguageTag.problem(with: config.language) {
            let location = fields.location(of: "language")
            throw SourceError(file: displayPath, line: location.line, column: location.column, message: problem)
        }
        if let base = try fields.string("base_url") {
            if let problem = WebAddress.problem(with: base) {
                let location = fields.location(of: "base_url")
                throw SourceError(file: displayPath, line: location.line, column: location.column, message: "base_url: \(problem)")
            }
            config.baseURL = base.hasSuffix("/") ? base : base + "/"
        }
        config.allowsRawHTML = try fields.bool("allow_raw_html") ?? false
        return config
    }
}
