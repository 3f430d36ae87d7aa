import Markdown
import Testing
@testable import Importer

struct MarkdownEscapingTests {
    @Test(arguments: [
        ("Sterne *wirklich*", "Sterne \\*wirklich\\*"),
        ("# kein Titel", "\\# kein Titel"),
        ("1. FC Köln siegt", "1\\. FC Köln siegt"),
        ("- kein Punkt", "\\- kein Punkt"),
        ("[Link](x) <b>", "\\[Link\\](x) \\<b>"),
        ("„Zitat“ – Strich", "„Zitat“ – Strich"),
        ("am 30. August", "am 30. August"),
        ("AT&amp;T und AT&T", "AT\\&amp;T und AT&T"),
        ("~~~", "\\~~~"),
        ("Zeile\n=====", "Zeile\n\\====="),
    ])
    func plainTextStaysPlainInMarkdown(text: String, escaped: String) {
        #expect(MarkdownEscaping.escape(text) == escaped)
    }

    /// What a reader sees of the escaped text is the text: libcmark renders it as one
    /// paragraph holding exactly the characters of the input, for the cases that changed
    /// meaning before and for thousands of random lines of Markdown's special characters.
    @Test func escapedTextRendersAsTheTextItself() throws {
        var cases = ["~~~ Zaun", "```", "AT&amp;T", "&#169; 2023", "&copy;", "    eingerückt", "Zeile\n---", "1) Erstens", "> Zitat",
                     "<https://example.org>", "| Tabelle |", "Ende\\", "a\rb", "*a* _b_ `c` [d](e) ![f](g)", "2023. Jahr"]
        var generator = SplitMix(seed: 2023)
        let alphabet = Array("ab *_`[]<>&#;!()-+=~|1.\\:é\n\t")
        for _ in 0..<3000 {
            cases.append(String((0..<Int.random(in: 1...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in cases {
            // What survives as one paragraph: lines without surrounding blanks, no empty line.
            let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingBlanks }.filter { !$0.isEmpty }
            guard !lines.isEmpty else { continue }
            let plain = lines.joined(separator: "\n")
            let html = try MarkdownRenderer().render(MarkdownEscaping.escape(plain))
            #expect(html == "<p>\(escapedLikeCmark(plain))</p>\n", "\(plain.debugDescription) -> \(MarkdownEscaping.escape(plain).debugDescription)")
        }
    }

    func escapedLikeCmark(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension Substring {
    var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// A seeded generator, so a failing case is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
