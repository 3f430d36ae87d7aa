import ArgumentParser

/// `dossier`: turns collected news articles into a cross-linked static site.
public struct DossierCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Publish an annotated news dossier as a cross-linked static site.",
        subcommands: [Import.self, Annotate.self, Build.self, Check.self]
    )

    public init() {}
}
