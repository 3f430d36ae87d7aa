import SourceText
import Foundation
import Site
import Testing

/// `dossier build` and `dossier import` killed (SIGKILL, no clean-up) at many points, inside
/// the site swap and between an atomic write and its rename among them: the site is always the
/// old one or the new one, the content always whole, and the next run leaves no leftovers.
/// The kill points are the program's own (`DOSSIER_KILL_AT`, see `FaultPoint`).
struct CrashSafetyTests {
    /// The `dossier` executable, built beside the tests (`swift build`, or the README's first
    /// command; `swift test` alone does not link executables).
    static let executable: URL = {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = folder.appendingPathComponent("dossier")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        // Test runners that start a helper: the package's build folder.
        return repository.appendingPathComponent(".build/debug/dossier")
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "\(Self.executable.path) is missing: run swift build first")
    }

    static let killPoints = ["write:1", "write:4", "write:9", "swap:1", "retire:1"]

    @Test(arguments: killPoints)
    func aKilledBuildLeavesTheOldSiteOrTheNewOne(point: String) throws {
        let dossier = try BadDossier()
        defer { dossier.cleanUp() }
        let build = ["build", "--content", dossier.path("content"), "--templates", dossier.path("Templates"), "--output", dossier.path("site"), "--no-search"]
        #expect(try run(build).status == 0)
        let old = try dossier.snapshot()
        try dossier.write("content/articles/neu.md", "---\ntitle: Neu\n---\n[Scholz](person:olaf-scholz) war da.\n")
        try dossier.remove("content/articles/gut.md")

        let killed = try run(build, killAt: point)
        #expect(killed.signal == SIGKILL, "the build reached \(point) and was killed")
        let site = try dossier.snapshot().filter { $0.key.hasPrefix("site") }
        let oldSite = old.filter { $0.key.hasPrefix("site") }
        #expect(try run(build).status == 0)
        let newSite = try dossier.snapshot().filter { $0.key.hasPrefix("site") }
        #expect(site == oldSite || site == newSite, "after a kill at \(point) the site is the old one or the new one")
        #expect(oldSite != newSite)
        let left = try FileManager.default.contentsOfDirectory(atPath: dossier.root.path).sorted()
        #expect(left == ["Templates", "content", "site"], "no staging folder or old site is left beside the output")
    }

    /// Pagefind runs while the build waits; a kill then takes it along, instead of leaving it
    /// writing into a staging folder that the next build removes.
    @Test(.enabled(if: SearchIndexer.locate() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "Pagefind and util-linux's setpriv are installed"))
    func aBuildKilledDuringSearchIndexingLeavesNoPagefindRunning() throws {
        let dossier = try BadDossier()
        defer { dossier.cleanUp() }
        let build = ["build", "--content", dossier.path("content"), "--templates", dossier.path("Templates"), "--output", dossier.path("site")]
        #expect(try run(build, killAt: "search:1").signal == SIGKILL)
        Thread.sleep(forTimeInterval: 0.3)
        let running = (try FileManager.default.contentsOfDirectory(atPath: "/proc")).filter { $0.allSatisfy(\.isNumber) }.filter { pid in
            let command = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            return String(decoding: command, as: UTF8.self).contains(dossier.root.lastPathComponent)
        }
        #expect(running.isEmpty, "no process works on the killed build's folder")
        #expect(try run(build).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dossier.root.path).sorted() == ["Templates", "content", "site"])
    }

    @Test(arguments: ["rename:1", "rename:2", "import:1"])
    func aKilledImportLeavesTheContentWhole(point: String) throws {
        let dossier = try BadDossier()
        defer { dossier.cleanUp() }
        try dossier.write("eingang/bericht.txt", "Scholz in Berlin\n\nBerlin (dpa) - Olaf Scholz sprach am Mittwoch in Berlin.\n")
        let importing = ["import", "--content", dossier.path("content"), dossier.path("eingang")]
        let before = try dossier.snapshot()
        let killed = try run(importing, killAt: point)
        #expect(killed.signal == SIGKILL)
        let afterKill = try dossier.snapshot()
        #expect(try run(importing).status == 0)
        let finished = try dossier.snapshot()
        // Every file a reader sees is whole: as it was, or as the finished import writes it.
        for (path, bytes) in afterKill where !path.hasSuffix("/") && !path.split(separator: "/").last!.hasPrefix(".") {
            #expect(bytes == before[path] || bytes == finished[path], "\(path) is whole after a kill at \(point)")
        }
        let articles = try FileManager.default.contentsOfDirectory(atPath: dossier.path("content/articles")).sorted()
        let raw = try FileManager.default.contentsOfDirectory(atPath: dossier.path("content/raw")).sorted()
        #expect(articles == ["gut.md", "scholz-in-berlin.md"], "the article is there and no temporary file is left")
        #expect(raw == ["bericht.txt"])
        #expect(try String(contentsOfFile: dossier.path("content/articles/scholz-in-berlin.md"), encoding: .utf8)
            .contains("[Olaf Scholz](person:olaf-scholz) sprach am Mittwoch in [Berlin](place:berlin)."))
    }

    /// Runs the executable; `killAt` arms a kill point.
    func run(_ arguments: [String], killAt: String? = nil) throws -> (status: Int32, signal: Int32?) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DOSSIER_KILL_AT"] = killAt
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? (-1, process.terminationStatus) : (process.terminationStatus, nil)
    }
}
