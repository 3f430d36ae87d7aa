/// The words of the interface in the dossier's language (German and English built in).
public struct Localization: Sendable {
    public let language: String
    public let strings: [String: String]
    /// Per counted word (`key` of `key.other`), its text before and after `%d`: cut once, as
    /// every entity page says two counts.
    private let counts: [String: (before: String, after: String?)]

    public init(language: String) {
        let known = Self.tables[language] != nil
        self.language = known ? language : "en"
        strings = Self.tables[self.language]!
        var counts: [String: (before: String, after: String?)] = [:]
        for (key, text) in strings where key.hasSuffix(".other") {
            let marker = text.firstRange(of: "%d")
            counts[String(key.dropLast(".other".count))] = marker.map { (String(text[..<$0.lowerBound]), String(text[$0.upperBound...])) } ?? (text, nil)
        }
        self.counts = counts
    }

    public subscript(key: String) -> String { strings[key] ?? key }

    /// `key.one` for a count of one, else `key.other` with the count for `%d`.
    func counted(_ key: String, _ count: Int) -> String {
        guard count != 1 else { return self[key + ".one"] }
        guard let (before, after) = counts[key] else { return key + ".other" }
        return after.map { before + String(count) + $0 } ?? before
    }

    /// The quotation marks a text in `language` opens and closes a quote with: „…“ in German,
    /// “…” in English and where the language has none listed here, «…» in French.
    public static func quotationMarks(for language: String) -> (open: String, close: String) {
        switch language.prefix(2).lowercased() {
        case "de": ("„", "“")
        case "fr": ("« ", " »")
        default: ("“", "”")
        }
    }

    static let months = [
        "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ]

    /// A partial ISO date as readers write it: "13. September 2023", "September 2023".
    public func formatDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first else { return "" }
        let names = Self.months[language]!
        guard parts.count > 1, (1...12).contains(parts[1]) else { return String(year) }
        let month = names[parts[1] - 1]
        guard parts.count > 2 else { return "\(month) \(year)" }
        return language == "de" ? "\(parts[2]). \(month) \(year)" : "\(parts[2]) \(month) \(year)"
    }

    static let tables: [String: [String: String]] = [
        "de": [
            "home": "Start", "articles": "Artikel", "article": "Artikel",
            "persons": "Personen", "places": "Orte", "orgs": "Organisationen",
            "person": "Person", "place": "Ort", "org": "Organisation",
            "mentions": "Erwähnungen", "mention": "Erwähnung", "appearsWith": "Erwähnt mit",
            "aliasesSeen": "Schreibweisen", "outlets": "Medien", "outlet": "Medium", "by": "von",
            "mostMentioned": "Am häufigsten erwähnt", "allEntities": "Alle", "alphabetical": "Alphabetisch",
            "byMentions": "Nach Erwähnungen", "search": "Suche", "searchPlaceholder": "Im Dossier suchen …",
            "mentionCount.one": "1 Erwähnung", "mentionCount.other": "%d Erwähnungen",
            "inArticleCount.one": "in 1 Artikel", "inArticleCount.other": "in %d Artikeln",
            "articleCount.one": "1 Artikel", "articleCount.other": "%d Artikel", "outletCount.one": "1 Medium", "outletCount.other": "%d Medien",
            "sentenceCount.one": "1 gemeinsamer Satz", "sentenceCount.other": "%d gemeinsame Sätze",
            "companionCount.one": "1 Begleiter", "companionCount.other": "%d Begleiter", "nameCount.one": "1 Name", "nameCount.other": "%d Namen",
            "placeCount.one": "1 Ort", "placeCount.other": "%d Orte",
            "unplacedCount.one": "1 Ort ohne Koordinaten im Verzeichnis ist nicht eingezeichnet.",
            "unplacedCount.other": "%d Orte ohne Koordinaten im Verzeichnis sind nicht eingezeichnet.",
            "searchLabel": "Im Dossier suchen", "searchButton": "Suchen", "searchFilters": "Eingrenzen", "filterType": "Art",
            "filterEntity": "Name", "filterMonth": "Monat", "any": "alle", "results": "Treffer", "noResults": "Nichts gefunden.",
            "searchMore": "Weitere Treffer", "searchNeedsTerm": "Geben Sie einen Suchbegriff ein; die Auswahl darunter grenzt die Treffer ein.", "searchListed": "Alles auf einer Seite:", "searchNeedsScript": "Die Suche braucht JavaScript.",
            "searchFromDisk": "Die Suche braucht einen Webserver: Browser laden den Suchindex nicht von der Festplatte. Öffnen Sie die veröffentlichte Seite oder starten Sie `dossier serve`.",
            "searchUnavailable": "Die Suche ist nicht verfügbar: Der Suchindex fehlt (Pagefind war beim Bauen nicht installiert).",
            "searchHelp": "Gesucht werden Artikel sowie Name und Beschreibung jeder Person, jedes Orts, jeder Organisation und jedes Mediums. Mehrere Wörter finden Seiten mit allen; ein Wortanfang findet das ganze Wort („Raum“ findet „Raumfahrt“), ein Teil in der Mitte eines zusammengesetzten Worts nicht („fahrt“ findet „Raumfahrt“ nicht).",
            "source": "Quelle", "original": "Original", "photo": "Foto", "dateUnknown": "Datum unbekannt",
            "field.title": "Titel", "field.teaser": "Vorspann", "field.caption": "Bildunterschrift", "field.captionTitle": "Bildtitel",
            "field.credit": "Bildnachweis", "field.dateline": "Ortsmarke", "field.author": "Autor",
            "wikidata": "Wikidata", "map": "Karte", "notFound": "Seite nicht gefunden",
            "notFoundText": "Diese Seite gibt es nicht (mehr). Zurück zur Startseite:", "feed": "Atom-Feed",
            "page": "Seite", "previous": "Zurück", "next": "Weiter", "inArticles": "in Artikeln",
            "countArticles": "Artikel", "countOutlets": "Medien", "skip": "Zum Inhalt",
            "mentionedIn": "Erwähnt in", "dateline": "Ort", "authors": "Autoren", "name": "Name",
            "unknownOutlet": "Ohne Quellenangabe", "outletsCompared": "Medien im Vergleich", "coverage": "Wer wen wie oft erwähnt",
            "onlyHere": "Von keinem anderen Medium erwähnt", "singleSource": "Nur von einem Medium berichtet",
            "singleSourceText": "Was genau ein Medium erwähnt und kein anderes (Artikel ohne Quellenangabe zählen hier nicht als Medium), mit dem ersten Satz, in dem es steht.",
            "mentioned": "Erwähnt", "more": "weitere", "only": "Nur hier", "outletArticles": "Artikel dieses Mediums",
            "notCompared": "Das Dossier hat nur ein Medium: es gibt nichts zu vergleichen.", "timeline": "Zeitleiste", "quotes": "Zitate", "speaker": "Wer", "allQuotes": "Alle Zitate", "unattributedQuotes": "Ohne sicheren Sprecher",
            "allUnattributedQuotes": "Alle in data/dossier.json",
            "sharedPassages": "Geteilte Passagen", "alsoIn": "auch in:", "compare": "vergleichen",
            "sharedText": "Sätze, die mehrere Artikel wörtlich oder fast wörtlich gemeinsam haben, wie es bei Agenturtext üblich ist. Die früheste Fassung steht oben, wohl die Quelle der anderen (Fassungen ohne Datum zuletzt); in den anderen ist <del>durchgestrichen</del>, was dort fehlt, und <ins>unterstrichen</ins>, was dort anders steht.",
            "noShared": "Keine Passage steht in mehr als einem Artikel.",
            "network": "Netzwerk", "sentences": "gemeinsame Sätze", "and": "und", "companions": "Begleiter", "entities": "Namen",
            "together": "Gemeinsame Sätze", "strongestPairs": "Die engsten Verbindungen",
            "networkText": "Die meistgenannten Namen; eine Linie verbindet zwei, die in denselben Sätzen stehen, je dicker, desto öfter. Jede Linie führt zu diesen Sätzen.",
            "coordinates": "Koordinaten", "allPlaces": "Alle Orte auf einer Karte", "outlinesCredit": "Umrisse: Natural Earth",
            "mapText": "Die Orte des Dossiers mit Koordinaten; je größer der Punkt, desto öfter wird der Ort erwähnt.",
            "unplaced": "Orte ohne Koordinaten im Verzeichnis sind nicht eingezeichnet.", "versions": "Fassungen", "sharedShort": "welche Sätze mehrere Medien gemeinsam haben (Agenturtext)",
        ],
        "en": [
            "home": "Home", "articles": "Articles", "article": "Article",
            "persons": "People", "places": "Places", "orgs": "Organisations",
            "person": "Person", "place": "Place", "org": "Organisation",
            "mentions": "Mentions", "mention": "Mention", "appearsWith": "Appears with",
            "aliasesSeen": "Written as", "outlets": "Outlets", "outlet": "Outlet", "by": "by",
            "mostMentioned": "Most mentioned", "allEntities": "All", "alphabetical": "Alphabetical",
            "byMentions": "By mentions", "search": "Search", "searchPlaceholder": "Search the dossier …",
            "mentionCount.one": "1 mention", "mentionCount.other": "%d mentions",
            "inArticleCount.one": "in 1 article", "inArticleCount.other": "in %d articles",
            "articleCount.one": "1 article", "articleCount.other": "%d articles", "outletCount.one": "1 outlet", "outletCount.other": "%d outlets",
            "sentenceCount.one": "1 shared sentence", "sentenceCount.other": "%d shared sentences",
            "companionCount.one": "1 companion", "companionCount.other": "%d companions", "nameCount.one": "1 name", "nameCount.other": "%d names",
            "placeCount.one": "1 place", "placeCount.other": "%d places",
            "unplacedCount.one": "1 place without coordinates in the registry is not drawn.",
            "unplacedCount.other": "%d places without coordinates in the registry are not drawn.",
            "searchLabel": "Search the dossier", "searchButton": "Search", "searchFilters": "Narrow down", "filterType": "Kind",
            "filterEntity": "Name", "filterMonth": "Month", "any": "any", "results": "results", "noResults": "Nothing found.",
            "searchMore": "More results", "searchNeedsTerm": "Enter a search term; the choices below narrow its results.", "searchListed": "All of it on one page:", "searchNeedsScript": "Search needs JavaScript.",
            "searchFromDisk": "Search needs a web server: browsers do not load the search index from disk. Open the published site or run `dossier serve`.",
            "searchUnavailable": "Search is not available: the search index is missing (Pagefind was not installed when the site was built).",
            "searchHelp": "Search covers the articles and the name and description of every person, place, organisation and outlet. Several words find pages with all of them; the start of a word finds the whole word (“space” finds “spaceport”), a part in the middle of a compound does not.",
            "source": "Source", "original": "Original", "photo": "Photo", "dateUnknown": "Date unknown",
            "field.title": "Headline", "field.teaser": "Standfirst", "field.caption": "Caption", "field.captionTitle": "Caption title",
            "field.credit": "Photo credit", "field.dateline": "Dateline", "field.author": "Byline",
            "wikidata": "Wikidata", "map": "Map", "notFound": "Page not found",
            "notFoundText": "This page does not exist (any more). Back to the start page:", "feed": "Atom feed",
            "page": "Page", "previous": "Previous", "next": "Next", "inArticles": "in articles",
            "countArticles": "articles", "countOutlets": "outlets", "skip": "Skip to content",
            "mentionedIn": "Mentioned in", "dateline": "Dateline", "authors": "Authors", "name": "Name",
            "unknownOutlet": "No outlet given", "outletsCompared": "Outlets compared", "coverage": "Who mentions whom how often",
            "onlyHere": "Mentioned by no other outlet", "singleSource": "Reported by one outlet only",
            "singleSourceText": "What exactly one outlet mentions and no other (articles without an outlet do not count as an outlet here), with the first sentence it stands in.",
            "mentioned": "Mentioned", "more": "more", "only": "Only here", "outletArticles": "Articles of this outlet",
            "notCompared": "The dossier has one outlet only: there is nothing to compare.", "timeline": "Timeline", "quotes": "Quotes", "speaker": "Who", "allQuotes": "All quotes", "unattributedQuotes": "No speaker certain",
            "allUnattributedQuotes": "All of them in data/dossier.json",
            "sharedPassages": "Shared passages", "alsoIn": "also in:", "compare": "compare",
            "sharedText": "Sentences that several articles share word for word or nearly, as agency copy does. The earliest version is on top, likely the source of the others (undated versions last); in the others, what they lack is <del>struck through</del> and what they have instead <ins>underlined</ins>.",
            "noShared": "No passage stands in more than one article.",
            "network": "Network", "sentences": "shared sentences", "and": "and", "companions": "companions", "entities": "names",
            "together": "Sentences together", "strongestPairs": "The strongest ties",
            "networkText": "The most mentioned names; a line joins two that stand in the same sentences, the thicker the more often. Each line leads to those sentences.",
            "coordinates": "Coordinates", "allPlaces": "All places on one map", "outlinesCredit": "Outlines: Natural Earth",
            "mapText": "The dossier's places with coordinates; the larger the dot, the more often the place is mentioned.",
            "unplaced": "places without coordinates in the registry are not drawn.", "versions": "versions", "sharedShort": "which sentences several outlets share (agency copy)",
        ],
    ]
}
