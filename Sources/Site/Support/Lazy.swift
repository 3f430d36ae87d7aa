import Foundation

/// A value made the first time a thread asks for it, then shared: what some pages of a run
/// need and others not (the outlets' coverage), made once whichever page comes first.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}

/// Values one page of a run makes and keeps for another that needs them too, which takes them:
/// kept only as long as needed. Two threads asking for a new key at once may both make it; the
/// value is the same.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Key: Value] = [:]

    /// The value for `key`: one kept before, which stays kept with `keep` and is taken otherwise,
    /// or a new one from `make`, kept with `keep`.
    func value(for key: Key, keep: Bool, _ make: () -> Value) -> Value {
        if let value = lock.withLock({ keep ? made[key] : made.removeValue(forKey: key) }) { return value }
        let value = make()
        if keep { lock.withLock { made[key] = value } }
        return value
    }
}
