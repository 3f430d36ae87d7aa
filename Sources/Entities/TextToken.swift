/// A piece of Markdown text as the annotator sees it: a word, a hyphen, or something that
/// ends any name (punctuation, an existing link, code, a URL).
struct TextToken {
    enum Kind: Equatable {
        case word
        case hyphen
        case breaker
        /// An existing link; `reference` is its destination when it names an entity.
        case link(reference: String?)
    }

    var kind: Kind
    /// UTF-8 byte offsets in the text.
    var start: Int
    var end: Int
}
