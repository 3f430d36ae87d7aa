/// A fast reader for the front matter Dossier itself writes: `key: value` lines whose values are
/// plain or double-quoted scalars or flow lists of them, plus `captions: []`.
///
/// Anything else (nested mappings, block lists, anchors, single quotes) returns nil and the
/// caller uses the full YAML parser, which also reports errors. Parsing YAML for every article
/// dominated loading large dossiers.
struct SimpleFrontMatter {
    enum Value: Equatable {
        case scalar(String)
        case list([String])
    }

    /// Values by key, with the 1-based line and column where each value starts.
    var values: [String: (value: Value, line: Int, column: Int)] = [:]

    init?(_ yaml: String) {
        for (number, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            let key = String(line[..<colon])
            guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
            var rest = line[line.index(after: colon)...]
            guard rest.isEmpty || rest.first == " " else { return nil }
            let leading = rest.prefix(while: { $0 == " " }).count
            rest = rest.dropFirst(leading)
            let column = line.distance(from: line.startIndex, to: colon) + 2 + leading
            guard let value = Self.value(rest) else { return nil }
            if case .scalar("") = value, rest.isEmpty { return nil }
            values[key] = (value, number + 1, column)
        }
    }
}

private extension SimpleFrontMatter {
    static func value(_ text: Substring) -> Value? {
        if text.first == "[" {
            guard text.last == "]" else { return nil }
            var items: [String] = []
            var rest = text.dropFirst().dropLast()[...]
            while true {
                rest = rest.drop { $0 == " " }
                if rest.isEmpty { break }
                guard let (item, remainder) = scalar(in: rest, stopAt: ",") else { return nil }
                items.append(item)
                rest = remainder.drop { $0 == " " }
                if rest.isEmpty { break }
                guard rest.first == "," else { return nil }
                rest = rest.dropFirst()
            }
            return .list(items)
        }
        guard let (item, remainder) = scalar(in: text, stopAt: nil), remainder.allSatisfy({ $0 == " " }) else { return nil }
        return .scalar(item)
    }

    /// A double-quoted or plain scalar at the start of `text`, and what follows it.
    static func scalar(in text: Substring, stopAt separator: Character?) -> (String, Substring)? {
        if text.first == "\"" {
            var result = ""
            var index = text.index(after: text.startIndex)
            while index < text.endIndex {
                let character = text[index]
                if character == "\"" { return (result, text[text.index(after: index)...]) }
                if character == "\\" {
                    index = text.index(after: index)
                    guard index < text.endIndex else { return nil }
                    switch text[index] {
                    case "\"": result.append("\"")
                    case "\\": result.append("\\")
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    default: return nil
                    }
                } else {
                    result.append(character)
                }
                index = text.index(after: index)
            }
            return nil
        }
        // Plain scalars: only the unambiguous ones; YAML gives special meaning to many starts.
        let end = separator.flatMap { text.firstIndex(of: $0) } ?? text.endIndex
        let plain = text[..<end].trimmingCharacters(in: .whitespaces)
        guard let first = plain.first, !"'&*!|>%@`{}[]#,?-\"".contains(first), !plain.contains(": "), !plain.contains(" #"),
              !["null", "true", "false", "~", "yes", "no", "on", "off"].contains(plain.lowercased()) else {
            return plain.isEmpty ? ("", text[end...]) : nil
        }
        return (plain, text[end...])
    }
}

import Foundation
