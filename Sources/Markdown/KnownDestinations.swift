#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SourceText

/// Link destinations a `LinkRewriter` expects (an entity reference for every registry entry),
/// found by the bytes libcmark holds: a link to one reaches the rewriter with its number in
/// `MarkdownLink.known` and this table's string as its destination, so the links of an article,
/// hundreds of them, make no string each and are not hashed by `Dictionary`.
public final class KnownDestinations: Sendable {
    /// The destinations in the order given: a link's `known` is a position here.
    let destinations: [String]
    /// Their UTF-8 one after another: destination `n` ends at `ends[n]`.
    private let bytes: [UInt8]
    private let ends: [Int32]
    /// Open addressing: a destination's position at its hash's slot or the next free one after
    /// it, -1 where none is; twice as many slots as destinations or more, a power of two.
    private let slots: [Int32]

    /// The first of equal destinations is the one found.
    public init(_ destinations: [String]) {
        self.destinations = destinations
        var bytes: [UInt8] = [], ends: [Int32] = []
        for destination in destinations {
            bytes += destination.utf8
            ends.append(Int32(bytes.count))
        }
        var slots = [Int32](repeating: -1, count: max(16, 1 << (Int.bitWidth - (2 * destinations.count).leadingZeroBitCount)))
        bytes.withUnsafeBufferPointer { all in
            for position in destinations.indices {
                let slot = Self.probe(Self.key(Int32(position), all, ends), slots, all, ends)
                // An equal destination found there came first and keeps the slot.
                if slots[slot] < 0 { slots[slot] = Int32(position) }
            }
        }
        (self.bytes, self.ends, self.slots) = (bytes, ends, slots)
    }

    /// The position of `destination`, if it is one of them.
    public func position(of destination: String) -> Int? {
        var destination = destination
        return destination.withUTF8 { position(of: $0) }
    }

    /// The position of the destination spelled by the NUL-terminated `cString`, if it is one.
    func position(of cString: UnsafePointer<CChar>) -> Int? {
        position(of: UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString)))
    }
}

private extension KnownDestinations {
    /// The position of the destination whose UTF-8 is `key`, if it is one.
    func position(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { all in
            let found = slots[Self.probe(key, slots, all, ends)]
            return found < 0 ? nil : Int(found)
        }
    }

    /// The slot holding `key`, or the free slot that ends its probe.
    static func probe(_ key: UnsafeBufferPointer<UInt8>, _ slots: [Int32], _ all: UnsafeBufferPointer<UInt8>, _ ends: [Int32]) -> Int {
        let mask = slots.count - 1
        var slot = hash(key) & mask
        while slots[slot] >= 0, !equal(key, Self.key(slots[slot], all, ends)) { slot = (slot + 1) & mask }
        return slot
    }

    static func key(_ position: Int32, _ all: UnsafeBufferPointer<UInt8>, _ ends: [Int32]) -> UnsafeBufferPointer<UInt8> {
        let start = position == 0 ? 0 : Int(ends[Int(position) - 1])
        return UnsafeBufferPointer(rebasing: all[start..<Int(ends[Int(position)])])
    }

    static func equal(_ key: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        key.count == other.count && (key.isEmpty || memcmp(key.baseAddress!, other.baseAddress!, key.count) == 0)
    }

    /// FNV-1a: destinations are short, and a table of a few thousand needs no stronger hash.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = FNV1a.hash(key)
        return Int(truncatingIfNeeded: hash ^ hash >> 32)
    }
}
