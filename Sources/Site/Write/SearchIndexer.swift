import SourceText
import Entities
import Foundation

/// Pagefind, run over the freshly written site to add static full-text search.
///
/// Found as `pagefind` on the PATH or as the `pagefind_bin` Python module (PyPI `pagefind-bin`).
/// Without it the site is built without search, and the pages say nothing about search.
public struct SearchIndexer: Sendable {
    let executable: URL
    let arguments: [String]

    static let setpriv: URL? = {
        #if os(Linux)
        let path = "/usr/bin/setpriv"
        return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
        #else
        return nil
        #endif
    }()

    /// The Pagefind installed on this machine, if any.
    public static func locate() -> SearchIndexer? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("pagefind")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return SearchIndexer(executable: candidate, arguments: [])
            }
        }
        for directory in path.split(separator: ":") {
            let python = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            guard FileManager.default.isExecutableFile(atPath: python.path) else { continue }
            let probe = Process()
            probe.executableURL = python
            probe.arguments = ["-c", "import pagefind_bin"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            probe.waitUntilExit()
            if probe.terminationStatus == 0 { return SearchIndexer(executable: python, arguments: ["-m", "pagefind_bin"]) }
        }
        return nil
    }

    /// Indexes the site in `directory`, writing `pagefind/` into it.
    ///
    /// On Linux Pagefind runs under `setpriv --pdeathsig KILL` where util-linux has it: a
    /// build killed meanwhile takes Pagefind with it, instead of leaving it writing into the
    /// staging folder the next build removes. A shell between them checks that the build
    /// still runs once the death signal is set, closing the gap of a build killed before.
    public func index(_ directory: URL) throws {
        let process = Process()
        let command = [executable.path] + arguments + ["--site", directory.path, "--silent"]
        if let setpriv = Self.setpriv {
            process.executableURL = setpriv
            let guarded = #"[ "$PPID" = "$0" ] || exit 70; exec "$@""#
            process.arguments = ["--pdeathsig", "KILL", "--", "/bin/sh", "-c", guarded, "\(getpid())"] + command
        } else {
            process.executableURL = executable
            process.arguments = Array(command.dropFirst())
        }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        FaultPoint.reach("search")
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BuildError(stage: "search", message: "pagefind failed: \(String(decoding: message, as: UTF8.self))")
        }
    }
}
