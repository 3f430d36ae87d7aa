import SourceText
import Templating

/// An article body's HTML as libcmark wrote it: bytes that go onto the article's page as they
/// are (a fragment), without becoming a string on the way.
final class Markup: FragmentSource, @unchecked Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The HTML as a value for the page template.
    var value: Value { .fragment(Fragment(self, 0)) }

    /// The HTML as text, for the few bodies the feed carries.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    override func writeFragment(_ index: Int, to output: ByteBuffer) {
        output.append(bytes)
    }
}
