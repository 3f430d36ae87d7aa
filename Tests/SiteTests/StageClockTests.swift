import Foundation
import Testing
@testable import Site

struct StageClockTests {
    /// Conversion makes article pages as it goes: what its workers spend rendering and writing
    /// them is reported as render and write time, and the stages still add up to the wall time.
    @Test func timeSpentOnLaterStagesInsideAStageIsReportedUnderTheirNames() {
        let clock = StageClock(workers: 2)
        clock.add("load", seconds: 0.5)
        clock.add("convert", seconds: 2)
        // Two workers for 2 s are 4 s of work: 1 s rendering, 0.5 s writing, 0.5 s reading files.
        clock.add("render", within: "convert", seconds: 1)
        clock.add("write", within: "convert", seconds: 0.5)
        clock.add("load", within: "convert", seconds: 0.5)
        clock.add("index", seconds: 0.1)
        clock.add("render", seconds: 1)
        clock.add("write", within: "render", seconds: 0.4)
        let timings = clock.timings
        #expect(timings.map(\.stage) == ["load", "convert", "index", "render", "write"])
        let seconds = Dictionary(uniqueKeysWithValues: timings.map { ($0.stage, $0.seconds) })
        #expect(abs(seconds["convert"]! - 1.0) < 1e-9)
        #expect(abs(seconds["load"]! - 0.75) < 1e-9)
        #expect(abs(seconds["render"]! - (0.5 + 0.8)) < 1e-9)
        #expect(abs(seconds["write"]! - (0.25 + 0.2)) < 1e-9)
        #expect(abs(timings.map(\.seconds).reduce(0, +) - 3.6) < 1e-9, "the wall time, split, not added to")
    }

    /// A build reports each stage under its name, in pipeline order.
    @Test func aBuildReportsEveryStage() throws {
        let dossier = try TestDossier.standard()
        defer { dossier.cleanUp() }
        let report = try dossier.build()
        #expect(report.timings.map(\.stage) == ["load", "convert", "index", "render", "write"])
        #expect(report.timings.allSatisfy { $0.seconds >= 0 } && report.timings.contains { $0.stage == "render" && $0.seconds > 0 })
    }
}
