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
        guard !host(in: lowered.dropFirst(scheme.count)).isEmpty else {
            return "address '\(text)' has no host: write it like https://example.org/page"
        }
        return nil
    }

    /// The site an address is on, as a reader names it: its host in lower case without `www.`
    /// (`https://www.Tagesschau.de/ausland/x.html` is `tagesschau.de`); nil for anything that
    /// is no web address by `problem(with:)`, and for a host that names no site: an IP address,
    /// `localhost`, or no domain name at all (longer than 253 characters, brackets, no dot).
    public static func site(of text: String) -> String? {
        let lowered = text.lowercased()
        guard problem(with: text) == nil, let colon = lowered.firstIndex(of: ":") else { return nil }
        var site = host(in: lowered[lowered.index(colon, offsetBy: 3)...])
        if site.hasSuffix(".") { site = site.dropLast() }
        if site.hasPrefix("www.") { site = site.dropFirst(4) }
        let isDomain = site.count <= 253 && site.contains(".") && site.contains(where: \.isLetter)
            && site.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
        return isDomain ? String(site) : nil
    }

    /// The host of what follows an address's `scheme://`: before the path, query or fragment,
    /// after any `user@`, before any `:port` (empty in `user@:80`).
    static func host(in rest: Substring) -> Substring {
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        return hostAndPort.prefix { $0 != ":" }
    }
}
