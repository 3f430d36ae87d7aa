import Entities
import Foundation
import Importer
import Site
import SourceText

/// One editing session: imports new raw files, re-annotates after registry edits, and keeps
/// the site up to date through the incremental builder.
public final class PreviewSession: @unchecked Sendable {
    public let options: SiteBuilder.Options
    public let builder: IncrementalBuilder
    private var rawStamps: [String: FileStamp]
    /// Whether a rebuild ran: the first builds everything, with no registry edit to follow up.
    private var hasBuilt = false
    /// The registry the articles were last annotated with; nil until one loads.
    private var registry: Registry?
    /// Whether pages changed since the search index was last made; guarded by `lock`, as the
    /// index is made beside later rebuilds.
    private var searchIsStale = false
    private let lock = NSLock()

    public init(options: SiteBuilder.Options) {
        self.options = options
        builder = IncrementalBuilder(options: options)
        rawStamps = FileStamp.scan(options.content.appendingPathComponent("raw"))
        registry = try? Content.loadRegistry(from: options.content)
    }

    /// What a rebuild did: a line for the terminal, and whether it changed the site.
    public struct Rebuild: Sendable, CustomStringConvertible {
        public var summary: String
        /// Whether files were written or removed: a save that changed nothing the site shows (an
        /// editor's temporary file, a file saved unchanged) reloads no tab.
        public var changedSite: Bool
        public var description: String { summary }
    }

    /// Imports, re-annotates and rebuilds what changed since the last rebuild.
    public func rebuild() throws -> Rebuild {
        let start = DispatchTime.now().uptimeNanoseconds
        var notes: [String] = []
        var loaded: Registry?
        // The builder's look at the content, which its rebuild then starts from.
        let registryChanged = hasBuilt && builder.changedFiles().contains { $0.hasPrefix("entities/") }
        hasBuilt = true
        var rawNow = FileStamp.scan(options.content.appendingPathComponent("raw"))
        let newRaw = Self.filesToImport(now: rawNow, before: rawStamps)
        // A raw file that cannot be imported keeps neither the others nor the build back; it is
        // reported after the build and tried again on each rebuild until it imports or goes.
        var failed: [SourceError] = []
        if registryChanged || !newRaw.isEmpty {
            let registry = try Content.loadRegistry(from: options.content)
            let language = try Content.loadSettings(from: options.content).language
            if !newRaw.isEmpty {
                let importer = ArticleImporter(options: .init(content: options.content, language: language), registry: registry)
                for name in newRaw {
                    do {
                        let outcome = try importer.importFile(options.content.appendingPathComponent("raw/\(name)"))
                        notes.append("imported \(name) as \(outcome.article)")
                    } catch {
                        failed += SourceErrors.located(in: error) ?? [SourceError(file: "raw/\(name)", message: "\(error)")]
                        rawNow[name] = nil
                    }
                }
            }
            var added = 0
            if registryChanged {
                added = try reannotate(with: registry, language: language)
                notes.append("registry changed, \(added) mentions annotated")
            }
            self.registry = registry
            loaded = registry
            // Articles were written: the builder looks again.
            if added > 0 || !newRaw.isEmpty { builder.discardScan() }
        }
        rawStamps = rawNow
        let outcome = try builder.rebuild(registry: registryChanged ? loaded : nil)
        if options.search != nil, !outcome.written.isEmpty || !outcome.removed.isEmpty {
            lock.withLock { searchIsStale = true }
        }
        notes.append("\(outcome.written.count) files written, \(outcome.removed.count) removed in \(String(format: "%.0f", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)) ms")
        try SourceErrors.throwIfAny(failed)
        return Rebuild(summary: notes.joined(separator: "; "), changedSite: !outcome.written.isEmpty || !outcome.removed.isEmpty)
    }
}

public extension PreviewSession {
    /// Makes the search index again if pages changed since it was last made; returns whether it
    /// did. Pagefind reads the whole site, so the preview runs this after the reload, not before.
    func indexSearchIfStale() throws -> Bool {
        guard let search = options.search, lock.withLock({ () -> Bool in
            defer { searchIsStale = false }
            return searchIsStale
        }) else { return false }
        try search.index(options.output)
        return true
    }
}

private extension PreviewSession {
    /// The raw files to import: new articles, and those whose sidecar (`name.yml`) is new or changed.
    static func filesToImport(now: [String: FileStamp], before: [String: FileStamp]) -> [String] {
        let changed = now.keys.filter { before[$0] != now[$0] && !$0.contains("/") }
        var names = Set(changed.filter { before[$0] == nil && ArticleImporter.isImportable($0) })
        for sidecar in changed where sidecar.hasSuffix(".yml") || sidecar.hasSuffix(".yaml") {
            let base = (sidecar as NSString).deletingPathExtension
            names.formUnion(now.keys.filter { ArticleImporter.isImportable($0) && ($0 as NSString).deletingPathExtension == base })
        }
        return names.sorted()
    }

    /// Annotates the articles again after a registry edit; returns how many mentions were added.
    ///
    /// Annotation only ever adds links, and only for names the registry did not give an entity
    /// before (a known name newly listed as ambiguous for another entity counts: it may now
    /// resolve to that one): an article that contains none of them (as written, or in capitals as
    /// in headlines; an inflected or compound form starts with the name) is left unread.
    func reannotate(with registry: Registry, language: String) throws -> Int {
        struct Naming: Hashable {
            var surface: String
            var entity: String
        }
        func namings(_ registry: Registry) -> Set<Naming> {
            Set(registry.entities.flatMap { entity in ([entity.name] + entity.aliases + entity.ambiguous).map { Naming(surface: $0, entity: entity.id) } })
        }
        let new = Set((self.registry.map { namings(registry).subtracting(namings($0)) } ?? namings(registry)).map(\.surface))
        guard !new.isEmpty else { return 0 }
        let needles = Set(new.flatMap { surface -> [String] in
            let word = String(surface.prefix { $0 != " " && $0 != "-" && $0 != "\n" })
            return [word, word.uppercased()]
        }).filter { !$0.isEmpty }.map { Array($0.utf8) }
        let annotator = Reannotator(registry: registry, language: language)
        var added = 0
        for path in try Content.articleFiles(in: options.content) {
            guard let bytes = try? TextFile.bytes(atPath: path), needles.contains(where: { bytes.contains($0) }) else { continue }
            let file = URL(fileURLWithPath: path)
            added += try annotator.annotate(file, display: "\(options.content.lastPathComponent)/articles/\(file.lastPathComponent)").added
        }
        return added
    }
}

private extension [UInt8] {
    /// Whether the bytes contain `needle`: memchr finds candidates for its first byte.
    func contains(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        return withUnsafeBytes { (haystack: UnsafeRawBufferPointer) -> Bool in
            guard var cursor = haystack.baseAddress, haystack.count >= needle.count else { return false }
            let last = haystack.baseAddress! + (haystack.count - needle.count)
            while cursor <= last, let found = memchr(cursor, Int32(first), last - cursor + 1) {
                if memcmp(found, needle, needle.count) == 0 { return true }
                cursor = UnsafeRawPointer(found) + 1
            }
            return false
        }
    }
}
