import Foundation

/// Times the stages. Stages overlap where a worker goes on with a page it has made (conversion
/// makes each article's page, rendering writes each page): the time workers spend in a later
/// stage inside an earlier one is moved to the later one, in proportion to the earlier stage's
/// wall time, so each stage is reported under its real name.
final class StageClock: @unchecked Sendable {
    /// How many threads work inside a stage at once.
    let workers: Double
    private let lock = NSLock()
    private var wall: [(stage: String, seconds: Double)] = []
    /// Per enclosing stage, the seconds workers spent in each inner stage, summed over workers.
    private var inner: [String: [String: Double]] = [:]

    init(workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.workers = Double(max(workers, 1))
    }

    /// Runs `work` as stage `stage` (on the calling thread, timed by the wall clock).
    func time<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        add(stage, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        return result
    }

    /// Runs `work`, part of stage `stage`, on a worker inside stage `outer`.
    func time<T>(_ stage: String, within outer: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        add(stage, within: outer, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        return result
    }

    /// Notes `seconds` of wall time in `stage`, or (`within`) of one worker's time inside `outer`.
    func add(_ stage: String, within outer: String? = nil, seconds: Double) {
        lock.withLock {
            if let outer { inner[outer, default: [:]][stage, default: 0] += seconds } else { wall.append((stage, seconds)) }
        }
    }

    /// Each stage's seconds, in pipeline order.
    var timings: [(stage: String, seconds: Double)] {
        lock.withLock {
            var totals: [(stage: String, seconds: Double)] = ["load", "convert", "index", "render", "write"].map { ($0, 0) }
            func add(_ stage: String, _ seconds: Double) {
                if let at = totals.firstIndex(where: { $0.stage == stage }) { totals[at].seconds += seconds } else { totals.append((stage, seconds)) }
            }
            for (stage, seconds) in wall {
                let parts = inner[stage] ?? [:]
                let inside = parts.values.reduce(0, +)
                // Worker time in inner stages as a share of the workers' time in the stage.
                let busy = max(seconds * workers, inside)
                guard busy > 0 else { add(stage, seconds); continue }
                add(stage, seconds * (1 - inside / busy))
                for (part, time) in parts.sorted(by: { $0.key < $1.key }) { add(part, seconds * time / busy) }
            }
            return totals
        }
    }
}
