#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Places where the crash-safety tests kill the process, to prove that a build or import
/// killed at any moment leaves the old output or the new one, never half of either.
///
/// Off unless `DOSSIER_KILL_AT` names a point and the how-manyth time it is reached kills:
/// `DOSSIER_KILL_AT=write:40` kills on the 40th file written, `swap:1` inside the site swap.
/// When it is off, a point costs one comparison.
public enum FaultPoint {
    /// Kills the process with SIGKILL (no clean-up runs) if `name` is the armed point and
    /// this is the armed time it is reached.
    @inline(__always)
    public static func reach(_ name: StaticString) {
        guard let armed else { return }
        reachArmed(name, armed)
    }

    private static let armed: (name: String, count: Int)? = {
        guard let value = getenv("DOSSIER_KILL_AT").map({ String(cString: $0) }),
              let colon = value.lastIndex(of: ":"), let count = Int(value[value.index(after: colon)...]) else { return nil }
        return (String(value[..<colon]), count)
    }()

    /// How often the armed point was reached; only ever touched when a point is armed.
    private static let reached = Counter()

    private static func reachArmed(_ name: StaticString, _ armed: (name: String, count: Int)) {
        guard name.description == armed.name else { return }
        if reached.increment() == armed.count { kill(getpid(), SIGKILL) }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func increment() -> Int {
            lock.withLock {
                value += 1
                return value
            }
        }
    }
}
