// Writes the benchmark corpus twice, byte for byte the same for the same arguments:
// as a Dossier (content/) and as an equivalent Hugo site (persons and places as taxonomies).
//
//     CorpusGen ARTICLES PERSONS PLACES OUTPUT
//     CorpusGen 10000 2000 500 /dev/shm/corpus-10k
import BenchSupport
import Foundation

let arguments = CommandLine.arguments.dropFirst().map { $0 }
guard arguments.count == 4, let articleCount = Int(arguments[0]), let personCount = Int(arguments[1]), let placeCount = Int(arguments[2]) else {
    print("usage: CorpusGen ARTICLES PERSONS PLACES OUTPUT")
    exit(2)
}
let output = URL(fileURLWithPath: arguments[3])

let given = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Fjodor", "Galina", "Hans", "Irina", "Jürgen", "Katja", "Lew", "Marta",
             "Nikolai", "Olga", "Pawel", "Ruth", "Sergej", "Tatjana", "Uwe", "Vera", "Wladimir", "Xenia", "Jana", "Zoran"]
let family = ["Asarow", "Bergmann", "Chruschtschow", "Dobrowolski", "Eichhorn", "Frolow", "Gorbunow", "Hoffmann", "Iwanow",
              "Jakowlew", "Kusnezow", "Lehmann", "Medwedew", "Nowak", "Orlow", "Petrow", "Quandt", "Romanow", "Schulze",
              "Tichonow", "Uljanow", "Wagner", "Zander", "Böhm", "Krüger", "Möller", "Schäfer", "Weiß"]
let placeStems = ["Nowo", "Ust", "Krasno", "Belo", "Tscherno", "Wolgo", "Jekateri", "Neu", "Alt", "Groß", "Ober", "Unter"]
let placeEnds = ["sibirsk", "gorod", "dorf", "burg", "grad", "hausen", "ingen", "stadt", "kamensk", "jarsk", "feld", "münde"]
let words = ["Regierung", "teilte", "mit", "dass", "die", "Gespräche", "über", "eine", "engere", "Zusammenarbeit", "fortgesetzt",
             "würden", "Nach", "Angaben", "der", "Agentur", "sprach", "man", "auch", "über", "Energie", "und", "Sicherheit",
             "Kritiker", "bemängelten", "Pläne", "als", "unzureichend", "Wirtschaft", "Verhandlungen", "sollen", "im", "Herbst",
             "weitergehen", "Beobachter", "rechnen", "mit", "einer", "Einigung", "bis", "zum", "Jahresende", "Delegation",
             "Vertreter", "Ministerium", "erklärte", "am", "Mittwoch", "Donnerstag", "zuvor", "bereits", "mehrfach"]
let outlets = ["Reuters", "DPA", "AFP", "ORF", "APA", "Interfax"]

struct Person { var id: String; var name: String; var family: String }
struct Place { var id: String; var name: String }

func slug(_ text: String) -> String {
    var result = ""
    for character in text.lowercased() {
        switch character {
        case "ä": result += "ae"
        case "ö": result += "oe"
        case "ü": result += "ue"
        case "ß": result += "ss"
        case "a"..."z", "0"..."9": result.append(character)
        default: if !result.hasSuffix("-") { result += "-" }
        }
    }
    return result.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
}

var random = SplitMix(seed: 2023)
let persons: [Person] = (0..<personCount).map { index in
    let familyName = "\(family[index % family.count])\(index < family.count ? "" : String(index / family.count))"
    let name = "\(given[(index * 7) % given.count]) \(familyName)"
    return Person(id: slug(name), name: name, family: familyName)
}
let places: [Place] = (0..<placeCount).map { index in
    let name = "\(placeStems[index % placeStems.count])\(placeEnds[(index / placeStems.count) % placeEnds.count])\(index < placeStems.count * placeEnds.count ? "" : String(index / (placeStems.count * placeEnds.count)))"
    return Place(id: slug(name), name: name)
}
let personNames = Dictionary(uniqueKeysWithValues: persons.map { ($0.id, $0.name) })
let placeNames = Dictionary(uniqueKeysWithValues: places.map { ($0.id, $0.name) })
let personWeights = SplitMix.zipfWeights(persons.count)
let placeWeights = SplitMix.zipfWeights(places.count)

func write(_ text: String, _ path: String) {
    let url = output.appendingPathComponent(path)
    try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try! Data(text.utf8).write(to: url)
}

func yamlQuoted(_ text: String) -> String { "\"\(text)\"" }

// Registry
write("title: Benchmark-Dossier\ndescription: Erzeugter Korpus mit \(articleCount) Artikeln.\nlanguage: de\n", "dossier/content/dossier.yml")
write(persons.map { "- id: \($0.id)\n  type: person\n  name: \($0.name)\n  aliases: [\($0.family)]\n  description: Person \($0.name)\n" }.joined(),
      "dossier/content/entities/persons.yml")
write(places.map { "- id: \($0.id)\n  type: place\n  name: \($0.name)\n  description: Ort \($0.name)\n" }.joined(),
      "dossier/content/entities/places.yml")

// Hugo site
write("""
baseURL = "https://example.org/"
languageCode = "de"
title = "Benchmark-Dossier"
disableKinds = ["RSS"]
[taxonomies]
  person = "persons"
  place = "places"
[markup.goldmark.renderer]
  unsafe = false

""", "hugo/config.toml")
write("""
<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<main><h1>{{ .Title }}</h1><p>{{ .Params.outlet }} · {{ .Date.Format "2006-01-02" }}</p>
{{ .Content }}
<ul>{{ range .GetTerms "persons" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<ul>{{ range .GetTerms "places" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</main></body></html>

""", "hugo/layouts/_default/single.html")
write("""
<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.outlet }}</li>{{ end }}</ul></main>
</body></html>

""", "hugo/layouts/_default/list.html")
write("""
<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<main><h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul></main>
</body></html>

""", "hugo/layouts/_default/terms.html")

// Articles
for number in 0..<articleCount {
    let outlet = random.pick(outlets)
    let day = 1 + random.below(28), month = 1 + random.below(12)
    let date = String(format: "2023-%02d-%02d", month, day)
    let targetWords = 600 + random.below(401)
    var dossierBody = "", hugoBody = ""
    var mentionedPersons: [String] = [], mentionedPlaces: [String] = []
    var wordCount = 0
    var paragraph = 0
    while wordCount < targetWords {
        if paragraph > 0, paragraph % 4 == 0 {
            let heading = "\(random.pick(words).capitalized) \(random.pick(words)) \(random.pick(words))"
            dossierBody += "## \(heading)\n\n"
            hugoBody += "## \(heading)\n\n"
        }
        var sentenceCount = 0
        var dossierParagraph = "", hugoParagraph = ""
        while sentenceCount < 4 {
            var dossierSentence = random.pick(words).capitalized, hugoSentence = dossierSentence
            let length = 8 + random.below(10)
            for index in 0..<length {
                let roll = random.below(10)
                var dossierWord = random.pick(words), hugoWord = dossierWord
                if roll == 0 || (roll == 1 && index == 2) {
                    let person = persons[random.zipf(personWeights)]
                    let genitive = random.below(4) == 0 ? "s" : ""
                    let surface = (random.below(2) == 0 ? person.name : person.family) + genitive
                    dossierWord = "[\(surface)](person:\(person.id))"
                    hugoWord = surface
                    if !mentionedPersons.contains(person.id) { mentionedPersons.append(person.id) }
                } else if roll == 2 {
                    let place = places[random.zipf(placeWeights)]
                    let surface = place.name + (random.below(5) == 0 ? "s" : "")
                    dossierWord = "[\(surface)](place:\(place.id))"
                    hugoWord = surface
                    if !mentionedPlaces.contains(place.id) { mentionedPlaces.append(place.id) }
                }
                dossierSentence += " " + dossierWord
                hugoSentence += " " + hugoWord
            }
            if random.below(6) == 0 {
                let quote = " „\(random.pick(words).capitalized) \(random.pick(words)) \(random.pick(words))“, sagte "
                // Half the quotes name their speaker, so that the quotes view has work; the others
                // are a spokesman's, whom no page lists.
                if random.below(2) == 0 {
                    let person = persons[random.zipf(personWeights)]
                    dossierSentence += quote + "[\(person.name)](person:\(person.id))"
                    hugoSentence += quote + person.name
                    if !mentionedPersons.contains(person.id) { mentionedPersons.append(person.id) }
                } else {
                    dossierSentence += quote + "ein Sprecher"
                    hugoSentence += quote + "ein Sprecher"
                }
            }
            dossierParagraph += dossierSentence + ". "
            hugoParagraph += hugoSentence + ". "
            wordCount += length + 1
            sentenceCount += 1
        }
        dossierBody += dossierParagraph.trimmingCharacters(in: .whitespaces) + "\n\n"
        hugoBody += hugoParagraph.trimmingCharacters(in: .whitespaces) + "\n\n"
        paragraph += 1
    }
    let name = String(format: "artikel-%06d", number)
    let title = "Bericht \(number): \(random.pick(words).capitalized) \(random.pick(words))"
    write("---\ntitle: \(yamlQuoted(title))\noutlet: \(outlet)\ndate: \(date)\nlanguage: de\n---\n\(dossierBody)", "dossier/content/articles/\(name).md")
    write("""
    ---
    title: \(yamlQuoted(title))
    date: \(date)
    outlet: \(outlet)
    persons: [\(mentionedPersons.map { yamlQuoted(personNames[$0]!) }.joined(separator: ", "))]
    places: [\(mentionedPlaces.map { yamlQuoted(placeNames[$0]!) }.joined(separator: ", "))]
    ---
    \(hugoBody)
    """, "hugo/content/articles/\(name).md")
}
print("wrote \(articleCount) articles, \(persons.count) persons, \(places.count) places to \(output.path)")
