import Foundation

/// ASCII identifiers for entities and articles, transliterating German the German way.
///
///     Slug.make("Kim Jong Un")      // "kim-jong-un"
///     Slug.make("Schoigu, Sergej")  // "schoigu-sergej"
///     Slug.make("Düsseldorf")       // "duesseldorf"
///     Slug.make("Sam’s Club")       // "sams-club"
public enum Slug {
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.precomposedStringWithCanonicalMapping.lowercased() {
            let replacement: String
            switch character {
            // An apostrophe joins what it stands in, as Hugo's and Django's slugs read it: "Sam's
            // Club" is "sams-club", "O’Brien" "obrien".
            case "'", "’", "ʼ": continue
            case "ä": replacement = "ae"
            case "ö": replacement = "oe"
            case "ü": replacement = "ue"
            case "ß": replacement = "ss"
            default:
                let folded = String(character).applyingTransform(.stripDiacritics, reverse: false) ?? String(character)
                replacement = String(folded.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
            }
            if replacement.isEmpty {
                pendingDash = !slug.isEmpty
            } else {
                if pendingDash { slug += "-" }
                slug += replacement
                pendingDash = false
            }
        }
        return slug
    }

    /// Whether `text` is already a valid slug: lowercase ASCII letters and digits joined by single dashes.
    public static func isValid(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
        var previous: UInt8 = 0
        for byte in utf8 {
            let isLetterOrDigit = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            guard isLetterOrDigit || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
            previous = byte
        }
        return true
    }
}
