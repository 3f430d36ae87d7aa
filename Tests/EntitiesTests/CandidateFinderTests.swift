import Testing
@testable import Entities

/// The candidate finder on the kinds of names a new dossier brings, both ways.
struct CandidateFinderTests {
    static let registry = Registry([Entity(id: "ahrweiler", type: .place, name: "Ahrweiler")])

    static let german = """
        Landrat Jürgen Pföhler sagte am Donnerstag in Ahrweiler, die Lage sei dramatisch. Helfer des Technischen \
        Hilfswerks waren im Einsatz. Das THW schickte 200 Helfer. Auch in Köln und Koblenz stiegen die Pegel, in Köln besonders.

        Die Nachrichtenagentur Yonhap berichtete. Außenminister Sergej Lawrow traf seine Amtskollegin Choe Son Hui in der \
        Industriestadt Komsomolsk am Amur. Lawrow sagte, das THW helfe. Unsere Länder kooperieren, sagte er. Unsere Länder \
        sind Freunde. Unsere Länder halten zusammen. Das Interesse an der Raketentechnik ist groß.

        ## Multiple Sklerose

        Besonders betroffen war das Dorf. Die Schuld liegt beim Klima. Das Technische Hilfswerk und das Deutsche Rote \
        Kreuz halfen, Mitarbeiter des Deutschen Roten Kreuzes auch. Die Gespräche kamen in Gang, man bat um Hilfe.
        """

    static let english = """
        German Chancellor Angela Merkel visited Schuld on Sunday. The North Rhine Westphalian state premier Armin Laschet \
        said the Bavarian villages were also hit. Merkel said the Federal Agency for Technical Relief was working. \
        Laschet's party, the CDU, praised the CDU leadership. Russian troops were not involved. Residents of \
        Bad Neuenahr-Ahrweiler spoke to Reuters in Ahrweiler. Reuters said North Korean and South Korean officials \
        were not there.
        """

    func candidates(_ text: String, _ language: String) -> [String: CandidateFinder.Candidate] {
        let found = CandidateFinder(registry: Self.registry).candidates(in: [.init(file: "a.md", text: text, language: language)])
        return Dictionary(found.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func germanNamesInBaseFormWithoutRolesAndTheirTypes() {
        let found = candidates(Self.german, "de")
        let expected: [(String, EntityType)] = [
            ("Jürgen Pföhler", .person), ("Technisches Hilfswerk", .org), ("THW", .org), ("Köln", .place), ("Yonhap", .org),
            ("Sergej Lawrow", .person), ("Choe Son Hui", .person), ("Komsomolsk am Amur", .place), ("Deutsches Rotes Kreuz", .org),
        ]
        for (name, type) in expected {
            #expect(found[name]?.type == type, "\(name): \(String(describing: found[name]))")
        }
        #expect(found["Sergej Lawrow"]?.aliases == ["Lawrow"])
        #expect(found["Technisches Hilfswerk"]?.count == 2, "both forms are one entity")
        #expect(found["Deutsches Rotes Kreuz"]?.count == 2)
        for wrong in ["Landrat Jürgen Pföhler", "Amtskollegin Choe Son Hui", "Industriestadt Komsomolsk", "Sklerose Besonders",
                      "Technischen Hilfswerks", "Länder", "Interesse", "Interesse an der Raketentechnik", "Schuld", "Gang", "Hilfe",
                      "Ahrweiler", "Lawrow", "Nachrichtenagentur Yonhap", "Donnerstag"] {
            #expect(found[wrong] == nil, "\(wrong) is no candidate")
        }
    }

    @Test func englishNamesWithoutDemonymsAndRoles() {
        let found = candidates(Self.english, "en")
        let expected: [(String, EntityType)] = [
            ("Angela Merkel", .person), ("Armin Laschet", .person), ("Federal Agency for Technical Relief", .org), ("CDU", .org),
            ("Bad Neuenahr-Ahrweiler", .place), ("Reuters", .org),
        ]
        for (name, type) in expected {
            #expect(found[name]?.type == type, "\(name): \(String(describing: found[name]))")
        }
        for wrong in ["German Chancellor", "German Chancellor Angela Merkel", "North Rhine Westphalian", "Bavarian", "Russian",
                      "North Korean", "South Korean", "Merkel", "Sunday", "Ahrweiler", "The North Rhine Westphalian"] {
            #expect(found[wrong] == nil, "\(wrong) is no candidate")
        }
    }

    /// A head written small after a name types it: "the Amur region" is a place, "the KCNA news
    /// agency" an organisation (not the person two capitalised words would default to).
    @Test func aHeadAfterAnEnglishNameTypesIt() {
        let found = candidates("""
            The leaders met in the far eastern Amur region on Wednesday. The Amur region borders China.             North Korea's Rodong Sinmun newspaper and the Korean Central news agency reported it; the Korean Central             news agency said more. Officials of the Amur region welcomed them.
            """, "en")
        #expect(found["Amur"]?.type == .place, "\(String(describing: found["Amur"]))")
        #expect(found["Korean Central"]?.type == .org, "\(String(describing: found["Korean Central"]))")
        #expect(found["Rodong Sinmun"]?.type == .org, "\(String(describing: found["Rodong Sinmun"]))")
    }

    /// One name written several ways is one candidate with the other spellings as aliases: a
    /// hyphen for a space, other capitals, its last word written small; the family name written
    /// first is then the start of exactly one name. Different names stay apart.
    @Test func spellingsOfOneNameAreOneCandidate() {
        let found = candidates("""
            North Korean leader Kim Jong Un arrived at the Vostochny Cosmodrome on Wednesday. Kim Jong Un \
            was met by Vladimir Putin. "I'm very glad to see you," Mr Putin told Mr Kim. Kim Jong-un later \
            toured the Vostochny cosmodrome with Putin, Mr Kim said. South Korea and North Korea watched. Officials \
            of the KCNA agency and of Ria reported it; RIA said more.
            """, "en")
        #expect(found["Kim Jong Un"]?.aliases.sorted() == ["Kim", "Kim Jong-un"], "\(String(describing: found["Kim Jong Un"]))")
        #expect(found["Kim Jong Un"]?.type == .person)
        #expect(found["Kim Jong-un"] == nil && found["Kim"] == nil)
        #expect(found["Vostochny Cosmodrome"]?.aliases == ["Vostochny cosmodrome"], "\(String(describing: found["Vostochny Cosmodrome"]))")
        #expect(found["Vostochny"] == nil)
        #expect(found["Vladimir Putin"]?.aliases == ["Putin"])
        #expect(found["North Korea"] != nil && found["South Korea"] != nil)
        #expect(found.keys.filter { $0.lowercased() == "ria" }.count == 1, "\(found.keys.sorted())")
    }

    /// One word of a person's name stands for the person ("Abbott"); one word of a place's or
    /// an organisation's does not ("House" is no White House, "Council" no Press Council).
    @Test func onlyAPersonIsCalledByOneWordOfTheName() {
        let found = candidates("""
            Prime Minister Tony Abbott spoke at the White House on Monday. The White House said little. Abbott left \
            early. The Press Council criticised the law, and the Press Council chairman spoke. Council members, House \
            members and Abbott's aides met. In the House, Abbott's allies voted. Later Council staff left.
            """, "en")
        #expect(found["Tony Abbott"]?.aliases == ["Abbott"], "\(String(describing: found["Tony Abbott"]))")
        #expect(found["White House"]?.aliases == [], "\(String(describing: found["White House"]))")
        #expect(found["Press Council"]?.aliases == [], "\(String(describing: found["Press Council"]))")
    }

    /// Companies named by what they are: a market, a group, an airline.
    @Test func englishCompanyWordsTypeOrganisations() {
        let found = candidates("""
            Shoppers at Amazon-owned Whole Foods Market paid more. The Wagner Group denied it. Korean Air Lines and \
            Whole Foods Market said nothing, nor did the Wagner Group or Korean Air Lines.
            """, "en")
        for name in ["Whole Foods Market", "Wagner Group", "Korean Air Lines"] {
            #expect(found[name]?.type == .org, "\(name): \(String(describing: found[name]))")
        }
    }

    /// English copy whose names are linked already: the titles before them, what is left of
    /// "Secretary of State" and of "U.S." are no names.
    @Test func englishTitlesBeforeLinkedNamesAreNoNames() {
        let found = candidates("""
            U.S. President [Joe Biden](person:joe-biden) and Chinese President [Xi Jinping](person:xi-jinping) met on \
            Wednesday, standing next to Secretary of State [Antony Blinken](person:antony-blinken). The talks lasted four \
            hours, said White House spokesperson [Karine Jean-Pierre](person:karine-jean-pierre). The White House said \
            talks in San Francisco would follow. U.S. officials agreed.
            """, "en")
        #expect(found["White House"]?.type == .org, "\(String(describing: found["White House"]))")
        for wrong in ["Chinese President", "U.S. President", "President", "U", "S", "State", "Secretary of State", "Secretary", "White House spokesperson"] {
            #expect(found[wrong] == nil, "\(wrong) is no candidate")
        }
    }

    /// A two-word name after "in" is a place, not the two-word default of a person; a country in
    /// capitals is a place, not an organisation's acronym; a person after "bei" or "from", or
    /// in the genitive after "in", stays a person.
    @Test func namesAfterInAndCountriesInCapitalsArePlaces() {
        let english = candidates("""
            The talks in San Francisco lasted four hours. Officials in the UK and the US agreed, the UN said. \
            A letter from Joe Biden arrived. In Joe Biden's administration, aides stayed quiet. The US, the UK and the UN \
            will meet again.
            """, "en")
        let german = candidates("""
            Die Gespräche in Neu Delhi dauerten an. Die USA und die EU reagierten zurückhaltend. \
            Wladimir Putin sprach bei Olaf Scholz vor. Olaf Scholz schwieg. Die EU und die USA beraten.
            """, "de")
        let expected: [(found: [String: CandidateFinder.Candidate], name: String, type: EntityType)] = [
            (english, "San Francisco", .place), (english, "UK", .place), (english, "US", .place), (english, "UN", .org),
            (english, "Joe Biden", .person), (german, "Neu Delhi", .place), (german, "USA", .place), (german, "EU", .org),
            (german, "Olaf Scholz", .person), (german, "Wladimir Putin", .person),
        ]
        for (found, name, type) in expected {
            #expect(found[name]?.type == type, "\(name): \(String(describing: found[name]))")
        }
    }

    /// The summit as Reuters-style English copy tells it: the family name alone more often than
    /// the whole name, names after "the", a place introduced as "the village of".
    static let englishSummit = """
        Kim Jong Un arrived on Wednesday, the Kremlin said. Kim's sister, Kim Yo Jong, travelled with him. Kim met Putin. \
        Kim said Pyongyang would support the Kremlin. Kim Jong Un left on Friday. Kim Yo Jong stayed. \
        Any transfer of weapons from North Korea to Russia would violate United Nations Security Council resolutions. \
        South Korea's foreign ministry watched. In the village of Schuld, six houses were swept away. Kim waved.

        Schuld is no longer the village I knew, a resident said. North Korea denied it.
        """

    @Test func englishFullNamesKeptWholeAndTypedByTheirCues() {
        let found = candidates(Self.englishSummit, "en")
        let expected: [(String, EntityType)] = [
            ("Kim Jong Un", .person), ("Kim Yo Jong", .person), ("Kremlin", .org), ("North Korea", .place), ("South Korea", .place),
            ("United Nations Security Council", .org), ("Schuld", .place),
        ]
        for (name, type) in expected {
            #expect(found[name]?.type == type, "\(name): \(String(describing: found[name]))")
        }
        // The family name alone does not cut the whole names into two.
        for wrong in ["Jong Un", "Yo Jong", "Kim"] {
            #expect(found[wrong] == nil, "\(wrong) is no candidate")
        }
    }

    /// The last word of a longer place's name is most often another place: "Sudan" after "in"
    /// is a place of its own, not a spelling of "South Sudan" (which annotating would then link
    /// wherever Sudan is meant); a family name alone stays the person's ("Obama").
    @Test func aPlaceThatEndsALongerPlacesNameIsAPlaceOfItsOwn() {
        let english = candidates("""
            Aid groups worked in Sudan on Monday. Rebels crossed from neighboring South Sudan. Barack Obama lifted the \
            sanctions on Sudan. Obama said the talks in Sudan went well. Obama left.
            """, "en")
        #expect(english["Sudan"]?.type == .place, "\(String(describing: english["Sudan"]))")
        #expect(english["South Sudan"]?.aliases == [], "\(String(describing: english["South Sudan"]))")
        #expect(english["Barack Obama"]?.aliases == ["Obama"])
        let german = candidates("""
            Die Delegation reiste nach Nowgorod. Später besuchte sie Nischni Nowgorod. In Nowgorod blieb sie zwei Tage.
            """, "de")
        #expect(german["Nowgorod"]?.type == .place, "\(String(describing: german["Nowgorod"]))")
        #expect(german["Nischni Nowgorod"]?.aliases == [], "\(String(describing: german["Nischni Nowgorod"]))")
    }

    /// A name that ends with a particle joined by a hyphen keeps it ("Omar Hassan al-Bashir",
    /// where the name was cut to "Omar Hassan"), and the name after the particle alone is the
    /// person's ("Bashir").
    @Test func aNameEndingInAHyphenedParticleIsKeptWhole() {
        let found = candidates("""
            Sudan's president, Omar Hassan al-Bashir, met the envoy. Bashir said the talks went well. Bashir left on Monday. \
            Egypt's president, Abdel Fattah el-Sisi, called.
            """, "en")
        #expect(found["Omar Hassan al-Bashir"]?.type == .person, "\(String(describing: found["Omar Hassan al-Bashir"]))")
        #expect(found["Omar Hassan al-Bashir"]?.aliases == ["Bashir"])
        #expect(found["Abdel Fattah el-Sisi"]?.type == .person, "\(String(describing: found["Abdel Fattah el-Sisi"]))")
        for wrong in ["Omar Hassan", "Bashir", "Abdel Fattah"] {
            #expect(found[wrong] == nil, "\(wrong) is no candidate")
        }
    }

    /// Words for peoples are no names, in the singular and the plural, "American" as "Russian":
    /// "American" was suggested as an organisation where a text spoke of "American sanctions".
    @Test func englishWordsForPeoplesAreNoNames() {
        let found = candidates("""
            American officials met on Monday. The report said American families and Tunisians agree, and Americans too. \
            North African leaders and Tunisian Islamists spoke in New Orleans. American sanctions stayed. Tunisians voted. \
            Americans voted. Paul Evans said so in Mexico. Mexican officials and Mexicans agreed. Officials in Vatican City said so too.
            """, "en")
        let made = candidates("""
            Libyan officials met in Libya. Libyan militias and Kenyans spoke. Kenyan police came from Kenya and Kenya. \
            The Alaskan fleet sailed to Alaska. Alaskan halibut is sold in Alaska. Morgan Freeman met Jordan Peele, and Morgan spoke.
            """, "en")
        for wrong in ["Libyan", "Kenyans", "Kenyan", "Alaskan"] { #expect(made[wrong] == nil, "\(wrong) is no candidate") }
        for place in ["Libya", "Kenya", "Alaska"] { #expect(made[place]?.type == .place, "\(place): \(String(describing: made[place]))") }
        #expect(made["Morgan Freeman"]?.type == .person)
        for wrong in ["American", "Americans", "Tunisians", "North African", "Tunisian", "Mexican", "Mexicans"] {
            #expect(found[wrong] == nil, "\(wrong) is no candidate")
        }
        #expect(found["New Orleans"]?.type == .place, "\(String(describing: found["New Orleans"]))")
        #expect(found["Paul Evans"]?.type == .person, "\(String(describing: found["Paul Evans"]))")
        #expect(found["Vatican City"]?.type == .place, "a name that ends like a word for a people: \(String(describing: found["Vatican City"]))")
    }

    /// A word that only ever opens a sentence says nothing of being a name, also where the
    /// sentence opens a list item or follows a closing quote ("Despite" was suggested); an
    /// English acronym's plural ("CEOs") is no name either.
    @Test func sentenceOpenersAfterBulletsOrQuotesAndAcronymPluralsAreNoNames() {
        let found = candidates("""
            Barack Obama spoke on Thursday about the country.

            - Despite racial tensions, the country is becoming more tolerant
            - Despite everything, it changes
            * Meanwhile others disagree
            2) Beyond that, Obama said little

            “We will not give up,” Obama said.” Despite the rain, he stayed. He said: “It works.” Despite that, Obama left.
            > Despite all this, Obama smiled.
            """, "en")
        let plurals = candidates("Then, on Friday, CEOs from leading media met MPs and NGOs. CEOs and MPs met Barack Obama. Obama said so.", "en")
        for wrong in ["CEOs", "MPs", "NGOs"] { #expect(plurals[wrong] == nil, "\(wrong) is no candidate") }
        #expect(plurals["Barack Obama"]?.type == .person)
        for wrong in ["Despite", "Meanwhile", "Beyond"] {
            #expect(found[wrong] == nil, "\(wrong) is no candidate: \(String(describing: found[wrong]))")
        }
        #expect(found["Barack Obama"]?.type == .person)
    }

    /// A title before a name is a cue, not part of it, also when it is joined by a hyphen
    /// ("Attorney-General") or names a church's or a company's office; a middle initial with its
    /// period is part of the name ("Donald J. Trump" was cut to "Donald J").
    @Test func englishTitlesAreCuesAndMiddleInitialsStay() {
        let found = candidates("""
            Whole Foods co-founder and CEO John Mackey said so. Attorney-General George Brandis agreed with Mackey. \
            Bishop Trevor Manhanga and Father Fidelis Mukonori met Mugabe. President-elect Donald J. Trump spoke. \
            Trump later met John F. Kennedy Jr. in a dream, and Kennedy said nothing. Manhanga and Mukonori left.
            """, "en")
        for (name, wrong) in [("John Mackey", "CEO John Mackey"), ("George Brandis", "Attorney-General George Brandis"),
                              ("Trevor Manhanga", "Bishop Trevor Manhanga"), ("Fidelis Mukonori", "Father Fidelis Mukonori"),
                              ("Donald J. Trump", "President-elect Donald J")] {
            #expect(found[name]?.type == .person, "\(name): \(String(describing: found[name]))")
            #expect(found[wrong] == nil, "\(wrong) is no name")
        }
        #expect(found["John F. Kennedy Jr"] != nil || found["John F. Kennedy"] != nil, "\(found.keys.sorted())")
        // "General" opens names more often than it titles a person.
        let companies = candidates("General Motors and General Electric spoke at the UN General Assembly. General Motors left.", "en")
        #expect(companies["General Motors"] != nil && companies["Motors"] == nil && companies["Assembly"] == nil, "\(companies.keys.sorted())")
    }

    /// A one-word name in the possessive that the texts never write alone, then one capitalised
    /// word, is one name: "Terminal" and "Sam" were suggested for "Fisherman’s Terminal" and
    /// "Sam’s Club". An owner named alone elsewhere, a country, a title or a name of several
    /// words after it keep the names apart, and a holiday is no name.
    @Test func aPossessiveNameWithTheWordAfterItIsOneName() {
        let found = candidates("""
            The boat lay at Fisherman’s Terminal in Seattle. Shoppers went to Costco or Sam’s Club. \
            On Mother’s Day, Putin’s Kremlin held a parade, and Putin spoke. Zimbabwe’s Robert Mugabe left. \
            Reuters’ Moscow bureau said so. Russia’s President Putin came. Mugabe's Zanu-PF ruled.
            """, "en")
        #expect(found["Fisherman’s Terminal"]?.type == .place, "\(found.keys.sorted())")
        #expect(found["Sam’s Club"]?.type == .org, "\(found.keys.sorted())")
        #expect(found["Robert Mugabe"]?.type == .person && found["Putin"] != nil, "\(found.keys.sorted())")
        for wrong in ["Terminal", "Sam", "Fisherman", "Mother’s Day", "Day", "Mother", "Putin’s Kremlin", "Reuters’ Moscow", "Russia’s President",
                      "Zimbabwe’s Robert", "Mugabe's Zanu-PF"] {
            #expect(found[wrong] == nil, "\(wrong) is no candidate")
        }
    }

    /// The last word of a name after a particle is a name of its own, not a spelling of the
    /// longer one: "BBC" was taken for "Jon Sopel of BBC" (and annotated as that person), as
    /// "Amur" would be for "Komsomolsk am Amur".
    @Test func aWordAfterAParticleIsNoSpellingOfTheLongerName() {
        let english = candidates("""
            Barack Obama spoke to Jon Sopel of BBC on Thursday. The BBC asked about guns. Obama told BBC his view.
            """, "en")
        #expect(english["Jon Sopel of BBC"]?.aliases.contains("BBC") != true, "\(String(describing: english["Jon Sopel of BBC"]))")
        // Where the person stands alone too, "of BBC" is no part of the name.
        let two = candidates("""
            Barack Obama spoke to Jon Sopel of BBC on Thursday. Jon Sopel asked about guns. Ships crossed the Gulf of Mexico \
            and the Gulf of Mexico again. In the Gulf, ships waited; the Gulf was calm.
            """, "en")
        #expect(two["Jon Sopel of BBC"] == nil && two["Jon Sopel"]?.type == .person, "\(two.keys.sorted())")
        #expect(two["Gulf of Mexico"] != nil, "\(two.keys.sorted())")
        let german = candidates("""
            Lawrow reiste nach Komsomolsk am Amur. Der Amur trat über die Ufer. Am Amur wurde gebaut, am Amur gefeiert.
            """, "de")
        #expect(german["Komsomolsk am Amur"]?.aliases == [], "\(String(describing: german["Komsomolsk am Amur"]))")
    }
}

extension CandidateFinderTests {
    static let englishReport = """
        The attack killed tourists from Italy, Poland, Germany and Spain, said Prime Minister Habib Essid. Later Essid met \
        Robert Mugabe in Harare. At Mugabe's compound, guards waited. Protesters gathered at Mugabe's residence and at the \
        Bardo National Museum. In Harare, Mugabe spoke.

        Prices at Kroger-owned QFC stores fell, said Wade Bassi, a skipper with the Seattle-based Dana F. Besecker Company. \
        Defiant Essid left; the crowd stayed defiant. The Inspector-General of Intelligence and Security watched. QFC did \
        not comment. Bassi sailed on, and his son Justin Bassi stayed. A new Bill came; the bill failed. The Bill passed.

        The Data Retention Bill passed. Critics of the Bill said so. The Arab Spring began in Tunisia. Radical Muslims and \
        Tunisian Islamists protested, and radical Muslims prayed. The day after Easter, Bassi sailed. Easter came early.
        """

    /// English news names things that are no entities and describes entities with words that
    /// are not their names; each kind once, and what stands beside them found as it should be.
    @Test func englishNamesAmongListsPossessivesCompoundsAndOtherNames() {
        let found = candidates(Self.englishReport, "en")
        // Every item of a list a place preposition opens is a place, not the last only.
        for place in ["Italy", "Poland", "Germany", "Spain", "Harare", "Tunisia"] {
            #expect(found[place]?.type == .place, "\(place): \(String(describing: found[place]))")
        }
        // "at Mugabe's compound": the preposition is the compound's; the family name is the person's.
        #expect(found["Robert Mugabe"]?.type == .person)
        #expect(found["Robert Mugabe"]?.aliases == ["Mugabe"])
        #expect(found["Mugabe"] == nil)
        // A compound participle describes the name after it; a title's first word is the title's.
        #expect(found["QFC"]?.type == .org)
        #expect(found["Dana F. Besecker Company"]?.type == .org)
        #expect(found["Habib Essid"]?.type == .person)
        // A family name two people share is a person's, not one of theirs.
        #expect(found["Bassi"]?.type == .person, "\(String(describing: found["Bassi"]))")
        #expect(found["Bardo National Museum"]?.type == .place)
        // Laws, events, holidays, followers of a faith, and a sentence's first word before a name.
        for wrong in ["Kroger-owned QFC", "Seattle-based Dana F. Besecker Company", "Prime", "Later Essid", "Data Retention Bill",
                      "Bill", "Arab Spring", "Muslims", "Radical Muslims", "Tunisian Islamists", "Easter", "Defiant Essid",
                      "Intelligence"] {
            #expect(found[wrong] == nil, "\(wrong) is no candidate: \(String(describing: found[wrong]))")
        }
        #expect(found.count == 14, "\(found.keys.sorted())")
    }

    /// A state's name is a place's wherever it stands, also where nothing before it says so: as
    /// a word before a noun ("the Iran deal", "Zimbabwe President"), and in German alike.
    @Test func statesAreTypedAsPlacesWithoutACue() {
        let english = candidates("""
            The Iran deal will pass, said Zimbabwe President Robert Mugabe. Iran welcomed it; Zimbabwe did not. \
            Great Britain abstained, and Great Britain's envoy left.
            """, "en")
        for name in ["Iran", "Zimbabwe", "Great Britain"] {
            #expect(english[name]?.type == .place, "\(name): \(String(describing: english[name]))")
        }
        let german = candidates("Präsident Mugabe sprach. Simbabwe schwieg.", "de")
        #expect(german["Simbabwe"]?.type == .place, "\(String(describing: german["Simbabwe"]))")
    }

    /// An English headline capitalises its words, a label or slogan too: neither is a name, and
    /// organisations' own words type them.
    @Test func englishHeadlinesAndCapitalisedPhrasesAreNoNames() {
        let found = candidates("""
            United States to Lift Sudan Sanctions

            The sanctions will be lifted, officials in Sudan and Khartoum said. A sign advertised Certified Sustainable \
            Seafood; the seafood was certified and sustainable. Amnesty International and the United Nations protested, \
            Yahoo Finance reported. Amnesty International said so again.

            ## Who Came To The Talks In Khartoum

            Barack Obama, Joseph Biden, Hillary Clinton, Mark Zuckerberg and Eric Reeves came
            to Khartoum on Monday, as officials said.
            """, "en")
        for wrong in ["Lift Sudan Sanctions", "United States", "Certified Sustainable Seafood", "Who Came", "Talks", "Came"] {
            #expect(found[wrong] == nil, "\(wrong) is no candidate: \(String(describing: found[wrong]))")
        }
        // A line of a paragraph that is mostly names is not a headline: the paragraph is judged.
        for (name, type) in [("Sudan", EntityType.place), ("Khartoum", .place), ("Amnesty International", .org), ("United Nations", .org),
                             ("Yahoo Finance", .org), ("Barack Obama", .person), ("Joseph Biden", .person), ("Hillary Clinton", .person),
                             ("Mark Zuckerberg", .person), ("Eric Reeves", .person)] {
            #expect(found[name]?.type == type, "\(name): \(String(describing: found[name]))")
        }
    }
}
