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

/// Values made the first time a thread asks for them by key, then shared for the rest of the
/// run. Two threads asking for a new key at once may both make it; the value is the same.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Key: Value] = [:]

    func value(for key: Key, _ make: () -> Value) -> Value {
        if let value = lock.withLock({ made[key] }) { return value }
        let value = make()
        lock.withLock { made[key] = value }
        return value
    }
}
