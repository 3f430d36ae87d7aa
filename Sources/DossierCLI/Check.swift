import ArgumentParser
import Foundation
import Site

/// `dossier check`: fails on what would break the published dossier, suggests missing entities.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the dossier: entity ids, registry, templates, internal links; list likely missing entities.",
        discussion: "Fails on broken internal links, unknown or malformed entity ids, duplicate ids or aliases claimed by two entities, and template variables that resolve to nothing. Likely entities the registry lacks are listed with counts and a context line; they do not fail the check."
    )

    @OptionGroup var dossier: DossierOptions

    func run() throws {
        let report = SiteChecker(options: .init(content: dossier.contentURL, templates: dossier.templatesURL,
                                                output: URL(fileURLWithPath: "site"))).check()
        report.errors.forEach { printError("\($0)") }
        report.warnings.forEach { printError("warning: \($0)") }
        if !report.candidates.isEmpty {
            print("Likely entities missing from \(dossier.content)/entities/ (`dossier suggest` writes them as registry entries):")
            for candidate in report.candidates.prefix(30) {
                print("  \(candidate.count)× \(candidate.name) (\(candidate.type.rawValue))  \(candidate.file):\(candidate.line): …\(candidate.context)…")
            }
            if report.candidates.count > 30 { print("  … and \(report.candidates.count - 30) more: run `dossier suggest`") }
        }
        print("\(report.errors.count) errors, \(report.candidates.count) likely missing entities")
        if !report.errors.isEmpty { throw ExitCode.failure }
    }
}
