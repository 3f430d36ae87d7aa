import Entities
import Foundation
import Importer
import Site

/// One editing session: imports new raw files, re-annotates after registry edits, and keeps
/// the site up to date through the incremental builder.
final class PreviewSession: @unchecked Sendable {
    let options: SiteBuilder.Options
    let builder: IncrementalBuilder
    private var rawStamps: [String: FileStamp]
    private var registryStamps: [String: FileStamp]

    init(options: SiteBuilder.Options) {
        self.options = options
        builder = IncrementalBuilder(options: options)
        rawStamps = FileStamp.scan(options.content.appendingPathComponent("raw"))
        registryStamps = FileStamp.scan(options.content.appendingPathComponent("entities"))
    }

    /// What a rebuild did, as a line for the terminal.
    func rebuild() throws -> String {
        var notes: [String] = []
        let registryNow = FileStamp.scan(options.content.appendingPathComponent("entities"))
        let rawNow = FileStamp.scan(options.content.appendingPathComponent("raw"))
        let newRaw = rawNow.keys.filter { rawStamps[$0] == nil && !$0.contains("/") }.sorted()
        if registryNow != registryStamps || !newRaw.isEmpty {
            let registry = try Registry.load(from: options.content.appendingPathComponent("entities"),
                                             displayPath: "\(options.content.lastPathComponent)/entities")
            if !newRaw.isEmpty {
                let importer = ArticleImporter(options: .init(content: options.content), registry: registry)
                for name in newRaw {
                    let outcome = try importer.importFile(options.content.appendingPathComponent("raw/\(name)"))
                    notes.append("imported \(name) as \(outcome.article)")
                }
            }
            if registryNow != registryStamps {
                let annotator = Reannotator(registry: registry)
                let folder = options.content.appendingPathComponent("articles")
                var added = 0
                for file in (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
                where file.pathExtension == "md" {
                    added += try annotator.annotate(file, display: "\(options.content.lastPathComponent)/articles/\(file.lastPathComponent)").added
                }
                notes.append("registry changed, \(added) mentions annotated")
            }
        }
        registryStamps = registryNow
        rawStamps = rawNow
        let outcome = try builder.rebuild()
        notes.append("\(outcome.written.count) files written, \(outcome.removed.count) removed in \(String(format: "%.0f", outcome.seconds * 1000)) ms")
        return notes.joined(separator: "; ")
    }
}
