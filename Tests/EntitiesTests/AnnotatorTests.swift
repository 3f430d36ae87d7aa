import Testing
@testable import Entities

let testRegistry = Registry([
    Entity(id: "wladimir-putin", type: .person, name: "Wladimir Putin", aliases: ["Putin"]),
    Entity(id: "kim-jong-un", type: .person, name: "Kim Jong Un", aliases: ["Kim Jong-un", "Kim Jong un"], ambiguous: ["Kim"]),
    Entity(id: "kim-yo-jong", type: .person, name: "Kim Yo Jong", ambiguous: ["Kim"]),
    Entity(id: "russland", type: .place, name: "Russland"),
    Entity(id: "nordkorea", type: .place, name: "Nordkorea", aliases: ["Demokratische Volksrepublik Korea", "DVRK"]),
    Entity(id: "korea", type: .place, name: "Korea"),
    Entity(id: "china", type: .place, name: "China"),
    Entity(id: "wladiwostok", type: .place, name: "Wladiwostok"),
    Entity(id: "amur", type: .place, name: "Amur"),
    Entity(id: "komsomolsk-am-amur", type: .place, name: "Komsomolsk am Amur"),
    Entity(id: "kreml", type: .org, name: "Kreml"),
    Entity(id: "vereinte-nationen", type: .org, name: "Vereinte Nationen", aliases: ["UN"]),
])

struct AnnotatorTests {
    let annotator = Annotator(registry: testRegistry)

    @Test(arguments: [
        ("Putins Gast", "[Putins](person:wladimir-putin) Gast"),
        ("Kims Zug", "Kims Zug"),
        ("Russlands Krieg", "[Russlands](place:russland) Krieg"),
        ("Nordkoreas Raketen", "[Nordkoreas](place:nordkorea) Raketen"),
        ("Chinas Einfluss", "[Chinas](place:china) Einfluss"),
        ("Wladiwostoks Hafen", "[Wladiwostoks](place:wladiwostok) Hafen"),
        ("Kims Russland-Besuch", "Kims [Russland](place:russland)-Besuch"),
        ("der Kreml-Chef", "der [Kreml](org:kreml)-Chef"),
        ("UN-Sanktionen", "[UN](org:vereinte-nationen)-Sanktionen"),
        ("in Komsomolsk am Amur", "in [Komsomolsk am Amur](place:komsomolsk-am-amur)"),
        ("am Amur", "am [Amur](place:amur)"),
        ("der Demokratischen Volksrepublik Korea", "der [Demokratischen Volksrepublik Korea](place:nordkorea)"),
        ("Korea", "[Korea](place:korea)"),
        ("Wladimir\nPutin sagte", "[Wladimir\nPutin](person:wladimir-putin) sagte"),
        ("russische Truppen, nordkoreanischen Machthaber", "russische Truppen, nordkoreanischen Machthaber"),
        ("Putinismus und Russlandreise", "Putinismus und Russlandreise"),
        ("[Putin](person:wladimir-putin) traf", "[Putin](person:wladimir-putin) traf"),
        ("[Korea](-) als Halbinsel", "[Korea](-) als Halbinsel"),
        ("[Wladimir Putin](https://kremlin.ru) Text", "[Wladimir Putin](https://kremlin.ru) Text"),
        ("`Putin` https://example.org/Putin", "`Putin` https://example.org/Putin"),
    ])
    func germanSurfaceForms(input: String, expected: String) {
        #expect(annotator.annotate(input).text == expected)
    }

    /// Names with punctuation inside are found whole: a middle initial's period, an ampersand,
    /// an apostrophe; a period that ends the sentence after "J" is no part of another name.
    @Test func namesWithPunctuationAreFoundWhole() {
        let annotator = Annotator(registry: Registry([
            Entity(id: "donald-trump", type: .person, name: "Donald J. Trump", aliases: ["Trump"]),
            Entity(id: "at-t", type: .org, name: "AT&T"),
            Entity(id: "conan-obrien", type: .person, name: "Conan O'Brien"),
        ]), language: "en")
        #expect(annotator.annotate("They briefed Donald J. Trump’s team. AT&T and Conan O'Brien agreed; Trump left.").text
            == "They briefed [Donald J. Trump’s](person:donald-trump) team. [AT&T](org:at-t) and [Conan O'Brien](person:conan-obrien) agreed; [Trump](person:donald-trump) left.")
        #expect(annotator.annotate("Donald J. Smith met Trump.").text == "Donald J. Smith met [Trump](person:donald-trump).")
    }

    @Test func annotatingTwiceChangesNothing() {
        let once = annotator.annotate("Kim Jong Un traf Putin. Kim dankte Putins Delegation in Russland.").text
        #expect(once == "[Kim Jong Un](person:kim-jong-un) traf [Putin](person:wladimir-putin). [Kim](person:kim-jong-un) dankte [Putins](person:wladimir-putin) Delegation in [Russland](place:russland).")
        #expect(annotator.annotate(once).text == once)
        #expect(annotator.annotate(once).added.isEmpty)
    }

    @Test func ambiguousShortFormFollowsTheLastFullName() {
        let text = "Kim Yo Jong sprach. Kim lachte. Dann kam Kim Jong Un. Kim sprach."
        #expect(annotator.annotate(text).text == "[Kim Yo Jong](person:kim-yo-jong) sprach. [Kim](person:kim-yo-jong) lachte. Dann kam [Kim Jong Un](person:kim-jong-un). [Kim](person:kim-jong-un) sprach.")
    }

    @Test func ambiguousShortFormWithoutIntroductionIsReported() {
        let result = annotator.annotate("Erst\nsprach Kim, dann Kim Jong Un.")
        #expect(result.text == "Erst\nsprach Kim, dann [Kim Jong Un](person:kim-jong-un).")
        #expect(result.unresolved == [.init(surface: "Kim", line: 2, column: 8, candidates: ["kim-jong-un", "kim-yo-jong"])])
    }

    @Test func handAnnotatedMentionIntroducesTheEntity() {
        #expect(annotator.annotate("[Er](person:kim-jong-un) kam. Kim sprach.").text == "[Er](person:kim-jong-un) kam. [Kim](person:kim-jong-un) sprach.")
    }
}
