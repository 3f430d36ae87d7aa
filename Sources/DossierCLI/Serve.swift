import ArgumentParser
import Foundation
import Preview
import Site

/// `dossier serve`: the editing loop.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve site/ locally, rebuild what changes affect, and reload open browser tabs.",
        discussion: "Watches content/ and Templates/. New files in content/raw/ are imported, registry edits re-annotate the articles. A build error keeps the last good site served and is shown in the browser until a fix is saved. Ctrl-C stops."
    )

    @OptionGroup var dossier: DossierOptions

    @Option(help: "The folder to write and serve the site from.")
    var output = "site"

    @Option(help: "The port to listen on.")
    var port = 8000

    @Option(help: "The address to listen on; anything but loopback makes the preview visible to others.")
    var host = "127.0.0.1"

    @Flag(help: "Open the site in the default browser.")
    var open = false

    @Flag(help: "Skip the Pagefind search index even when Pagefind is installed.")
    var noSearch = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        if !PreviewServer.isLoopback(host) {
            printError("warning: serving on \(host): anyone who can reach this machine can read the preview")
        }
        let server = PreviewServer(options: .init(
            site: .init(content: dossier.contentURL, templates: dossier.templatesURL, output: URL(fileURLWithPath: output),
                         search: noSearch ? nil : SearchIndexer.locate()),
            host: host, port: port
        ))
        let opens = open
        let host = self.host
        do {
            try await server.run { port in
                let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
                print("Serving \(url) (Ctrl-C stops)")
                if opens { Self.openBrowser(url) }
            }
        } catch {
            let text = "\(error)"
            if text.contains("Address already in use") || text.contains("errno: 98") {
                printError("error: port \(port) on \(host) is in use: stop the other server or choose another port, like --port \(port + 1)")
                throw ExitCode.failure
            }
            throw reportFailure(error)
        }
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
