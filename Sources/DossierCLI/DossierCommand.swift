import ArgumentParser

/// `dossier`: turns collected news articles into a cross-linked static site.
@available(macOS 14, *)
public struct DossierCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Publish an annotated news dossier as a cross-linked static site.",
        subcommands: [Init.self, Import.self, Suggest.self, Annotate.self, Build.self, Serve.self, Check.self]
    )

    public init() {}

    /// Parses the command line and runs the command, awaiting async ones such as `serve`.
    public static func start() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
