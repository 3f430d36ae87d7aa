import Foundation
import Testing
@testable import Site

/// Random edits of every kind a user makes while `dossier serve` runs, and after each the
/// incremental output equals a clean build byte for byte (after a failed edit: the output as it
/// was). Seeded: a failure names its seed and step, and the same seed replays it.
///
/// `DOSSIER_EDIT_SEQUENCE=steps[:seed]` runs a longer sequence (`swift test --filter EditSequence`).
struct EditSequenceTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomEditsKeepServeEqualToACleanBuild(seed: UInt64) throws {
        var steps = 24
        var seed = seed
        if let long = ProcessInfo.processInfo.environment["DOSSIER_EDIT_SEQUENCE"] {
            let parts = long.split(separator: ":")
            steps = Int(parts[0]) ?? steps
            if parts.count > 1, seed == 1 { seed = UInt64(parts[1]) ?? seed } else if parts.count > 1 { return }
        }
        var sequence = try EditSequence(seed: seed)
        defer { sequence.dossier.cleanUp() }
        let builder = IncrementalBuilder(options: sequence.options(output: sequence.dossier.output))
        try builder.rebuild()
        #expect(try sequence.dossier.snapshot() == sequence.cleanBuild(), "seed \(seed): the first rebuild")
        for step in 1...steps {
            let before = try sequence.dossier.snapshot()
            let edit = try sequence.randomEdit()
            do {
                try builder.rebuild()
                #expect(!edit.breaks, "seed \(seed) step \(step): \(edit.name) should have failed")
            } catch {
                #expect(edit.breaks, "seed \(seed) step \(step): \(edit.name) failed: \(error)")
                #expect(try sequence.dossier.snapshot() == before, "seed \(seed) step \(step): a failed rebuild changed the site")
                try edit.repair()
                try builder.rebuild()
            }
            let served = try sequence.dossier.snapshot()
            let clean = try sequence.cleanBuild()
            let differing = Set(served.keys).union(clean.keys).filter { served[$0] != clean[$0] }.sorted()
            #expect(differing.isEmpty, "seed \(seed) step \(step) after \(edit.name): serve differs from a clean build in \(differing.prefix(8))")
            if !differing.isEmpty { return }
        }
    }
}

/// A small dossier (enough articles that a frequent entity has several pages) and random edits of it.
struct EditSequence {
    struct Edit {
        var name: String
        /// Whether the edit makes the content invalid; `repair` makes it valid again.
        var breaks = false
        var repair: () throws -> Void = {}
    }

    struct Person {
        var id: String
        var type: String
        var name: String
        var aliases: [String] = []
        var description = ""
    }

    let dossier: TestDossier
    var random: SplitMix
    var entities: [Person]
    var articles: [String: (title: String, outlet: String, date: String, teaser: String, language: String, paragraphs: [String])] = [:]
    var nextNumber = 0
    var title = "Zufallsdossier"
    var language = "de"
    var template: String?

    init(seed: UInt64) throws {
        random = SplitMix(seed: seed)
        dossier = try TestDossier(files: [:])
        entities = [
            Person(id: "wladimir-putin", type: "person", name: "Wladimir Putin", aliases: ["Putin"], description: "Präsident"),
            Person(id: "kim-jong-un", type: "person", name: "Kim Jong Un"),
            Person(id: "sergej-lawrow", type: "person", name: "Sergej Lawrow"),
            Person(id: "russland", type: "place", name: "Russland"),
            Person(id: "wostotschny", type: "place", name: "Wostotschny"),
            Person(id: "amur", type: "place", name: "Amur"),
            Person(id: "tass", type: "org", name: "TASS"),
            Person(id: "kcna", type: "org", name: "KCNA"),
        ]
        try writeSettings()
        try writeRegistry()
        for _ in 0..<34 { try addArticle() }
    }

    func options(output: URL) -> SiteBuilder.Options {
        .init(content: dossier.root.appendingPathComponent("content"), templates: dossier.root.appendingPathComponent("Templates"), output: output)
    }

    func cleanBuild() throws -> [String: Data] {
        let reference = TestDossier(root: dossier.root, outputName: "clean")
        try? FileManager.default.removeItem(at: reference.output)
        try SiteBuilder(options: options(output: reference.output)).build()
        return try reference.snapshot()
    }

    // MARK: Edits

    mutating func randomEdit() throws -> Edit {
        switch random.below(14) {
        case 0, 1, 2: return try editText()
        case 3: return try addArticle()
        case 4: return try removeArticle()
        case 5: return try renameArticle()
        case 6: return try editFrontMatter()
        case 7: return try addEntity()
        case 8: return try renameEntity()
        case 9: return try describeEntity()
        case 10: return try removeEntity()
        case 11: return try editTemplate()
        case 12: return try editSettings()
        default: return try breakArticle()
        }
    }

    /// A paragraph added, replaced or removed; mentions of random entities in it.
    mutating func editText() throws -> Edit {
        let slug = random.pick(articles.keys.sorted())
        var article = articles[slug]!
        switch random.below(3) {
        case 0: article.paragraphs.append(paragraph())
        case 1: article.paragraphs[random.below(article.paragraphs.count)] = paragraph()
        default: if article.paragraphs.count > 1 { article.paragraphs.remove(at: random.below(article.paragraphs.count)) }
        }
        articles[slug] = article
        try writeArticle(slug)
        return Edit(name: "text of \(slug)")
    }

    @discardableResult
    mutating func addArticle() throws -> Edit {
        nextNumber += 1
        let slug = "bericht-\(nextNumber)"
        articles[slug] = (title: "Bericht \(random.below(50))", outlet: random.pick(["DPA", "ORF", "Der Standard", ""]), date: date(), teaser: "",
                          language: "", paragraphs: (0...random.below(3)).map { _ in paragraph() })
        try writeArticle(slug)
        return Edit(name: "added \(slug)")
    }

    mutating func removeArticle() throws -> Edit {
        guard articles.count > 5 else { return try addArticle() }
        let slug = random.pick(articles.keys.sorted())
        articles[slug] = nil
        try dossier.remove("content/articles/\(slug).md")
        return Edit(name: "removed \(slug)")
    }

    mutating func renameArticle() throws -> Edit {
        let slug = random.pick(articles.keys.sorted())
        nextNumber += 1
        let new = random.below(2) == 0 ? "\(slug)-\(nextNumber)" : "a-\(nextNumber)"
        articles[new] = articles.removeValue(forKey: slug)
        try dossier.remove("content/articles/\(slug).md")
        try writeArticle(new)
        return Edit(name: "renamed \(slug) to \(new)")
    }

    mutating func editFrontMatter() throws -> Edit {
        let slug = random.pick(articles.keys.sorted())
        var article = articles[slug]!
        switch random.below(6) {
        case 0: article.date = date()
        // The language an article is in shows in how its quotes are marked.
        case 4: article.language = random.pick(["", "de", "en"])
        case 1: article.title = "Bericht \(random.below(50))"
        // Fields that name entities: their mentions count on entity pages as the body's do.
        case 2: article.title = "\(mention()) im Bericht \(random.below(50))"
        case 3: article.teaser = random.below(4) == 0 ? "" : paragraph()
        default: article.outlet = random.pick(["DPA", "ORF", "Der Standard", "AFP", ""])
        }
        articles[slug] = article
        try writeArticle(slug)
        return Edit(name: "front matter of \(slug)")
    }

    mutating func addEntity() throws -> Edit {
        nextNumber += 1
        let person = Person(id: "person-\(nextNumber)", type: random.pick(["person", "place", "org"]), name: "Neu \(nextNumber)")
        entities.insert(person, at: random.below(entities.count + 1))
        try writeRegistry()
        return Edit(name: "added entity \(person.id)")
    }

    mutating func renameEntity() throws -> Edit {
        let position = random.below(entities.count)
        entities[position].name += random.below(2) == 0 ? " Jr." : "s"
        if random.below(2) == 0 { entities[position].aliases.append("\(entities[position].name) \(random.below(9))") }
        try writeRegistry()
        return Edit(name: "renamed entity \(entities[position].id)")
    }

    mutating func describeEntity() throws -> Edit {
        let position = random.below(entities.count)
        entities[position].description = "Beschreibung \(random.below(100))"
        try writeRegistry()
        return Edit(name: "described \(entities[position].id)")
    }

    /// Removing an entity that articles still mention is an error until it is back.
    mutating func removeEntity() throws -> Edit {
        let position = random.below(entities.count)
        let removed = entities.remove(at: position)
        try writeRegistry()
        let used = articles.values.contains { ($0.paragraphs + [$0.title, $0.teaser]).contains { $0.contains("(\(removed.type):\(removed.id))") } }
        guard used else { return Edit(name: "removed unused entity \(removed.id)") }
        entities.insert(removed, at: position)
        let registry = try registryText()
        return Edit(name: "removed entity \(removed.id) still in use", breaks: true) { [dossier] in
            try dossier.write("content/entities/entities.yml", registry)
        }
    }

    mutating func editTemplate() throws -> Edit {
        switch random.below(3) {
        case 0:
            try dossier.write("Templates/person.mustache", "{{<entity}}{{$facts}}<dt>Mensch \(random.below(9))</dt>{{/facts}}{{/entity}}\n")
        case 1:
            try dossier.write("Templates/assets/extra.css", "body { color: #\(random.below(900) + 100); }\n")
        default:
            if FileManager.default.fileExists(atPath: dossier.root.appendingPathComponent("Templates/person.mustache").path) {
                try dossier.remove("Templates/person.mustache")
            } else {
                try dossier.write("Templates/place.mustache", "{{<entity}}{{$facts}}<dt>Ort \(random.below(9))</dt>{{/facts}}{{/entity}}\n")
            }
        }
        return Edit(name: "template")
    }

    mutating func editSettings() throws -> Edit {
        if random.below(2) == 0 { title = "Dossier \(random.below(99))" } else { language = language == "de" ? "en" : "de" }
        try writeSettings()
        return Edit(name: "settings")
    }

    /// An annotation of an unknown entity, repaired by rewriting the article as it was.
    mutating func breakArticle() throws -> Edit {
        let slug = random.pick(articles.keys.sorted())
        try dossier.write("content/articles/\(slug).md", "---\ntitle: Kaputt\n---\n[Xi](person:xi-unbekannt) kam.\n")
        let article = articleText(slug)
        return Edit(name: "broke \(slug)", breaks: true) { [dossier] in
            try dossier.write("content/articles/\(slug).md", article)
        }
    }

    // MARK: Writing

    /// A link to a random entity; the most frequent entity more often, so that it fills more
    /// than one page.
    mutating func mention() -> String {
        let entity = random.below(3) == 0 ? entities[random.below(entities.count)] : (entities.first { $0.id == "wladimir-putin" } ?? entities[0])
        let surface = random.below(4) == 0 && !entity.aliases.isEmpty ? entity.aliases[0] : entity.name
        return "[\(surface)](\(entity.type):\(entity.id))"
    }

    mutating func paragraph() -> String {
        (0...random.below(3)).map { _ in
            let link = mention()
            // Some sentences quote their entity: quotes come, go and change with the edits.
            if random.below(4) == 0 { return "„Wir reden über Nummer \(random.below(1000))“, sagte \(link)." }
            // Agency copy: one long sentence in a few versions, shared by the articles that have it.
            if random.below(5) == 0 {
                return "Nach Angaben der Agentur traf \(link) am Mittwoch die Delegation aus dem Norden in \(random.pick(["der Stadt", "dem Hafen", "der Halle"]))."
            }
            return "Heute sprach \(link) über Nummer \(random.below(1000))."
        }.joined(separator: " ")
    }

    mutating func date() -> String {
        random.below(6) == 0 ? "" : "2023-09-\(String(format: "%02d", random.below(28) + 1))"
    }

    func articleText(_ slug: String) -> String {
        let article = articles[slug]!
        var front = "---\ntitle: \"\(article.title)\"\n"
        if !article.teaser.isEmpty { front += "teaser: \"\(article.teaser)\"\n" }
        if !article.outlet.isEmpty { front += "outlet: \(article.outlet)\n" }
        if !article.date.isEmpty { front += "date: \(article.date)\n" }
        if !article.language.isEmpty { front += "language: \(article.language)\n" }
        return front + "---\n" + article.paragraphs.joined(separator: "\n\n") + "\n"
    }

    func writeArticle(_ slug: String) throws {
        try dossier.write("content/articles/\(slug).md", articleText(slug))
    }

    func registryText() throws -> String {
        entities.map { entity in
            var text = "- id: \(entity.id)\n  type: \(entity.type)\n  name: \(entity.name)\n"
            if !entity.aliases.isEmpty { text += "  aliases: [\(entity.aliases.joined(separator: ", "))]\n" }
            if !entity.description.isEmpty { text += "  description: \(entity.description)\n" }
            return text
        }.joined()
    }

    func writeRegistry() throws {
        try dossier.write("content/entities/entities.yml", try registryText())
    }

    func writeSettings() throws {
        try dossier.write("content/dossier.yml", "title: \(title)\nlanguage: \(language)\n")
    }
}

/// SplitMix64: the same seed gives the same edits.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
