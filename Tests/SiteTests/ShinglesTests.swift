import Testing
@testable import Site

/// When two sentences count as one passage in two versions.
struct ShinglesTests {
    @Test(arguments: [
        // Versions of one agency sentence: a word changed or added, another number style, other quotes.
        ("Ein zentrales Thema der Beratungen dürften nordkoreanische Waffenlieferungen an Russland sein.",
         "Ein zentrales Thema der Beratungen dürften nordkoreanische Waffenlieferungen an Russland gewesen sein."),
        ("Das Raumfahrtzentrum liegt mehr als 1.500 Kilometer nördlich von Wladiwostok an der Küste.",
         "Das Raumfahrtzentrum liegt mehr als 1500 Kilometer nördlich von Wladiwostok an der Küste."),
        ("Peskow sagte lediglich: „Unsere Länder kooperieren in sensiblen Bereichen.“",
         "Peskow sagte lediglich: \"Unsere Länder kooperieren in sensiblen Bereichen.\""),
        ("Wostotschny gilt als Ergänzung des von Moskau gepachteten Kosmodroms Baikonur in Kasachstan.",
         "Wostotschny gilt als Ergänzung zum von Moskau gepachteten Kosmodrom Baikonur in Kasachstan."),
        ("ÜBER DIE GRENZE FUHR DER ZUG AM DIENSTAG NACH RUSSLAND", "Über die Grenze fuhr der Zug am Dienstag nach Russland"),
    ])
    func versionsOfOneSentenceAreOnePassage(first: String, second: String) {
        #expect(Shingles.similarity(of: first, and: second) >= Shingles.threshold)
    }

    @Test(arguments: [
        // Sentences that share a phrase or a topic, not a text.
        ("Nordkorea könnte Russland für seinen Krieg in der Ukraine Artilleriemunition liefern.",
         "Russland hat Interesse an Nordkoreas Vorräten an Artilleriegeschossen für den Krieg in der Ukraine gezeigt."),
        ("Das Kosmodrom Wostotschny befindet sich in der Region Amur, etwa 100 Kilometer von der chinesischen Grenze entfernt.",
         "Der Weltraumbahnhof Wostotschny liegt im Gebiet Amur rund 100 Kilometer von der Grenze zu China entfernt."),
        ("Putin war nach russischen Angaben bereits am Montag in Wladiwostok angekommen.",
         "Kim war am Dienstag mit dem Zug in Russland angekommen."),
    ])
    func sentencesOnOneTopicAreNot(first: String, second: String) {
        #expect(Shingles.similarity(of: first, and: second) < Shingles.threshold)
    }

    @Test func wordsAreNormalisedAndCutToTheirStem() {
        func words(_ text: String) -> [UInt64] { Array(text.utf8).withUnsafeBufferPointer { Shingles.words($0) } }
        #expect(words("„Kosmodroms“ 1.500 Ä-Test") == words("kosmodrom 1500 ä-test"))
        #expect(words("Putin – Kim … »Seoul«").count == 3)
        #expect(words("Putin Kim") != words("Kim Putin"))
    }

    @Test func aSketchAgreesForEqualShingles() {
        func sketch(_ text: String) -> SIMD16<UInt16> { Array(text.utf8).withUnsafeBufferPointer { Shingles.sketch(words: Shingles.words($0)) } }
        let kim = sketch("Kim war am Dienstag mit dem Zug in Russland angekommen.")
        #expect(kim == sketch("Kim war am Dienstag mit dem Zug in Russland angekommen"))
        #expect(kim != sketch("Putin war am Montag in Wladiwostok angekommen, um teilzunehmen."))
        // A shingle said twice is one shingle: the sketch is of the set.
        #expect(sketch("Kim war am Dienstag da. Kim war am Dienstag da.") == sketch("Kim war am Dienstag da. Kim war am"))
        #expect(Shingles.agreement(kim, sketch("Kim war am Dienstag mit dem Zug in Russland eingetroffen.")) >= Shingles.estimateFloor)
    }
}
