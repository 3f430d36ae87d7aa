/// The rule for addresses a dossier publishes (an article's `url`, the site's `base_url`): an
/// absolute `http` or `https` address with a host, nothing a browser would run or resolve
/// against the page (`javascript:`, `data:`, `//host`, `example.org/page`).
///
///     WebAddress.problem(with: "javascript:alert(1)")   // "… is not a web address: …"
///     WebAddress.problem(with: "https://example.org/a") // nil
public enum WebAddress {
    /// What is wrong with `text` as a published address, said the way an error shows it; nil
    /// when it is one.
    public static func problem(with text: String) -> String? {
        let bytes = Array(text.utf8)
        let forbidden = bytes.firstIndex { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\\") }
        guard forbidden == nil else {
            return "address '\(text)' contains a space, a quote or a control character: percent-encode it (%20) or remove it"
        }
        let lowered = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lowered.hasPrefix) else {
            return "address '\(text)' is not a web address: write it in full, starting with https:// or http://"
        }
        let rest = lowered.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@", omittingEmptySubsequences: false).last.map { $0.split(separator: ":").first ?? "" } ?? ""
        guard !host.isEmpty else {
            return "address '\(text)' has no host: write it like https://example.org/page"
        }
        return nil
    }
}
