import SourceText

/// Short texts one after another in one buffer, each read in place by its number.
///
/// For texts a build keeps one of per entity and copies into many pages (an entity's reference,
/// the path of its page): a `String` each would be an object of its own, and every page that
/// takes one counts a reference to it, on memory the other pages' threads touch too.
///
///     let paths = PackedTexts(["persons/putin.html", "places/wostotschny.html"])
///     var bytes: [UInt8] = []
///     paths.append(1, to: &bytes)  // "places/wostotschny.html"
struct PackedTexts: Sendable {
    private var bytes: [UInt8] = []
    /// Where each text ends in `bytes`; it starts where the one before ends.
    private var ends: [Int] = []

    init(_ texts: some Sequence<String>) {
        for text in texts {
            bytes.append(contentsOf: text.utf8)
            ends.append(bytes.count)
        }
    }

    var count: Int { ends.count }

    /// Appends text `number` to `output`.
    func append(_ number: Int, to output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { output.append(contentsOf: $0[range(of: number)]) }
    }

    func append(_ number: Int, to output: ByteBuffer) {
        bytes.withUnsafeBufferPointer { output.append($0[range(of: number)]) }
    }

    private func range(of number: Int) -> Range<Int> {
        (number == 0 ? 0 : ends[number - 1])..<ends[number]
    }
}
