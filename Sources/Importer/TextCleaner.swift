import Foundation

/// What a language's news pages wrap around an article: navigation, links to other pages,
/// live-ticker banners, app and newsletter pitches, player notes. Rules are data: another
/// language or outlet is a new table, not new code. Lines are compared lowercased.
struct CruftRules: Sendable {
    /// Whole lines that are never article text.
    var lines: Set<String>
    /// Starts of lines that introduce a link to another page ("Im Video: …", "Related: …").
    var prefixes: [String]
    /// Pieces that make a short line a pitch or player note wherever they stand ("… app").
    var fragments: [String]
    /// Whole lines that announce links to other pages ("Mehr zum Thema"): cruft themselves, and
    /// so are the headline-like lines right under one, with no blank line between (the links).
    var announcements: Set<String>

    static let german = CruftRules(
        lines: ["zum inhalt", "zum inhalt springen", "kommentare", "aktuelles", "zur startseite", "teilen", "anzeige", "werbung", "newsletter",
                "artikel teilen", "drucken", "merken", "zurück", "weiterlesen", "startseite", "liveticker", "live-ticker",
                "liveblog", "vorlesen", "audio", "schließen", "mehr anzeigen", "nach oben", "kopiert", "link kopieren",
                "zur merkliste hinzufügen", "merkliste", "artikel verschenken", "kommentare öffnen", "artikel merken", "jetzt teilen"],
        prefixes: ["im video:", "video:", "mehr zum thema:", "lesen sie auch:", "zum thema:", "lesen sie mehr:", "auch interessant:",
                   "mehr dazu:", "hören sie auch:", "alle entwicklungen im", "hier geht es zum", "hier geht's zum", "artikel anhören"],
        fragments: ["in unserer app", "unsere app", "newsletter abonnieren", "jetzt abonnieren", "video wird geladen",
                    "ohne abonnement lesen", "gehört zum angebot von"],
        announcements: ["mehr zum thema", "mehr zum thema:", "lesen sie auch", "lesen sie auch:", "das könnte sie auch interessieren",
                        "meistgelesen", "empfehlungen"]
    )

    static let english = CruftRules(
        lines: ["skip to content", "share this article", "share this", "share", "advertisement", "sign up", "subscribe", "follow us", "comments",
                "copy link", "link copied", "back to top", "live", "live updates",
                "sign up here", "sign up here.", "updated", "updated ago", "purchase licensing rights", "purchase licensing rights, opens new tab"],
        prefixes: ["related:", "read more:", "watch:", "more on this story:", "see also:", "live updates:", "listen:", "recommended:",
                   "our standards:", "listen to this article"],
        fragments: ["video not showing", "stay tuned with", "download the app", "get the app", "sign up for our", "subscribe to our",
                    "click here to", "enable javascript", "subscribe to continue reading"],
        announcements: ["related", "related:", "read more", "more on this story", "most read", "most popular", "top stories"]
    )

    /// The rules of every language at once: a raw file's language is known only after reading it.
    static let all = CruftRules(
        lines: german.lines.union(english.lines), prefixes: german.prefixes + english.prefixes,
        fragments: german.fragments + english.fragments, announcements: german.announcements.union(english.announcements)
    )
}

/// Recognises the lines of scraped news text that are not the article: navigation, teasers
/// for other pages, banners, comment sections, editors' initials, the labels of a map or chart.
enum TextCleaner {
    /// The lines without their cruft: each line that is cruft, and the links under a line
    /// that announces them.
    static func withoutCruft(_ lines: [String], rules: CruftRules = .all) -> [String] {
        var kept: [String] = []
        var inLinks = false
        for line in lines {
            if inLinks, !line.isEmpty, LineKind.isHeadingLike(line) { continue }
            inLinks = rules.announcements.contains(line.lowercased())
            if !isCruft(line, rules: rules) { kept.append(line) }
        }
        return kept
    }

    static func isCruft(_ line: String, rules: CruftRules = .all) -> Bool {
        let lowered = line.lowercased().trimmingCharacters(in: .whitespaces)
        guard !lowered.isEmpty else { return false }
        if rules.lines.contains(lowered) || rules.announcements.contains(lowered) || rules.prefixes.contains(where: lowered.hasPrefix) { return true }
        // A pitch or a player note is short; a paragraph quoting one is article text.
        if lowered.count <= 160, rules.fragments.contains(where: lowered.contains) { return true }
        return isBanner(lowered) || isEditorsNote(lowered) || isTimestamp(lowered) || isProductionCredit(line.trimmingCharacters(in: .whitespaces))
            || isContributorNote(lowered)
    }

    /// "Associated Press writer Kim Tong-hyung in Seoul contributed to this report.", "Mitarbeit:
    /// Anna Muster": who else worked on the copy, at its end, in one short line.
    static func isContributorNote(_ lowered: String) -> Bool {
        guard lowered.count <= 300 else { return false }
        let sentence = lowered.hasSuffix(".") ? lowered.dropLast() : lowered[...]
        return ["contributed to this report", "contributed to this story", "contributed to this article", "contributed reporting"].contains(where: sentence.hasSuffix)
            // "… contributed reporting from Moscow.", as The New York Times ends its copy.
            || lowered.count <= 200 && lowered.hasSuffix(".") && lowered.contains(" contributed reporting from ")
            || (lowered.hasPrefix("mitarbeit:") && lowered.count <= 120)
    }

    /// "Updated 2 hours ago", "aktualisiert vor 5 Minuten": when a page was changed, relative
    /// to the moment it was copied, so it says nothing any more.
    static func isTimestamp(_ line: String) -> Bool {
        guard line.count <= 40 else { return false }
        return (["updated ", "published ", "posted "].contains(where: line.hasPrefix) && line.hasSuffix(" ago"))
            || (["aktualisiert vor ", "veröffentlicht vor "].contains(where: line.hasPrefix)
                && ["minute", "minuten", "stunde", "stunden", "tag", "tagen"].contains(where: { line.hasSuffix(" " + $0) }))
    }

    /// "Reporting by Trevor Hunnicutt; Editing by Don Durfee": an agency's production credits
    /// at the end of its copy, every part of the line a role "by" names (its authors are in the
    /// byline). "Reporting by the BBC showed …" is a sentence, not credits.
    static func isProductionCredit(_ line: String) -> Bool {
        let roles = ["reporting by ", "additional reporting by ", "writing by ", "editing by ", "compiled by ", "graphics by ", "research by "]
        return line.count <= 400 && line.split(separator: ";").allSatisfy { part in
            let part = part.trimmingCharacters(in: .whitespaces)
            guard let role = roles.first(where: { part.lowercased().hasPrefix($0) }) else { return false }
            let names = part.dropFirst(role.count).split(whereSeparator: { $0 == " " || $0 == "," })
            return (1...12).contains(names.count) && names.allSatisfy { $0.first?.isUppercase == true || ["and", "&"].contains($0) }
        }
    }

    /// "++++ Liveticker +++", "+++ Eilmeldung +++", "*** Update ***": a line framed by runs of
    /// `+` or `*`, the ticker banners of live pages.
    static func isBanner(_ line: String) -> Bool {
        for mark in ["++", "**"] where line.hasPrefix(mark) && line.hasSuffix(mark) && line.count <= 80 { return true }
        return false
    }

    /// "[Video not showing up above? Click here.]": a whole line in square brackets.
    static func isEditorsNote(_ line: String) -> Bool {
        line.hasPrefix("[") && line.hasSuffix("]") && !line.dropFirst().contains("[") && line.count <= 200
    }

    /// Editors' initials at the very end of agency copy ("rös", "dpa/fw").
    static func isInitials(_ line: String) -> Bool {
        line.count <= 4 && !line.isEmpty && line.allSatisfy { $0.isLowercase || $0 == "/" }
    }

    /// The labels of a map or chart copied with the text: three or more lines in a row, no blank
    /// line between them, each a few words without a sentence's end ("Köln", "Bonn", "Ahr").
    /// A caption's credit among them makes them a caption, not labels; a list's bullet ("- ",
    /// "• ") makes a line an item, not a label.
    static func labelRuns(_ lines: [String]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        while start < lines.count {
            var end = start
            while end < lines.count, isLabel(lines[end]) { end += 1 }
            if end - start >= 3, !lines[start..<end].contains(where: { LineKind.credit(in: $0) != nil }) { runs.append(start..<end) }
            start = max(end, start + 1)
        }
        return runs
    }

    private static func isLabel(_ line: String) -> Bool {
        !line.isEmpty && line.count <= 30 && line.split(separator: " ").count <= 3 && !LineKind.endsSentence(line)
            && !line.hasSuffix(":") && !line.contains("/") && !["- ", "– ", "* ", "• "].contains(where: line.hasPrefix)
    }
}
