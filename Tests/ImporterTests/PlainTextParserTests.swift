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

    @Test func aSubtitleUnderTheHeadlineIsTheTeaserNotASectionHeading() throws {
        let article = try parse("000_d429acaccbe4d770")
        #expect(article.teaser == "Kim Jong un im Nachbarland: Russland wird Nordkorea laut Putin beim Bau von Satelliten helfen")
        #expect(article.blocks.first?.hasPrefix("Der russische Präsident Wladimir Putin hat") == true)
        #expect(!article.blocks.contains { $0.contains("im Nachbarland") })
        // A heading further down stays a heading.
        #expect(article.blocks.contains("## Putin und Kim: Raketentechnik gegen Waffen und Munition?"))
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

    /// Short lines in a row are a map's labels, left out with a warning that names them; the
    /// same lines announced by the line before ("nahmen teil:") or bulleted are a list, kept.
    @Test func shortLinesInARowAreAListWhenAnnouncedAndLabelsOnlyWithAWarning() {
        let text = """
        Treffen in Wostotschny

        Putin und Kim haben sich am Mittwoch im Osten Russlands getroffen und lange beraten.

        An dem Treffen nahmen teil:
        Wladimir Putin
        Kim Jong Un
        Sergej Schoigu

        Die Delegationen sprachen über viele Themen.
        - Raketen
        - Satelliten
        - Munition

        Köln
        Bonn
        Ahrweiler
        Altenahr

        Danach reiste Kim weiter nach Komsomolsk am Amur, wie die Agentur berichtete.
        """
        let article = PlainTextParser(file: "t.txt").parse(text)
        let items = article.blocks.filter { $0.hasPrefix(ImportedArticle.listItem) }.map(ImportedArticle.text(of:))
        for name in ["Wladimir Putin", "Kim Jong Un", "Sergej Schoigu", "Raketen", "Satelliten", "Munition"] {
            #expect(items.contains(name), "\(name) is a list item")
        }
        #expect(!article.blocks.contains { $0.contains("Bonn") })
        #expect(article.warnings.contains { $0.hasPrefix("t.txt: left out 4 short lines") && $0.contains("\"Köln\", \"Bonn\", \"Ahrweiler\", …") })
        #expect(!article.warnings.contains { $0.contains("Putin\"") || $0.contains("Raketen") }, "a list is not named as left out")
    }

    /// An interview's turns that start with a dash are its paragraphs, not a list; short dashed
    /// lines, sentences or not, still are one.
    @Test func dashedTurnsOfAnInterviewStayParagraphs() {
        let text = """
        Ein Gespräch über das Treffen

        Der Außenpolitiker sprach mit uns über die Reise nach Wostotschny und ihre Folgen für die Region.

        – Herr Minister, was erwarten Sie von dem Treffen zwischen Putin und Kim im Osten Russlands?

        – Wir erwarten, dass Russland Munition bekommt und Nordkorea Hilfe bei seinen Satelliten erhält.

        – Und was bedeutet das für die Sanktionen der Vereinten Nationen gegen Pjöngjang?

        Die Delegationen einigten sich auf drei Punkte.

        – Munition wird geliefert.
        – Satelliten werden gebaut.
        – Piloten werden ausgebildet.
        """
        let article = PlainTextParser(file: "i.txt").parse(text)
        let item = ImportedArticle.listItem
        #expect(article.blocks.contains("– Herr Minister, was erwarten Sie von dem Treffen zwischen Putin und Kim im Osten Russlands?"))
        #expect(!article.blocks.contains { $0.hasPrefix(item) && $0.contains("Minister") })
        let items = article.blocks.filter { $0.hasPrefix(item) }.map(ImportedArticle.text(of:))
        #expect(items == ["Munition wird geliefert.", "Satelliten werden gebaut.", "Piloten werden ausgebildet."], "\(article.blocks)")
        #expect(ArticleImporter.markdown(of: article).contains("\n\n– Wir erwarten, dass Russland"))
    }

    @Test func textIsNormalisedToNFC() {
        let decomposed = "Titel ohne Punkt\n\nDer Mu\u{0308}ller sagte etwas Langes, das ein Satz ist.\n\nNoch ein Absatz.\n\nUnd noch einer."
        let article = PlainTextParser(file: "x").parse(decomposed)
        #expect(article.teaser == "Der M\u{00FC}ller sagte etwas Langes, das ein Satz ist.")
    }
}

/// Datelines in the forms real copy uses, and openings that only look like one.
struct DatelineTests {
    @Test(arguments: [
        ("Wladiwostok (Reuters) - Russland will helfen.", "Wladiwostok", "Reuters", "Russland will helfen."),
        ("Berlin/Ahrweiler (dpa) - Nach der Flut räumen Helfer auf.", "Berlin/Ahrweiler", "dpa", "Nach der Flut räumen Helfer auf."),
        ("Bad Neuenahr-Ahrweiler (dpa/lrs) – Die Aufräumarbeiten dauern an.", "Bad Neuenahr-Ahrweiler", "dpa/lrs", "Die Aufräumarbeiten dauern an."),
        ("BERLIN -- Germany's flood death toll rose on Saturday.", "BERLIN", "", "Germany's flood death toll rose on Saturday."),
        ("BERLIN (AP) — Rescuers searched on.", "BERLIN", "AP", "Rescuers searched on."),
        ("München – Die Feuerwehr war die ganze Nacht im Einsatz.", "München", "", "Die Feuerwehr war die ganze Nacht im Einsatz."),
        ("Frankfurt am Main – Die Börse reagierte gelassen auf die Nachricht.", "Frankfurt am Main", "", "Die Börse reagierte gelassen auf die Nachricht."),
        ("KOMSOMOLSK-ON-AMUR, Russia (Reuters) - Kim Jong Un visited a factory.", "KOMSOMOLSK-ON-AMUR, Russia", "Reuters", "Kim Jong Un visited a factory."),
        ("VOSTOCHNY COSMODROME, Russia, Sept 13 (Reuters) - Putin met Kim.", "VOSTOCHNY COSMODROME, Russia", "Reuters", "Putin met Kim."),
        ("St. Petersburg (AFP) - Ein Treffen.", "St. Petersburg", "AFP", "Ein Treffen."),
        // AFP's region in parentheses, CNN's agency without a place.
        ("Vladivostok (Russia) (AFP) - Kim met Putin.", "Vladivostok, Russia", "AFP", "Kim met Putin."),
        ("(CNN) — North Korean leader Kim Jong Un arrived.", "", "CNN", "North Korean leader Kim Jong Un arrived."),
        ("SEOUL (Yonhap) -- Kim arrived.", "SEOUL", "Yonhap", "Kim arrived."),
        // A full stop after a place in capitals or an agency, as German papers print them.
        ("WLADIWOSTOK. Kim traf Putin am Kosmodrom.", "WLADIWOSTOK", "", "Kim traf Putin am Kosmodrom."),
        ("Berlin (epd). Die Kirchen helfen.", "Berlin", "epd", "Die Kirchen helfen."),
    ])
    func datelines(text: String, place: String, agency: String, rest: String) throws {
        let found = try #require(Dateline(text))
        #expect(found.place == place && found.agency == agency && found.rest == rest)
    }

    @Test(arguments: [
        "Die Regierung – Das war zu erwarten – schwieg.",
        "Putin sagte - wie erwartet - nichts.",
        "Kim – so hieß es – reiste ab.",
        "Der Kreml (Moskau) - so die Agentur - schwieg.",
        "„Wir helfen“ - sagte er.",
        "Russland, China und Iran (alle Verbündete) - Ein Bündnis.",
        "Auf dem Weg nach Moskau machte er halt, und dann ging es weiter in Richtung Osten – Kim – sagte man.",
        "Er kam – Ende.",
        "(im Bild) - ein Treffen.", "(Archiv) – Was bleibt, ist offen.",
        "Wladiwostok. Kim traf Putin.", "Putin (70). Er ist der älteste.", "Dr. Müller sagte es.", "NATO-Gipfel. Die Runde tagte.",
        "Der Kreml (TASS). So hieß es.", "WLADIWOSTOK. kam er an.",
    ])
    func notDatelines(text: String) {
        #expect(Dateline(text) == nil, "\(text)")
    }

    @Test func theDatelineLeavesTheLeadAndItsAgencyBecomesTheOutlet() {
        let article = PlainTextParser(file: "x").parse("Flut im Ahrtal\n\nBerlin/Ahrweiler (dpa) - Nach der Flut räumen Helfer auf.\n\nDer zweite Absatz.\n\nDer dritte Absatz.\n")
        #expect(article.dateline == "Berlin/Ahrweiler")
        #expect(article.outlet == "DPA")
        #expect(article.teaser == "Nach der Flut räumen Helfer auf.")
        #expect(!article.blocks.contains { $0.contains("(dpa)") })
        let english = PlainTextParser(file: "y").parse("Floods in Germany\n\nBERLIN -- Germany's flood death toll rose on Saturday.\n\nMore text.\n")
        #expect(english.dateline == "BERLIN")
        #expect(english.blocks.first == "Germany's flood death toll rose on Saturday.")
        #expect(english.title == "Floods in Germany")
        let regional = PlainTextParser(file: "z").parse("Aufräumen\n\nMainz (dpa/lrs) – Die Helfer sind erschöpft.\n\nMehr.\n\nNoch mehr.\n")
        #expect(regional.outlet == "DPA")
        // Agencies beyond Europe's, an outlet's acronym; a country's acronym is no outlet.
        for (agency, outlet) in [("Yonhap", "Yonhap"), ("CNN", "CNN"), ("TASS", "TASS"), ("USA", "")] {
            let copy = PlainTextParser(file: "w").parse("Kim in Russia\n\nSEOUL (\(agency)) -- Kim arrived in Russia on Tuesday.\n\nMore text.\n")
            #expect(copy.outlet == outlet && copy.dateline == "SEOUL", "\(agency)")
        }
    }
}

/// What pages wrap around an article, in German and English, and article text that only
/// resembles it.
struct CruftTests {
    @Test(arguments: [
        "++++ Liveticker +++", "+++ Eilmeldung +++", "Liveticker", "Share this article", "Related: Floods in Belgium kill 20",
        "[Video not showing up above? Click here to watch »]", "Stay tuned with the latest news in our App", "Im Video: Putin spricht",
        "Lesen Sie auch: Die Flut und ihre Folgen", "Advertisement", "Skip to content", "Most read", "Zum Inhalt springen",
        "Das könnte Sie auch interessieren", "Read more: How the flood happened", "Download the app for live updates",
        "Updated 2 hours ago", "Updated ago", "Aktualisiert vor 5 Minuten", "Sign up here.", "Our Standards: The Thomson Reuters Trust Principles.",
        "Reporting by Trevor Hunnicutt and Michael Martina; Additional reporting by David Brunnstrom; Editing by Don Durfee and Grant McCool",
        "Writing by Andrew Osborn; editing by Guy Faulconbridge",
        "Associated Press writer Kim Tong-hyung in Seoul contributed to this report.", "Ivan Nechepurenko contributed reporting.", "Ivan Nechepurenko contributed reporting from Moscow.",
        "Mitarbeit: Anna Muster",
    ])
    func cruft(line: String) {
        #expect(TextCleaner.isCruft(line), "\(line)")
    }

    @Test(arguments: [
        "Die Flut traf das Ahrtal in der Nacht.", "Related companies were not affected, the ministry said.",
        "Share prices fell in Frankfurt.", "Live aus Schuld berichtet unsere Reporterin.", "„Wir teilen die Sorge“, sagte Dreyer.",
        "Kim kam mit dem Zug [aus Pjöngjang].", "Reporting by the BBC showed the ministry knew.", "Updated figures were published two days ago.",
        "Reporting by Reuters found that the talks had failed; editing by officials was not possible.", "The app, he said, was downloaded a million times before anyone noticed the flaw in the warning system, which had been reported.",
        "Russia contributed to this report's findings, officials said.", "Mitarbeiter des Ministeriums kamen.",
    ])
    func articleText(line: String) {
        #expect(!TextCleaner.isCruft(line), "\(line)")
    }

    @Test func aMapsLabelsAreDroppedButBylinesAndCaptionsKept() {
        let text = """
        Flut im Ahrtal

        Von Anna Muster
        13.09.2023

        Die Ahr trat in der Nacht über die Ufer. Helfer kamen aus dem ganzen Land.

        Köln
        Bonn
        Ahrweiler
        Schuld

        Überflutete Straße in Ahrweiler
        Foto: Credit: Reuters/Wolfgang Rattay

        Am Morgen begann das Aufräumen. Viele Häuser waren zerstört.
        """
        let article = PlainTextParser(file: "x").parse(text)
        #expect(article.authors == ["Anna Muster"])
        #expect(!article.blocks.contains { ["Köln", "Bonn", "Schuld"].contains($0) })
        #expect(article.captions.map(\.credit) == ["Reuters/Wolfgang Rattay"])
        #expect(article.captions.map(\.text) == ["Überflutete Straße in Ahrweiler"])
        #expect(article.blocks.contains("Am Morgen begann das Aufräumen. Viele Häuser waren zerstört."))
    }
}

/// Lines that only give the date, as German and English pages print them.
struct DateLineTests {
    @Test(arguments: [
        ("13.09.2023", "2023-09-13"), ("13.09.2023, 10:45 Uhr", "2023-09-13"), ("Mittwoch, 13. September 2023", "2023-09-13"),
        ("Stand: 14.07.2021 18:03 Uhr", "2021-07-14"), ("Aktualisiert am 15. Juli 2021, 09:12 Uhr", "2021-07-15"),
        ("Sept. 13, 2023 9:45 AM GMT", "2023-09-13"), ("Updated 13 September 2023", "2023-09-13"), ("July 16, 2021", "2021-07-16"),
        ("2023-09-13", "2023-09-13"), ("Published: 2021-07-15T10:00:00Z", "2021-07-15"), ("Fr 16.07.2021 - 12:30", "2021-07-16"),
        ("15. Jänner 2022", "2022-01-15"),
        // With a zone's offset, and with what pages print after the date (the first date counts).
        ("September 13, 2023 7:42 AM GMT+2 Updated 3 years ago", "2023-09-13"), ("September 13, 2023 7:42 AM GMT+2Updated 3 years ago", "2023-09-13"),
        ("Published Sep 13, 2023 Updated Sep 14, 2023", "2023-09-13"), ("Sept. 13, 2023, 9:45 a.m. ET", "2023-09-13"),
        ("Wed 13 Sep 2023 04.00 EDT", "2023-09-13"), ("Last modified on Wed 13 Sep 2023 12.00 BST", "2023-09-13"),
        ("13 September 2023 · 5 min read", "2023-09-13"), ("13.09.2023 · 4 Min. Lesezeit", "2023-09-13"),
        ("Zuletzt aktualisiert: 13.09.2023, 10:45 Uhr", "2023-09-13"), ("Erstellt am 13.09.2023 | Lesedauer: 3 Minuten", "2023-09-13"),
        ("Sep 13, 2023 / 10:45 AM PDT", "2023-09-13"), ("13.09.2023 – aktualisiert 14.09.2023", "2023-09-13"),
        ("2023-09-13T10:00:00+02:00", "2023-09-13"), ("13 Sep 2023, 10:45 UTC+03:00", "2023-09-13"),
        // Two-digit years, and day and month with slashes where their values tell which is which.
        ("13.09.23", "2023-09-13"), ("Stand: 13.09.23, 10:45 Uhr", "2023-09-13"), ("01.01.99", "1999-01-01"),
        ("13/09/2023", "2023-09-13"), ("9/13/2023 10:45 AM EDT", "2023-09-13"), ("Updated 09/13/2023", "2023-09-13"),
        ("9/9/2023", "2023-09-09"), ("2023/09/13", "2023-09-13"), ("2023.9.13", "2023-09-13"),
        // The time first, as AP prints it.
        ("Updated 4:12 AM GMT+2, September 12, 2023", "2023-09-12"), ("10:45 Uhr, 13.09.2023", "2023-09-13"),
        ("9:30 PM EDT on Sept. 12, 2023", "2023-09-12"),
    ])
    func dates(line: String, iso: String) {
        #expect(DateLine.date(in: line) == iso)
    }

    @Test(arguments: ["31.02.2023", "13.09.2023 starben drei Menschen", "Am 13. September 2023 kam Kim.", "2019 trafen sich Putin und Kim",
                      "Mai 2023", "Seite 2 von 3", "Update 3", "Updated 3 years ago", "5 min read", "13.09.2023 starben drei Menschen · 5 min read",
                      "Am 13. September 2023 kam Kim, 2 days ago", "September 2023 Updated 3 years ago",
                      // Day and month undecided ("9/12/2023" is 9 December in London and 12 September in
                      // New York), versions and scores, a year of three digits.
                      "9/12/2023", "3.1.2", "1/2/3", "13/13/2023", "13.09.203", "2023/13/09", "31.02.23", "4:12 AM GMT+2", "10:45 Uhr"])
    func notDates(line: String) {
        #expect(DateLine.date(in: line) == nil, "\(line)")
    }

    @Test func aDateLineAboveTheTextIsTheDateNotTheTeaser() {
        let article = PlainTextParser(file: "x").parse("Flut im Ahrtal\n\nVon Anna Muster\n13.09.2023, 10:45 Uhr\n\nDie Ahr trat über die Ufer. Helfer kamen.\n\nMehr.\n\nNoch mehr.\n")
        #expect(article.date == "2023-09-13")
        #expect(article.teaser == "Die Ahr trat über die Ufer. Helfer kamen.")
    }
}

/// Lines under the headline that name the outlet (or the place) and the date.
struct SourceLineTests {
    @Test(arguments: [
        ("Reuters, 15 November 2023", "2023-11-15", "Reuters", ""), ("dpa, 16. November 2023", "2023-11-16", "DPA", ""),
        ("Süddeutsche Zeitung, 14.09.2023, S. 7", "2023-09-14", "Süddeutsche Zeitung", ""),
        ("The Guardian | 13 September 2023", "2023-09-13", "The Guardian", ""), ("13.09.2023 · ZEIT ONLINE", "2023-09-13", "ZEIT ONLINE", ""),
        ("Reuters News, Sept. 13, 2023, 712 words", "2023-09-13", "Reuters News", ""), ("taz, 14.09.2023", "2023-09-14", "taz", ""),
        ("ORF, Mittwoch, 13. September 2023, 10:45 Uhr", "2023-09-13", "ORF", ""), ("Die Welt – 13.09.2023", "2023-09-13", "Die Welt", ""),
        ("BERLIN, 13.09.2023", "2023-09-13", "", "BERLIN"), ("Nordkorea, 13. September 2023", "2023-09-13", "", "Nordkorea"),
        ("USA, 13.09.2023", "2023-09-13", "", "USA"), ("KCNA, 13.09.2023", "2023-09-13", "KCNA", ""),
    ])
    func sourceLines(line: String, date: String, outlet: String, place: String) {
        #expect(SourceLine(line).map { [$0.date, $0.outlet, $0.place] } == [date, outlet, place], "\(line)")
    }

    /// A date alone, a name that may be an outlet or a place, a sentence, a list of names.
    @Test(arguments: ["Mittwoch, 13. September 2023", "Berlin, 13.09.2023", "Die Welt ist groß, 13.09.2023", "Putin, Kim, 2023",
                      "Am 13.09.2023 trafen sich Putin und Kim, sagte er", "Seite 2 von 3", "Kim sagte: „Wir kommen“, 13.09.2023",
                      "Reuters, 15 November", "Gespräche in Wladiwostok. 13.09.2023"])
    func notSourceLines(line: String) {
        #expect(SourceLine(line) == nil, "\(line)")
    }

    @Test func aSourceLineUnderTheHeadlineGivesOutletAndDateNotTheTeaser() {
        let article = PlainTextParser(file: "x").parse("Biden and Xi meet in San Francisco\n\nReuters, 15 November 2023\n\nJoe Biden met Xi Jinping on Wednesday. They talked.\n\nMore text.\n\nEven more.\n")
        #expect(article.outlet == "Reuters")
        #expect(article.date == "2023-11-15")
        #expect(article.teaser == "Joe Biden met Xi Jinping on Wednesday. They talked.")
        #expect(!article.blocks.contains { $0.contains("Reuters") })
    }

    @Test func aSourceLineThatSaysOtherwiseThanTheCopyrightStaysText() {
        // The copyright names Reuters; a line naming another outlet is not dropped.
        let article = PlainTextParser(file: "x").parse("Titel der Meldung\n\n(c) Copyright Thomson Reuters 2023\n\ndpa, 16. November 2023\n\nDer Text beginnt hier. Er geht weiter.\n")
        #expect(article.outlet == "Reuters")
        #expect(article.date == "")
        #expect(([article.teaser] + article.blocks).contains { $0.contains("16. November 2023") })
    }
}

/// English agency copy as it is pasted: the agency's name under the byline, captions that end in
/// their credit in parentheses (AP's "(AP Photo/…)", "(Photo by … / AFP)", dpa's "(Foto: …)").
struct AgencyCaptionTests {
    @Test func theAgencyLineIsTheOutletAndCaptionsWithCreditsInParenthesesLeaveTheBody() {
        let article = PlainTextParser(file: "x").parse("""
        Biden and Xi agree to restore military talks

        By Jane Doe and John Roe
        Associated Press

        WOODSIDE, Calif. (AP) — President Joe Biden and Chinese President Xi Jinping agreed on Wednesday to restore military communications.

        President Joe Biden greets China's President Xi Jinping at the Filoli Estate in Woodside, Calif., Wednesday, Nov. 15, 2023. (AP Photo/Evan Vucci)

        "We have to ensure that competition does not veer into conflict," Biden said.

        Xi Jinping arrives at the summit (Photo by Brendan Smialowski / AFP)

        Wladimir Putin und Kim Jong Un am Mittwoch (Foto: Mikhail Metzel/dpa)

        Xi said the planet was big enough for both countries to succeed, and that the two sides would meet again next year, officials reported (dpa/AFP)

        The talks lasted four hours (the longest so far).

        Die Mittel kommen aus dem Haushalt des Ministeriums (Bildungsministerium)
        """)
        #expect(article.outlet == "AP")
        #expect(article.authors == ["Jane Doe", "John Roe"])
        #expect(article.teaser == "President Joe Biden and Chinese President Xi Jinping agreed on Wednesday to restore military communications.")
        #expect(article.captions == [
            .init(text: "President Joe Biden greets China's President Xi Jinping at the Filoli Estate in Woodside, Calif., Wednesday, Nov. 15, 2023.", credit: "AP Photo/Evan Vucci", title: ""),
            .init(text: "Xi Jinping arrives at the summit", credit: "Brendan Smialowski / AFP", title: ""),
            .init(text: "Wladimir Putin und Kim Jong Un am Mittwoch", credit: "Mikhail Metzel/dpa", title: ""),
        ])
        // A signature and a remark in parentheses are the text's.
        #expect(article.blocks.contains { $0.hasSuffix("officials reported (dpa/AFP)") })
        #expect(article.blocks.contains("The talks lasted four hours (the longest so far)."))
        #expect(article.blocks.contains { $0.hasSuffix("(Bildungsministerium)") })
        #expect(!article.blocks.contains { $0.contains("Associated Press") || $0.contains("Photo") || $0.contains("Foto") })
    }

    @Test func aCreditLineOfAnAgencysPhotoServiceMakesTheLineBeforeACaption() {
        let article = PlainTextParser(file: "x").parse("Title of the story\n\nText that starts here. It goes on.\n\nBiden greets Xi in Woodside\nAP Photo/Evan Vucci\n\nMore text here. And more.\n")
        #expect(article.captions == [.init(text: "Biden greets Xi in Woodside", credit: "AP Photo/Evan Vucci", title: "")])
        let german = PlainTextParser(file: "x").parse("Titel der Meldung\n\nDer Text beginnt hier. Er geht weiter.\n\nPutin empfängt Kim\ndpa Foto/Mikhail Metzel\n\nMehr Text. Und mehr.\n")
        #expect(german.captions == [.init(text: "Putin empfängt Kim", credit: "dpa Foto/Mikhail Metzel", title: "")])
    }
}

/// A wire story as its page reads when copied: the date line with the time zone's offset and
/// "Updated … ago", captions whose credits follow their last sentence without parentheses, and
/// the licensing note after a credit.
struct WireCopyTests {
    /// AP's copy: the byline in capitals, the time before the date, the dateline with an em
    /// dash, and who contributed at the end.
    @Test func apCopyGivesAuthorsAsWrittenTheDateAndNoContributorLine() {
        let article = PlainTextParser(file: "ap.txt").parse("""
        Kim Jong Un arrives in Russia for summit with Putin

        BY HYUNG-JIN KIM AND CONOR O'BRIEN
        Updated 4:12 AM GMT+2, September 12, 2023

        SEOUL, South Korea (AP) — North Korean leader Kim Jong Un arrived in Russia on Tuesday for a summit with President Vladimir Putin.

        Kim's armored train crossed the border early Tuesday, according to South Korean officials.

        "This is an important visit," Kremlin spokesman Dmitry Peskov told reporters.

        Associated Press writer Kim Tong-hyung in Seoul contributed to this report.
        """)
        #expect(article.authors == ["Hyung-Jin Kim", "Conor O'Brien"])
        #expect(article.date == "2023-09-12")
        #expect(article.outlet == "AP" && article.dateline == "SEOUL, South Korea")
        #expect(article.blocks.last == "\"This is an important visit,\" Kremlin spokesman Dmitry Peskov told reporters.")
        #expect(Byline.fromCapitals("URSULA VON DER LEYEN") == "Ursula von der Leyen" && Byline.fromCapitals("AP") == "AP"
                && Byline.fromCapitals("Justin McCurry") == "Justin McCurry")
    }

    @Test func theDateLineIsTheDateAndCaptionsWithTrailingCreditsLeaveTheBody() {
        let article = PlainTextParser(file: "x").parse("""
        Putin and Kim meet at Russian spaceport, discuss military matters

        By Guy Faulconbridge and Josh Smith

        September 13, 2023 7:42 AM GMT+2 Updated 3 years ago

        VOSTOCHNY COSMODROME, Russia, Sept 13 (Reuters) - North Korean leader Kim Jong Un invited Russian President Vladimir Putin to visit North Korea, North Korea's KCNA news agency reported.

        Russian President Vladimir Putin and North Korea's leader Kim Jong Un visit the Vostochny Cosmodrome in the far eastern Amur region, Russia, September 13, 2023. Sputnik/Mikhail Metzel/Kremlin via REUTERS Acquire Licensing Rights

        Kim Jong Un arrives at the cosmodrome. REUTERS/Evelyn Hockstein

        "I am very glad to see you," Putin told Kim. "This is our new cosmodrome."

        The two leaders then met behind closed doors. AFP/AP

        Officials said the visit would last several days. EU/Nato-Gespräche gehen weiter

        Kim said Russia had risen up in a "sacred fight" against the West. Photo: Mikhail Metzel/Sputnik
        """)
        #expect(article.date == "2023-09-13")
        #expect(article.teaser.hasPrefix("North Korean leader Kim Jong Un invited"), "the date line is not the teaser")
        #expect(article.captions == [
            .init(text: "Russian President Vladimir Putin and North Korea's leader Kim Jong Un visit the Vostochny Cosmodrome in the far eastern Amur region, Russia, September 13, 2023.",
                  credit: "Sputnik/Mikhail Metzel/Kremlin via REUTERS", title: ""),
            .init(text: "Kim Jong Un arrives at the cosmodrome.", credit: "REUTERS/Evelyn Hockstein", title: ""),
            .init(text: "Kim said Russia had risen up in a \"sacred fight\" against the West.", credit: "Mikhail Metzel/Sputnik", title: ""),
        ])
        // A signature and text after a sentence are the text's.
        #expect(article.blocks.contains("The two leaders then met behind closed doors. AFP/AP"))
        #expect(article.blocks.contains("Officials said the visit would last several days. EU/Nato-Gespräche gehen weiter"))
        #expect(!article.blocks.contains { $0.contains("Licensing") || $0.contains("Updated") || $0.contains("REUTERS/") })
    }

    /// Names alone above the date line are the byline (where each writes from left out), and the
    /// standfirst above them the teaser; "Photograph:" labels a caption's credit.
    @Test func namesAboveTheDateLineAreTheAuthors() {
        let article = PlainTextParser(file: "x").parse("""
        Kim Jong-un and Vladimir Putin hold talks at Russian space centre

        North Korean leader offers Moscow ‘full and unconditional support’ in meeting at Vostochny cosmodrome

        Pjotr Sauer in Moscow and Justin McCurry in Tokyo
        Wed 13 Sep 2023 10.04 BST

        Vladimir Putin and Kim Jong-un at the Vostochny cosmodrome on Wednesday. Photograph: Vladimir Smirnov/AP

        Kim Jong-un has offered Vladimir Putin his “full and unconditional support” at a summit in Russia’s far east.

        Putin said the two countries had discussed “all issues”.

        Talks Behind Closed Doors

        The two leaders met for four hours.
        """)
        #expect(article.authors == ["Pjotr Sauer", "Justin McCurry"])
        #expect(article.date == "2023-09-13")
        #expect(article.teaser == "North Korean leader offers Moscow ‘full and unconditional support’ in meeting at Vostochny cosmodrome")
        #expect(article.captions == [.init(text: "Vladimir Putin and Kim Jong-un at the Vostochny cosmodrome on Wednesday.", credit: "Vladimir Smirnov/AP", title: "")])
        // Names not above a date line are text: a subheading stays one.
        #expect(article.blocks.contains("## Talks Behind Closed Doors"))
        #expect(article.outlet.isEmpty, "nothing names the outlet")
        // A headline in capitals over the date line is the headline.
        let capitals = PlainTextParser(file: "x").parse("Putin And Kim Meet\n13 September 2023\n\nThe text starts here. It goes on.\n\nMore text. And more.\n")
        #expect(capitals.title == "Putin And Kim Meet")
        #expect(capitals.authors.isEmpty)
    }

    /// The BBC's furniture: the outlet under the byline, and "Image source, …" / "Image caption,"
    /// / the caption; a place under a byline is no outlet.
    @Test func theOutletUnderTheBylineAndLabelledCaptions() {
        let article = PlainTextParser(file: "x").parse("""
        Kim Jong Un and Putin meet at Russian space base

        13 September 2023

        Image source, Reuters
        Image caption,
        Kim Jong Un is on a rare trip abroad

        By Frances Mao
        BBC News

        Russian President Vladimir Putin has welcomed North Korean leader Kim Jong Un for a summit in Russia's far east.

        Image caption,
        The cosmodrome lies in the Amur region

        "I'm very glad to see you," Mr Putin told Mr Kim as they shook hands.

        Mr Kim said: "Russia has risen to a sacred fight to protect its sovereignty."
        """)
        #expect(article.outlet == "BBC News")
        #expect(article.authors == ["Frances Mao"])
        #expect(article.captions == [.init(text: "Kim Jong Un is on a rare trip abroad", credit: "Reuters", title: ""),
                                     .init(text: "The cosmodrome lies in the Amur region", credit: "", title: "")])
        #expect(article.teaser.hasPrefix("Russian President Vladimir Putin has welcomed"))
        #expect(!article.blocks.contains { $0.contains("Image") || $0.contains("BBC") })
        let place = PlainTextParser(file: "x").parse("Title of the story here\n\nBy Jane Doe\nMoskau\n\nThe text starts here. It goes on.\n\nMore text. And more.\n")
        #expect(place.outlet.isEmpty)
        // A role under the byline is the author's, no subheading of the text.
        let role = PlainTextParser(file: "x").parse("Title of the story here\n\nBy Laura Bicker\nChina correspondent\n\nThe text starts here. It goes on.\n\nMore text. And more.\n")
        #expect(role.authors == ["Laura Bicker"])
        #expect(!role.blocks.contains { $0.contains("correspondent") })
    }

    /// A German magazine's page: the kicker over the headline, the outlet after the date, the
    /// credit labelled after the caption without a full stop, the editor's initials before the
    /// agencies' signature.
    @Test func kickerOutletAfterTheDateAndInlineCreditLabel() {
        let article = PlainTextParser(file: "x").parse("""
        Gipfel in Russlands Fernem Osten
        Putin empfängt Kim auf Weltraumbahnhof

        Der Kremlchef hat den nordkoreanischen Diktator auf dem Kosmodrom Wostotschny begrüßt. Es dürfte um Waffen gehen.

        13.09.2023, 08.58 Uhr • aus DER SPIEGEL

        Wladimir Putin und Kim Jong Un in Wostotschny Foto: Vladimir Smirnov / AP

        Wladimir Putin hat Kim Jong Un auf dem Weltraumbahnhof Wostotschny empfangen.

        »Ich bin sehr froh, Sie zu sehen«, sagte Putin zu Kim.

        mrc/dpa/Reuters
        """)
        #expect(article.title == "Gipfel in Russlands Fernem Osten: Putin empfängt Kim auf Weltraumbahnhof")
        #expect(article.outlet == "DER SPIEGEL")
        #expect(article.date == "2023-09-13")
        #expect(article.captions == [.init(text: "Wladimir Putin und Kim Jong Un in Wostotschny", credit: "Vladimir Smirnov / AP", title: "")])
        #expect(article.blocks == ["Wladimir Putin hat Kim Jong Un auf dem Weltraumbahnhof Wostotschny empfangen.", "»Ich bin sehr froh, Sie zu sehen«, sagte Putin zu Kim."])
        #expect(LineKind.captionWithCredit("Kim und Putin am Mittwoch Foto: dpa")! == ("Kim und Putin am Mittwoch", "dpa"))
        #expect(LineKind.captionWithCredit("Die Zeitung zeigte dazu ein Foto: Kim und Putin lachend") == nil, "text, not a credit")
        // A headline over its subtitle (a sentence) or over a line set apart by an empty line has no kicker.
        for text in ["Putin empfängt Kim\nDer Kremlchef begrüßt den Diktator im Fernen Osten.\n\nDer Text beginnt hier. Er geht weiter.\n\nMehr Text. Und mehr.\n",
                     "Putin empfängt Kim\n\nDer Kremlchef begrüßt den Diktator im Fernen Osten\n\nDer Text beginnt hier. Er geht weiter.\n\nMehr Text. Und mehr.\n"] {
            #expect(PlainTextParser(file: "x").parse(text).title == "Putin empfängt Kim")
        }
    }

    /// "Von Demian von Osten, ARD-Studio Moskau": the name with its small "von", not the studio.
    @Test func aBylineNamesTheAuthorNotTheDesk() {
        let article = PlainTextParser(file: "x").parse("Treffen in Russland: Kim sichert Putin Unterstützung zu\n\nStand: 13.09.2023 12:34 Uhr\n\nVon Demian von Osten, ARD-Studio Moskau\n\nDer Text beginnt hier. Er geht weiter.\n\nMehr Text. Und mehr.\n")
        #expect(article.authors == ["Demian von Osten"])
        #expect(!article.blocks.contains { $0.contains("Osten") })
        #expect(Agencies.outlet(signedBy: "mrc/dpa/Reuters") == "DPA/Reuters")
        #expect(Agencies.outlet(signedBy: "Mrc/dpa") == nil, "initials are written small")
    }
}

/// What a German news site puts around a pasted article: the audio player, the reading list,
/// links under "Mehr zum Thema", a paywall note, a credit whose picture has no caption.
struct PageFurnitureTests {
    @Test func playerLinksPaywallNoteAndAnUncaptionedCreditLeaveTheText() {
        let article = PlainTextParser(file: "spiegel.txt").parse("""
        Putin empfängt Kim auf dem Weltraumbahnhof

        Artikel anhören (3 Minuten)
        Zur Merkliste hinzufügen
        13.09.2023, 10:45 Uhr

        Wladimir Putin und Kim Jong Un haben sich im Fernen Osten Russlands getroffen. Es geht um Raketen und um Munition.

        Foto: Mikhail Metzel / AP

        Kremlchef Putin zeigte seinem Gast die Startrampe. „Wir werden über alles sprechen“, sagte Putin.

        Mehr zum Thema
        Nordkorea: Kim reist mit dem Zug nach Russland
        Raketen gegen Munition

        Dieser Artikel gehört zum Angebot von SPIEGEL+. Sie können ihn auch ohne Abonnement lesen, weil er Ihnen geschenkt wurde.

        Mehr zum Thema

        Was Kim in Russland will, ist noch offen. Beobachter erwarten Waffengeschäfte.
        """)
        #expect(article.date == "2023-09-13")
        #expect(article.teaser == "Wladimir Putin und Kim Jong Un haben sich im Fernen Osten Russlands getroffen. Es geht um Raketen und um Munition.")
        #expect(article.blocks == ["Kremlchef Putin zeigte seinem Gast die Startrampe. „Wir werden über alles sprechen“, sagte Putin.",
                                   "Was Kim in Russland will, ist noch offen. Beobachter erwarten Waffengeschäfte."])
        #expect(article.warnings.contains("spiegel.txt: left out a short line as the credit of a picture without a caption (\"Foto: Mikhail Metzel / AP\"); if it is the article's text, add it back"))
    }

    /// A caption a blank line above its labelled credit is the picture's; a paragraph of more
    /// than one sentence, one that quotes, a subheading, or a line before an unlabelled credit
    /// stays the text's.
    @Test func aCaptionABlankLineAboveItsCreditIsThePictures() {
        let article = PlainTextParser(file: "a.txt").parse("""
        Putin empfängt Kim auf dem Weltraumbahnhof

        Wladimir Putin hat Kim Jong Un im Fernen Osten Russlands empfangen. Es ging um Raketen.

        Wladimir Putin und Kim Jong Un am Weltraumbahnhof Wostotschny.

        Foto: Mikhail Metzel/AP

        Kim sprach von einem heiligen Kampf Russlands. Er kam mit dem Zug.

        Putin sagte: „Wir werden über alles sprechen.“

        Foto: Vladimir Smirnov/AP

        Was Kim in Russland will

        Bild: Sputnik

        Der Besuch dauerte mehrere Stunden.

        Sputnik/Kremlin

        Beobachter erwarten Waffengeschäfte.
        """)
        #expect(article.captions.map(\.text) == ["Wladimir Putin und Kim Jong Un am Weltraumbahnhof Wostotschny."])
        #expect(article.captions.map(\.credit) == ["Mikhail Metzel/AP"])
        #expect(article.blocks.contains("Putin sagte: „Wir werden über alles sprechen.“"))
        #expect(article.blocks.contains("Was Kim in Russland will") || article.blocks.contains("## Was Kim in Russland will"), "\(article.blocks)")
        #expect(article.blocks.contains("Der Besuch dauerte mehrere Stunden."))
        #expect(!article.blocks.contains { $0.contains("Wostotschny.") })
    }
}
