import Articles
import Entities
import Foundation
import SourceText

/// `dossier annotate`: runs the annotator again over every article after the registry changed.
///
/// The body and the front matter's fields that may name entities (title, teaser, dateline,
/// authors, captions) are annotated; the rest of the front matter stays byte for byte. Running it
/// twice changes nothing, hand annotations and not-an-entity markers (`[Kim](-)`) are kept.
public struct Reannotator {
    public struct Outcome: Sendable, Equatable {
        public var article: String
        public var added: Int
        public var unresolved: [Annotator.Unresolved]
    }

    let annotators: Annotators
    /// The dossier's language: an article's where its front matter names none.
    let language: String

    public init(registry: Registry, language: String) {
        annotators = Annotators(registry: registry)
        self.language = language
    }

    /// Annotates `file` in place; returns what was added.
    public func annotate(_ file: URL, display: String) throws -> Outcome {
        let original = try TextFile.read(file.path, display: display)
        // Windows line ends are read as the build reads them, and written back as they were.
        let crlf = original.utf8.contains(0x0D) && original.contains("\r\n")
        let text = crlf ? original.replacingOccurrences(of: "\r\n", with: "\n") : original
        // The front matter as the build reads it: its fields are annotated too.
        let article = try Article.parse(text, slug: "", file: display)
        let (head, _, _) = try ArticleFile.split(text, file: display)
        let result = ArticleAnnotation.annotate(article, with: annotators(article.language(in: language)))
        let unresolved = result.unresolved
        guard !result.added.isEmpty else { return Outcome(article: display, added: 0, unresolved: unresolved) }
        var updated = ArticleFile.replacingFields(in: head, of: article, with: result.article) + result.article.body
        if ArticleFile.isUnchangedSinceImport(text) { updated = ArticleFile.rehashed(updated) }
        if crlf { updated = updated.replacingOccurrences(of: "\n", with: "\r\n") }
        try TextFile.write(Array(updated.utf8), to: file.path, display: display)
        return Outcome(article: display, added: result.added.count, unresolved: unresolved)
    }
}
