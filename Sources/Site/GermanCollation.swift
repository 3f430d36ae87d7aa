import Foundation

/// Sort keys for names as a German index orders them: Ä with A, ß as ss, case ignored.
enum GermanCollation {
    static func key(_ text: String) -> String {
        text.replacingOccurrences(of: "ß", with: "ss")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }

    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let (left, right) = (key(lhs), key(rhs))
        return left != right ? left < right : lhs < rhs
    }
}
