import Foundation
import Testing
@testable import Site

struct FileStampTests {
    @Test func scanKeepsVisibleFilesWithTheExtensionsAskedFor() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stamps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("unter"), withIntermediateDirectories: true)
        for name in ["treffen.md", "a.b.md", "notiz.txt", "md", ".md", ".#treffen.md", "liste.yaml", "unter/tief.md", "gipfel.MD"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("verweis.md").path, withDestinationPath: "treffen.md")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("kaputt.md").path, withDestinationPath: "fehlt.md")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("ordner.md").path, withDestinationPath: "unter")

        let articles = FileStamp.scan(folder, extensions: ["md"], prefix: "articles/", recursive: false)
        #expect(articles.keys.sorted() == ["articles/a.b.md", "articles/treffen.md", "articles/verweis.md"])
        #expect(articles["articles/treffen.md"]?.size == 1)
        let registry = FileStamp.scan(folder, extensions: ["yml", "yaml"], recursive: false)
        #expect(registry.keys.sorted() == ["liste.yaml"])
        let everything = FileStamp.scan(folder)
        #expect(everything.keys.sorted() == ["a.b.md", "gipfel.MD", "liste.yaml", "md", "notiz.txt", "treffen.md", "unter/tief.md", "verweis.md"])
    }

    /// A folder of thousands is looked up on several threads: each file once, with its own size.
    @Test func aLargeFolderGivesEveryFileItsOwnStamp() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stamps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("unter"), withIntermediateDirectories: true)
        for number in 0..<2_003 {
            try Data(repeating: UInt8(ascii: "x"), count: number).write(to: folder.appendingPathComponent("artikel-\(number).md"))
        }
        for name in [".artikel-5.md", "notiz.txt", "unter/tief.md"] { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }

        let stamps = FileStamp.scan(folder, extensions: ["md"], prefix: "articles/", recursive: true)
        #expect(stamps.count == 2_004)
        // The type said: without it, `number` would be taken as an optional to match `size`.
        let wrong = (0..<2_003).filter { (number: Int) in stamps["articles/artikel-\(number).md"]?.size != number }
        #expect(wrong == [])
        #expect(stamps["articles/unter/tief.md"]?.size == 1)
    }
}
