/// A fast reader for the front matter Dossier itself writes: `key: value` lines whose values are
/// plain or double-quoted scalars or flow lists of them, plus `captions: []`; the registry reads
/// each entry of its files with it too.
///
/// Anything else (nested mappings, block lists, anchors, single quotes, carriage returns,
/// non-ASCII keys, unusual spaces) returns nil and the caller uses the full YAML parser, which
/// also reports errors. Parsing YAML for every article dominated loading large dossiers; the
/// reader works on UTF-8 bytes, as reading characters cost more than the rest of loading.
package struct SimpleFrontMatter {
    package enum Value: Equatable {
        case scalar(String)
        case list([String])

        package var isList: Bool {
            if case .list = self { return true }
            return false
        }
    }

    /// Values by key, with the 1-based line and column where each value starts, and whether it
    /// is quoted (its text then starts a column later).
    package var values: [String: (value: Value, line: Int, column: Int, quoted: Bool)] = [:]

    /// `valuesAreText`: the caller's YAML reader takes every value as text (the registry's
    /// does), so `true`, `no`, `null` and numbers with a minus (`-95.71`) need not go to it.
    package init?(_ yaml: String, valuesAreText: Bool = false) {
        let bytes = Array(yaml.utf8)
        guard !bytes.contains(Self.carriageReturn) else { return nil }
        var start = 0, lineNumber = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: Self.newline) ?? bytes.count
            let line = bytes[start..<end]
            start = end + 1
            lineNumber += 1
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            guard Self.isLetter(first), let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = line[..<colon]
            guard key.allSatisfy({ Self.isLetter($0) || Self.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }) else { return nil }
            var rest = line[(colon + 1)...]
            guard rest.isEmpty || rest.first == Self.space else { return nil }
            let leading = rest.prefix(while: { $0 == Self.space }).count
            rest = rest.dropFirst(leading)
            guard let value = Self.value(rest, valuesAreText: valuesAreText) else { return nil }
            if case .scalar("") = value, rest.isEmpty { return nil }
            // The key is ASCII: its bytes are its characters. A key given twice is YAML's to report.
            let name = String(decoding: key, as: UTF8.self)
            guard values[name] == nil else { return nil }
            values[name] = (value, lineNumber, colon - line.startIndex + 2 + leading, rest.first == Self.quote)
        }
    }
}

private extension SimpleFrontMatter {
    static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t"), quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    /// Bytes that give a plain scalar's start a special meaning in YAML.
    static let indicators = Set("'&*!|>%@`{}[]#,?-\"".utf8)
    static let reservedWords: Set<String> = ["null", "true", "false", "~", "yes", "no", "on", "off"]

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func value(_ text: ArraySlice<UInt8>, valuesAreText: Bool) -> Value? {
        if text.first == UInt8(ascii: "[") {
            guard text.count >= 2, text.last == UInt8(ascii: "]") else { return nil }
            var items: [String] = []
            var rest = text.dropFirst().dropLast()
            while true {
                rest = rest.drop { $0 == space }
                if rest.isEmpty { break }
                // An empty entry (`[a, , b]`) is an error YAML reports.
                guard rest.first != UInt8(ascii: ","), let (item, remainder) = scalar(in: rest, stopAt: UInt8(ascii: ","), valuesAreText: valuesAreText) else { return nil }
                items.append(item)
                rest = remainder.drop { $0 == space }
                if rest.isEmpty { break }
                guard rest.first == UInt8(ascii: ",") else { return nil }
                rest = rest.dropFirst()
            }
            return .list(items)
        }
        guard let (item, remainder) = scalar(in: text, stopAt: nil, valuesAreText: valuesAreText), remainder.allSatisfy({ $0 == space }) else { return nil }
        return .scalar(item)
    }

    /// A double-quoted or plain scalar at the start of `text`, and what follows it.
    static func scalar(in text: ArraySlice<UInt8>, stopAt separator: UInt8?, valuesAreText: Bool) -> (String, ArraySlice<UInt8>)? {
        if text.first == quote {
            var result: [UInt8] = []
            var index = text.startIndex + 1
            while index < text.endIndex {
                let byte = text[index]
                if byte == quote { return (String(decoding: result, as: UTF8.self), text[(index + 1)...]) }
                if byte == backslash {
                    index += 1
                    guard index < text.endIndex else { return nil }
                    switch text[index] {
                    case quote: result.append(quote)
                    case backslash: result.append(backslash)
                    case UInt8(ascii: "n"): result.append(newline)
                    case UInt8(ascii: "t"): result.append(tab)
                    default: return nil
                    }
                } else {
                    result.append(byte)
                }
                index += 1
            }
            return nil
        }
        // Plain scalars: only the unambiguous ones; YAML gives special meaning to many starts.
        let end = separator.flatMap { text.firstIndex(of: $0) } ?? text.endIndex
        var plain = text[..<end]
        while let first = plain.first, first == space || first == tab { plain = plain.dropFirst() }
        while let last = plain.last, last == space || last == tab { plain = plain.dropLast() }
        guard let first = plain.first else { return ("", text[end...]) }
        let string = String(decoding: plain, as: UTF8.self)
        // Spaces beyond ASCII at either end, or a mark joining what precedes: YAML decides.
        let (head, tail) = (string.unicodeScalars.first!.properties, string.unicodeScalars.last!.properties)
        guard head.generalCategory != .spaceSeparator, tail.generalCategory != .spaceSeparator, !head.isGraphemeExtend else { return nil }
        // A minus before a digit starts a number ("-95.71"), not a list's entry.
        let negative = valuesAreText && first == UInt8(ascii: "-") && plain.count > 1 && isDigit(plain[plain.startIndex + 1])
        guard !indicators.contains(first) || negative, !contains(plain, UInt8(ascii: ":"), space), !contains(plain, space, UInt8(ascii: "#")),
              valuesAreText || plain.count > 5 || !reservedWords.contains(string.lowercased()) else { return nil }
        return (string, text[end...])
    }

    /// Whether `bytes` holds `first` followed by `second` somewhere.
    static func contains(_ bytes: ArraySlice<UInt8>, _ first: UInt8, _ second: UInt8) -> Bool {
        zip(bytes, bytes.dropFirst()).contains { $0 == first && $1 == second }
    }
}
