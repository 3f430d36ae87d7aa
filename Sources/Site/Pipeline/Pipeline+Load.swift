import Entities
import Foundation
import SourceText
import Templating

extension Pipeline {
    /// Reads what changed (everything on the first run): settings, registry, templates and
    /// assets, and the list of articles.
    func load(into state: inout State, run: inout Run) throws -> Changes {
        var changes = Changes()
        let current = takeScan() ?? scan()
        let first = state.isFirstRun
        if first {
            if mode != .check { try OutputFolder.check(options) }
            try attempt(&run, or: ()) { try Content.requireFolders(of: options.content) }
        }
        func changed(_ prefix: String) -> Bool {
            first || current.contains { $0.key.hasPrefix(prefix) && state.stamps[$0.key] != $0.value }
                || state.stamps.keys.contains { $0.hasPrefix(prefix) && current[$0] == nil }
        }
        let name = options.content.lastPathComponent
        if changed("dossier.yml") {
            let settings = try attempt(&run, or: DossierConfig()) {
                try DossierConfig.load(from: options.content.appendingPathComponent("dossier.yml"), displayPath: "\(name)/dossier.yml")
            }
            if settings != state.settings || first { changes.converterChanged = true }
            state.settings = settings
        }
        if changed("entities/") {
            // A check lists every registry problem, and goes on with the entities that are fine.
            var problems: [SourceError] = []
            let registry = try attempt(&run, or: Registry([])) {
                try Registry.load(from: options.content.appendingPathComponent("entities"), displayPath: "\(name)/entities", problems: &problems)
            }
            if mode == .check { run.problems += problems } else { try SourceErrors.throwIfAny(problems) }
            if first {
                changes.converterChanged = true
            } else if let moved = Self.compatible(state.registry, registry, mentioned: state.index) {
                if moved != Array(moved.indices) || moved.count != registry.entities.count { changes.moved = moved }
            } else {
                changes.converterChanged = true
            }
            state.registry = registry
            changes.registryChanged = true
        }
        if changed("Templates/") || state.library == nil {
            var problems: [TemplateError] = []
            let builder = SiteBuilder(options: options)
            state.library = try attempt(&run, or: TemplateLibrary()) { try builder.library(problems: &problems) }
            if mode == .check { run.templateProblems += problems } else { try SourceErrors.throwIfAny(problems.map(SourceError.init)) }
            state.assets = try attempt(&run, or: []) { try builder.assets() }
            state.templatePrints = Self.templatePrints(current, templates: options.templates)
            changes.templates = true
        }
        let articles = try attempt(&run, or: []) { try Content.articleFiles(in: options.content) }
        let paths = Set(articles.map { "articles/" + ($0 as NSString).lastPathComponent })
        for path in paths where first || state.stamps[path] != current[path] || state.sources[Self.slug(of: path)] == nil && mode == .serve {
            changes.articles.insert(path)
        }
        changes.removedArticles = Set(state.converted.keys.map { "articles/\($0).md" }).subtracting(paths)
        state.stamps = current
        return changes
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
        var stamps = FileStamp.scan(content.appendingPathComponent("articles"), extensions: ["md"], prefix: "articles/", recursive: false)
        stamps.merge(FileStamp.scan(content.appendingPathComponent("entities"), extensions: ["yml", "yaml"], prefix: "entities/", recursive: false)) { first, _ in first }
        if let stamp = FileStamp.of(content.appendingPathComponent("dossier.yml").path) { stamps["dossier.yml"] = stamp }
        if let templates = options.templates {
            stamps.merge(FileStamp.scan(templates, prefix: "Templates/")) { first, _ in first }
        }
        return stamps
    }

    /// Per template the dossier gives, a fingerprint of its stamp: a template's source changed
    /// when its file did.
    static func templatePrints(_ stamps: [String: FileStamp], templates: URL?) -> [String: UInt64] {
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
