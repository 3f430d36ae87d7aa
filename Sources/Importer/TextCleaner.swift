import Foundation

/// Recognises the lines of scraped news text that are not the article: navigation, teasers
/// for other pages, comment sections, editors' initials.
enum TextCleaner {
    static let cruftLines: Set<String> = [
        "zum inhalt", "zum inhalt springen", "lesen sie auch", "lesen sie auch:", "kommentare", "aktuelles",
        "mehr zum thema", "mehr zum thema:", "zur startseite", "teilen", "anzeige", "werbung", "newsletter",
        "artikel teilen", "drucken", "merken", "zurück", "weiterlesen", "startseite",
    ]
    /// Teasers for other pages: "Im Video: …", "Mehr zum Thema: …".
    static let cruftPrefixes = ["im video:", "video:", "mehr zum thema:", "lesen sie auch:", "zum thema:"]

    static func isCruft(_ line: String) -> Bool {
        let lowered = line.lowercased()
        if cruftLines.contains(lowered) { return true }
        return cruftPrefixes.contains { lowered.hasPrefix($0) }
    }

    /// Editors' initials at the very end of agency copy ("rös", "dpa/fw").
    static func isInitials(_ line: String) -> Bool {
        line.count <= 4 && !line.isEmpty && line.allSatisfy { $0.isLowercase || $0 == "/" }
    }
}
