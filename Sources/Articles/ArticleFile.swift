import Entities
import SourceText

/// The article file, `content/articles/<slug>.md`: YAML front matter, then annotated Markdown.
/// Read by the build (`read`), written by the importer (`text(of:)`) in the form the fast
/// front matter reader takes; the `import_hash` field lets a later import see whether an
/// editor changed the file since.
public enum ArticleFile {
    /// Reads the article file at `path`; its slug is the file name without `.md`, and errors
    /// name it as `<contentName>/articles/<name>`.
    public static func read(_ path: String, contentName: String) throws -> Article {
        let name = String(path[(path.lastIndex(of: "/").map(path.index(after:)) ?? path.startIndex)...])
        let slug = slug(ofFile: name)
        let display = "\(contentName)/articles/\(name)"
        guard Slug.isValid(slug) else {
            throw SourceError(file: display, line: 1, column: 1, message: "file name '\(slug)' is not a slug: rename it to '\(Slug.make(slug)).md'")
        }
        let text = try TextFile.read(path, display: display)
        if let problem = ArticleLimits.problem(with: text, file: display) { throw problem }
        return try Article.parse(text, slug: slug, file: display)
    }

    /// The slug an article file's name gives it: the name without `.md`.
    public static func slug(ofFile name: String) -> String {
        name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The file's text for `article` (its slug, file and body line are not written), with an
    /// `import_hash` of the rest.
    public static func text(of article: Article) -> String {
        var lines = ["---"]
        lines.append("title: \(quoted(article.title))")
        lines.append("outlet: \(quoted(article.outlet))")
        lines.append("authors: [\(article.authors.map(quoted).joined(separator: ", "))]")
        lines.append("date: \(quoted(article.date))")
        lines.append("dateline: \(quoted(article.dateline))")
        lines.append("source: \(quoted(article.source))")
        if !article.language.isEmpty { lines.append("language: \(article.language)") }
        if let url = article.url { lines.append("url: \(quoted(url))") }
        lines.append("teaser: \(quoted(article.teaser))")
        if article.captions.isEmpty {
            lines.append("captions: []")
        } else {
            lines.append("captions:")
            for caption in article.captions {
                lines.append("  - text: \(quoted(caption.text))")
                lines.append("    credit: \(quoted(caption.credit))")
                if !caption.title.isEmpty { lines.append("    title: \(quoted(caption.title))") }
            }
        }
        let withoutHash = (lines + ["---", ""]).joined(separator: "\n") + article.body
        lines.append("import_hash: \(hash(withoutHash))")
        return (lines + ["---", ""]).joined(separator: "\n") + article.body
    }

    /// The text before the body (front matter and fences, as written) and the body.
    public static func split(_ text: String, file: String) throws -> (head: String, body: String, bodyLine: Int) {
        let (_, body, bodyLine) = try FrontMatter.split(text, file: file)
        return (String(decoding: text.utf8.dropLast(body.utf8.count), as: UTF8.self), body, bodyLine)
    }

    /// The front matter `head` with the annotated fields of `old` (as read from it) replaced by
    /// those of `new`, each where its value is written, quoted as the importer writes it or
    /// plain; the rest stays byte for byte. A value written in another form (a folded block) is
    /// left as it was.
    public static func replacingFields(in head: String, of old: Article, with new: Article) -> String {
        var result = head
        var searchFrom = result.startIndex
        let changed = zip(old.annotatedFields, new.annotatedFields).filter { $0.value != $1.value }
        for (before, after) in changed {
            for (written, replacement) in [(quoted(before.value), quoted(after.value)), (before.value, quoted(after.value))] {
                guard let range = result.range(of: written, range: searchFrom..<result.endIndex) ?? result.range(of: written) else { continue }
                // A plain value must be the whole value of its line: `title: Putin trifft Kim`.
                if written == before.value {
                    let lineEnd = result[range.upperBound...].firstIndex(of: "\n") ?? result.endIndex
                    guard result[range.upperBound..<lineEnd].allSatisfy({ $0 == " " }), result[..<range.lowerBound].hasSuffix(": ") || result[..<range.lowerBound].hasSuffix("- ") else { continue }
                }
                let offset = result.utf8.distance(from: result.startIndex, to: range.lowerBound) + replacement.utf8.count
                result.replaceSubrange(range, with: replacement)
                searchFrom = result.utf8.index(result.startIndex, offsetBy: offset)
                break
            }
        }
        return result
    }

    /// Whether `text` is still exactly what an import wrote (its hash matches its content).
    public static func isUnchangedSinceImport(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let hashLine = lines.first(where: { $0.hasPrefix("import_hash: ") }) else { return false }
        let stored = hashLine.dropFirst("import_hash: ".count)
        let rest = lines.filter { $0 != hashLine }.joined(separator: "\n")
        return hash(rest) == stored
    }

    /// `text` with its `import_hash` set to match its current content.
    public static func rehashed(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("import_hash: ") }) else { return text }
        var rest = lines
        rest.remove(at: index)
        var updated = lines
        updated[index] = "import_hash: \(hash(rest.joined(separator: "\n")))"
        return updated.joined(separator: "\n")
    }

    /// FNV-1a of `text` as 16 hex digits: a change detector, not a security measure.
    public static func hash(_ text: String) -> String {
        let hex = String(FNV1a.hash(text), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func quoted(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
