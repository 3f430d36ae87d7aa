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
    ])
    func plainTextStaysPlainInMarkdown(text: String, escaped: String) {
        #expect(MarkdownEscaping.escape(text) == escaped)
    }
}
