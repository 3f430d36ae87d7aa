import Articles
import Entities
import Foundation
import SourceText

/// What the editor says about one raw file, in a YAML file of the same name beside it
/// (`treffen.txt` and `treffen.yml`): it wins over what the text says and over the options of
/// the import run, so a folder of articles imports in one run and a file dropped into
/// `content/raw/` during `serve` gets its outlet, date and address too.
///
///     outlet: Tagesschau
///     date: 2021-07-15
///     url: https://www.tagesschau.de/…
///     language: de
struct Sidecar: Equatable {
    static let keys = ["title", "outlet", "authors", "date", "dateline", "url", "language"]

    var title: String?
    var outlet: String?
    var authors: [String] = []
    var date: String?
    var dateline: String?
    var url: String?
    var language: String?

    /// The sidecar of `file`, if one lies beside it: `name.yml` or `name.yaml`.
    static func file(besides file: URL) -> URL? {
        let base = file.deletingPathExtension()
        return ["yml", "yaml"].map { base.appendingPathExtension($0) }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Reads and checks a sidecar; errors name the sidecar's line and column.
    init(contentsOf file: URL, display: String) throws {
        let fields = try YAMLFields(try TextFile.read(file.path, display: display), file: display)
        try fields.rejectUnknownKeys(Self.keys, what: "sidecar field")
        title = try fields.string("title")
        outlet = try fields.string("outlet")
        authors = try fields.strings("authors")
        date = try fields.string("date")
        dateline = try fields.string("dateline")
        url = try fields.string("url")
        language = try fields.string("language")
        try Article.check(date: date ?? "", language: language, url: url, file: display) { fields.location(of: $0) }
    }

    /// Puts what the sidecar says into `article`; returns the address, if it gives one.
    func apply(to article: inout ImportedArticle) {
        let given: [(String, String?, WritableKeyPath<ImportedArticle, String>)] = [
            ("title", title, \.title), ("outlet", outlet, \.outlet), ("date", date, \.date), ("dateline", dateline, \.dateline),
            ("language", language, \.language),
        ]
        for case let (field, value?, path) in given {
            article[keyPath: path] = value
            article.warnings.removeAll { $0.hasSuffix("no \(field) found; left empty, fill it in the front matter") }
        }
        if !authors.isEmpty { article.authors = authors }
    }
}
