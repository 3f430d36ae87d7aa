import ArgumentParser
import Entities
import Foundation
import Importer
import Site
import SourceText

/// `dossier annotate`: re-annotation after the registry changed.
struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate every article again with the current registry.",
        discussion: "Idempotent: existing annotations, hand-made ones and not-an-entity markers like [Kim](-) are kept, and running it twice changes nothing. Ambiguous short names without an earlier full name are reported, not guessed."
    )

    @OptionGroup var dossier: DossierOptions

    func run() throws {
        do {
            try Content.requireFolders(of: dossier.contentURL)
            let registry = try Content.loadRegistry(from: dossier.contentURL)
            let annotator = Reannotator(registry: registry, language: try Content.loadSettings(from: dossier.contentURL).language)
            // What an annotate killed while it wrote left behind.
            TextFile.removeStaleTemporaries(in: dossier.contentURL.appendingPathComponent("articles").path)
            let files = try Content.articleFiles(in: dossier.contentURL).map { URL(fileURLWithPath: $0) }
            var total = 0
            for file in files {
                let display = "\(dossier.content)/articles/\(file.lastPathComponent)"
                let outcome = try annotator.annotate(file, display: display)
                for item in outcome.unresolved {
                    printError(SourceError.format(file: display, line: item.line, column: item.column, severity: "warning",
                                                  message: "'\(item.surface)' could be \(item.candidates.joined(separator: " or ")); write its full name earlier or annotate it by hand"))
                }
                if outcome.added > 0 { print("\(display): \(outcome.added) mentions added") }
                total += outcome.added
            }
            print("\(total) mentions added in \(files.count) articles")
        } catch {
            throw reportFailure(error)
        }
    }
}
