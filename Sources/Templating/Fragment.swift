import SourceText

/// Markup a model points to instead of holding it as a string: the renderer asks the source
/// to write it where a template uses it, unescaped like `Value.html`.
///
/// For pages that show thousands of small pieces of markup cut from data kept elsewhere (the
/// sentence of each mention on an entity page): no string is made per piece, and the bytes are
/// written once, into the page.
///
///     final class Sentences: FragmentSource {
///         let sentences: [String]
///         override func writeFragment(_ index: Int, to output: ByteBuffer) {
///             HTMLEscaping.append(sentences[index], to: output)
///         }
///     }
public struct Fragment: Sendable, Equatable {
    public let source: FragmentSource
    /// Which of the source's pieces this is.
    public let index: Int

    public init(_ source: FragmentSource, _ index: Int) {
        self.source = source
        self.index = index
    }

    /// The fragment as a string, for uses other than writing a page.
    public var html: String {
        let bytes = ByteBuffer()
        source.writeFragment(index, to: bytes)
        return bytes.string
    }

    public static func == (lhs: Fragment, rhs: Fragment) -> Bool {
        lhs.source === rhs.source && lhs.index == rhs.index
    }
}

/// What fragments point to; subclasses write their pieces. A class, so that a fragment is two
/// words and fits in a `Value` without an allocation of its own. Pages are rendered on several
/// threads at once: a subclass must not change once it is made.
open class FragmentSource: @unchecked Sendable {
    public init() {}

    /// Appends piece `index` as HTML to `output`.
    open func writeFragment(_ index: Int, to output: ByteBuffer) {}
}
