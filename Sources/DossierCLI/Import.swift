import SourceText
import ArgumentParser
import Entities
import Foundation
import Importer
import Site

/// `dossier import`: raw articles in, annotated Markdown out.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import raw articles (.txt, .md, .html) into content/articles/ as annotated Markdown.",
        discussion: "Each original is copied unchanged into content/raw/. An article changed by an editor since its import is kept unless --force is given. What the text does not say is left empty with a warning; --outlet, --date and --url fill it in for the whole run, and a sidecar beside a file (name.yml with title, outlet, authors, date, dateline, url, language) for that file. The language is the page's or the text's when they clearly say, else dossier.yml's."
    )

    @OptionGroup var dossier: DossierOptions

    @Argument(help: "Files or folders to import.")
    var paths: [String]

    @Flag(help: "Overwrite articles even if an editor changed them since their import.")
    var force = false

    @Option(help: "The outlet of the imported articles, when the text does not name it.")
    var outlet: String?

    @Option(help: "The publication date (YYYY-MM-DD) of the imported articles.")
    var date: String?

    @Option(help: "The address the article was published at.")
    var url: String?

    func validate() throws {
        if let date, let problem = ISODate.problem(with: date) {
            throw ValidationError("--date: \(problem)")
        }
        if let url, let problem = WebAddress.problem(with: url) {
            throw ValidationError("--url: \(problem)")
        }
    }

    func run() throws {
        do {
            // The registry must be there; articles/ and raw/ are made by the first import.
            try Folder.require(dossier.contentURL.path, display: dossier.content, purpose: "the content folder (with dossier.yml, articles/ and entities/)")
            let registry = try Content.loadRegistry(from: dossier.contentURL)
            let language = try Content.loadSettings(from: dossier.contentURL).language
            let importer = ArticleImporter(
                options: .init(content: dossier.contentURL, force: force, outlet: outlet, url: url, date: date, language: language),
                registry: registry
            )
            // A file that cannot be imported is reported and the others go on: each file is
            // written whole or not at all, and a second run finds the imported ones unchanged.
            var failed = 0
            let files = try ArticleImporter.inputs(paths)
            for file in files {
                let outcome: ArticleImporter.Outcome
                do { outcome = try importer.importFile(file) } catch {
                    printError("\(error)")
                    failed += 1
                    continue
                }
                outcome.warnings.forEach { printError("warning: \($0)") }
                switch outcome.action {
                case .written:
                    print("\(outcome.article): imported from \(file.lastPathComponent), \(outcome.mentions) mentions annotated")
                    print("  found: \(outcome.found.isEmpty ? "nothing" : outcome.found.joined(separator: "; "))")
                    if !outcome.empty.isEmpty { print("  left empty: \(outcome.empty.joined(separator: ", "))") }
                case .unchanged: print("\(outcome.article): unchanged")
                case .keptEditorChanges: print("\(outcome.article): kept, an editor changed it since its import (use --force to overwrite)")
                }
            }
            if failed > 0 {
                printError("note: \(failed) of \(files.count) files not imported; fix them and run the import again (what was imported stays)")
                throw ExitCode.failure
            }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw reportFailure(error)
        }
    }
}
