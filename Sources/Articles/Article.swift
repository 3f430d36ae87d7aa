import Entities
import Foundation
import SourceText

/// One article of the dossier: `content/articles/<slug>.md`, front matter then annotated body.
public struct Article: Sendable, Hashable {
    public struct Caption: Sendable, Hashable {
        public var text: String
        public var credit: String
        /// The short line some outlets print under the photo, after the credit.
        public var title: String

        public init(text: String, credit: String, title: String = "") {
            self.text = text
            self.credit = credit
            self.title = title
        }
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
    /// The language tag the front matter gives; empty when it gives none, and the article is then
    /// in the dossier's language (`language(in:)`).
    public var language: String
    public var url: String?
    public var teaser: String
    public var captions: [Caption]
    public var body: String
    /// The line of the file on which `body` starts, to locate errors in it.
    public var bodyLine: Int
    /// Where each annotated field's text starts in the file (line, column; inside the quotes of
    /// a quoted value; for authors, where the list starts), by `fieldKey`: to locate a wrong
    /// annotation in the front matter.
    public var fieldLocations: [String: FieldLocation] = [:]

    public struct FieldLocation: Sendable, Hashable {
        public var line: Int
        public var column: Int
    }

    /// The key of `fieldLocations` for a field; `number` counts authors and captions from 0.
    public static func fieldKey(_ field: Field, _ number: Int = 0) -> String {
        switch field {
        case .author: "authors.\(number)"
        case .caption, .captionTitle, .credit: "captions.\(number).\(field.key)"
        default: field.key
        }
    }

    public init(slug: String, file: String, title: String, outlet: String = "", authors: [String] = [], date: String = "",
                dateline: String = "", source: String = "", language: String = "de", url: String? = nil, teaser: String = "",
                captions: [Caption] = [], body: String = "", bodyLine: Int = 1) {
        (self.slug, self.file, self.title, self.outlet, self.authors, self.date) = (slug, file, title, outlet, authors, date)
        (self.dateline, self.source, self.language, self.url, self.teaser) = (dateline, source, language, url, teaser)
        (self.captions, self.body, self.bodyLine) = (captions, body, bodyLine)
    }

    /// The article's language in a dossier written in `dossierLanguage`: its own, or the
    /// dossier's where the front matter names none.
    public func language(in dossierLanguage: String) -> String {
        language.isEmpty ? dossierLanguage : language
    }

    /// The article as it reads in a dossier written in `dossierLanguage`: its `language` set.
    public func resolved(in dossierLanguage: String) -> Article {
        var article = self
        article.language = language(in: dossierLanguage)
        return article
    }

    /// What a reader sees before the body (title, teaser, captions): it introduces full names.
    public var introduction: String {
        ([title, teaser] + captions.flatMap { [$0.text, $0.title] }).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// Which front matter reader `parse` uses: the fast one when it can (the usual), or YAML.
    public enum Reader: Sendable {
        case fastest
        case yaml
    }

    /// What to do about a missing or empty title.
    static func noTitle(given: Bool) -> String {
        given ? "the article's 'title' is empty: give it a title (a page, its links and feed entries need one)"
              : "article has no 'title' in its front matter: add 'title: …'"
    }

    /// Whether a title shows nothing as a heading and a link's words: empty, spaces only
    /// (`title: " "`), or a link around nothing (`title: "[ ](person:x)"`).
    public static func isBlank(_ title: String) -> Bool {
        FieldText.plain(title).allSatisfy(\.isWhitespace)
    }

    /// The front matter fields an article takes.
    static let keys = ["title", "outlet", "authors", "date", "dateline", "source", "language", "url", "teaser", "captions", "import_hash"]

    /// Parses an article file: `---` front matter, `---`, Markdown body.
    public static func parse(_ text: String, slug: String, file: String, reader: Reader = .fastest) throws -> Article {
        let (frontMatter, body, bodyLine) = try FrontMatter.split(text, file: file)
        // What the fast reader does not judge (captions, unknown keys) the YAML reader reports.
        if reader == .fastest, let simple = SimpleFrontMatter(frontMatter), simple.values["captions"].map({ $0.value == .list([]) }) ?? true,
           simple.values.allSatisfy({ keys.contains($0.key) && ($0.key == "authors" || $0.key == "captions" || !$0.value.value.isList) }) {
            return try parse(simple, slug: slug, file: file, body: body, bodyLine: bodyLine)
        }
        let fields = try YAMLFields(frontMatter, file: file, lineOffset: 1)
        try fields.rejectUnknownKeys(keys, what: "front matter field")
        guard let title = try fields.string("title"), !isBlank(title) else {
            let (line, column) = fields.has("title") ? fields.location(of: "title") : (1, 1)
            throw SourceError(file: file, line: line, column: column, message: Self.noTitle(given: fields.has("title")))
        }
        let date = try fields.string("date") ?? ""
        let url = try fields.string("url")
        try check(date: date, language: try fields.string("language"), url: url, file: file) { fields.location(of: $0) }
        var article = Article(
            slug: slug, file: file, title: title, outlet: try fields.string("outlet") ?? "",
            authors: try fields.strings("authors"), date: date, dateline: try fields.string("dateline") ?? "",
            source: try fields.string("source") ?? "", language: try fields.string("language") ?? "",
            url: url, teaser: try fields.string("teaser") ?? "",
            captions: try fields.records("captions").map {
                try $0.rejectUnknownKeys(["text", "credit", "title"], what: "caption field")
                return Caption(text: try $0.string("text") ?? "", credit: try $0.string("credit") ?? "", title: try $0.string("title") ?? "") },
            body: body, bodyLine: bodyLine
        )
        // Where the fields given stand, as the fast reader notes them.
        for key in ["title", "teaser", "dateline", "authors"] where key == "authors" ? !article.authors.isEmpty : !(try fields.string(key) ?? "").isEmpty {
            let (line, column) = fields.textLocation(of: key)
            article.fieldLocations[key] = FieldLocation(line: line, column: column)
        }
        for (number, record) in try fields.records("captions").enumerated() {
            for field in [Field.caption, .captionTitle, .credit] where !(try record.string(field.key) ?? "").isEmpty {
                let (line, column) = record.textLocation(of: field.key)
                article.fieldLocations[fieldKey(field, number)] = FieldLocation(line: line, column: column)
            }
        }
        return article
    }

    /// Fails on a date that does not exist, a language that is no language tag, or an address
    /// outside the web, at the place `location` gives for the field's key.
    public static func check(date: String, language: String?, url: String?, file: String, location: (String) -> (line: Int, column: Int)) throws {
        let problems = [("date", date.isEmpty ? nil : ISODate.problem(with: date)),
                        ("language", language.flatMap(LanguageTag.problem(with:))),
                        ("url", url.flatMap(WebAddress.problem(with:)).map { "url: \($0)" })]
        for case let (key, problem?) in problems {
            let (line, column) = location(key)
            throw SourceError(file: file, line: line, column: column, message: problem)
        }
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
        guard let title = string("title"), !isBlank(title) else {
            let given = fields.values["title"]
            throw SourceError(file: file, line: given.map { $0.line + 1 } ?? 1, column: given?.column ?? 1, message: Self.noTitle(given: given != nil))
        }
        let date = string("date") ?? ""
        let url = string("url")
        try check(date: date, language: string("language"), url: url, file: file) { key in
            fields.values[key].map { ($0.line + 1, $0.column) } ?? (1, 1)
        }
        var article = Article(
            slug: slug, file: file, title: title, outlet: string("outlet") ?? "", authors: strings("authors"), date: date,
            dateline: string("dateline") ?? "", source: string("source") ?? "", language: string("language") ?? "",
            url: url, teaser: string("teaser") ?? "", captions: [], body: body, bodyLine: bodyLine
        )
        for key in ["title", "teaser", "dateline", "authors"] {
            if let value = fields.values[key], value.value != .scalar(""), value.value != .list([]) {
                article.fieldLocations[key] = FieldLocation(line: value.line + 1, column: value.column + (value.quoted ? 1 : 0))
            }
        }
        return article
    }
}
