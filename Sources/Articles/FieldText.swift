import Entities
/// A front matter field that may name entities: title, teaser, dateline, authors and the
/// captions' text, title and credit.
///
/// Such a field is plain text with the body's link syntax and nothing else of Markdown:
/// `[Putin](person:wladimir-putin) trifft [Kim](person:kim-jong-un)`, `[Kim](-)` for a word
/// that is no entity, `[Original](https://…)`. A bracket without a link after it, `*`, `#`
/// and the like stay as written, so a title such as "[Video] Kim in Wostotschny" or
/// "+++ Liveticker +++" reads as it is.
public struct FieldText: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case text(String)
        case link(text: String, destination: String, offset: Int)
    }

    /// The field's pieces in order; `offset` is where a link's `[` stands, in Unicode scalars
    /// from the start of the value (for the column of an error).
    public var parts: [Part]

    public init(_ value: String) {
        parts = []
        let scalars = Array(value.unicodeScalars)
        var text = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\", index + 1 < scalars.count, "[]()\\".unicodeScalars.contains(scalars[index + 1]) {
                text.append(scalars[index + 1])
                index += 2
                continue
            }
            if scalars[index] == "[", let (label, destination, end) = Self.link(at: index, in: scalars) {
                if !text.isEmpty { parts.append(.text(String(text))) }
                text = String.UnicodeScalarView()
                parts.append(.link(text: label, destination: destination, offset: index))
                index = end
                continue
            }
            text.append(scalars[index])
            index += 1
        }
        if !text.isEmpty { parts.append(.text(String(text))) }
    }

    /// What a reader sees: the text without link syntax.
    public var plain: String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .link(let text, _, _): text
            }
        }.joined()
    }

    /// Whether the field holds any link.
    public var hasLinks: Bool {
        parts.contains { if case .link = $0 { true } else { false } }
    }

    /// `value` without link syntax; the value itself when it holds no `[` (the usual).
    public static func plain(_ value: String) -> String {
        value.utf8.contains(UInt8(ascii: "[")) || value.utf8.contains(UInt8(ascii: "\\")) ? FieldText(value).plain : value
    }

    /// A link `[label](destination)` starting at `start`: its label, destination and the index after it.
    /// The label holds no brackets; the destination no spaces or parentheses.
    private static func link(at start: Int, in scalars: [Unicode.Scalar]) -> (String, String, Int)? {
        var index = start + 1
        var label = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != "]" {
            if scalars[index] == "[" || scalars[index] == "\n" { return nil }
            if scalars[index] == "\\", index + 1 < scalars.count, "[]\\".unicodeScalars.contains(scalars[index + 1]) { index += 1 }
            label.append(scalars[index])
            index += 1
        }
        guard index + 1 < scalars.count, scalars[index + 1] == "(" else { return nil }
        index += 2
        var destination = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != ")" {
            if scalars[index] == " " || scalars[index] == "(" || scalars[index] == "\n" { return nil }
            destination.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, !destination.isEmpty else { return nil }
        // An empty label stays as written, but for an entity's (`[](person:x)`): a link around
        // nothing, which the build reports at its place.
        let reference = String(destination)
        guard !label.isEmpty || isEntityReference(reference) else { return nil }
        return (String(label), reference, index + 1)
    }

    /// Whether `destination` names an entity by type and id (`person:…`), rightly or not.
    private static func isEntityReference(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        return EntityType(rawValue: String(destination[..<colon])) != nil
    }
}

public extension Article {
    /// Where a mention stands in its article: the body, or a field of the front matter.
    enum Field: UInt8, Sendable, CaseIterable {
        case body, title, teaser, caption, captionTitle, credit, dateline, author

        /// Whether the field is part of a caption, which pages show after the body.
        public var isCaption: Bool { self == .caption || self == .captionTitle || self == .credit }

        /// The front matter key the field is written under.
        public var key: String {
            switch self {
            case .body: "body"
            case .title: "title"
            case .teaser: "teaser"
            case .caption: "text"
            case .captionTitle: "title"
            case .credit: "credit"
            case .dateline: "dateline"
            case .author: "authors"
            }
        }
    }

    /// The fields that may name entities, in the order the article page shows them: dateline,
    /// title, authors, teaser, then per caption its title, text and credit.
    var annotatedFields: [(field: Field, value: String, key: String)] {
        var fields: [(Field, String, String)] = [(.dateline, dateline, "dateline"), (.title, title, "title")]
        fields += authors.enumerated().map { (.author, $1, Self.fieldKey(.author, $0)) }
        fields.append((.teaser, teaser, "teaser"))
        for (number, caption) in captions.enumerated() {
            fields += [(.captionTitle, caption.title, Self.fieldKey(.captionTitle, number)), (.caption, caption.text, Self.fieldKey(.caption, number)),
                       (.credit, caption.credit, Self.fieldKey(.credit, number))]
        }
        return fields.filter { !$0.1.isEmpty }
    }

    /// The same article with every annotated field passed through `transform`, in the order of
    /// `annotatedFields`.
    func mappingFields(_ transform: (Field, String) -> String) -> Article {
        var article = self
        article.dateline = transform(.dateline, dateline)
        article.title = transform(.title, title)
        article.authors = authors.map { transform(.author, $0) }
        article.teaser = transform(.teaser, teaser)
        article.captions = captions.map { caption in
            let title = transform(.captionTitle, caption.title)
            let text = transform(.caption, caption.text)
            return Caption(text: text, credit: transform(.credit, caption.credit), title: title)
        }
        return article
    }
}
