import ArgumentParser
import Entities
import Foundation
import Importer
import Site

/// `dossier suggest`: the likely missing entities as registry YAML, for the editor to review.
struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the likely entities the registry lacks, as registry YAML to review.",
        discussion: "Each entry has an id, a guessed type, the name in its base form (\"Technisches Hilfswerk\" for \"des Technischen Hilfswerks\"), the spellings seen that the annotator would not match from the name as aliases, and where it was first seen as a comment. Printed for review; --write puts them into a file of their own in content/entities/, which the editor then edits and follows with `dossier annotate`. Curated registry files are never changed."
    )

    @OptionGroup var dossier: DossierOptions

    @Option(help: "Write the suggestions to this file of content/entities/ (new, or one suggest wrote before).")
    var write: String?

    @Option(help: "Suggest at most this many entities, the most frequent first.")
    var limit = 200

    func run() throws {
        do {
            try Content.requireFolders(of: dossier.contentURL)
            // A suggestions file suggest may make again is no part of the registry it checks against.
            let own = write.map(Suggestions.fileName).flatMap { Suggestions.isReplaceable($0, in: dossier.contentURL) ? $0 : nil }
            let registry = try Registry.load(from: dossier.contentURL.appendingPathComponent("entities"),
                                             displayPath: "\(dossier.content)/entities", skipping: Set([own].compactMap { $0 }))
            let paths = try Content.articleFiles(in: dossier.contentURL)
            let candidates = try Suggestions.find(in: paths, folder: "\(dossier.content)/articles", registry: registry,
                                                     language: try Content.loadSettings(from: dossier.contentURL).language)
            let text = Suggestions.yaml(Array(candidates.prefix(max(0, limit))), registry: registry)
            guard let write else {
                print(text, terminator: "")
                return
            }
            let file = try Suggestions.write(text, named: write, in: dossier.contentURL)
            print("\(file): \(min(candidates.count, max(0, limit))) suggested entities; review them, then run `dossier annotate`")
        } catch {
            throw reportFailure(error)
        }
    }
}
