import Articles
import Entities
import Foundation
import SourceText

/// `dossier import`: copies each raw article into `content/raw/`, converts it, annotates it
/// and writes `content/articles/<slug>.md`.
///
/// An article an editor changed since its import is left alone unless `force` is set; a raw
/// file is never overwritten by a different file of the same name.
public struct ArticleImporter {
    public struct Options: Sendable {
        public var content: URL
        public var force: Bool
        /// Fills what the text does not say, for every file of this import.
        public var outlet: String?
        public var url: String?
        public var date: String?
        /// The dossier's language (`dossier.yml`): an article's unless its page or text says otherwise.
        public var language: String

        public init(content: URL, force: Bool = false, outlet: String? = nil, url: String? = nil, date: String? = nil, language: String = "de") {
            self.content = content
            self.language = language
            self.force = force
            self.outlet = outlet
            self.url = url
            self.date = date
        }
    }

    /// What happened to one input file.
    public struct Outcome: Sendable, Equatable {
        public enum Action: Sendable, Equatable { case written, unchanged, keptEditorChanges }
        public var source: String
        public var article: String
        public var action: Action
        public var mentions: Int
        public var warnings: [String]
        /// What the import found, field by field ("outlet DPA", "2 captions"), and what it left empty.
        public var found: [String] = []
        public var empty: [String] = []
    }

    public let options: Options
    let annotators: Annotators
    let outletsBySite: OutletsBySite

    /// Removes what an import killed while it wrote left behind (hidden temporary files).
    public init(options: Options, registry: Registry) {
        self.options = options
        annotators = Annotators(registry: registry)
        outletsBySite = OutletsBySite(articles: options.content.appendingPathComponent("articles"))
        for folder in ["articles", "raw"] { TextFile.removeStaleTemporaries(in: options.content.appendingPathComponent(folder).path) }
    }

    /// Whether a file of this name is an article to import (.txt, .md, .html), not a sidecar or other file.
    public static func isImportable(_ name: String) -> Bool {
        ["txt", "md", "markdown", "html", "htm"].contains((name as NSString).pathExtension.lowercased())
    }

    /// The files to import under `paths` (folders are searched for .txt, .md and .html).
    public static func inputs(_ paths: [String]) throws -> [URL] {
        var files: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw SourceError(file: path, line: 1, column: 1, message: "no such file or folder: check the path")
            }
            if isDirectory.boolValue {
                let found = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                    .filter { isImportable($0.lastPathComponent) }
                files += found.sorted { $0.lastPathComponent < $1.lastPathComponent }
            } else {
                files.append(url)
            }
        }
        return files
    }

    public func importFile(_ file: URL) throws -> Outcome {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw SourceError(file: file.path, message: "cannot read the file: check that it exists and is readable")
        }
        var article = try Self.parse(data, name: file.lastPathComponent, display: file.path)
        let (rawName, copiesRaw) = try rawName(file, data)
        apply(options, to: &article)
        let sidecarFile = Sidecar.file(besides: file)
        let sidecar = try sidecarFile.map { try Sidecar(contentsOf: $0, display: $0.path) }
        sidecar?.apply(to: &article)
        if article.language.isEmpty { article.language = options.language }
        try article.titleFromTextIfNone(file: file.lastPathComponent, display: file.path)
        let body = Self.markdown(of: article)
        let slug = try slug(for: article, rawName: rawName)
        let target = options.content.appendingPathComponent("articles/\(slug).md")
        let existing = try? String(contentsOf: target, encoding: .utf8)
        var url = sidecar?.url ?? options.url ?? article.url
        if let existing { try Self.keepFilledFields(of: existing, display: "\(options.content.lastPathComponent)/articles/\(slug).md", in: &article, url: &url, force: options.force) }
        let namesOutlet = !article.outlet.isEmpty
        outletFromSite(of: url, for: &article, file: file.lastPathComponent)
        let annotated = ArticleAnnotation.annotate(article.file(source: "raw/\(rawName)", url: url, body: body), with: annotators(article.language))
        let rendered = ArticleFile.text(of: annotated.article)
        var warnings = article.warnings
        warnings += annotated.unresolved.map {
            "\(file.lastPathComponent): '\($0.surface)' could be \($0.candidates.joined(separator: " or ")); no full name before it, left unannotated"
        }
        let display = "\(options.content.lastPathComponent)/articles/\(slug).md"
        if var problem = ArticleLimits.problem(with: rendered, file: file.path) {
            problem.line = 0
            throw problem
        }
        // Nothing is written before the article is known to be good: the original (and its
        // sidecar), then the article.
        if copiesRaw {
            try FileManager.default.createDirectory(at: options.content.appendingPathComponent("raw"), withIntermediateDirectories: true)
            try TextFile.write([UInt8](data), to: options.content.appendingPathComponent("raw/\(rawName)").path,
                               display: "\(options.content.lastPathComponent)/raw/\(rawName)")
            if let sidecarFile {
                let name = (rawName as NSString).deletingPathExtension + "." + sidecarFile.pathExtension
                try TextFile.write([UInt8](try Data(contentsOf: sidecarFile)), to: options.content.appendingPathComponent("raw/\(name)").path,
                                   display: "\(options.content.lastPathComponent)/raw/\(name)")
            }
        }
        var outcome = Outcome(source: file.path, article: display, action: .written, mentions: annotated.added.count, warnings: warnings)
        (outcome.found, outcome.empty) = Self.report(article, url: url)
        if let existing {
            if existing == rendered {
                if namesOutlet { outletsBySite.record(outlet: article.outlet, address: url) }
                outcome.action = .unchanged
                return outcome
            }
            if !options.force, !ArticleFile.isUnchangedSinceImport(existing) {
                outcome.action = .keptEditorChanges
                outcome.mentions = 0
                return outcome
            }
        }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        FaultPoint.reach("import")
        try TextFile.write(Array(rendered.utf8), to: target.path, display: display)
        if namesOutlet { outletsBySite.record(outlet: article.outlet, address: url) }
        return outcome
    }

    /// An article that names no outlet but has an address is given the outlet its site's other
    /// articles name, else the site (`tagesschau.de`), with a warning that says which and how to
    /// change it: an article without an outlet is counted as unknown on every sources page.
    func outletFromSite(of url: String?, for article: inout ImportedArticle, file: String) {
        guard article.outlet.isEmpty, let site = url.flatMap(WebAddress.site(of:)) else { return }
        let known = outletsBySite.outlet(on: site)
        article.outlet = known ?? site
        article.warnings.removeAll { $0.hasSuffix("no outlet found; left empty, fill it in the front matter") }
        let from = known.map { _ in "as other articles from \(site) do" } ?? "its address's site"
        article.warnings.append("\(file): no outlet found; took '\(article.outlet)', \(from): change `outlet:` in the front matter if it goes by another name")
    }

    /// The fields an import filled, as "outlet DPA", and the names of those it left empty.
    static func report(_ article: ImportedArticle, url: String?) -> (found: [String], empty: [String]) {
        var found: [String] = [], empty: [String] = []
        let fields = [("outlet", article.outlet), ("date", article.date), ("dateline", article.dateline),
                      ("authors", article.authors.joined(separator: ", ")), ("language", article.language), ("url", url ?? "")]
        for (name, value) in fields {
            if value.isEmpty { empty.append(name) } else { found.append("\(name) \(value)") }
        }
        if article.teaser.isEmpty { empty.append("teaser") } else { found.append("teaser") }
        if !article.captions.isEmpty { found.append("\(article.captions.count) caption\(article.captions.count == 1 ? "" : "s")") }
        return (found, empty)
    }
}

extension ArticleImporter {
    /// What the raw file `name` (HTML, Markdown or plain text, by its extension) holds as an article,
    /// before the registry is applied; `display` names it in errors.
    public static func parse(_ data: Data, name: String, display: String) throws -> ImportedArticle {
        let text = try text(of: data, file: display)
        var article: ImportedArticle
        switch name.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html", "htm": article = try HTMLArticleParser(file: name).parse(Data(text.utf8))
        case let kind where ["md", "markdown"].contains(kind) && MarkdownArticleParser.isMarkdown(text):
            article = try MarkdownArticleParser(file: name, display: display).parse(text)
        default: article = PlainTextParser(file: name).parse(text)
        }
        article.removeControlCharacters()
        if article.language.isEmpty { article.language = LanguageRules.language(of: article.blocks.joined(separator: "\n")) ?? "" }
        return article
    }

    /// The article's body as the Markdown an import writes, before annotation: list items that
    /// follow one another are one list, numbered when they are items of a numbered list
    /// (`ImportedArticle.numberedItem`); a bullet whose text starts like a number ("1. FC Köln")
    /// keeps it as text.
    public static func markdown(of article: ImportedArticle) -> String {
        var markdown = ""
        var previousWasItem = false
        // The number of the numbered item just written, and the delimiter of its list; the
        // bullet of bulleted lists, another for a list right after one (Markdown would join them).
        var previousNumber: Int?, delimiter = ".", bullet = "-"
        for block in article.blocks {
            let isItem = block.hasPrefix(ImportedArticle.listItem)
            if !markdown.isEmpty { markdown += isItem && previousWasItem ? "\n" : "\n\n" }
            let text = ImportedArticle.text(of: block)
            if ImportedArticle.isNumbered(block), let (number, rest) = Self.numbered(text) {
                // Items count up; one that does not starts a list of its own (a page's next
                // `<ol>`, which may start anywhere), which Markdown would number on from the list
                // before unless its delimiter differs: "1." then "1)".
                if let previousNumber { if number != previousNumber + 1 { delimiter = delimiter == "." ? ")" : "." } } else { delimiter = "." }
                markdown += "\(number)\(delimiter) " + MarkdownEscaping.escape(rest)
                previousNumber = number
            } else {
                let escaped = MarkdownEscaping.escape(text)
                if ImportedArticle.startsList(block) { bullet = previousWasItem && bullet == "-" ? "*" : "-" }
                markdown += block.hasPrefix("## ") ? "## " + escaped : isItem ? bullet + " " + escaped : escaped
                previousNumber = nil
            }
            previousWasItem = isItem
        }
        return markdown + "\n"
    }
}

private extension ArticleImporter {
    /// A list item's number and the text after it, for an item that starts "2. ": up to nine
    /// digits, as CommonMark's ordered lists take.
    static func numbered(_ item: String) -> (number: Int, rest: String)? {
        let digits = item.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), item.dropFirst(digits.count).hasPrefix(". "), let number = Int(digits) else { return nil }
        return (number, String(item.dropFirst(digits.count + 2)))
    }

    /// The raw file as text: UTF-8, or UTF-16 with its byte order mark (what Windows editors
    /// save as "Unicode"), or Windows-1252 for older pages; without a byte order mark. A file
    /// with NUL bytes, or control characters that no text of these encodings has, is not an
    /// article.
    static func text(of data: Data, file: String) throws -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16), !text.isEmpty else {
                throw SourceError(file: file, message: "the file starts as UTF-16 text but is not: save it as UTF-8 text")
            }
            bytes = Array(text.utf8)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = bytes.firstIndex(of: 0) {
            throw SourceError(file: file, message: "byte \(offset) is NUL: this is a binary file, not an article; import .txt, .md or .html text")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let control = bytes.firstIndex(where: { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }) {
            throw SourceError(file: file, message: "byte \(control) is a control character and the file is not UTF-8: this is not a text article; save it as UTF-8 text")
        }
        return String(data: Data(bytes), encoding: .windowsCP1252) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    /// Front matter an earlier import or option filled and this import cannot find stays. An
    /// existing article that does not read is an error (the editor's work is not guessed at),
    /// unless the import is forced to replace it.
    static func keepFilledFields(of existing: String, display: String, in article: inout ImportedArticle, url: inout String?, force: Bool) throws {
        let fields: Article
        do { fields = try Article.parse(existing, slug: "", file: display) } catch {
            if force { return }
            throw error
        }
        let keys: [(String, KeyPath<Article, String>, WritableKeyPath<ImportedArticle, String>)] = [
            ("outlet", \.outlet, \.outlet), ("date", \.date, \.date), ("dateline", \.dateline, \.dateline),
        ]
        for (key, from, to) in keys where article[keyPath: to].isEmpty && !fields[keyPath: from].isEmpty {
            article[keyPath: to] = fields[keyPath: from]
            article.warnings.removeAll { $0.hasSuffix("no \(key) found; left empty, fill it in the front matter") }
        }
        if url == nil { url = fields.url }
    }

    func apply(_ options: Options, to article: inout ImportedArticle) {
        let given: [(String, String?, WritableKeyPath<ImportedArticle, String>)] = [
            ("outlet", options.outlet, \.outlet), ("date", options.date, \.date),
        ]
        for (field, value, path) in given {
            guard let value else { continue }
            article[keyPath: path] = value
            article.warnings.removeAll { $0.hasSuffix("no \(field) found; left empty, fill it in the front matter") }
        }
    }

    /// The original's name in `content/raw/`, in Unicode's composed form (NFC): two names that
    /// differ only in how "ü" is encoded are one name to a reader, and must not become two
    /// sources of one article. `copies` says whether it still has to be copied there.
    func rawName(_ file: URL, _ data: Data) throws -> (name: String, copies: Bool) {
        let folder = options.content.appendingPathComponent("raw")
        let name = file.lastPathComponent.precomposedStringWithCanonicalMapping
        let target = folder.appendingPathComponent(name)
        if file.standardizedFileURL.path == target.standardizedFileURL.path { return (name, false) }
        if let existing = try? Data(contentsOf: target) {
            guard existing == data else {
                throw SourceError(file: file.path, message: "a different file named '\(name)' was imported before (\(options.content.lastPathComponent)/raw/\(name)): rename the new file")
            }
            return (name, false)
        }
        return (name, true)
    }

    /// A slug from the title (at most 8 words); the article of the same source keeps its slug.
    func slug(for article: ImportedArticle, rawName: String) throws -> String {
        let words = Slug.make(article.title).split(separator: "-").prefix(8).joined(separator: "-")
        let base = words.isEmpty ? Slug.make((rawName as NSString).deletingPathExtension) : words
        var candidate = base
        var number = 2
        // Compared as bytes: String comparison would take an NFD name for its NFC twin.
        let source = Array("source: \(ArticleFile.quoted("raw/\(rawName)"))\n".utf8)
        while let existing = try? TextFile.bytes(atPath: options.content.appendingPathComponent("articles/\(candidate).md").path),
              existing.firstRange(of: source) == nil {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }
}
