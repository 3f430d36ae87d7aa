// Annotation throughput with a 10,000-entry registry: German-like names and places, inflected
// mentions in news prose, several MB of text, in MB/s. The registry size barely matters: the
// annotator walks a token trie once over the text.
import BenchSupport
import Entities
import Foundation

let entryCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
let kilobytes = CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 8192

let given = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Fjodor", "Galina", "Hans", "Irina", "Jürgen", "Katja", "Lew", "Marta", "Nikolai", "Olga", "Pawel", "Ruth", "Sergej", "Tatjana", "Uwe"]
let family = ["Asarow", "Bergmann", "Chruschtschow", "Dobrowolski", "Eichhorn", "Frolow", "Gorbunow", "Hoffmann", "Iwanow", "Jakowlew", "Kusnezow", "Lehmann", "Medwedew", "Nowak", "Orlow", "Petrow", "Quandt", "Romanow", "Schulze", "Tichonow", "Uljanow", "Wagner", "Zander"]
let placeStems = ["Nowo", "Ust", "Krasno", "Belo", "Tscherno", "Wolgo", "Jekateri", "Bad", "Neu", "Alt"]
let placeEnds = ["sibirsk", "gorod", "dorf", "burg", "grad", "hausen", "ingen", "stadt", "kamensk", "jarsk"]

var random = SplitMix(seed: 42)
var entities: [Entity] = []
for index in 0..<entryCount {
    if index % 4 == 0 {
        let name = "\(placeStems[index % placeStems.count])\(placeEnds[(index / placeStems.count) % placeEnds.count])\(index)"
        entities.append(Entity(id: Slug.make(name), type: .place, name: name))
    } else {
        let familyName = "\(family[index % family.count])\(index)"
        let name = "\(random.pick(given)) \(familyName)"
        entities.append(Entity(id: Slug.make(name), type: .person, name: name, aliases: [familyName]))
    }
}
let registry = Registry(entities)

let filler = ["Die Regierung", "teilte am Mittwoch mit", "dass die Gespräche", "über Zusammenarbeit", "fortgesetzt würden.",
              "Nach Angaben", "der Agentur", "sprach", "mit Vertretern", "der Wirtschaft", "in der Hauptstadt.", "„Wir werden“,",
              "sagte", "– so hieß es –", "weiter.", "Kritiker", "bemängelten", "die Pläne", "als unzureichend."]
var text = ""
text.reserveCapacity(kilobytes << 10)
while text.utf8.count < kilobytes << 10 {
    for _ in 0..<12 {
        text += random.pick(filler) + " "
        if random.next() % 3 == 0 {
            let entity = registry.entities[Int(random.next() % UInt64(registry.entities.count))]
            let surface = random.next() % 2 == 0 ? entity.name : (entity.aliases.first ?? entity.name)
            text += surface + (random.next() % 4 == 0 ? "s " : " ")
        }
    }
    text += "\n\n"
}

let start = DispatchTime.now().uptimeNanoseconds
let annotator = Annotator(registry: registry)
let built = DispatchTime.now().uptimeNanoseconds
let result = annotator.annotate(text)
let done = DispatchTime.now().uptimeNanoseconds
let seconds = Double(done - built) / 1e9
let size = Double(text.utf8.count) / 1_048_576
print("registry: \(registry.entities.count) entries, trie built in \(String(format: "%.1f", Double(built - start) / 1e6)) ms")
print("annotated \(String(format: "%.1f", size)) MB with \(result.added.count) mentions in \(String(format: "%.3f", seconds)) s = \(String(format: "%.1f", size / seconds)) MB/s")
