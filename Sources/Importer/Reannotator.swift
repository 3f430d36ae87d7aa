import Entities
import Foundation
import Yams

/// `dossier annotate`: runs the annotator again over every article after the registry changed.
///
/// Only the body changes; front matter stays byte for byte. Running it twice changes nothing,
/// hand annotations and not-an-entity markers (`[Kim](-)`) are kept.
public struct Reannotator {
    public struct Outcome: Sendable, Equatable {
        public var article: String
        public var added: Int
        public var unresolved: [Annotator.Unresolved]
    }

    let annotator: Annotator

    public init(registry: Registry) {
        annotator = Annotator(registry: registry)
    }

    /// Annotates `file` in place; returns what was added.
    public func annotate(_ file: URL, display: String) throws -> Outcome {
        let original = try TextFile.read(file.path, display: display)
        // Windows line ends are read as the build reads them, and written back as they were.
        let crlf = original.utf8.contains(0x0D) && original.contains("\r\n")
        let text = crlf ? original.replacingOccurrences(of: "\r\n", with: "\n") : original
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") else {
            throw SourceError(file: display, line: 1, column: 1, message: "no front matter: start the file with '---', the YAML fields, and '---'")
        }
        let head = lines[...close].joined(separator: "\n") + "\n"
        let body = lines[(close + 1)...].joined(separator: "\n")
        let result = annotator.annotate(body, context: Self.introduction(in: lines[1..<close].joined(separator: "\n")))
        let bodyLine = close + 2
        let unresolved = result.unresolved.map { item in
            var shifted = item
            shifted.line += bodyLine - 1
            return shifted
        }
        guard !result.added.isEmpty else { return Outcome(article: display, added: 0, unresolved: unresolved) }
        var updated = head + result.text
        if ArticleFile.isUnchangedSinceImport(text) { updated = ArticleFile.rehashed(updated) }
        if crlf { updated = updated.replacingOccurrences(of: "\n", with: "\r\n") }
        try TextFile.write(Array(updated.utf8), to: file.path, display: display)
        return Outcome(article: display, added: result.added.count, unresolved: unresolved)
    }
}

private extension Reannotator {
    /// Title, teaser and captions of the front matter, which introduce full names.
    static func introduction(in frontMatter: String) -> String {
        guard let fields = (try? Yams.load(yaml: frontMatter)) as? [String: Any] else { return "" }
        var parts = [fields["title"], fields["teaser"]].compactMap { $0 as? String }
        for caption in fields["captions"] as? [[String: Any]] ?? [] {
            parts += [caption["text"], caption["title"]].compactMap { $0 as? String }
        }
        return parts.joined(separator: "\n\n")
    }
}
