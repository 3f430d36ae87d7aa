/// A language as settings and articles name it: a BCP 47 tag (`de`, `en`, `de-AT`), which
/// pages carry in their `lang` attribute.
public enum LanguageTag {
    /// What is wrong with `text` as a language, said the way an error shows it; nil when it is one.
    public static func problem(with text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let letters = parts.first.map { (2...8).contains($0.count) && $0.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } } ?? false
        let rest = parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || (0x30...0x39).contains($0) } }
        return letters && rest ? nil : "language '\(text)' is not a language tag: write one like de, en or de-AT"
    }
}
