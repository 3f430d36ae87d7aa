/// The opening of agency copy: "Wladiwostok (Reuters) - Russland will …".
struct Dateline: Equatable {
    var place: String
    var agency: String
    /// The paragraph text after the dash.
    var rest: String

    init?(_ text: String) {
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")"),
              text.distance(from: text.startIndex, to: open) <= 40 else { return nil }
        let place = text[..<open].trimmingCharacters(in: .whitespaces)
        let agency = String(text[text.index(after: open)..<close])
        var rest = text[text.index(after: close)...].drop { $0 == " " }
        guard let dash = rest.first, ["-", "–", "—"].contains(dash), let initial = place.first, initial.isUppercase,
              !place.contains(where: { ".,;:!?".contains($0) }), !agency.isEmpty else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        self.place = place
        self.agency = agency
        self.rest = String(rest)
    }
}
