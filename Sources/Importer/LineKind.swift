/// How a line of plain text reads: a heading, a sentence, a photo credit.
enum LineKind {
    static let sentenceEnds: Set<Character> = [".", "!", "?", "…", ":", ";", ","]
    static let closingQuotes: Set<Character> = ["“", "”", "\"", "«", "»", "'", "’", ")"]

    /// Short, without sentence punctuation at the end (a final "?" is allowed): a headline or subheading.
    static func isHeadingLike(_ line: String, maximumLength: Int = 120) -> Bool {
        guard !line.isEmpty, line.count <= maximumLength, line.split(separator: " ").count <= 18 else { return false }
        var trimmed = Substring(line)
        while let last = trimmed.last, closingQuotes.contains(last) { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        if last == "?" { return line.count <= 90 }
        return !sentenceEnds.contains(last)
    }

    static func isAllCaps(_ line: String) -> Bool {
        let letters = line.filter(\.isLetter)
        return letters.count >= 4 && letters.allSatisfy(\.isUppercase)
    }

    /// Labels that open a credit line, in either language: "Foto: …", "Credit: …", "Bild: ©…".
    static let creditLabels = ["foto:", "fotos:", "bild:", "bildquelle:", "photo:", "photos:", "photograph:", "photographs:", "image:", "picture:",
                               "illustration:", "composite:", "image source,", "image source:", "credit:", "©", "(c)",
                               "photo by ", "photos by ", "photograph by ", "foto von ", "fotos von "]

    /// A line that says the next is a picture's caption: "Image caption," (BBC), "Bildunterschrift:".
    static func isCaptionLabel(_ line: String) -> Bool {
        ["image caption,", "image caption:", "image caption", "bildunterschrift:", "bildunterschrift"].contains(line.lowercased())
    }

    /// The credit a line gives, without its labels ("Foto: Credit: Reuters/Jane Doe" is
    /// "Reuters/Jane Doe"), or nil when the line is no credit.
    static func credit(in line: String) -> String? {
        var rest = Substring(line), labelled = false
        while let label = creditLabels.first(where: { rest.lowercased().hasPrefix($0) }) {
            rest = rest.dropFirst(label.count).drop { $0 == " " }
            labelled = true
        }
        if labelled { return !rest.isEmpty && rest.count <= 80 && !endsSentence(String(rest)) ? String(rest) : nil }
        return isCredit(line) ? line : nil
    }

    /// A photo credit: agencies and photographer joined by slashes, "APA/AFP/Mikhail Metzel".
    static func isCredit(_ line: String) -> Bool {
        let parts = line.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, line.count <= 80, parts.allSatisfy({ !$0.isEmpty && $0.first!.isLetter }) else { return false }
        let first = parts[0]
        // "AP Photo/Evan Vucci": an agency's photo service.
        let agency = first.dropLast(photoService(in: line)?.count ?? 0)
        let isAgency = (agency.count <= 8 && agency.allSatisfy { $0.isUppercase || $0 == "-" }) || Agencies.signatures[String(agency)] != nil
            || ["picture alliance", "Getty Images", "imago", "IMAGO", "Sputnik", "Kremlin"].contains(String(first))
        return isAgency && parts.allSatisfy { $0.split(separator: " ").count <= 4 }
    }

    /// A caption that ends in its picture's credit in parentheses, as agencies send them: "Joe
    /// Biden greets Xi Jinping in Woodside, Calif. (AP Photo/Evan Vucci)", "Putin und Kim am
    /// Mittwoch (Foto: Mikhail Metzel/dpa)": the caption and the credit (without its label).
    /// Only parentheses that say they credit a picture count, by a label or a photo service:
    /// "(dpa/AFP)" after a paragraph signs the text, "(Bildungsministerium)" is the text's.
    /// A line without parentheses at its end may carry the credit after its last sentence
    /// (`captionWithTrailingCredit`).
    static func captionWithCredit(_ line: String) -> (caption: String, credit: String)? {
        guard line.last == ")", let open = line.lastIndex(of: "(") else { return captionWithTrailingCredit(line) }
        let inner = line[line.index(after: open)..<line.index(before: line.endIndex)].trimmingCharacters(in: .whitespaces)
        let caption = line[..<open].trimmingCharacters(in: .whitespaces)
        let lowered = inner.lowercased()
        let labelled = creditLabels.contains(where: lowered.hasPrefix)
        guard caption.split(separator: " ").count >= 2, labelled || photoService(in: inner) != nil, let credit = credit(in: inner) else { return nil }
        return (caption, credit)
    }

    /// What a picture agency's page prints after a caption's credit, to be left out with it.
    static let licensingNotes = ["Acquire Licensing Rights", "Purchase Licensing Rights"]

    /// A caption whose credit follows its last sentence without parentheses, as agencies' pictures
    /// carry it: "Putin and Kim visit the cosmodrome, September 13, 2023. Sputnik/Mikhail
    /// Metzel/Kremlin via REUTERS", "Kim in Wladiwostok. Foto: Mikhail Metzel/dpa". The credit is
    /// labelled, or agencies and a photographer's name joined by slashes, every word a name's (or
    /// "via"): "… sagte er. EU/Nato-Gespräche gehen weiter" is text, and so is "… im Kreml.
    /// AFP/AP", which signs it.
    static func captionWithTrailingCredit(_ line: String) -> (caption: String, credit: String)? {
        var text = Substring(line).trimmingCharacters(in: .whitespaces)[...]
        for note in licensingNotes where text.hasSuffix(note) { text = text.dropLast(note.count).trimmingCharacters(in: .whitespaces)[...] }
        // "Putin und Kim in Wostotschny Foto: Vladimir Smirnov / AP": a label needs no full stop before it.
        // Only what reads as a credit: "Er zeigte ein Foto: Kim und Putin lachend" is text.
        if let label = [" Foto: ", " Fotos: ", " Bild: ", " Photo: ", " Photograph: "].lazy.compactMap({ text.range(of: $0, options: .backwards) }).first {
            let caption = text[..<label.lowerBound].trimmingCharacters(in: .whitespaces)
            guard caption.split(separator: " ").count >= 3, let credit = credit(in: text[text.index(after: label.lowerBound)...].trimmingCharacters(in: .whitespaces)),
                  credit.contains("/") || Agencies.signatures[credit] != nil || credit.split(separator: " ").allSatisfy({ $0.first!.isUppercase }) else { return nil }
            return (caption, credit)
        }
        guard let stop = text.range(of: ". ", options: .backwards) else { return nil }
        let caption = String(text[..<stop.lowerBound]) + "."
        let tail = text[stop.upperBound...].trimmingCharacters(in: .whitespaces)
        let labelled = creditLabels.contains(where: tail.lowercased().hasPrefix)
        let parts = tail.split(separator: "/")
        let named = parts.contains { $0.split(separator: " ").count >= 2 }
            && parts.allSatisfy { $0.split(separator: " ").allSatisfy { $0.first!.isUppercase || $0 == "via" } }
        guard caption.split(separator: " ").count >= 3, labelled || named, let credit = credit(in: tail) else { return nil }
        return (caption, credit)
    }

    /// The photo service a credit's first part names ("AP Photo" in "AP Photo/Evan Vucci"): " Photo" or " Foto".
    static func photoService(in credit: String) -> String? {
        let first = credit.prefix { $0 != "/" }
        return [" Photo", " Foto"].first { first.hasSuffix($0) }
    }

    /// Whether the text ends like a finished sentence.
    static func endsSentence(_ text: String) -> Bool {
        var trimmed = Substring(text)
        while let last = trimmed.last, closingQuotes.contains(last) || last == " " { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        return last == "." || last == "!" || last == "?" || last == "…"
    }

    /// A title made of a text that has none: its first sentence, cut after the last word that
    /// fits in `maximumLength` characters (with "…") when the sentence is longer.
    static func title(from text: String, maximumLength: Int = 160) -> String {
        let sentence = firstSentence(of: text)
        guard sentence.count > maximumLength else { return sentence }
        let head = sentence.prefix(maximumLength)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// The first sentence of a paragraph, without its final period.
    static func firstSentence(of text: String) -> String {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "." || character == "!" || character == "?", next == text.endIndex || text[next] == " " {
                let before = index > text.startIndex ? text[text.index(before: index)] : " "
                if !before.isNumber {
                    return String(text[..<(character == "." ? index : next)])
                }
            }
            index = next
        }
        return text
    }
}
