import Entities
import Foundation

/// A line that only says when the article appeared, as news pages print it, in German or
/// English: "13.09.2023, 10:45 Uhr", "Mittwoch, 13. September 2023", "Stand: 13.09.2023",
/// "Sept. 13, 2023 9:45 AM GMT", "Updated 13 September 2023", "2023-09-13"; also with what pages
/// print after the date: "September 13, 2023 7:42 AM GMT+2 Updated 3 years ago",
/// "13.09.2023 · 4 Min. Lesezeit" (the first date is the one taken). A date with an outlet is
/// a `SourceLine`.
enum DateLine {
    /// The ISO date of a page's machine-readable date (a meta tag, `<time datetime>`, front
    /// matter): a timestamp that starts with one (`2023-09-13T10:45:00.000Z`), or what a date
    /// line gives (`Sep 13, 2023`); nil for anything else, which the build would refuse.
    static func date(inStamp stamp: String) -> String? {
        let start = String(stamp.trimmingCharacters(in: .whitespaces).prefix(10))
        return ISODate.problem(with: start) == nil ? start : date(in: stamp)
    }

    /// The ISO date (`2023-09-13`) the line gives, or nil when the line says anything else.
    static func date(in line: String) -> String? {
        guard line.count <= 80, line.contains(where: \.isNumber) else { return nil }
        var text = line.lowercased().trimmingCharacters(in: .whitespaces)
        for label in labels where text.hasPrefix(label) { text = String(text.dropFirst(label.count)).trimmingCharacters(in: .whitespaces) }
        if let iso = wholeDate(text) { return iso }
        // What follows the date on the same line: when it was updated, how long it takes to read.
        let range = NSRange(text.startIndex..., in: text)
        guard let tail = Self.tail.firstMatch(in: text, range: range), let start = Range(tail.range, in: text)?.lowerBound else { return nil }
        return wholeDate(text[..<start].trimmingCharacters(in: .whitespaces))
    }
}

private extension DateLine {
    /// The ISO date of `text` (lowercased, without labels) when all of it is a date and perhaps a time.
    static func wholeDate(_ text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        for (pattern, order) in patterns {
            guard let match = pattern.firstMatch(in: text, range: range), match.range == range else { continue }
            let groups = (1..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
            guard let (day, month, year) = parts(groups, order), let month, let day = Int(day), let year = fullYear(year) else { return nil }
            let iso = String(format: "%04d-%02d-%02d", year, month, day)
            return ISODate.isValid(iso) ? iso : nil
        }
        return nil
    }

    /// Labels before the date, longest first where one starts another.
    static let labels = ["stand:", "zuletzt aktualisiert am", "zuletzt aktualisiert:", "zuletzt aktualisiert", "aktualisiert:", "aktualisiert am",
                         "aktualisiert", "veröffentlicht am", "veröffentlicht:", "veröffentlicht", "erschienen am", "erstellt am", "erstellt:",
                         "first published on", "first published:", "first published", "published:", "published on", "published",
                         "last updated on", "last updated:", "last updated", "last modified on", "last modified:", "last modified",
                         "updated:", "updated on", "updated", "posted on", "posted", "datum:"]
    /// What a page may print after the date (from the separator before it to the line's end):
    /// "Updated 3 years ago", "· aktualisiert 14.09.2023", "5 min read", "4 Min. Lesezeit",
    /// "Lesedauer: 3 Minuten". The text before it must still be a date alone.
    static let tail = try! NSRegularExpression(pattern: "\\s*(?:[·•|–-]\\s*)?(?:"
        + "(?:updated|aktualisiert|last updated|last modified|zuletzt aktualisiert)\\b.*"
        + "|\\d{1,3}\\s*(?:-\\s*)?(?:min\\.?|minutes?|minuten)\\s+(?:read|lesezeit|lesedauer)"
        + "|(?:lesezeit|lesedauer):?\\s*\\d{1,3}\\s*(?:min\\.?|minuten)"
        + "|\\d{1,3}\\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\\s+ago"
        + ")$")
    static let weekdays = "(?:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\\.?,?\\s+)?"
    /// A time of day with its zone and offset: "10:45 Uhr", "7:42 AM GMT+2", "9.45 a.m. ET".
    static let clock = "\\d{1,2}[:.]\\d{2}(?:\\s*(?:uhr|am|pm|a\\.m\\.|p\\.m\\.))?"
        + "(?:\\s*(?:mez|mesz|cet|cest|gmt|utc|bst|edt|est|et|pdt|pst|pt|cdt|cst|ct|mdt|mst|msk|jst|kst|aest|aedt)(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?)?"
    /// A time after the date.
    static let time = "(?:\\s*(?:,|\\||/|·|•|um|at|-|–)?\\s*" + clock + ")?"
    /// A time before the date, as AP prints it: "4:12 AM GMT+2, September 12, 2023".
    static let leadingTime = "(?:" + clock + "\\s*(?:,|\\||·|•|-|–|am|on)?\\s+)?"
    static let months: [(String, Int)] = [
        ("januar", 1), ("jänner", 1), ("january", 1), ("jan", 1), ("februar", 2), ("february", 2), ("feb", 2), ("märz", 3), ("march", 3),
        ("mär", 3), ("mar", 3), ("april", 4), ("apr", 4), ("mai", 5), ("may", 5), ("juni", 6), ("june", 6), ("jun", 6), ("juli", 7),
        ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9), ("oktober", 10), ("october", 10),
        ("okt", 10), ("oct", 10), ("november", 11), ("nov", 11), ("dezember", 12), ("december", 12), ("dez", 12), ("dec", 12),
    ]
    static func month(_ name: String) -> Int? {
        let name = name.hasSuffix(".") ? String(name.dropLast()) : name
        return months.first { $0.0 == name }?.1
    }
    static let monthName = "([a-zä]{3,9}\\.?)"

    /// Where day, month (a number or a name) and year stand among a pattern's groups.
    /// `slashed`: "13/09/2023" or "9/13/2023", day and month in the order only their values
    /// tell (British and American pages write them differently); "9/12/2023" is no date.
    enum Order { case dayMonthYear, monthDayYear, yearMonthDay, slashed }

    /// A year of four digits, or of two as "13.09.23" writes it: 00–69 are this century's, 70–99
    /// the last's (as POSIX `strptime` reads `%y`).
    static func fullYear(_ text: String) -> Int? {
        guard let year = Int(text) else { return nil }
        guard text.count == 2 else { return year }
        return year < 70 ? 2000 + year : 1900 + year
    }

    /// NSRegularExpression is immutable and documented as safe to share between threads.
    static let patterns: [(NSRegularExpression, Order)] = {
        let dotted: String = weekdays + "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})" + time
        let slashed: String = weekdays + "(\\d{1,2})/(\\d{1,2})/(\\d{4})" + time
        let yearFirst: String = "(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})" + time
        let dayFirst: String = weekdays + "(\\d{1,2})\\.?\\s+" + monthName + "\\s+(\\d{4})" + time
        let monthFirst: String = weekdays + monthName + "\\s+(\\d{1,2}),?\\s+(\\d{4})" + time
        let iso: String = "(\\d{4})-(\\d{2})-(\\d{2})(?:[t\\s]\\d{2}:\\d{2}(?::\\d{2})?(?:z|[+-]\\d{2}:?\\d{2})?)?"
        let orders: [(String, Order)] = [(dotted, .dayMonthYear), (dayFirst, .dayMonthYear), (monthFirst, .monthDayYear), (iso, .yearMonthDay),
                                          (slashed, .slashed), (yearFirst, .yearMonthDay)]
        return orders.map { (try! NSRegularExpression(pattern: "^" + leadingTime + $0.0 + "$"), $0.1) }
    }()

    /// Day, month and year of `groups` in `order`.
    static func parts(_ groups: [String], _ order: Order) -> (day: String, month: Int?, year: String)? {
        func number(_ text: String) -> Int? { Int(text) ?? month(text) }
        switch order {
        case .slashed:
            guard let first = Int(groups[0]), let second = Int(groups[1]) else { return nil }
            if first == second || second > 12 { return (groups[1], first, groups[2]) }
            return first > 12 ? (groups[0], second, groups[2]) : nil
        case .dayMonthYear: return (groups[0], number(groups[1]), groups[2])
        case .monthDayYear: return (groups[1], number(groups[0]), groups[2])
        case .yearMonthDay: return (groups[2], number(groups[1]), groups[0])
        }
    }
}
