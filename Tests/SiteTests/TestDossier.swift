import Foundation
@testable import Site

/// A small dossier written into a temporary folder, built, and read back.
struct TestDossier {
    let root: URL
    var outputName = "site"

    init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        for (path, text) in files { try write(path, text) }
    }

    /// Another view of the same folder, reading a different output.
    init(root: URL, outputName: String) {
        self.root = root
        self.outputName = outputName
    }

    static let registry = """
    - id: wladimir-putin
      type: person
      name: Wladimir Putin
      aliases: [Putin]
      description: Präsident Russlands
      wikidata: Q7747
    - id: kim-jong-un
      type: person
      name: Kim Jong Un
      description: Machthaber Nordkoreas
    - id: oesterreich
      type: place
      name: Österreich
    - id: russland
      type: place
      name: Russland
      lat: 61.5
      lon: 105.3
    - id: amur
      type: place
      name: Amur
    - id: tass
      type: org
      name: TASS
    """

    static func standard() throws -> TestDossier {
        try TestDossier(files: [
            "content/dossier.yml": "title: Testdossier\ndescription: Zwei Artikel.\nlanguage: de\n",
            "content/entities/entities.yml": registry,
            "content/articles/treffen.md": """
            ---
            title: Putin trifft Kim
            outlet: DPA
            authors: [Anna Muster]
            date: 2023-09-13
            teaser: Das Treffen im Osten.
            captions:
              - text: Putin und Kim
                credit: APA/AFP/Mikhail Metzel
            ---
            [Putin](person:wladimir-putin) traf [Kim Jong Un](person:kim-jong-un) am [Amur](place:amur). Die Agentur [TASS](org:tass) berichtete.

            ## In Russland

            [Putins](person:wladimir-putin) Gast blieb in [Russland](place:russland).
            """,
            "content/articles/wien.md": """
            ---
            title: Blick aus Wien
            outlet: ORF
            date: 2023-09-12
            ---
            In [Österreich](place:oesterreich) sprach man über [Putin](person:wladimir-putin).
            """,
        ])
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    var output: URL { root.appendingPathComponent(outputName) }

    @discardableResult
    func build(templates: String? = nil) throws -> SiteBuilder.Report {
        try SiteBuilder(options: .init(content: root.appendingPathComponent("content"),
                                       templates: templates.map { root.appendingPathComponent($0) },
                                       output: output)).build()
    }

    /// What `dossier check` reports on the dossier, one `file:line:col: error: …` per entry.
    func check() -> [String] {
        SiteChecker(options: .init(content: root.appendingPathComponent("content"), output: output)).check().errors.map(\.description)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file of the site with its bytes, by relative path.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = output.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)! {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { files[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url) }
        }
        return files
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}
