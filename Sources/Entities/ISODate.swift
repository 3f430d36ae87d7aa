/// Dates as articles carry them: ISO 8601, possibly partial (`2023`, `2023-09`, `2023-09-13`).
/// One rule for the importer, which writes them, and the build, which rejects anything else.
/// A day must exist in its month: `2023-02-29` and `2023-04-31` are refused, `2024-02-29` is not.
public enum ISODate {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) else { return false }
        let year = Int(parts[0])!
        guard parts.count > 1 else { return true }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false }
        guard parts.count > 2 else { return true }
        guard parts[2].count == 2, let day = Int(parts[2]) else { return false }
        return (1...days(inMonth: month, of: year)).contains(day)
    }

    /// What is wrong with `text` as an article's date, said the way an error shows it; nil when
    /// it is a date.
    ///
    ///     ISODate.problem(with: "2023-02-30")   // "date '2023-02-30' does not exist: 2023-02 has 28 days"
    public static func problem(with text: String) -> String? {
        guard !isValid(text) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]), day > 0 {
            return "date '\(text)' does not exist: \(parts[0])-\(parts[1]) has \(days(inMonth: month, of: year)) days"
        }
        return "date '\(text)' is not ISO 8601: write YYYY-MM-DD, YYYY-MM or YYYY"
    }

    /// The number of days of `month` (1–12) in the proleptic Gregorian `year`.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
