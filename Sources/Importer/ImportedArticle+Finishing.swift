import Foundation
import Articles
import SourceText

extension ImportedArticle {
    /// Steps shared by every input format: the dateline of the first paragraphs, and warnings
    /// for what stayed empty.
    mutating func finish(file: String) {
        // A date on a line of its own above the text ("08.04.2015 12:46") is the date.
        while let index = blocks.indices.prefix(3).first(where: { DateLine.date(in: blocks[$0]) != nil }) {
            if date.isEmpty { date = DateLine.date(in: blocks[index])! }
            blocks.remove(at: index)
        }
        // A page that gives its teaser in a meta tag and again as the first paragraph.
        if !teaser.isEmpty, let index = blocks.indices.prefix(3).first(where: { blocks[$0] == teaser }) { blocks.remove(at: index) }
        // The dateline opens the lead: the teaser, or one of the first paragraphs.
        if let found = Dateline(teaser) {
            take(found)
            teaser = found.rest
        } else if let index = blocks.indices.prefix(3).first(where: { Self.isParagraph(blocks[$0]) && Dateline(blocks[$0]) != nil }),
                  let found = Dateline(blocks[index]) {
            take(found)
            if found.rest.isEmpty { blocks.remove(at: index) } else { blocks[index] = found.rest }
        }
        blocks.removeAll { TextCleaner.isCruft(Self.text(of: $0)) }
        dropTrailingBox(file: file)
        blocks = blocks.indices.compactMap { index in
            blocks[index].hasPrefix("## ") && (index + 1 == blocks.count || blocks[index + 1].hasPrefix("## ")) ? nil : blocks[index]
        }
        // A headline with nothing under it (a page whose text is hidden, or only boxes): the
        // import goes on, as the title may be all there is, but says so.
        if blocks.isEmpty, !Article.isBlank(title) {
            warnings.append("\(file): no text found under the headline; the article is its title only, add its text to the file")
        }
        for (field, value) in [("title", title), ("outlet", outlet), ("date", date), ("teaser", teaser)] where value.isEmpty {
            warnings.append("\(file): no \(field) found; left empty, fill it in the front matter")
        }
    }

    /// After the last paragraph pages put boxes of other content: short lines and headings
    /// with nothing under them ("## Partner Offers", "jobs by", "Mehr zum Thema"). They are left
    /// out with a warning that names them, as they may be the article's own; a list that a
    /// paragraph ending in a colon introduces ("Vereinbart wurde:") is the article's and stays.
    private mutating func dropTrailingBox(file: String) {
        var start = blocks.count
        while start > 0, blocks[start - 1].hasPrefix("## ") || (blocks[start - 1].count < 60 && !LineKind.endsSentence(blocks[start - 1])) { start -= 1 }
        guard start < blocks.count else { return }
        // The last list a paragraph announces, and all before it, are the article's.
        if let announcing = (max(start - 1, 0)..<blocks.count - 1).last(where: {
            Self.isParagraph(blocks[$0]) && blocks[$0].hasSuffix(":") && blocks[$0 + 1].hasPrefix(Self.listItem)
        }) {
            start = announcing + 1
            while start < blocks.count, blocks[start].hasPrefix(Self.listItem) { start += 1 }
        }
        guard start < blocks.count else { return }
        let dropped = blocks[start...].map(Self.text(of:))
        blocks.removeSubrange(start...)
        let them = dropped.count == 1 ? "it" : "them"
        leaveOut(dropped, as: "after the last paragraph as a box of other content", advice: "if the article ends with \(them), add \(them) to its text", file: file)
    }

    /// Notes `lines` left out as `what`, with a warning that names the first three and gives
    /// `advice` on keeping them.
    mutating func leaveOut(_ lines: [String], as what: String, advice: String, file: String) {
        let quoted = lines.map { "\"\($0)\"" }
        let shown = quoted.count > 3 ? quoted.prefix(3).joined(separator: ", ") + ", …" : quoted.joined(separator: ", ")
        let description = "\(lines.count == 1 ? "a short line" : "\(lines.count) short lines") \(what) (\(shown))"
        leftOut.append(description)
        warnings.append("\(file): left out \(description); \(advice)")
    }

    /// A block's text without what marks it as a subheading or list item (a numbered item's
    /// text starts with its number: "2. Punkt").
    static func text(of block: String) -> String {
        if block.hasPrefix("## ") { return String(block.dropFirst(3)) }
        guard block.hasPrefix(listItem) else { return block }
        let item = block.dropFirst(listItem.count)
        for mark in [numberMark, listStart] where item.hasPrefix(mark) { return String(item.dropFirst(mark.count)) }
        return String(item)
    }

    /// Whether a block is the first item of a bulleted list (`bulletedItem`).
    static func startsList(_ block: String) -> Bool {
        block.hasPrefix(listItem + listStart)
    }

    /// Whether a block is an item of a numbered list (`numberedItem`).
    static func isNumbered(_ block: String) -> Bool {
        block.hasPrefix(listItem + numberMark)
    }

    /// Whether a block is a paragraph: neither subheading nor list item.
    static func isParagraph(_ block: String) -> Bool {
        !block.hasPrefix("## ") && !block.hasPrefix(listItem)
    }

    /// The warning for a title taken from the text.
    static func titleFromText(_ file: String) -> String {
        "\(file): no headline found; the title is the first sentence, edit it in the front matter"
    }

    /// A title for an article whose source, sidecar and options gave none, as the build needs
    /// one: its text's first sentence, with a warning. Without text (an empty page, or one
    /// of captions, credits and links only) there is nothing to import.
    mutating func titleFromTextIfNone(file: String, display: String) throws {
        // A blank title (a sidecar's `title: " "`) is none: the page would have no heading.
        guard Article.isBlank(title) else { return }
        let texts = [teaser] + blocks.map(Self.text(of:))
        guard let text = texts.first(where: { !$0.isEmpty }) else {
            // What was left out as other content may have been all the text: said with the error.
            throw SourceError(file: display, message: "no article text found (the file is empty, or holds only captions, credits or links): nothing was imported; check that this is the article's text or page"
                + leftOut.map { "; left out \($0)" }.joined())
        }
        title = LineKind.title(from: Dateline(text)?.rest ?? text)
        warnings.removeAll { $0.hasSuffix("no title found; left empty, fill it in the front matter") }
        warnings.append(Self.titleFromText(file))
    }

    /// The dateline's place, and its agency as the outlet when none is known.
    private mutating func take(_ found: Dateline) {
        dateline = found.place
        if outlet.isEmpty, let agency = Agencies.outlet(inDateline: found.agency) { outlet = agency }
    }
}
