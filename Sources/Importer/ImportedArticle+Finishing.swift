import Foundation

extension ImportedArticle {
    /// Steps shared by every input format: the dateline of the first paragraphs, and warnings
    /// for what stayed empty.
    mutating func finish(file: String) {
        if let index = blocks.indices.prefix(3).first(where: { !blocks[$0].hasPrefix("## ") && Dateline(blocks[$0]) != nil }),
           let found = Dateline(blocks[index]) {
            dateline = found.place
            if outlet.isEmpty, let agency = Agencies.outlet(signedBy: found.agency) { outlet = agency }
            blocks[index] = found.rest
        }
        blocks.removeAll { TextCleaner.isCruft($0) }
        for (field, value) in [("title", title), ("outlet", outlet), ("date", date), ("teaser", teaser)] where value.isEmpty {
            warnings.append("\(file): no \(field) found; left empty, fill it in the front matter")
        }
    }
}
