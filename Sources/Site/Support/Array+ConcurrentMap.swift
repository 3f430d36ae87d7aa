import Entities
import Foundation
import SourceText

extension Array where Element: Sendable {
    /// Maps on all cores (on one with `serially`); the result is in input order, so output stays
    /// deterministic. When several elements fail with located errors (`SourceError`), all of
    /// them are thrown together, sorted; otherwise the error of the first one in order.
    func concurrentMap<Result: Sendable>(serially: Bool = false, _ transform: @Sendable (Element) throws -> Result) throws -> [Result] {
        if serially { return try map(transform) }
        let results = UnsafeMutableBufferPointer<Swift.Result<Result, Error>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let slots = SendableBuffer(buffer: results)
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable(value: transform)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.buffer[index] = Swift.Result { try work.value(self[index]) }
            }
        }
        let failures = results.compactMap { result -> Error? in
            if case .failure(let error)? = result { return error }
            return nil
        }
        if failures.count > 1 {
            let located = failures.compactMap(SourceErrors.located(in:))
            if located.count == failures.count { throw SourceErrors(located.flatMap { $0 }) }
        }
        return try results.map { try $0!.get() }
    }
}

private struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}
