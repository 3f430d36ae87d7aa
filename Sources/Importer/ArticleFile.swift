import Entities

/// Writes an imported article as `content/articles/<slug>.md`: YAML front matter, then
/// annotated Markdown. The `import_hash` field lets a later import see whether an editor
/// changed the file since.
enum ArticleFile {
    static func render(_ article: ImportedArticle, source: String, url: String?, body: String) -> String {
        var lines = ["---"]
        lines.append("title: \(quoted(article.title))")
        lines.append("outlet: \(quoted(article.outlet))")
        lines.append("authors: [\(article.authors.map(quoted).joined(separator: ", "))]")
        lines.append("date: \(quoted(article.date))")
        lines.append("dateline: \(quoted(article.dateline))")
        lines.append("source: \(quoted(source))")
        lines.append("language: de")
        if let url { lines.append("url: \(quoted(url))") }
        lines.append("teaser: \(quoted(article.teaser))")
        if article.captions.isEmpty {
            lines.append("captions: []")
        } else {
            lines.append("captions:")
            for caption in article.captions {
                lines.append("  - text: \(quoted(caption.text))")
                lines.append("    credit: \(quoted(caption.credit))")
                if !caption.title.isEmpty { lines.append("    title: \(quoted(caption.title))") }
            }
        }
        let withoutHash = (lines + ["---", ""]).joined(separator: "\n") + body
        lines.append("import_hash: \(hash(withoutHash))")
        return (lines + ["---", ""]).joined(separator: "\n") + body
    }

    /// Whether `text` is still exactly what an import wrote (its hash matches its content).
    static func isUnchangedSinceImport(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let hashLine = lines.first(where: { $0.hasPrefix("import_hash: ") }) else { return false }
        let stored = hashLine.dropFirst("import_hash: ".count)
        let rest = lines.filter { $0 != hashLine }.joined(separator: "\n")
        return hash(rest) == stored
    }

    /// `text` with its `import_hash` set to match its current content.
    static func rehashed(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("import_hash: ") }) else { return text }
        var rest = lines
        rest.remove(at: index)
        var updated = lines
        updated[index] = "import_hash: \(hash(rest.joined(separator: "\n")))"
        return updated.joined(separator: "\n")
    }

    /// FNV-1a, 64 bit, as 16 hex digits: a change detector, not a security measure.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func quoted(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
