import ArgumentParser
import Entities
import Foundation
import Site
import SourceText

/// `dossier build`: writes the site, all or nothing.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static site from content/ into site/.",
        discussion: "The site is written beside the output folder and swapped in whole, so a failed build leaves the previous site as it was. Search is added with Pagefind when it is installed."
    )

    @OptionGroup var dossier: DossierOptions

    @Option(help: "The folder to write the site into.")
    var output = "site"

    @Flag(help: "Skip the Pagefind search index even when Pagefind is installed.")
    var noSearch = false

    @Flag(help: "Print the time each build stage took.")
    var verbose = false

    func run() throws {
        let options = SiteBuilder.Options(
            content: dossier.contentURL, templates: dossier.templatesURL, output: URL(fileURLWithPath: output),
            search: noSearch ? nil : SearchIndexer.locate()
        )
        do {
            let report = try SiteBuilder(options: options).build()
            report.warnings.forEach { printError("warning: \($0)") }
            let searchNote = noSearch ? " (search skipped)" : options.search == nil ? " (no search: Pagefind not found)" : ""
            print("Built \(output)/: \(report.summary)\(searchNote)")
            if verbose {
                for (stage, seconds) in report.timings {
                    print("  \(stage.padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(format: "%8.1f ms", seconds * 1000))")
                }
            }
        } catch {
            let failure = reportFailure(error)
            if SourceErrors.located(in: error) != nil { printError("note: the site was left as it was; dossier check lists every problem at once") }
            throw failure
        }
    }
}
