import Articles
import Entities
import Foundation
import Markdown
import Templating
import SourceText

/// A Markdown article as notes apps, other generators and converters write it: front matter
/// (YAML between `---` lines, or Hugo's TOML between `+++` lines) gives what it names, under the
/// names those tools use; the text is read as the HTML it renders to, so headings, captions,
/// cruft and datelines are found as in a web page, and Markdown's own marks do not end up in
/// the article as literal `**` and `[…](…)`.
struct MarkdownArticleParser {
    let file: String
    /// Names the file in errors.
    let display: String

    /// The names a field goes by in front matter, the first found winning.
    static let names: [(field: Field, keys: [String])] = [
        (.title, ["title", "headline"]),
        (.date, ["date", "published", "pubDate", "pubdate", "publishDate", "publishdate", "published_at", "created"]),
        (.authors, ["authors", "author", "byline"]),
        (.outlet, ["outlet", "publisher", "site_name", "siteName", "source", "publication", "site"]),
        (.teaser, ["teaser", "description", "summary", "subtitle", "lead", "excerpt"]),
        (.language, ["language", "lang"]),
        (.dateline, ["dateline"]),
        // Obsidian's Web Clipper and MarkDownload write the page's address as `source`.
        (.url, ["url", "link", "canonical", "canonicalURL", "canonical_url", "source_url", "original_url", "source"]),
    ]

    /// A field's values as the article takes them: an outlet is no web address (`source:
    /// https://…` is the page's address), an address is nothing else, and an author linked
    /// as a note (`[[Jane Doe]]`, `[[Jane Doe|Jane]]`) is the note's name; nil when none is left.
    static func taken(_ values: [String], as field: Field) -> [String]? {
        var values = values
        switch field {
        case .outlet: values = values.filter { value in !["http://", "https://"].contains(where: value.lowercased().hasPrefix) }
        case .url: values = values.filter { WebAddress.problem(with: $0) == nil }
        case .authors:
            values = values.map { value in
                guard value.hasPrefix("[["), value.hasSuffix("]]") else { return value }
                return String(value.dropFirst(2).dropLast(2).prefix { $0 != "|" }).trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
        default: break
        }
        return values.isEmpty ? nil : values
    }

    enum Field { case title, date, authors, outlet, teaser, language, dateline, url }

    /// Whether a `.md` file is written in Markdown: front matter, a `#` heading, a link or
    /// image, or strong emphasis. Plain text saved as `.md` is read line by line as plain text
    /// (Markdown would join a caption, its credit and the headline into one paragraph).
    static func isMarkdown(_ text: String) -> Bool {
        let start = text.prefix(4)
        if start.hasPrefix("---") || start.hasPrefix("+++") { return true }
        if text.contains("](") || text.contains("**") || text.contains("__") { return true }
        return text.split(whereSeparator: \.isNewline).contains { (line: Substring) -> Bool in
            let hashes = line.prefix { $0 == "#" }.count
            return (1...6).contains(hashes) && line.dropFirst(hashes).first == " "
        }
    }

    func parse(_ text: String) throws -> ImportedArticle {
        let (front, body) = try frontMatter(of: text)
        let html = try MarkdownRenderer(allowsRawHTML: true).render(Self.withoutNoteLinks(body))
        var page = "<html"
        if let language = front[.language]?.first, LanguageTag.problem(with: language) == nil { page += " lang=\"\(HTMLEscaping.escape(language))\"" }
        page += "><head>"
        // As meta tags, so that the page's reading of them (dates in any form, warnings for
        // what is missing) is the one for every format.
        for (field, name) in [(Field.date, "date"), (.authors, "author"), (.teaser, "description"), (.outlet, "og:site_name")] {
            guard let values = front[field], !values.isEmpty else { continue }
            page += "<meta property=\"\(name)\" content=\"\(HTMLEscaping.escape(values.joined(separator: ", ")))\">"
        }
        page += "</head><body>" + html + "</body></html>"
        var article = try HTMLArticleParser(file: file).parse(Data(page.utf8))
        if let title = front[.title]?.first {
            article.title = title
            article.warnings.removeAll { $0.hasSuffix("no title found; left empty, fill it in the front matter") }
        }
        if let dateline = front[.dateline]?.first { article.dateline = dateline }
        if let url = front[.url]?.first, WebAddress.problem(with: url) == nil { article.url = url }
        return article
    }

    /// The text of a notes app's links: an embedded file (`![[photo.png]]`) is left out, a link
    /// to a note (`[[Wladimir Putin]]`, `[[Wladimir Putin|Putin]]`) is the words it shows.
    static func withoutNoteLinks(_ body: String) -> String {
        guard body.contains("[[") else { return body }
        let range = NSRange(body.startIndex..., in: body)
        let embedded = embeddedNote.stringByReplacingMatches(in: body, range: range, withTemplate: "")
        let matches = noteLink.matches(in: embedded, range: NSRange(embedded.startIndex..., in: embedded))
        var result = embedded
        for match in matches.reversed() {
            guard let whole = Range(match.range, in: result), let target = Range(match.range(at: 1), in: result) else { continue }
            let shown = Range(match.range(at: 2), in: result).map { result[$0] } ?? result[target]
            result.replaceSubrange(whole, with: String(shown))
        }
        return result
    }

    /// NSRegularExpression is immutable and documented as safe to share between threads.
    static let embeddedNote = try! NSRegularExpression(pattern: "!\\[\\[[^\\]\\n]*\\]\\]")
    static let noteLink = try! NSRegularExpression(pattern: "\\[\\[([^\\]|\\n]+)(?:\\|([^\\]\\n]+))?\\]\\]")

    /// The front matter's fields and the text below it; none when the file has none.
    func frontMatter(of text: String) throws -> (fields: [Field: [String]], body: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let fence = lines.first.map({ $0.trimmingCharacters(in: .whitespaces) }), fence == "---" || fence == "+++",
              let end = lines.indices.dropFirst().first(where: { lines[$0] == fence || (fence == "---" && lines[$0] == "...") }) else {
            return ([:], text)
        }
        let inside = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        var fields: [Field: [String]] = [:]
        if fence == "---" {
            let yaml = try YAMLFields(inside, file: display, lineOffset: 1)
            for (field, keys) in Self.names {
                for key in keys where fields[field] == nil {
                    if let values = try? yaml.strings(key) { fields[field] = Self.taken(values, as: field) }
                }
            }
        } else {
            // TOML as Hugo writes it: `key = "value"`, `key = 2023-09-13`, `key = ["a", "b"]`.
            var values: [String: [String]] = [:]
            for line in lines[1..<end] {
                guard let equals = line.firstIndex(of: "=") else { continue }
                let key = line[..<equals].trimmingCharacters(in: .whitespaces)
                var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                let isList = value.hasPrefix("[") && value.hasSuffix("]")
                if isList { value = String(value.dropFirst().dropLast()) }
                let items = (isList ? value.split(separator: ",").map(String.init) : [value]).map {
                    $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                }.filter { !$0.isEmpty }
                if values[key] == nil, !items.isEmpty { values[key] = items }
            }
            for (field, keys) in Self.names where fields[field] == nil {
                fields[field] = keys.lazy.compactMap { values[$0].flatMap { Self.taken($0, as: field) } }.first
            }
        }
        return (fields, body)
    }
}
