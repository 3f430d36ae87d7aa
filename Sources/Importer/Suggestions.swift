import Articles
import Entities
import Foundation
import SourceText

/// `dossier suggest`: the likely entities the registry lacks, as registry YAML for review.
///
/// Suggestions go to standard output or to a file of their own in `content/entities/`; a file
/// the editor wrote or edited is never changed: only one that starts with `Suggestions.header`
/// and still holds what suggest wrote (its `suggest_hash` matches) is replaced. Each entry is one the registry accepts beside the curated ones: its id and
/// spellings are checked against them, so writing suggestions never breaks the build.
public enum Suggestions {
    /// The first line of a file `suggest --write` made, so a later run may replace it.
    public static let header = "# Suggested by `dossier suggest`: review every entry"

    /// The candidates in the article files at `paths` (bodies, titles, teasers and captions);
    /// `folder` names them in messages, like `content/articles`.
    public static func find(in paths: [String], folder: String, registry: Registry, language dossierLanguage: String) throws -> [CandidateFinder.Candidate] {
        var texts: [CandidateFinder.Text] = []
        for path in paths {
            let display = "\(folder)/\((path as NSString).lastPathComponent)"
            let article = try Article.parse(try TextFile.read(path, display: display), slug: "", file: display).resolved(in: dossierLanguage)
            texts.append(.init(file: display, text: article.introduction, language: article.language, firstLine: 1))
            texts.append(.init(file: display, text: article.body, language: article.language, firstLine: article.bodyLine))
        }
        return CandidateFinder(registry: registry).candidates(in: texts)
    }

    /// The candidates as a registry file: one entry each, its context as a comment.
    public static func yaml(_ candidates: [CandidateFinder.Candidate], registry: Registry) -> String {
        var taken = Set(registry.entities.map(\.id))
        let known = Set(registry.entities.flatMap { [$0.name] + $0.aliases + $0.ambiguous })
        var seenSurfaces = known
        var text = ""
        for candidate in candidates where !seenSurfaces.contains(candidate.name) {
            var id = candidate.id.isEmpty ? "entity" : candidate.id
            var number = 2
            while taken.contains(id) {
                id = "\(candidate.id)-\(number)"
                number += 1
            }
            taken.insert(id)
            seenSurfaces.insert(candidate.name)
            let aliases = candidate.aliases.filter { seenSurfaces.insert($0).inserted }
            let context = candidate.context.replacingOccurrences(of: "\n", with: " ")
            text += "\n# \(candidate.count)×, first \(candidate.file):\(candidate.line): …\(context)…\n"
            text += "- id: \(id)\n  type: \(candidate.type.rawValue)\n  name: \(ArticleFile.quoted(candidate.name))\n"
            if !aliases.isEmpty { text += "  aliases: [\(aliases.map(ArticleFile.quoted).joined(separator: ", "))]\n" }
        }
        return header + "; fix type and name, delete what is no entity, then run `dossier annotate`.\n"
            + "# suggest_hash: \(ArticleFile.hash(text))\n" + text
    }

    /// The file name `--write` takes `name` for: `name.yml` unless it ends in .yml or .yaml.
    public static func fileName(_ name: String) -> String {
        name.hasSuffix(".yml") || name.hasSuffix(".yaml") ? name : name + ".yml"
    }

    /// Whether `text` is a suggestions file as suggest wrote it, unedited.
    static func isUnedited(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count == 3, lines[0].hasPrefix(header), lines[1].hasPrefix("# suggest_hash: ") else { return false }
        return lines[1].dropFirst("# suggest_hash: ".count) == ArticleFile.hash(String(lines[2]))
    }

    /// Whether `content/entities/<name>` is a suggestions file that may be made again (its
    /// entries are then no part of the registry the suggestions are checked against).
    public static func isReplaceable(_ name: String, in content: URL) -> Bool {
        guard let text = try? TextFile.read(content.appendingPathComponent("entities/\(fileName(name))").path, display: name) else { return false }
        return isUnedited(text)
    }

    /// Writes `text` to `content/entities/<name>`, refusing a file the editor wrote.
    public static func write(_ text: String, named name: String, in content: URL) throws -> String {
        let file = fileName(name)
        guard !file.contains("/"), !file.hasPrefix(".") else {
            throw SourceError(file: name, message: "--write takes a file name in \(content.lastPathComponent)/entities/, like suggested.yml")
        }
        let display = "\(content.lastPathComponent)/entities/\(file)"
        let path = content.appendingPathComponent("entities/\(file)").path
        if FileManager.default.fileExists(atPath: path) {
            let existing = try TextFile.read(path, display: display)
            guard existing.hasPrefix(header) else {
                throw SourceError(file: display, message: "this registry file was not written by suggest and is never changed by it: choose another name, like suggested.yml")
            }
            guard isUnedited(existing) else {
                throw SourceError(file: display, message: "edited since suggest wrote it, and kept: rename it to keep it as part of the registry, or delete it to suggest again")
            }
        }
        try TextFile.write(Array(text.utf8), to: path, display: display)
        return display
    }
}
