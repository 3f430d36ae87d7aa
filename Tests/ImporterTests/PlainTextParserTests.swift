import Foundation
import Testing
@testable import Importer

struct PlainTextParserTests {
    func parse(_ seed: String) throws -> ImportedArticle {
        PlainTextParser(file: seed).parse(try Seeds.text(seed))
    }

    @Test func agencyCopyGivesOutletAndDropsVideoTeaserAndInitials() throws {
        let article = try parse("000_d429acaccbe4d770")
        #expect(article.title == "Machthaber unter sich Wladimir Putin und Kim Jong Un treffen an Russlands neuem Weltraumbahnhof aufeinander")
        #expect(article.outlet == "DPA")
        #expect(!article.blocks.contains { $0.hasPrefix("Im Video") || $0 == "DPA" || $0 == "rös" })
        #expect(article.blocks.contains("## Putin und Kim: Raketentechnik gegen Waffen und Munition?"))
        #expect(article.warnings.contains("000_d429acaccbe4d770: no date found; left empty, fill it in the front matter"))
    }

    @Test func onlyADateTheBuildAcceptsIsTakenAsTheDate() {
        // The build rejects an article whose date is not ISO 8601: the importer must not write one.
        for (line, date) in [("date 2023-09-13 Quelle: DPA", "2023-09-13"), ("date 2023-13 Quelle: DPA", ""), ("date 2023-09-32 Quelle: DPA", ""), ("date ２０２３ Quelle: DPA", "")] {
            let article = PlainTextParser(file: "x").parse("Titel\n\n\(line)\n\nText des Artikels.\n")
            #expect(article.date == date, "\(line)")
        }
    }

    @Test func reutersCopyGivesDateAuthorsDatelineAndCapsSubheading() throws {
        let article = try parse("001_2693660c1e8186e1")
        #expect(article.date == "2023-09")
        #expect(article.outlet == "Reuters")
        #expect(article.authors == ["Guy Faulconbridge", "Soo-hyang Choi"])
        #expect(article.dateline == "Wladiwostok")
        #expect(article.blocks.first == "Russland will Nordkorea beim Bau von Satelliten helfen.")
        #expect(article.title == "Russland will Nordkorea beim Bau von Satelliten helfen")
        #expect(article.blocks.contains("## NORDKOREA TESTET RAKETEN KURZ VOR TREFFEN IN RUSSLAND"))
        #expect(!article.blocks.contains { $0.contains("Copyright") })
    }

    @Test func textWithoutHeadlineTakesFirstSentenceAndWarns() throws {
        let article = try parse("002_fc5c6d0c16e0ce8a")
        #expect(article.title == "Wladimir Putin sagte, er und Kim Jong Un würden über Nordkoreas junges Raumfahrtprogramm sprechen, nachdem der Satellitenstart kürzlich gescheitert sei")
        #expect(article.teaser.hasSuffix("seit der Schließung Pjöngjangs wegen COVID."))
        #expect(article.outlet == "")
        #expect(article.warnings.contains("002_fc5c6d0c16e0ce8a: no headline found; the title is the first sentence, edit it in the front matter"))
        #expect(article.blocks.contains("## Südkorea meldet zwei Starts ballistischer Raketen"))
        #expect(article.blocks.contains("## Kims Russland-Besuch"))
        #expect(article.blocks.first?.hasPrefix("Nordkoreas Machthaber Kim Jong Un traf sich am Mittwoch") == true)
    }

    @Test func photoCaptionsWithCreditsLeaveTheBody() throws {
        let article = try parse("003_bb289220367ce069")
        #expect(article.title == "Putin und Kim betonten Zusammenarbeit")
        #expect(article.teaser.hasPrefix("Bei seinem Treffen mit dem nordkoreanischen Machthaber Kim Jong Un"))
        #expect(article.captions == [
            .init(text: "Russischer Präsident Wladimir Putin und nordkoreanischer Diktator Kim Jong Un", credit: "APA/AFP/Mikhail Metzel", title: "Treffen in Russland"),
            .init(text: "Kim Jong Un und Wladimir Putin", credit: "AP/Sputnik/Artem Geodakyan", title: "Am Mittwoch trafen Putin und Kim aufeinander"),
            .init(text: "Länderfahnen vor dem russischen Weltraumbahnhof Wostotschny", credit: "APA/AFP/AP/Vladimir Smirnov", title: "Für ihr Treffen haben sich Kim und Putin den Weltraumbahnhof Wostotschny ausgesucht"),
            .init(text: "der russische Präsident Wladimir Putin zusammen mit dem nordkoreanischen Diktator Kim Jong Un", credit: "AP/Yuri Kadobnov", title: "2019 trafen Putin und Kim einander in Wladiwostok"),
        ])
        #expect(article.blocks.contains("## Kim: „Entscheidungen von Putin immer unterstützen“"))
        #expect(article.blocks.contains { $0.contains("– damit ist der russische Angriffskrieg") }, "dashes and quotes kept")
    }

    @Test func webCruftAndRepeatedHeadlineAreRemoved() throws {
        let article = try parse("004_b79de0a6948f34d6")
        #expect(article.title == "Putin und Kim Jong Un trafen sich in Russland")
        for cruft in ["zum Inhalt", "Lesen Sie auch:", "Kommentare", "Aktuelles", "Putin und Kim Jong Un trafen sich in Russland"] {
            #expect(!article.blocks.contains(cruft), "\(cruft) should be gone")
        }
        #expect(article.blocks.last?.hasPrefix("Seine Treffen mit Staatsführern anderer Nationen") == true)
    }

    @Test func textIsNormalisedToNFC() {
        let decomposed = "Titel ohne Punkt\n\nDer Mu\u{0308}ller sagte etwas Langes, das ein Satz ist.\n\nNoch ein Absatz.\n\nUnd noch einer."
        let article = PlainTextParser(file: "x").parse(decomposed)
        #expect(article.teaser == "Der M\u{00FC}ller sagte etwas Langes, das ein Satz ist.")
    }
}
