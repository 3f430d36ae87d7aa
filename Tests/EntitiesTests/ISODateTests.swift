import Testing
import Entities

struct ISODateTests {
    @Test(arguments: [
        ("2023", true), ("2023-09", true), ("2023-09-13", true), ("2024-02-29", true), ("2000-02-29", true),
        ("2023-02-29", false), ("1900-02-29", false), ("2023-02-30", false), ("2023-04-31", false), ("2023-13", false),
        ("2023-00-10", false), ("2023-09-00", false), ("2023-9-13", false), ("23-09-13", false), ("2023-09-13T10:00", false),
        ("２０２３", false), ("", false), ("2023--13", false),
    ])
    func datesThatExistAreValid(text: String, valid: Bool) {
        #expect(ISODate.isValid(text) == valid)
        #expect((ISODate.problem(with: text) == nil) == valid)
    }

    @Test func theProblemSaysWhy() {
        #expect(ISODate.problem(with: "2023-02-29") == "date '2023-02-29' does not exist: 2023-02 has 28 days")
        #expect(ISODate.problem(with: "13.09.2023") == "date '13.09.2023' is not ISO 8601: write YYYY-MM-DD, YYYY-MM or YYYY")
    }
}
