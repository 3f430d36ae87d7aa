import Articles
import Testing
@testable import Site

/// A mention is packed into 20 bytes: what goes in comes out, at the limits too, and what
/// does not fit is refused rather than cut.
struct MentionTests {
    @Test(arguments: Article.Field.allCases)
    func everyFieldAndTheLargestValuesComeBackAsGiven(field: Article.Field) throws {
        let cases: [(ordinal: Int32, sentence: Range<Int>, mark: Range<Int>)] = [
            (1, 0..<1, 0..<1),
            (2, 10..<40, 15..<20),
            (Int32(Mention.maxOrdinal), 100..<(100 + 2 * Mention.maxDistance), (100 + Mention.maxDistance)..<(100 + Mention.maxDistance)),
            (300_000, 5..<(5 + Mention.maxDistance), 5..<(5 + Mention.maxDistance)),
            (65_537, 1_000_000_000..<1_000_000_020, 1_000_000_003..<1_000_000_010),
        ]
        for (ordinal, sentence, mark) in cases {
            let mention = try #require(Mention(entity: 1_234_567, ordinal: ordinal, sentence: sentence, mark: mark, field: field))
            #expect(mention.entity == 1_234_567)
            #expect(mention.ordinal == ordinal)
            #expect(mention.field == field)
            #expect(mention.sentence == sentence)
            #expect(mention.mark == mark)
        }
        #expect(MemoryLayout<Mention>.stride == 20)
    }

    @Test func whatDoesNotFitIsRefused() {
        #expect(Mention(entity: 0, ordinal: Int32(Mention.maxOrdinal) + 1, sentence: 0..<5, mark: 1..<2, field: .body) == nil)
        #expect(Mention(entity: 0, ordinal: 0, sentence: 0..<5, mark: 1..<2, field: .body) == nil)
        #expect(Mention(entity: 0, ordinal: 1, sentence: 0..<(Mention.maxDistance + 2), mark: (Mention.maxDistance + 1)..<(Mention.maxDistance + 2), field: .body) == nil)
        #expect(Mention(entity: 0, ordinal: 1, sentence: 0..<(Mention.maxDistance + 1), mark: 0..<(Mention.maxDistance + 1), field: .body) == nil)
        #expect(Mention(entity: 0, ordinal: 1, sentence: 0..<(Mention.maxDistance + 2), mark: 0..<1, field: .body) == nil)
        #expect(Mention(entity: 0, ordinal: 1, sentence: 5..<10, mark: 3..<6, field: .body) == nil)
    }
}

/// Where sentences of a paragraph begin: after `.`, `!`, `?`, `…` or a closing quote (guillemets too) after one,
/// and spaces, before a capital or an opening quote; not after a number or a single letter.
/// Paragraphs are read a chunk of bytes at a time: a long one is cut in the same places.
struct SentenceTests {
    @Test func sentencesBeginAfterTerminatorsAndSpacesWhereverTheParagraphIsCut() throws {
        let sentences = ["Putin empfing Kim am 13. September.", "Wie ging es weiter?", "„Wir sind Freunde!“", "Kim kam z. B. mit dem Zug…",
                         "»Wir bleiben.«", "«Wir auch!»", "Das sagte er.  Zweimal.", "Dann: nichts! ", "Ende."]
        let paragraph = sentences.joined(separator: " ")
        // Offsets computed from the text: each sentence starts one space after the previous ends.
        var expected = [0], offset = 0
        for sentence in sentences.dropLast() {
            offset += sentence.utf8.count + 1
            expected.append(offset)
        }
        // "Zweimal." starts inside the seventh sentence, after two spaces; "Dann" follows "nichts! " and a space.
        let inner = expected[6] + "Das sagte er.  ".utf8.count
        expected.insert(inner, at: 7)
        expected.append(paragraph.utf8.count)
        #expect(Sentence.boundaries(in: Array(paragraph.utf8)) == expected)
        // The same text many times over: past every chunk's border, each copy cut alike.
        let copies = 40
        let long = Array(repeating: paragraph, count: copies).joined(separator: " ")
        let width = paragraph.utf8.count + 1
        var repeated = [0]
        for copy in 0..<copies {
            repeated += expected.dropFirst().dropLast().map { $0 + copy * width }
            if copy < copies - 1 { repeated.append((copy + 1) * width) }
        }
        repeated.append(long.utf8.count)
        #expect(Sentence.boundaries(in: Array(long.utf8)) == repeated)
        #expect(Sentence.boundaries(in: []) == [0] && Sentence.boundaries(in: Array("A.".utf8)) == [0, 2])
    }
}
