import Foundation

extension ImportedArticle {
    /// Steps shared by every input format: the dateline of the first paragraphs, and warnings
    /// for what stayed empty.
    mutating func finish(file: String) {
        // The dateline opens the lead: the teaser, or one of the first paragraphs.
        if let found = Dateline(teaser) {
            take(found)
            teaser = found.rest
        } else if let index = blocks.indices.prefix(3).first(where: { !blocks[$0].hasPrefix("## ") && Dateline(blocks[$0]) != nil }),
                  let found = Dateline(blocks[index]) {
            take(found)
            if found.rest.isEmpty { blocks.remove(at: index) } else { blocks[index] = found.rest }
        }
        blocks.removeAll { TextCleaner.isCruft($0) }
        for (field, value) in [("title", title), ("outlet", outlet), ("date", date), ("teaser", teaser)] where value.isEmpty {
            warnings.append("\(file): no \(field) found; left empty, fill it in the front matter")
        }
    }

    /// The dateline's place, and its agency as the outlet when none is known.
    private mutating func take(_ found: Dateline) {
        dateline = found.place
        if outlet.isEmpty, let agency = Agencies.outlet(inDateline: found.agency) { outlet = agency }
    }
}
