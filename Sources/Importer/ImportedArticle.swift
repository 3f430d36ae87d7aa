import Articles
import Entities
import SourceText

/// What the importer found in a raw article, before it is written as Markdown.
public struct ImportedArticle: Sendable, Equatable {
    public typealias Caption = Article.Caption

    public var title = ""
    public var outlet = ""
    public var authors: [String] = []
    public var date = ""
    public var dateline = ""
    /// The language the page declares or the text is clearly written in; empty when neither says.
    public var language = ""
    public var teaser = ""
    public var captions: [Caption] = []
    /// Where the article was published, when the file says (a Markdown file's front matter).
    public var url: String?
    /// Markdown blocks: paragraphs, `## ` subheadings and `• ` list items, not yet annotated.
    public var blocks: [String] = []
    /// How a block that is a list item starts (a page's `<li>`, a bullet in a text file).
    static let listItem = "• "
    /// What follows `listItem` in an item of a numbered list (a page's `<ol>`), before its
    /// number: `• \u{E000}2. Punkt`. It tells such an item from a bullet whose text starts with
    /// a number ("• 1. FC Köln"); a character for private use, which no text has there.
    static let numberMark = "\u{E000}"
    /// What follows `listItem` in the first item of a bulleted list: two lists a page or text
    /// puts one after the other (`<ul>` then `<ul>`, "- …" lines then "* …" lines) stay two.
    static let listStart = "\u{E001}"

    /// The block of an item of a bulleted list, `first` of its list or not.
    static func bulletedItem(_ text: some StringProtocol, first: Bool) -> String {
        listItem + (first ? listStart : "") + unmarked(text)
    }

    /// `text` without the marks at its start that would read as `numberMark` or `listStart`:
    /// characters for private use, which a page may still hold (an icon font's).
    static func unmarked(_ text: some StringProtocol) -> String {
        String(text.drop { $0 == Character(numberMark) || $0 == Character(listStart) })
    }

    /// The block of item `number` of a numbered list.
    static func numberedItem(_ number: Int, _ text: String) -> String {
        listItem + numberMark + "\(number). " + unmarked(text)
    }
    /// What could not be found, for the user to fill in.
    public var warnings: [String] = []
    /// What was left out as other content, as its warning says it ("4 short lines in a row as
    /// the labels of a map or chart (…)"): an import that finds no text names it in its error.
    var leftOut: [String] = []

    public init() {}

    /// Drops the characters a text file of the dossier must not hold (control characters but
    /// tab and line breaks, U+FFFE, U+FFFF), which scraped text and pages sometimes carry.
    mutating func removeControlCharacters() {
        func clean(_ text: inout String) {
            guard TextFile.firstControlCharacter(in: text) != nil else { return }
            text.unicodeScalars.removeAll { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0xFFFE || $0.value == 0xFFFF }
        }
        for path in [\ImportedArticle.title, \.outlet, \.date, \.dateline, \.teaser, \.language] { clean(&self[keyPath: path]) }
        for index in authors.indices { clean(&authors[index]) }
        for index in blocks.indices { clean(&blocks[index]) }
        for index in captions.indices {
            clean(&captions[index].text)
            clean(&captions[index].credit)
            clean(&captions[index].title)
        }
    }

    /// What a reader sees before the body (title, teaser, captions): it introduces full names.
    public var introduction: String {
        Article(slug: "", file: "", title: title, teaser: teaser, captions: captions).introduction
    }

    /// The article file's contents for this article with the annotated Markdown `body`.
    func file(source: String, url: String?, body: String) -> Article {
        Article(slug: "", file: "", title: title, outlet: outlet, authors: authors, date: date, dateline: dateline,
                source: source, language: language, url: url, teaser: teaser, captions: captions, body: body)
    }
}
