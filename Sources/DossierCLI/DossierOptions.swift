import ArgumentParser
import Foundation

/// Where the dossier's folders are; shared by the commands.
struct DossierOptions: ParsableArguments {
    @Option(help: "The content folder (dossier.yml, articles/, entities/, raw/).")
    var content = "content"

    @Option(help: "The templates folder (default: Templates, if there is one); built-in templates fill in what it lacks.")
    var templates: String?

    var contentURL: URL { URL(fileURLWithPath: content) }
    var templatesURL: URL { URL(fileURLWithPath: templates ?? "Templates") }

    func validate() throws {
        // Only a folder named on the command line must exist: without one, Templates/ is optional.
        if let templates, !FileManager.default.fileExists(atPath: templates) {
            throw ValidationError("--templates: there is no folder '\(templates)': check the name, or leave the option out to use the built-in templates")
        }
    }
}

/// Prints an error the way users read it (`file:line:column: error: …`) and fails the command.
func reportFailure(_ error: Error) -> ExitCode {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    return ExitCode.failure
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data("\(text)\n".utf8))
}
