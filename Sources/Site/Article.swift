import Entities
import Foundation

/// One article of the dossier: `content/articles/<slug>.md`, front matter then annotated body.
public struct Article: Sendable, Equatable {
    public struct Caption: Sendable, Equatable {
        public var text: String
        public var credit: String
        /// The short line some outlets print under the photo.
        public var title: String
    }

    public var slug: String
    /// The path shown in errors, like `content/articles/putin-kim.md`.
    public var file: String
    public var title: String
    public var outlet: String
    public var authors: [String]
    /// ISO 8601 date, possibly partial (`2023-09`); empty when unknown.
    public var date: String
    public var dateline: String
    public var source: String
    public var language: String
    public var url: String?
    public var teaser: String
    public var captions: [Caption]
    public var body: String
    /// The line of the file on which `body` starts, to locate errors in it.
    public var bodyLine: Int

    /// The front matter fields an article takes.
    static let keys = ["title", "outlet", "authors", "date", "dateline", "source", "language", "url", "teaser", "captions", "import_hash"]

    /// Parses an article file: `---` front matter, `---`, Markdown body.
    public static func parse(_ text: String, slug: String, file: String) throws -> Article {
        let (frontMatter, body, bodyLine) = try FrontMatter.split(text, file: file)
        // What the fast reader does not judge (captions, unknown keys) the YAML reader reports.
        if let simple = SimpleFrontMatter(frontMatter), simple.values["captions"].map({ $0.value == .list([]) }) ?? true,
           simple.values.allSatisfy({ keys.contains($0.key) && ($0.key == "authors" || $0.key == "captions" || !$0.value.value.isList) }) {
            return try parse(simple, slug: slug, file: file, body: body, bodyLine: bodyLine)
        }
        let fields = try YAMLFields(frontMatter, file: file, lineOffset: 1)
        try fields.rejectUnknownKeys(keys, what: "front matter field")
        guard let title = try fields.string("title") else {
            throw SourceError(file: file, line: 1, column: 1, message: "article has no 'title' in its front matter: add 'title: …'")
        }
        let date = try fields.string("date") ?? ""
        if !date.isEmpty, let problem = ISODate.problem(with: date) {
            let location = fields.location(of: "date")
            throw SourceError(file: file, line: location.line, column: location.column, message: problem)
        }
        if let language = try fields.string("language"), let problem = LanguageTag.problem(with: language) {
            let location = fields.location(of: "language")
            throw SourceError(file: file, line: location.line, column: location.column, message: problem)
        }
        let url = try fields.string("url")
        if let url, let problem = WebAddress.problem(with: url) {
            let location = fields.location(of: "url")
            throw SourceError(file: file, line: location.line, column: location.column, message: "url: \(problem)")
        }
        return Article(
            slug: slug, file: file, title: title, outlet: try fields.string("outlet") ?? "",
            authors: try fields.strings("authors"), date: date, dateline: try fields.string("dateline") ?? "",
            source: try fields.string("source") ?? "", language: try fields.string("language") ?? "de",
            url: url, teaser: try fields.string("teaser") ?? "",
            captions: try fields.records("captions").map {
                try $0.rejectUnknownKeys(["text", "credit", "title"], what: "caption field")
                return Caption(text: try $0.string("text") ?? "", credit: try $0.string("credit") ?? "", title: try $0.string("title") ?? "") },
            body: body, bodyLine: bodyLine
        )
    }

    /// The same article from front matter the fast reader understood.
    static func parse(_ fields: SimpleFrontMatter, slug: String, file: String, body: String, bodyLine: Int) throws -> Article {
        func string(_ key: String) -> String? {
            guard case .scalar(let text)? = fields.values[key]?.value, !text.isEmpty else { return nil }
            return text
        }
        func strings(_ key: String) -> [String] {
            switch fields.values[key]?.value {
            case .list(let items)?: items
            case .scalar(let text)?: text.isEmpty ? [] : [text]
            case nil: []
            }
        }
        guard let title = string("title") else {
            throw SourceError(file: file, line: 1, column: 1, message: "article has no 'title' in its front matter: add 'title: …'")
        }
        let date = string("date") ?? ""
        if !date.isEmpty, let problem = ISODate.problem(with: date), let location = fields.values["date"] {
            throw SourceError(file: file, line: location.line + 1, column: location.column, message: problem)
        }
        if let language = string("language"), let problem = LanguageTag.problem(with: language), let location = fields.values["language"] {
            throw SourceError(file: file, line: location.line + 1, column: location.column, message: problem)
        }
        let url = string("url")
        if let url, let problem = WebAddress.problem(with: url), let location = fields.values["url"] {
            throw SourceError(file: file, line: location.line + 1, column: location.column, message: "url: \(problem)")
        }
        return Article(
            slug: slug, file: file, title: title, outlet: string("outlet") ?? "", authors: strings("authors"), date: date,
            dateline: string("dateline") ?? "", source: string("source") ?? "", language: string("language") ?? "de",
            url: url, teaser: string("teaser") ?? "", captions: [], body: body, bodyLine: bodyLine
        )
    }
}
