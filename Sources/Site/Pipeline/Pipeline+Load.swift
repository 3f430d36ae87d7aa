import Entities
import Foundation
import SourceText
import Templating

extension Pipeline {
    /// Reads what changed since the last run (everything on the first): settings, registry,
    /// templates and assets, and which articles changed, came or went. Keeps nothing.
    func load(_ current: [String: FileStamp], changed: Set<String>, registry given: Registry?, run: inout Run) throws -> Loaded {
        let first = state.isFirstRun
        var loaded = Loaded(stamps: current, settings: state.settings, registry: state.registry)
        // `build` and `check` look at the folders before they start (the build before it makes
        // its staging folder, the check to report that one problem alone); `serve` here.
        if first, mode == .serve {
            try OutputFolder.check(options)
            try Content.requireFolders(of: options.content)
        }
        // Which folders and files changed (on the first run, everything: not looked at).
        var touched = Set<Substring>()
        if !first { for path in changed { touched.insert(path.prefix { $0 != "/" }) } }
        let name = options.content.lastPathComponent
        if first || touched.contains("dossier.yml") {
            loaded.settings = try attempt(&run, or: DossierConfig()) {
                try DossierConfig.load(from: options.content.appendingPathComponent("dossier.yml"), displayPath: "\(name)/dossier.yml")
            }
            if first || loaded.settings != state.settings { loaded.changes.converterChanged = true }
        }
        if first || touched.contains("entities") {
            // A check lists every registry problem, and goes on with the entities that are fine.
            var problems: [SourceError] = []
            loaded.registry = try given ?? attempt(&run, or: Registry([])) {
                try Registry.load(from: options.content.appendingPathComponent("entities"), displayPath: "\(name)/entities", problems: &problems)
            }
            if mode == .check { run.problems += problems } else { try SourceErrors.throwIfAny(problems) }
            if first {
                loaded.changes.converterChanged = true
            } else if let moved = Self.compatible(state.registry, loaded.registry, mentioned: state.index) {
                if moved != Array(moved.indices) || moved.count != loaded.registry.entities.count { loaded.changes.moved = moved }
            } else {
                loaded.changes.converterChanged = true
            }
            loaded.changes.registryChanged = true
        }
        if first || touched.contains("Templates") {
            var problems: [TemplateError] = []
            let builder = SiteBuilder(options: options)
            loaded.library = try attempt(&run, or: TemplateLibrary()) { try builder.library(problems: &problems) }
            if mode == .check { run.templateProblems += problems } else { try SourceErrors.throwIfAny(problems.map(SourceError.init)) }
            loaded.assets = try attempt(&run, or: []) { try builder.assets() }
            loaded.templatePrints = Self.templatePrints(current)
        }
        if first {
            // The folder as the build lists it (located errors for what is not a folder).
            let files = try attempt(&run, or: []) { try Content.articleFiles(in: options.content) }
            loaded.changes.articles = Set(files.map { "articles/" + $0.split(separator: "/").last! })
        } else {
            for path in changed where path.hasPrefix("articles/") {
                if current[path] == nil { loaded.changes.removedArticles.insert(path) } else { loaded.changes.articles.insert(path) }
            }
        }
        return loaded
    }

    /// Where each entity of `old` is in `new`, when no article's conversion changes: every
    /// entity that articles mention keeps its id, name and type. Nil otherwise.
    static func compatible(_ old: Registry, _ new: Registry, mentioned index: MentionIndex) -> [Int]? {
        var moved: [Int] = []
        for (position, entity) in old.entities.enumerated() {
            if let now = new.index(of: entity.id), new.entities[now].name == entity.name, new.entities[now].type == entity.type {
                moved.append(now)
            } else if position < index.counts.count, index.counts[position] > 0 {
                return nil
            } else {
                moved.append(-1)
            }
        }
        return moved
    }

    /// Stamps of everything a build reads, keyed by path relative to `content/`, and
    /// `Templates/…` for templates.
    func scan() -> [String: FileStamp] {
        let content = options.content
        var stamps = FileStamp.scan(content.appendingPathComponent("articles"), extensions: ["md"], prefix: "articles/", recursive: false,
                                    expected: state.stamps.count)
        stamps.merge(FileStamp.scan(content.appendingPathComponent("entities"), extensions: ["yml", "yaml"], prefix: "entities/", recursive: false)) { first, _ in first }
        if let stamp = FileStamp.of(content.appendingPathComponent("dossier.yml").path) { stamps["dossier.yml"] = stamp }
        if let templates = options.templates {
            stamps.merge(FileStamp.scan(templates, prefix: "Templates/")) { first, _ in first }
        }
        return stamps
    }

    /// Per template the dossier gives, a fingerprint of its stamp: a template's source changed
    /// when its file did.
    static func templatePrints(_ stamps: [String: FileStamp]) -> [String: UInt64] {
        var prints: [String: UInt64] = [:]
        for (path, stamp) in stamps where path.hasPrefix("Templates/") && path.hasSuffix(".mustache") {
            var hasher = Hasher()
            hasher.combine(stamp.modified)
            hasher.combine(stamp.size)
            prints[String(path.dropFirst("Templates/".count).dropLast(".mustache".count))] = UInt64(bitPattern: Int64(hasher.finalize()))
        }
        return prints
    }

    static func slug(of path: String) -> String {
        String(path.dropFirst("articles/".count).dropLast(".md".count))
    }

    /// `work`'s result; in `check` mode a failure becomes located problems in `run`, and `fallback` is taken.
    func attempt<T>(_ run: inout Run, or fallback: @autoclosure () -> T, _ work: () throws -> T) throws -> T {
        guard mode == .check else { return try work() }
        do { return try work() } catch {
            run.problems += SourceErrors.located(in: error) ?? [SourceError(file: options.content.relativePath, message: "\(error)")]
            return fallback()
        }
    }
}
