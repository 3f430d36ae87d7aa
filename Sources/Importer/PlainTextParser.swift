import Foundation
import Entities

/// Reads the structure of news text as scraped or copied from a page: headline, teaser,
/// subheadings, photo captions and credits, dateline, authors, date and outlet.
///
/// What it cannot find stays empty and is named in `warnings`; nothing is invented.
struct PlainTextParser {
    let file: String

    func parse(_ text: String) -> ImportedArticle {
        var article = ImportedArticle()
        var lines = text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        lines = removeCruft(lines)
        lines = extractMetadata(lines, into: &article)
        lines = extractCaptions(lines, into: &article)
        labelsLeftOut(&lines, into: &article)
        joinKicker(&lines)
        var blocks = lines.filter { !$0.isEmpty }
        extractTitle(&blocks, into: &article)
        article.blocks = headed(bulleted(blocks))
        article.finish(file: file)
        return article
    }
}

private extension PlainTextParser {
    /// What is left of short lines in a row, bylines and captions taken, is a map's labels: left
    /// out with a warning that names them. A run the line before announces ("Es nahmen teil:")
    /// is a list of the text's, and stays as one.
    func labelsLeftOut(_ lines: inout [String], into article: inout ImportedArticle) {
        var dropped: [String] = []
        for run in TextCleaner.labelRuns(lines).reversed() {
            if lines[..<run.lowerBound].last(where: { !$0.isEmpty })?.hasSuffix(":") == true {
                for index in run { lines[index] = ImportedArticle.bulletedItem(lines[index], first: index == run.lowerBound) }
                continue
            }
            dropped.insert(contentsOf: lines[run], at: 0)
            lines.removeSubrange(run)
        }
        guard !dropped.isEmpty else { return }
        article.leaveOut(dropped, as: "in a row as the labels of a map or chart", advice: "if they are the article's, add them to its text", file: file)
    }

    func removeCruft(_ lines: [String]) -> [String] {
        var kept = TextCleaner.withoutCruft(lines)
        while let last = kept.last, last.isEmpty || TextCleaner.isInitials(last) { kept.removeLast() }
        return kept
    }

    /// Date markers, copyright lines, bylines and agency signatures.
    func extractMetadata(_ lines: [String], into article: inout ImportedArticle) -> [String] {
        var kept: [String] = []
        var afterByline = false
        for (index, line) in lines.enumerated() {
            var rest = line
            if rest.hasPrefix("date ") {
                let value = rest.dropFirst(5).prefix { !$0.isWhitespace }
                if ISODate.isValid(String(value)) {
                    article.date = String(value)
                    rest = String(rest.dropFirst(5 + value.count)).trimmingCharacters(in: .whitespaces)
                }
            }
            if let outlet = Agencies.outlet(inCopyright: rest) {
                if article.outlet.isEmpty { article.outlet = outlet }
                continue
            }
            // "13.09.2023, 10:45 Uhr" on a line of its own, among the lines above the text.
            if index < 12, let date = DateLine.date(in: rest) {
                if article.date.isEmpty { article.date = date }
                continue
            }
            // "Reuters, 15 November 2023" under the headline; kept as text where it says
            // otherwise than what is already known, so that nothing it says is lost.
            if index < 12, let source = SourceLine(rest), source.agrees(with: article) {
                if article.date.isEmpty { article.date = source.date }
                if article.outlet.isEmpty { article.outlet = source.outlet }
                if article.dateline.isEmpty { article.dateline = source.place }
                continue
            }
            // "Associated Press" on a line of its own under the headline or the byline.
            if index < 12, let outlet = Agencies.outlet(named: rest), article.outlet.isEmpty || article.outlet == outlet {
                article.outlet = outlet
                continue
            }
            // "BBC News" under "By Frances Mao": the outlet the author writes for; "China
            // correspondent", "ARD-Studio Moskau": where the author works, no text of the article.
            if afterByline, article.outlet.isEmpty, case .outlet(let outlet)? = SourceLine.kind(of: rest) {
                article.outlet = outlet
                afterByline = false
                continue
            }
            if afterByline, rest.split(separator: " ").count <= 5, !LineKind.endsSentence(rest), Byline.isDesk(rest) {
                afterByline = false
                continue
            }
            afterByline = false
            // "By Frances Mao", or names alone right above the date line: "Pjotr Sauer and
            // Justin McCurry" over "Wed 13 Sep 2023 10.04 BST" (never the headline, which may be
            // written in capitals: "Putin And Kim Meet").
            if article.authors.isEmpty, let authors = Byline.authors(in: rest)
                ?? (index < 12 && lines[..<index].contains { !$0.isEmpty } && Self.aboveDateLine(index, lines) ? Byline.names(in: Substring(rest)) : nil) {
                article.authors = authors
                afterByline = true
                continue
            }
            let isLast = lines[(index + 1)...].allSatisfy(\.isEmpty)
            if isLast, let outlet = Agencies.outlet(signedBy: rest) {
                if article.outlet.isEmpty { article.outlet = outlet }
                continue
            }
            if rest.isEmpty, !line.isEmpty { continue }
            kept.append(rest)
        }
        return kept
    }

    /// Whether the next line with text after line `index` is a date line.
    static func aboveDateLine(_ index: Int, _ lines: [String]) -> Bool {
        lines[(index + 1)...].first { !$0.isEmpty }.map { DateLine.date(in: $0) != nil } ?? false
    }

    /// A credit line makes the line before it a caption; a short line right after is its title.
    /// A line that ends in a picture's credit in parentheses is a caption with that credit. A
    /// credit with no line before it credits a picture without a caption: left out, with a warning.
    func extractCaptions(_ lines: [String], into article: inout ImportedArticle) -> [String] {
        var kept: [String] = [], uncaptioned: [String] = []
        defer {
            if !uncaptioned.isEmpty {
                article.leaveOut(uncaptioned, as: "as the credit of a picture without a caption", advice: "if it is the article's text, add it back", file: file)
            }
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let credit = LineKind.credit(in: line)
            // "Image source, Reuters" / "Image caption," / the caption, as the BBC prints them
            // (the credit may be missing).
            let captionLabel = credit != nil && index + 1 < lines.count && LineKind.isCaptionLabel(lines[index + 1]) ? index + 1
                : LineKind.isCaptionLabel(line) ? index : nil
            if let captionLabel, captionLabel + 1 < lines.count, !lines[captionLabel + 1].isEmpty {
                article.captions.append(.init(text: lines[captionLabel + 1], credit: captionLabel == index ? "" : credit!, title: ""))
                index = captionLabel + 2
                continue
            }
            if let (caption, credit) = LineKind.captionWithCredit(line) {
                article.captions.append(.init(text: caption, credit: credit, title: ""))
            } else if let credit, let caption = kept.last, !caption.isEmpty {
                kept.removeLast()
                var title = ""
                if index + 1 < lines.count, LineKind.isHeadingLike(lines[index + 1]),
                   index + 2 >= lines.count || lines[index + 2].isEmpty {
                    title = lines[index + 1]
                    index += 1
                }
                article.captions.append(.init(text: caption, credit: credit, title: title))
            } else if let credit, let caption = Self.captionApart(kept, credit: line) {
                // "Putin und Kim in Wostotschny." / "" / "Foto: Mikhail Metzel/AP": a blank line apart.
                kept.removeLast(2)
                article.captions.append(.init(text: caption, credit: credit, title: ""))
            } else if credit != nil, kept.last?.isEmpty ?? true {
                uncaptioned.append(line)
            } else {
                kept.append(line)
            }
            index += 1
        }
        return kept
    }

    /// The caption a blank line above a credit that says it is one (`Foto:`, `Photo:`): a block
    /// of one line and one sentence, at most 200 characters, with nothing quoted, and not the
    /// first (the headline). A paragraph of the text is longer or quotes someone, a subheading
    /// ends without a full stop; a line that only credits ("AP/Mikhail Metzel") leaves the block
    /// before it alone.
    static func captionApart(_ kept: [String], credit line: String) -> String? {
        guard LineKind.credit(in: line) != line, kept.count >= 3, kept[kept.count - 1].isEmpty, kept[kept.count - 3].isEmpty,
              kept.dropLast(3).contains(where: { !$0.isEmpty }) else { return nil }
        let caption = kept[kept.count - 2]
        guard caption.count <= 200, !caption.contains(where: { "„“”\"»«".contains($0) }), LineKind.endsSentence(caption),
              !caption.dropLast().contains(where: { "!?".contains($0) }), caption.dropLast().ranges(of: ". ").isEmpty else { return nil }
        return caption
    }

    /// A kicker right above the headline, on the line before it ("Gipfel in Russlands Fernem
    /// Osten" over "Putin empfängt Kim auf Weltraumbahnhof"), joins it as the page's title
    /// does: "Gipfel in Russlands Fernem Osten: Putin empfängt Kim auf Weltraumbahnhof". Only a
    /// short line (six words at most) over a longer one, the two alone between empty lines; a
    /// subtitle is a sentence (it ends with its full stop) or stands apart. A subtitle without
    /// its full stop right under a short headline is taken for the headline under a kicker: the
    /// title then holds both, and no text is lost.
    func joinKicker(_ lines: inout [String]) {
        guard let first = lines.firstIndex(where: { !$0.isEmpty }), first + 1 < lines.count else { return }
        let (kicker, headline) = (lines[first], lines[first + 1])
        guard !headline.isEmpty, first + 2 == lines.count || lines[first + 2].isEmpty,
              kicker.split(separator: " ").count <= 6, kicker.count < headline.count, !kicker.hasSuffix(":"),
              LineKind.isHeadingLike(kicker), LineKind.isHeadingLike(headline), !LineKind.isAllCaps(kicker) else { return }
        lines[first] = kicker + ": " + headline
        lines.remove(at: first + 1)
    }

    /// The first block if it reads like a headline; else the first sentence, with a warning.
    func extractTitle(_ blocks: inout [String], into article: inout ImportedArticle) {
        guard let first = blocks.first else { return }
        if LineKind.isHeadingLike(first, maximumLength: 160) {
            article.title = first
            blocks.removeFirst()
            blocks.removeAll { $0 == first }
            // A subtitle: a headline-like line right under the headline, before any prose, is
            // no section heading but the teaser.
            // (Of four words at least: "BBC News" under the byline is no teaser.)
            if blocks.count > 2, LineKind.isHeadingLike(blocks[0], maximumLength: 200), !LineKind.isAllCaps(blocks[0]), !LineKind.isHeadingLike(blocks[1]),
               blocks[0].split(separator: " ").count >= 4 {
                article.teaser = blocks.removeFirst()
            } else if let lead = blocks.first, LineKind.endsSentence(lead), lead.count <= 400, blocks.count > 2 {
                article.teaser = lead
                blocks.removeFirst()
            }
            return
        }
        let body = Dateline(first)?.rest ?? first
        article.title = LineKind.title(from: body)
        article.warnings.append(ImportedArticle.titleFromText(file))
        if body.count <= 400, LineKind.firstSentence(of: body).count + 1 < body.count, blocks.count > 2 {
            article.teaser = body
            blocks.removeFirst()
        }
    }

    /// Lines in a row that start with the same dash or star and a space ("- Raketen",
    /// "– Satelliten", "* Piloten"), two or more, are a list: its items as `listItem`s. One such
    /// line alone stays as written (a dash before a remark), and so do paragraphs of prose that
    /// each start with a dash, as an interview's turns do ("– Herr Minister, was erwarten Sie?"):
    /// every one a sentence's end and on average longer than `turnLength` characters.
    func bulleted(_ blocks: [String]) -> [String] {
        var blocks = blocks
        var start = 0
        while start < blocks.count {
            guard let marker = ["- ", "– ", "* "].first(where: { blocks[start].hasPrefix($0) }) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < blocks.count, blocks[end].hasPrefix(marker) { end += 1 }
            if end - start >= 2, marker == "* " || !Self.areTurns(blocks[start..<end]) {
                for index in start..<end {
                    blocks[index] = ImportedArticle.bulletedItem(blocks[index].dropFirst(marker.count).trimmingCharacters(in: .whitespaces), first: index == start)
                }
            }
            start = end
        }
        return blocks
    }

    /// How long, on average, dashed paragraphs are at least to be an interview's turns rather than a list.
    static let turnLength = 80

    /// Whether dashed blocks are paragraphs of prose: each ends a sentence, and they are long.
    static func areTurns(_ blocks: ArraySlice<String>) -> Bool {
        let ends: Set<Character> = [".", "?", "!", "…", "“", "”", "\"", "»", "«"]
        return blocks.allSatisfy { $0.last.map(ends.contains) == true }
            && blocks.reduce(0) { $0 + $1.count } >= Self.turnLength * blocks.count
    }

    /// Marks subheadings: heading-like blocks (ALL CAPS included) followed by prose; a bullet
    /// ("• Landwirtschaft") is a list item however short.
    func headed(_ blocks: [String]) -> [String] {
        blocks.enumerated().map { index, block in
            guard !block.hasPrefix(ImportedArticle.listItem) else { return block }
            let followedByProse = index + 1 < blocks.count && !LineKind.isHeadingLike(blocks[index + 1])
            let isHeading = (LineKind.isHeadingLike(block, maximumLength: 100) || LineKind.isAllCaps(block)) && followedByProse
            return isHeading ? "## " + block : block
        }
    }
}
