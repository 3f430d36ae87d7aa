import Entities
import SourceText

/// Who an article names by a role. "der russische Präsident Wladimir Putin" makes "der russische
/// Präsident", and "der Präsident", Putin in that article, as long as the article gives the role
/// to no one else; a quote the article attributes to the role then has its speaker
/// (`QuoteFinder`). A role given to a name the registry lacks ("der südkoreanische Präsident
/// Yoon") or to two people at once ("die beiden Machthaber Putin und Kim") is another holder, so
/// that the role names no one: precision over recall.
struct RoleHolders {
    /// A role the article gives to a name: the words before the role noun ("russisch", in their
    /// base form), the noun ("präsident"), and its holder (nil: someone the registry lacks, or many).
    struct Role {
        var modifiers: [String]
        var head: String
        var holder: Int32?
    }

    /// A role named without a name, as a quote's attribution names it: "der russische Präsident"
    /// (`range` from the first word after the article to the noun, so that what stands before it
    /// reads as it would before a name).
    struct Phrase {
        var range: Range<Int>
        var modifiers: [String]
        var head: String
    }

    let rules: LanguageRules
    private(set) var roles: [Role] = []
    /// What `holder(of:)` found per role named ("präsident", "russisch präsident"): an article
    /// names the same role again and again.
    private var found: [[String]: Int32?] = [:]

    /// The roles of the article whose text is `text` and mentions `mentions`; `speaks` says
    /// whether an entity (a registry position) can speak.
    init(text: [UInt8], mentions: [Mention], speaks: (Int32) -> Bool, rules: LanguageRules) {
        self.rules = rules
        let words = Self.words(text, within: 0..<text.count)
        var mentionAt: [Int: Int] = [:]
        for (index, mention) in mentions.enumerated() { mentionAt[Int(mention.markStart)] = index }
        for index in words.indices.dropLast() {
            let word = words[index], next = words[index + 1]
            guard Self.adjoin(word, next, in: text), mentionAt[next.range.lowerBound] != nil || Self.isCapitalised(next.text(in: text)) else { continue }
            let role = word.text(in: text)
            guard !rules.capitalisesNouns || Self.isCapitalised(role), let head = rules.role(role) else { continue }
            var holder: Int32?
            if let position = mentionAt[next.range.lowerBound] {
                let mention = mentions[position]
                // "der Präsident Russlands": the role is of a place, not a name.
                guard speaks(mention.entity) else { continue }
                holder = mention.entity
                // "die Machthaber Putin und Kim": the role of two.
                let after = Self.firstWord(from: Int(mention.markEnd), in: words)
                if after + 1 < words.count,
                   ["und", "and"].contains(words[after].text(in: text)), Self.isCapitalised(words[after + 1].text(in: text)) {
                    holder = nil
                }
            }
            let modifiers = modifiers(before: index, in: words, text: text)
            if modifiers.contains(where: Self.plurals.contains) { holder = nil }
            roles.append(Role(modifiers: modifiers, head: head, holder: holder))
        }
    }

    /// Whether the article gives a role to a name of the registry at all ("Präsident Putin",
    /// "Chinese leader Xi"): without one no role stands for a speaker, and the text around
    /// quotes need not be read for roles. One look at the word before each speaker's mention.
    static func givesRoles(text: [UInt8], mentions: [Mention], speaks: (Int32) -> Bool, rules: LanguageRules) -> Bool {
        mentions.contains { mention in
            guard speaks(mention.entity), let word = word(before: Int(mention.markStart), in: text) else { return false }
            return (!rules.capitalisesNouns || isCapitalised(text[word])) && rules.roleLength(text[word]) != nil
        }
    }

    /// The word right before `offset`, a space between them, as `words` cuts it; read backwards
    /// without a list of words, as it is asked for before every mention.
    static func word(before offset: Int, in text: [UInt8]) -> Range<Int>? {
        let end = offset - 1
        guard end > 0, text[end] == 0x20 else { return nil }
        var start = end
        while start > 0, start > end - 64 {
            let byte = text[start - 1]
            guard (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == UInt8(ascii: "-") || byte >= 0x80 else { break }
            start -= 1
        }
        // Quotation marks, dashes and no-break spaces end a word.
        var index = start
        while index < end {
            if let width = punctuationWidth(text, at: index) {
                index += width
                start = index
            } else {
                index += 1
            }
        }
        var last = end
        while last > start, text[last - 1] == UInt8(ascii: "-") { last -= 1 }
        return start < last ? start..<last : nil
    }

    /// The one registry entity the article gives the role `phrase` names, or nil when it gives it
    /// to none, to several, or to a name the registry lacks. "der Präsident" is any president's
    /// role ("der russische Präsident", "der US-Präsident"); "der russische Präsident" only one
    /// the article calls Russian.
    mutating func holder(of phrase: Phrase) -> Int32? {
        let key = [phrase.head] + phrase.modifiers
        if let known = found[key] { return known }
        var holders: Set<Int32?> = []
        for role in roles where role.head == phrase.head || role.head.hasSuffix("-" + phrase.head) {
            if phrase.modifiers.allSatisfy(role.modifiers.contains) { holders.insert(role.holder) }
        }
        let holder = holders.count == 1 ? holders.first! : nil
        found[key] = holder
        return holder
    }

    /// The roles `paragraph` names as a subject within `window`, without a name: a definite
    /// article, words describing the role, and the role noun uninflected ("sagte der russische
    /// Präsident", "the president said"); not one followed by a name ("der Präsident Wladimir
    /// Putin") or by whose role it is ("der Sprecher des Präsidenten", "the spokesman for"), nor
    /// one in the genitive after a noun ("ein Sprecher der Präsidentin").
    static func phrases(in paragraph: [UInt8], within window: Range<Int>, rules: LanguageRules) -> [Phrase] {
        let words = words(paragraph, within: window)
        let articles = rules.definiteArticles.map { Array($0.utf8) }
        var phrases: [Phrase] = []
        for index in words.indices where articles.contains(where: { words[index].isLowercased($0, in: paragraph) }) {
            if index > 0, adjoin(words[index - 1], words[index], in: paragraph) {
                let before = words[index - 1].text(in: paragraph)
                if QuoteFinder.onBehalf.contains(before.lowercased()) || rules.capitalisesNouns && isCapitalised(before) { continue }
            }
            var modifiers: [String] = []
            var position = index + 1
            while position < words.count, modifiers.count < 3, adjoin(words[position - 1], words[position], in: paragraph),
                  let modifier = modifier(words[position].text(in: paragraph), rules: rules, attributing: true) {
                modifiers.append(modifier)
                position += 1
            }
            guard position < words.count, adjoin(words[position - 1], words[position], in: paragraph) else { continue }
            let noun = words[position].text(in: paragraph)
            // The role uninflected: "der Präsident", not "der Präsidenten" (genitive plural).
            guard !rules.capitalisesNouns || isCapitalised(noun), let head = rules.role(noun), head == noun.lowercased() else { continue }
            // Not a compound or a possessive: "der Präsident-Vertraute", "the president's", "the president’s".
            let end = words[position].range.upperBound
            if paragraph[end...].starts(with: [UInt8(ascii: "-")]) || paragraph[end...].starts(with: "'".utf8) || paragraph[end...].starts(with: "’".utf8) { continue }
            if position + 1 < words.count, adjoin(words[position], words[position + 1], in: paragraph) {
                let next = words[position + 1].text(in: paragraph)
                if isCapitalised(next) || QuoteFinder.onBehalf.contains(next.lowercased()) || rules.definiteArticles.contains(next.lowercased()) { continue }
            }
            phrases.append(Phrase(range: words[index + 1].range.lowerBound..<end, modifiers: modifiers, head: head))
        }
        return phrases
    }
}

private extension RoleHolders {
    /// A word of the text, by its UTF-8 offsets.
    struct Word {
        var range: Range<Int>

        func text(in text: [UInt8]) -> String {
            String(decoding: text[range], as: UTF8.self)
        }

        /// Whether the word is `lowercased` (ASCII) in any case: "Der" is "der".
        func isLowercased(_ lowercased: [UInt8], in text: [UInt8]) -> Bool {
            range.count == lowercased.count && zip(text[range], lowercased).allSatisfy { $0 | 0x20 == $1 }
        }
    }

    /// Words that make a role many people's: "die beiden Machthaber".
    static let plurals: Set<String> = ["beid", "zwei", "drei", "both", "two", "three"]

    /// The words before the role noun at `index` that describe it: "russische" in "der russische
    /// Präsident", "Russlands" in "Russlands Präsident", "Chinese" in "Chinese leader".
    func modifiers(before index: Int, in words: [Word], text: [UInt8]) -> [String] {
        var modifiers: [String] = []
        var position = index - 1
        while position >= 0, modifiers.count < 3, Self.adjoin(words[position], words[position + 1], in: text),
              let modifier = Self.modifier(words[position].text(in: text), rules: rules, attributing: false) {
            modifiers.append(modifier)
            position -= 1
        }
        return modifiers
    }

    /// A word describing a role, in its base form: an adjective ("russischen" is "russisch");
    /// where a name gives the role, also a genitive name ("Russlands") or, in English, any
    /// capitalised word ("Chinese", "White House").
    static func modifier(_ word: String, rules: LanguageRules, attributing: Bool) -> String? {
        let lowered = word.lowercased()
        guard !rules.definiteArticles.contains(lowered), rules.role(word) == nil else { return nil }
        if rules.capitalisesNouns {
            if !isCapitalised(word), let ending = rules.adjectiveEndings.first(where: { lowered.hasSuffix($0) && lowered.count > $0.count + 2 }) {
                return String(lowered.dropLast(ending.count))
            }
            return !attributing && isCapitalised(word) && lowered.hasSuffix("s") ? lowered : nil
        }
        return isCapitalised(word) ? lowered : nil
    }

    static func isCapitalised(_ word: String) -> Bool {
        word.first?.isUppercase == true
    }

    /// Whether UTF-8 `word` starts with a capital of ASCII or Latin-1 (Ä, Ö, Ü).
    static func isCapitalised(_ word: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first else { return false }
        return first >= 0x41 && first <= 0x5A || first == 0xC3 && word.dropFirst().first.map(Latin1.isCapital) == true
    }

    /// The index of the first of `words` that starts at `offset` or after it (`words.count` when
    /// none does), by halving: an article may give thousands of roles.
    static func firstWord(from offset: Int, in words: [Word]) -> Int {
        var (low, high) = (0, words.count)
        while low < high {
            let middle = (low + high) / 2
            if words[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether `second` follows `first` with nothing but spaces between.
    static func adjoin(_ first: Word, _ second: Word, in text: [UInt8]) -> Bool {
        first.range.upperBound < second.range.lowerBound && text[first.range.upperBound..<second.range.lowerBound].allSatisfy { $0 == 0x20 }
    }

    /// The length of the punctuation or space at `index` that ends a word: U+0080 to U+00BF (no-break
    /// space, guillemets; lead byte C2) and U+2000 to U+207F (quotation marks, dashes; E2 80, E2 81).
    static func punctuationWidth(_ text: [UInt8], at index: Int) -> Int? {
        if text[index] == 0xC2 { return 2 }
        return text[index] == 0xE2 && index + 1 < text.count && text[index + 1] <= 0x81 ? 3 : nil
    }

    /// The words of `text` (UTF-8) within `window`, by their offsets: letters, inner hyphens and
    /// letters of other scripts; quotation marks, dashes and no-break spaces (U+0080 to U+00BF,
    /// U+2000 to U+207F) end a word, as does a hyphen at its end ("US-" before a line break).
    static func words(_ text: [UInt8], within window: Range<Int>) -> [Word] {
        var words: [Word] = []
        var start: Int?
        var index = window.lowerBound
        func end(_ at: Int) {
            if let first = start {
                var at = min(at, window.upperBound)
                while at > first, text[at - 1] == UInt8(ascii: "-") { at -= 1 }
                if first < at { words.append(Word(range: first..<at)) }
            }
            start = nil
        }
        while index < window.upperBound {
            let byte = text[index]
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte == UInt8(ascii: "-") && start != nil) {
                if start == nil { start = index }
                index += 1
            } else if byte >= 0x80 {
                if punctuationWidth(text, at: index) != nil { end(index) } else if start == nil { start = index }
                index += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            } else {
                end(index)
                index += 1
            }
        }
        end(index)
        return words
    }
}
