import Markdown
import Templating

extension PageBuilder {
    /// The marks of an article's shared passages for its body (by block, as the converter
    /// numbers them): each passage in a `<span class="shared">` with an anchor, followed by
    /// links to the same passage in the other articles and to its group on `shared.html`.
    func sharedMarks(of converted: ConvertedArticle, _ reads: inout Reads) -> [Int: [LinkRewriter.TextMark]] {
        guard let position = inputs.datePosition(of: converted.article.slug) else { return [:] }
        var marks: [Int: [LinkRewriter.TextMark]] = [:]
        let page = converted.path
        for (number, group, others, otherCount) in inputs.sharedPassages(of: position, limit: Self.versionsNamed, &reads) {
            let passage = converted.passages[number]
            var close = "</span> <span class=\"shared-note\">(\(HTMLEscaping.escape(strings["alsoIn"])) "
            close += others.map { other, passage in
                "<a href=\"\(HTMLEscaping.escape(articleURL(other, from: page)))#\(Self.passageAnchor(passage))\">\(HTMLEscaping.escape(displayName(outlet: other.outlet)))</a>"
            }.joined(separator: ", ")
            if otherCount > others.count { close += " +\(otherCount - others.count)" }
            close += "; <a href=\"\(HTMLEscaping.escape(SitePaths.relative(from: page, to: SitePaths.shared)))#\(Self.groupAnchor(group))\">\(HTMLEscaping.escape(strings["compare"]))</a>)</span>"
            marks[Int(passage.block), default: []].append(.init(range: passage.rangeInBlock,
                                                                open: "<span class=\"shared\" id=\"\(Self.passageAnchor(number))\">", close: close))
        }
        return marks
    }

    /// Every group of shared passages, the versions after the first with what differs from it
    /// marked word by word (`<del>` what the first has, `<ins>` what this one has instead).
    func sharedPage(_ reads: inout Reads) -> Page {
        let path = SitePaths.shared
        var model = frame(for: path, title: strings["sharedPassages"], &reads)
        let groups = inputs.sharedGroups(limit: Self.versionsShown, &reads)
        model["groupCount"] = .int(groups.count)
        model["groups"] = .list(groups.enumerated().map { number, group in
            let (versions, count) = group
            let reference = versions[0].text
            return [
                "id": .string(Self.groupAnchor(number)),
                "versionCount": .int(count),
                "more": count > versions.count ? .int(count - versions.count) : .null,
                "versions": .list(versions.enumerated().map { index, version in
                    var item: Members = [:]
                    for (key, text) in zip(ConvertedArticle.summaryFields, version.article.summary) { item[key] = .string(text) }
                    item["outlet"] = .string(displayName(outlet: version.article.outlet))
                    item["url"] = .string(articleURL(version.article, from: path) + "#" + Self.passageAnchor(version.passage))
                    item["text"] = .html(index == 0 ? HTMLEscaping.escape(version.text) : Self.difference(from: reference, to: version.text))
                    return .object(item)
                }),
            ]
        })
        return Page(path: path, template: template(of: .shared), model: .object(model))
    }

    /// How many other versions a shared passage's note names; the rest are counted, and all are
    /// on `shared.html` (up to `versionsShown` a group) and in `data/dossier.json`.
    static let versionsNamed = 5
    static let versionsShown = 50

    /// The anchor of an article's passage number `passage` (from 0); no entity anchor looks like
    /// it, as ids have no underscore.
    static func passageAnchor(_ passage: Int) -> String { "shared_\(passage + 1)" }

    static func groupAnchor(_ group: Int) -> String { "passage-\(group + 1)" }

    /// `version` as HTML with what differs from `reference`, word by word: words only the
    /// reference has in `<del>`, words only this version has in `<ins>`. Sentences too long to
    /// compare cheaply are shown as they are.
    static func difference(from reference: String, to version: String) -> String {
        let (old, new) = (reference.split(separator: " "), version.split(separator: " "))
        guard old.count * new.count <= 250_000 else { return HTMLEscaping.escape(version) }
        // Longest common subsequence, from the ends.
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var pieces: [String] = []
        func add(_ tag: String?, _ word: Substring) {
            let escaped = HTMLEscaping.escape(String(word))
            guard let tag else { return pieces.append(escaped) }
            // Neighbouring words of one kind go into one element.
            if let last = pieces.last, last.hasSuffix("</\(tag)>") {
                pieces[pieces.count - 1] = String(last.dropLast(tag.count + 3)) + " " + escaped + "</\(tag)>"
            } else {
                pieces.append("<\(tag)>\(escaped)</\(tag)>")
            }
        }
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                add(nil, new[j])
                (i, j) = (i + 1, j + 1)
            } else if i < old.count, j == new.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                add("del", old[i])
                i += 1
            } else {
                add("ins", new[j])
                j += 1
            }
        }
        return pieces.joined(separator: " ")
    }
}
