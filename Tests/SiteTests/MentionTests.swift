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
