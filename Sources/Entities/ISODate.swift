/// Dates as articles carry them: ISO 8601, possibly partial (`2023`, `2023-09`, `2023-09-13`).
/// One rule for the importer, which writes them, and the build, which rejects anything else.
public enum ISODate {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return false }
        if parts.count > 1 { guard parts[1].count == 2, (1...12).contains(Int(parts[1])!) else { return false } }
        if parts.count > 2 { guard parts[2].count == 2, (1...31).contains(Int(parts[2])!) else { return false } }
        return true
    }
}
