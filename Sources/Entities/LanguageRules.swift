/// How names are written and inflected in one language: the matcher's rules as data.
///
/// The annotator and the candidate finder read only these tables, so a third language is a
/// new entry in `LanguageRules.known`, not new code. German inflects names (Putins,
/// der Demokratischen Volksrepublik); English adds a possessive ('s) and never declines, so
/// "Russian" and "North Korean" stay what they are, adjectives, not the places.
public struct LanguageRules: Sendable {
    /// The primary language subtag: `de`, `en`.
    public let code: String
    /// Endings the last word of a name may carry: German genitive and plural (Putins, Nordkoreas).
    let finalSuffixes: [String]
    /// Declension endings of adjectives inside a name: "Technischen Hilfswerks" is "Technisches Hilfswerk".
    public let adjectiveEndings: [String]
    /// Whether an inner word may carry a genitive s: "Kosmodroms Baikonur".
    let innerGenitive: Bool
    /// Possessive endings written after a name, included in its link: "Putin's", "Putin’s".
    let possessives: [String]
    /// Articles, pronouns and quantifiers: after them a name that is also a common word is the word
    /// ("die Schuld" is guilt, "in Schuld" the village).
    let determiners: Set<String>
    /// The definite article's forms before a role that names one holder as the subject: "der
    /// Präsident", "die Ministerin", "the president" (not "des Präsidenten", "dem Präsidenten").
    public let definiteArticles: Set<String>
    /// Prepositions that put a place name after them ("in Schuld", "aus Chabarowsk").
    let placePrepositions: Set<String>
    /// Of those, the ones a person's name does not follow ("in San Francisco", but "bei Putin",
    /// "from Biden"), unless in the genitive ("in Joe Biden's administration").
    let placeOnlyPrepositions: Set<String>
    /// Countries written as capitals, which would otherwise count as organisations' acronyms
    /// ("USA", "UK"); read in every language, as place names travel.
    let placeAcronyms: Set<String>
    /// The names of states and of regions news often names, which the candidate finder takes for
    /// places wherever they stand ("the Iran nuclear deal", "Zimbabwe President"); read in every
    /// language, as place names travel.
    let countries: Set<String>

    // The candidate finder's vocabulary.
    /// Capitalised words that start no name: articles, pronouns, weekdays, months, sentence adverbs.
    let stopwords: Set<String>
    /// Role nouns (by ending) that stand before a name and are not part of it: "Präsident", "Landrat".
    let roleEndings: [String]
    /// Words that make a name an organisation: "Hilfswerk", "Agency", "Ministerium".
    let organisationWords: [String]
    /// Nouns before an agency or outlet name: "Nachrichtenagentur Yonhap".
    let organisationHeads: [String]
    /// Nouns before a place name that are not part of it: "Industriestadt Komsomolsk", "the city of".
    let placeHeads: [String]
    /// Words (by ending) that make a name a place wherever they stand: "Japanisches Meer", "Volksrepublik Korea".
    let placeWords: [String]
    /// Words that join a head to its name ("the village of Schuld", "the agency of …").
    let linkingWords: Set<String>
    /// Endings of place names: "Ahrweiler", "Hamburg", "Euskirchen".
    let placeSuffixes: [String]
    /// First words of place names of several words, in lower case: "bad" (Bad Godesberg), "new".
    let placePrefixes: Set<String>
    /// Endings of capitalised adjectives that are no names: "Russian", "Chinese", "British".
    let adjectiveSuffixes: [String]
    /// First names, in lower case, that end like such adjectives: "Eric", "Brian", "Sean".
    let firstNamesLikeAdjectives: Set<String>
    /// The ending an adjective inside a name takes in the name's base form, by the ending of
    /// its last word (German strong declension: "Technisches Hilfswerk", "Roter Halbmond",
    /// "Europäische Union"); the first that fits wins, the last entry (suffix "") is the default.
    let baseAdjectiveEndings: [(suffix: String, ending: String)]
    /// Lowercase words inside names: "Komsomolsk am Amur", "Osama bin Laden", "Walther von der Vogelweide".
    let nameParticles: Set<String>
    /// Endings most common nouns have and few names: a single word with one needs more than a
    /// preposition before it to be taken for a name ("in Gang", "um Hilfe" are no places).
    let nounEndings: [String]
    /// Endings of common nouns, so "Begrüßung Fotos" is not taken for a name.
    let nounSuffixes: [String]
    /// Whether every noun is capitalised (German), so a single capitalised word says little.
    public let capitalisesNouns: Bool
    /// Words that join the last items of a list: "and", "or".
    let conjunctions: Set<String>
    /// Participles joined to a name by a hyphen that make it describe what follows: "Kroger-owned
    /// QFC", "Seattle-based Dana F. Besecker Company" name "QFC" and the company.
    let compoundParticiples: Set<String>
    /// Last words (by ending where nouns are capitalised) of names that are no person, place or
    /// organisation: laws, events, prizes ("Data Retention Bill", "Arab Spring", "Ukraine-Krieg").
    let otherNameWords: [String]
    /// Capitalised words for followers of a faith or a movement ("Muslims", "Islamists", "Copts"):
    /// a name of these alone, or of these and words for peoples ("Tunisian Islamists"), names a
    /// group of people, not an entity.
    let groupWords: Set<String>
    /// The most frequent words of running text, by which a text shows its language.
    let frequentWords: Set<String>

    /// The rules for a language tag (`de-AT` reads as `de`); English for a language without a table.
    public static func of(_ language: String) -> LanguageRules {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return known[primary] ?? english
    }

    /// The role noun `word` is, lowercased and uninflected ("dem US-Präsidenten" is
    /// "us-präsident", "Attorney-General" "attorney-general"), or nil when it is none.
    public func role(_ word: String) -> String? {
        let lowered = word.lowercased()
        // A title joined by a hyphen is one: "Attorney-General", "President-elect".
        guard capitalisesNouns else {
            return roleEndings.contains(lowered) || lowered.split(separator: "-").contains { roleEndings.contains(String($0)) } ? lowered : nil
        }
        let bytes = Array(lowered.utf8)
        return roleLength(bytes[...]).map { String(decoding: bytes.prefix($0), as: UTF8.self) }
    }

    /// `role` of a word as UTF-8 bytes, in any case: how many of its bytes the role noun
    /// uninflected takes ("Präsidenten": those of "Präsident"), or nil when it is none. Without
    /// a string where nouns are capitalised: it is asked for the word before every name.
    public func roleLength(_ word: ArraySlice<UInt8>) -> Int? {
        guard capitalisesNouns else { return role(String(decoding: word, as: UTF8.self)).map { _ in word.count } }
        let trie = code == "de" ? Self.germanRoles : SuffixTrie(roleEndings)
        // Inflected too: "dem US-Präsidenten", "der Kollegen" (a plural -s is a group, no cue).
        for ending in Self.nounInflections {
            guard word.count > ending.count, word.suffix(ending.count).elementsEqual(ending) else { continue }
            if trie.matches(word.dropLast(ending.count)) { return word.count - ending.count }
        }
        return nil
    }

    /// German role nouns' endings as a trie, made once.
    private static let germanRoles = SuffixTrie(german.roleEndings)
    private static let nounInflections = [[], Array("en".utf8), Array("n".utf8)]

    /// Whether `language` has rules of its own rather than the English fallback.
    public static func has(_ language: String) -> Bool {
        known[language.split(separator: "-").first.map { $0.lowercased() } ?? ""] != nil
    }

    static let known: [String: LanguageRules] = ["de": german, "en": english]

    /// The states and regions of every language's `countries`: place names travel.
    public static let states = Set(known.values.flatMap(\.countries))
    /// Every language's `placeAcronyms` ("USA", "BRD").
    public static let stateAcronyms = Set(known.values.flatMap(\.placeAcronyms))

    /// The language a text is clearly written in, by its frequent words, or nil when it does not
    /// say: at least 6 of one language's words (a short agency item of three sentences has them)
    /// and four times those of any other.
    public static func language(of text: String) -> String? {
        var counts: [String: Int] = [:]
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }).prefix(3000) {
            for (code, rules) in known where rules.frequentWords.contains(String(word)) { counts[code, default: 0] += 1 }
        }
        guard let (best, count) = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }), count >= 6 else { return nil }
        return counts.allSatisfy { $0.key == best || $0.value * 4 <= count } ? best : nil
    }
}

extension LanguageRules {
    static let german = LanguageRules(
        code: "de",
        finalSuffixes: ["s", "es", "n", "ns"],
        adjectiveEndings: ["en", "em", "er", "es", "e"],
        innerGenitive: true,
        possessives: [],
        determiners: ["der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein",
                      "keine", "keinen", "keiner", "keinem", "mein", "meine", "dein", "deine", "sein", "seine", "seiner",
                      "seinen", "ihre", "ihrer", "ihren", "unsere", "unserer", "eure", "jede", "jeder", "jeden", "viel",
                      "viele", "mehr", "weniger", "große", "großen", "grosse", "welche", "diese", "dieser", "diesen",
                      "jene", "zur", "zum", "vom", "beim", "im", "am", "aller", "alle", "ohne", "beider", "beide", "beiden",
                      "zwei", "drei", "vier", "fünf", "mehrere", "einige", "andere", "anderen", "unser", "euer", "ins",
                      "ans", "aufs", "durchs", "fürs", "übers", "unters", "vors", "erste", "ersten", "letzte", "letzten",
                      "nächste", "nächsten", "zweite", "zweiten", "dritte", "dritten"],
        definiteArticles: ["der", "die", "das"],
        placePrepositions: ["in", "aus", "nach", "bei", "nahe", "um", "über"],
        placeOnlyPrepositions: ["in", "nahe"],
        placeAcronyms: ["USA", "BRD", "DDR", "VAE", "GB"],
        countries: ["Afghanistan", "Ägypten", "Albanien", "Algerien", "Andorra", "Angola", "Äquatorialguinea", "Argentinien",
                    "Armenien", "Aserbaidschan", "Äthiopien", "Australien", "Bahamas", "Bahrain", "Bangladesch", "Barbados", "Belarus",
                    "Weißrussland", "Belgien", "Belize", "Benin", "Bhutan", "Bolivien", "Bosnien und Herzegowina", "Botswana",
                    "Brasilien", "Brunei", "Bulgarien", "Burkina Faso", "Burundi", "Chile", "China", "Costa Rica", "Dänemark",
                    "Deutschland", "Dominikanische Republik", "Dschibuti", "Ecuador", "Elfenbeinküste", "El Salvador", "Eritrea",
                    "Estland", "Eswatini", "Fidschi", "Finnland", "Frankreich", "Gabun", "Gambia", "Georgien", "Ghana",
                    "Griechenland", "Großbritannien", "Guatemala", "Guinea", "Guyana", "Haiti", "Honduras", "Indien", "Indonesien",
                    "Irak", "Iran", "Irland", "Island", "Israel", "Italien", "Jamaika", "Japan", "Jemen", "Jordanien", "Kambodscha",
                    "Kamerun", "Kanada", "Kasachstan", "Katar", "Kenia", "Kirgistan", "Kirgisistan", "Kolumbien", "Kongo", "Kosovo",
                    "Kroatien", "Kuba", "Kuwait", "Laos", "Lettland", "Libanon", "Liberia", "Libyen", "Liechtenstein", "Litauen",
                    "Luxemburg", "Madagaskar", "Malawi", "Malaysia", "Malediven", "Mali", "Malta", "Marokko", "Mauretanien",
                    "Mexiko", "Moldau", "Moldawien", "Monaco", "Mongolei", "Montenegro", "Mosambik", "Myanmar", "Namibia", "Nepal",
                    "Neuseeland", "Nicaragua", "Niederlande", "Niger", "Nigeria", "Nordkorea", "Nordmazedonien", "Norwegen", "Oman",
                    "Österreich", "Pakistan", "Palästina", "Panama", "Paraguay", "Peru", "Philippinen", "Polen", "Portugal",
                    "Ruanda", "Rumänien", "Russland", "Sambia", "San Marino", "Saudi-Arabien", "Schweden", "Schweiz", "Senegal",
                    "Serbien", "Sierra Leone", "Simbabwe", "Singapur", "Slowakei", "Slowenien", "Somalia", "Spanien", "Sri Lanka",
                    "Sudan", "Südafrika", "Südkorea", "Südsudan", "Syrien", "Tadschikistan", "Taiwan", "Tansania", "Thailand",
                    "Togo", "Tschad", "Tschechien", "Tunesien", "Türkei", "Turkmenistan", "Uganda", "Ukraine", "Ungarn", "Uruguay",
                    "Usbekistan", "Vatikan", "Venezuela", "Vereinigte Arabische Emirate", "Vereinigte Staaten", "Vietnam",
                    "Zentralafrikanische Republik", "Zypern", "Europa", "Afrika", "Asien", "Amerika", "Nordamerika",
                    "Südamerika", "Lateinamerika", "Nahost", "Krim", "Gazastreifen", "Westjordanland", "Tibet", "Sibirien",
                    "Tschetschenien", "Donbass"],
        stopwords: ["Der", "Die", "Das", "Dem", "Den", "Des", "Ein", "Eine", "Einen", "Einem", "Einer", "Im", "Am", "Beim",
                    "Vom", "Zum", "Zur", "Auf", "In", "Mit", "Bei", "Nach", "Als", "Es", "Er", "Sie", "Wir", "Ihr", "Ihre",
                    "Dies", "Diese", "Dieser", "Dieses", "Laut", "Auch", "Nur", "Unsere", "Unser", "Seine", "Sein", "Aus",
                    "Für", "Von", "Vor", "Um", "Über", "Unter", "Wie", "Wo", "Was", "Wer", "Wenn", "Dass", "Doch", "Aber",
                    "Und", "Oder", "So", "Da", "Dann", "Noch", "Schon", "Etwa", "Zuvor", "Zuletzt", "Zunächst", "Inzwischen",
                    "Medienberichten", "Gemäß", "Während", "Beide", "Man", "Ungefähr", "Darüber", "Dafür", "Dabei",
                    "Deshalb", "Deswegen", "Kürzlich", "Mittwoch", "Dienstag", "Montag", "Donnerstag", "Freitag", "Samstag",
                    "Sonntag", "Zu", "Weitere", "Weiter", "Alle", "Jede", "Jeder", "Januar", "Februar", "März", "April",
                    "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember", "Herr", "Frau",
                    "Foto", "Fotos", "Bild", "Video", "Quelle", "Uhr", "Ortszeit", "Prozent", "Euro", "Dollar", "Kilometer",
                    "Kein", "Keine", "Viele", "Mehr", "Nun", "Jetzt", "Heute", "Gestern", "Morgen", "Hier", "Dort",
                    "Sowohl", "Bis", "Seit", "Gegen", "Ohne", "Trotz", "Wegen", "Damit", "Denn", "Weil", "Ob", "Nicht",
                    "Ja", "Nein", "Mann", "Menschen", "Leute", "Tag", "Tage", "Jahr", "Jahre", "Jahren", "Woche", "Wochen",
                    "Gang", "Kraft", "Not", "Haft", "Kauf", "Bezug", "Angriff", "Anspruch", "Betrieb", "Sicht", "Zeit", "Besonders",
                    "Ostern", "Weihnachten", "Pfingsten", "Silvester", "Neujahr", "Karfreitag", "Ramadan"],
        roleEndings: ["präsident", "präsidentin", "minister", "ministerin", "sprecher", "sprecherin", "kanzler", "kanzlerin",
                      "korrespondent", "korrespondentin", "direktor", "direktorin", "chef", "chefin", "machthaber", "diktator",
                      "staatschef", "führer", "führerin", "botschafter", "botschafterin", "general", "analyst", "analystin",
                      "kollege", "kollegin", "landrat", "landrätin", "bürgermeister", "bürgermeisterin", "leiter", "leiterin",
                      "vorsitzende", "vorsitzender", "abgeordnete", "abgeordneter", "experte", "expertin", "sprecherin",
                      "fotograf", "fotografin", "reporter", "reporterin", "autor", "autorin", "gouverneur", "gouverneurin",
                      "außenminister", "regierungschef", "regierungschefin", "premier", "premierministerin", "oberst",
                      "kommandeur", "helfer", "helferin", "opfer",
                      "wissenschaftler", "wissenschaftlerin", "forscher", "forscherin", "professor", "professorin", "dr"],
        organisationWords: ["hilfswerk", "ministerium", "agentur", "amt", "behörde", "partei", "verband", "bund", "rat",
                            "kommission", "bank", "polizei", "armee", "gericht", "institut", "universität", "stiftung",
                            "verein", "gmbh", "ag", "konzern", "zeitung", "rundfunk", "fernsehen", "dienst", "wache",
                            "feuerwehr", "regierung", "parlament", "union", "organisation", "gesellschaft", "nachrichten",
                            "kreuz", "halbmond", "wache"],
        organisationHeads: ["nachrichtenagentur", "agentur", "zeitung", "sender", "fernsehsender", "konzern", "firma",
                            "unternehmen", "partei", "organisation", "hilfsorganisation", "plattform", "dienst", "netzwerk",
                            "staatsmedien", "medium", "magazin", "portal"],
        placeHeads: ["stadt", "dorf", "gemeinde", "ortschaft", "ort", "ortsteil", "metropole", "hafen", "region", "provinz",
                     "bundesland", "insel", "fluss", "kreisstadt", "dorfes", "stadtteil", "kosmodrom", "weltraumbahnhof",
                     "flughafen", "hauptstadt", "hafenstadt", "grenzstadt"],
        placeWords: ["republik", "meer", "osten", "westen", "norden", "süden", "see", "gebirge", "königreich", "staaten",
                     "emirate", "insel", "inseln", "kosmodrom", "weltraumbahnhof", "flughafen", "tal", "bucht", "kanal"],
        linkingWords: [],
        placeSuffixes: ["burg", "dorf", "stadt", "hausen", "heim", "ingen", "berg", "furt", "kirchen", "weiler", "bach",
                        "feld", "hagen", "au", "sk", "grad", "wostok", "land", "stan"],
        placePrefixes: ["bad", "sankt", "st.", "neu", "alt", "groß", "klein", "ober", "unter", "nieder", "hohen", "nischni", "nowo"],
        adjectiveSuffixes: ["ische", "ischen", "ischer", "isches", "ischem"],
        firstNamesLikeAdjectives: [],
        baseAdjectiveEndings: [("werk", "es"), ("amt", "es"), ("institut", "es"), ("ministerium", "es"), ("zentrum", "es"),
                               ("kreuz", "es"), ("komitee", "es"), ("gericht", "es"), ("haus", "es"), ("büro", "es"),
                               ("rat", "er"), ("bund", "er"), ("verband", "er"), ("dienst", "er"), ("konzern", "er"),
                               ("verein", "er"), ("fonds", "er"), ("halbmond", "er"), ("osten", "er"), ("westen", "er"),
                               ("norden", "er"), ("süden", "er"), ("meer", "es"), ("gebirge", "es"), ("", "e")],
        nameParticles: ["am", "an der", "ob der", "von", "von der", "van", "van der", "de", "bin", "al", "el", "da", "di",
                        "la", "le", "ibn"],
        nounEndings: ["e", "en", "er", "el", "ern", "eln", "ung", "heit", "keit", "schaft", "ion", "tät", "nis", "ik", "ie", "ei",
                      "ment", "tur", "ur", "ts", "gs"],
        nounSuffixes: ["ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "ionen", "ismus",
                       "tät", "nis", "nisse", "zeit", "tum", "ment", "lung"],
        capitalisesNouns: true,
        conjunctions: ["und", "oder", "sowie"],
        compoundParticiples: [],
        otherNameWords: ["gesetz", "abkommen", "vertrag", "gipfel", "krieg", "revolution", "krise", "frühling", "preis", "pokal",
                         "meisterschaft", "spiele", "festival"],
        groupWords: [],
        frequentWords: ["der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "für", "ein", "eine", "auch",
                        "dem", "den", "von", "zu", "wird", "wurde", "sind", "hat", "haben", "nach", "bei", "aus", "sagte",
                        "im", "es", "wir", "er", "sie", "über", "zum", "zur", "als", "wie", "werden", "noch", "nur", "aber",
                        "oder", "dass", "einer", "einem", "soll", "sollen", "hieß", "sei"]
    )

    static let english = LanguageRules(
        code: "en",
        finalSuffixes: [],
        adjectiveEndings: [],
        innerGenitive: false,
        possessives: ["'s", "’s", "'", "’"],
        determiners: ["the", "a", "an", "no", "my", "your", "his", "her", "its", "our", "their", "this", "that", "these",
                      "those", "some", "any", "every", "each", "much", "more", "less"],
        definiteArticles: ["the"],
        placePrepositions: ["in", "from", "at", "near", "outside", "around"],
        placeOnlyPrepositions: ["in", "near"],
        placeAcronyms: ["US", "USA", "UK", "UAE", "USSR", "DPRK", "ROK", "PRC", "DRC"],
        countries: ["Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Argentina", "Armenia", "Australia", "Austria",
                    "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan",
                    "Bolivia", "Bosnia", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso", "Burundi", "Cambodia",
                    "Cameroon", "Canada", "Cape Verde", "Chad", "Chile", "China", "Colombia", "Congo", "Costa Rica", "Croatia",
                    "Cuba", "Cyprus", "Czechia", "Czech Republic", "Denmark", "Djibouti", "Dominican Republic", "Ecuador", "Egypt",
                    "El Salvador", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia",
                    "Georgia", "Germany", "Ghana", "Greece", "Guatemala", "Guinea", "Guyana", "Haiti", "Honduras", "Hungary",
                    "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Ivory Coast", "Jamaica", "Japan",
                    "Jordan", "Kazakhstan", "Kenya", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho",
                    "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia", "Maldives",
                    "Mali", "Malta", "Mauritania", "Mauritius", "Mexico", "Moldova", "Monaco", "Mongolia", "Montenegro", "Morocco",
                    "Mozambique", "Myanmar", "Namibia", "Nepal", "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria",
                    "North Korea", "North Macedonia", "Norway", "Oman", "Pakistan", "Palestine", "Panama", "Papua New Guinea",
                    "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda", "San Marino",
                    "Saudi Arabia", "Senegal", "Serbia", "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Somalia",
                    "South Africa", "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden",
                    "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Togo", "Tunisia", "Turkey",
                    "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom", "United States", "Uruguay",
                    "Uzbekistan", "Vatican", "Venezuela", "Vietnam", "Yemen", "Zambia", "Zimbabwe", "Great Britain", "Britain",
                    "England", "Scotland", "Wales", "Europe", "Africa", "Asia", "America", "North America", "South America",
                    "Latin America", "Middle East", "Crimea", "Gaza", "Gaza Strip", "West Bank", "Tibet", "Siberia", "Chechnya",
                    "Donbas"],
        stopwords: ["The", "A", "An", "In", "On", "At", "Of", "For", "With", "By", "From", "To", "And", "Or", "But", "As",
                    "It", "He", "She", "We", "They", "I", "You", "His", "Her", "Their", "Our", "Its", "This", "That",
                    "These", "Those", "There", "Here", "When", "Where", "What", "Who", "Which", "While", "After", "Before",
                    "During", "Since", "Until", "If", "Also", "Only", "Some", "Many", "More", "Most", "All", "Both",
                    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
                    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
                    "Mr", "Mrs", "Ms", "Dr", "Photo", "Image", "Video", "Read", "Related", "Share", "According", "However",
                    "Meanwhile", "Now", "Then", "Today", "Yesterday", "Still", "Yet", "So", "Not", "No", "Yes", "Later",
                    "Earlier", "Instead", "Already", "Last", "Next", "Easter", "Christmas", "Ramadan", "Eid", "Thanksgiving",
                    "Passover", "Hanukkah", "Halloween", "Lent"],
        roleEndings: ["president", "minister", "spokesman", "spokeswoman", "spokesperson", "chancellor", "correspondent",
                      "director", "chief", "leader", "dictator", "ambassador", "analyst", "counterpart",
                      // Not "general" alone: it opens names ("General Motors", "General Assembly") more
                      // often than it titles a person.
                      "attorney-general", "inspector-general", "surgeon-general",
                      "governor", "mayor", "secretary", "premier", "senator", "colonel", "commander", "professor",
                      "photographer", "reporter", "official", "officials", "head", "chairman",
                      "chairwoman", "envoy", "king", "queen", "prince", "pope", "ceo", "commissioner", "bishop",
                      "archbishop", "cardinal", "father", "rabbi", "imam", "sheikh"],
        organisationWords: ["agency", "ministry", "party", "office", "council", "commission", "bank", "police", "army",
                            "court", "institute", "university", "foundation", "association", "corporation", "company",
                            "news", "times", "post", "service", "guard", "government", "parliament", "union", "organization",
                            "organisation", "committee", "department", "network", "broadcaster", "house", "international",
                            "nations", "watch", "society", "federation", "alliance", "coalition", "movement", "brotherhood",
                            "front", "authority", "board", "bureau", "center", "centre", "fund", "trust", "club", "inc", "ltd",
                            "llc", "corp", "finance", "research", "magazine", "journal", "press", "media", "group", "holdings",
                            "market", "foods", "stores", "lines", "airways", "motors", "industries", "partners",
                            "technologies", "systems", "pharmaceuticals"],
        organisationHeads: ["agency", "news agency", "broadcaster", "newspaper", "network", "company", "firm", "group",
                            "outlet", "platform"],
        placeHeads: ["city", "town", "village", "port", "capital", "region", "province", "state", "district", "county"],
        placeWords: ["republic", "sea", "ocean", "kingdom", "states", "emirates", "island", "islands", "mountains", "river",
                     "lake", "valley", "cosmodrome", "airport", "bay", "county", "east", "west", "north", "south",
                     "northern", "southern", "eastern", "western", "museum", "terminal", "square", "street", "avenue",
                     "palace", "station", "harbour", "harbor", "cathedral", "mosque", "stadium", "prison", "passage", "strait",
                     "canal", "gulf", "peninsula", "desert", "coast", "locks"],
        linkingWords: ["of"],
        placeSuffixes: ["ton", "ville", "burg", "burgh", "ford", "field", "land", "stan", "sk", "grad"],
        placePrefixes: ["new", "port", "fort", "mount", "saint", "st.", "san", "santa", "los", "las", "north", "south", "east",
                        "west", "upper", "lower", "great", "little"],
        // With the plurals that name peoples ("Americans", "Tunisians"); not "-ans", "-eans" or
        // "-ican" alone, which names end in ("Evans", "New Orleans", "Vatican").
        adjectiveSuffixes: ["ian", "ians", "erican", "ericans", "frican", "fricans", "xican", "xicans", "ean", "ese", "ish", "ic", "ern"],
        firstNamesLikeAdjectives: ["eric", "erik", "dominic", "frederic", "ludovic", "alaric", "ian", "brian", "bryan", "adrian",
                                   "julian", "vivian", "lilian", "lillian", "gillian", "jillian", "christian", "sebastian",
                                   "damian", "fabian", "florian", "kilian", "killian", "maximilian", "cristian", "marian",
                                   "dorian", "cyprian", "sean", "dean", "jean", "ern"],
        baseAdjectiveEndings: [],
        nameParticles: ["on", "upon", "de", "van", "von", "van der", "bin", "al", "el", "da", "di", "la", "le", "ibn", "of", "for",
                        "of the", "for the"],
        nounEndings: [],
        nounSuffixes: ["tion", "tions", "ment", "ments", "ness", "ship", "ism", "ity"],
        capitalisesNouns: false,
        conjunctions: ["and", "or"],
        compoundParticiples: ["owned", "based", "led", "backed", "run", "controlled", "funded", "linked", "affiliated", "allied",
                              "born", "sponsored", "operated", "held", "supported", "aligned", "bound"],
        otherNameWords: ["bill", "act", "amendment", "treaty", "accord", "agreement", "spring", "war", "revolution", "summit",
                         "crisis", "deal", "doctrine", "award", "awards", "prize", "cup", "games", "olympics", "championship",
                         "festival"],
        groupWords: ["muslim", "muslims", "islamist", "islamists", "jihadist", "jihadists", "christian", "christians", "jew",
                     "jews", "copt", "copts", "shiite", "shiites", "sunni", "sunnis", "catholic", "catholics", "protestant",
                     "protestants", "evangelicals", "hindu", "hindus", "sikh", "sikhs", "buddhist", "buddhists", "democrats",
                     "republicans", "conservatives", "liberals", "socialists", "communists", "salafists", "kurds", "arabs"],
        frequentWords: ["the", "and", "of", "to", "is", "was", "that", "with", "for", "on", "are", "has", "have", "by",
                        "from", "said", "it", "this", "at", "were", "be", "which", "their", "after", "its", "been",
                        "we", "a", "not", "he", "she", "they", "would", "but", "or", "had", "who", "told", "there", "our",
                        "his", "her", "what", "when", "more", "never"]
    )
}

/// One annotator per language's rules, made when a text of that language first comes.
public final class Annotators {
    public let registry: Registry
    private var made: [String: Annotator] = [:]

    public init(registry: Registry) {
        self.registry = registry
    }

    /// The annotator for texts in `language` (a tag like `de` or `en-GB`).
    public func callAsFunction(_ language: String) -> Annotator {
        let code = LanguageRules.of(language).code
        if let annotator = made[code] { return annotator }
        let annotator = Annotator(registry: registry, language: code)
        made[code] = annotator
        return annotator
    }
}
