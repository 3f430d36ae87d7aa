import Foundation
import Yams

/// All entities of a dossier, read from `content/entities/*.yml`.
///
/// Each file holds a YAML list of entities:
///
///     - id: wladimir-putin
///       type: person
///       name: Wladimir Putin
///       aliases: [Putin]
///       description: Präsident Russlands
///       wikidata: Q7747
public struct Registry: Sendable {
    public private(set) var entities: [Entity]
    private var indexByID: [String: Int]

    public init(_ entities: [Entity]) {
        self.entities = entities
        indexByID = Dictionary(entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: String) -> Entity? { indexByID[id].map { entities[$0] } }

    /// The position of the entity with `id` in `entities`.
    public func index(of id: String) -> Int? { indexByID[id] }

    /// Reads every `*.yml`/`*.yaml` file of `directory`; `displayRoot` prefixes paths in errors.
    public static func load(from directory: URL, displayPath: String = "content/entities") throws -> Registry {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        var loaded: [(Entity, SourceError)] = []
        for file in files.filter({ ["yml", "yaml"].contains($0.pathExtension) }).sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            let display = "\(displayPath)/\(file.lastPathComponent)"
            loaded += try parse(try TextFile.read(file.path, display: display), file: display)
        }
        return try validated(loaded)
    }

    /// Parses one registry file; each entity comes with the location of its `id` for later errors.
    static func parse(_ text: String, file: String) throws -> [(Entity, SourceError)] {
        let root: Node?
        do {
            // Every value is read as text, so no tag needs resolving (the default resolver runs
            // regular expressions over each scalar).
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw SourceError(yaml: error, file: file)
        }
        guard let root else { return [] }
        guard let items = root.sequence else {
            throw SourceError(at: root, file: file, message: "expected a list of entities ('- id: …')")
        }
        return try items.map { try entity(from: $0, file: file) }
    }

    /// Checks ids and aliases across all files.
    static func validated(_ loaded: [(Entity, SourceError)]) throws -> Registry {
        var idOwners: [String: SourceError] = [:]
        var aliasOwners: [String: String] = [:]
        for (entity, location) in loaded {
            if let first = idOwners[entity.id] {
                throw location.with(message: "duplicate id '\(entity.id)', first defined at \(first.file):\(first.line): give one of them another id")
            }
            idOwners[entity.id] = location
            for alias in Set([entity.name] + entity.aliases) {
                if let owner = aliasOwners[alias], owner != entity.id {
                    throw location.with(message: "alias '\(alias)' is claimed by \(owner) and \(entity.id): keep it on one entity or list it under 'ambiguous' on both")
                }
                aliasOwners[alias] = entity.id
            }
        }
        return Registry(loaded.map(\.0))
    }
}

private extension Registry {
    static func entity(from node: Node, file: String) throws -> (Entity, SourceError) {
        guard let pairs = node.mapping else {
            throw SourceError(at: node, file: file, message: "expected an entity mapping with id, type and name")
        }
        // Keys looked up in a plain dictionary: Yams compares nodes by resolving their tags.
        var mapping: [String: Node] = [:]
        for (key, value) in pairs {
            if let key = key.scalar?.string { mapping[key] = value }
        }
        func string(_ key: String, required: Bool = false) throws -> String? {
            guard let value = mapping[key] else {
                if required { throw SourceError(at: node, file: file, message: "entity has no '\(key)': add '\(key): …'") }
                return nil
            }
            guard let scalar = value.scalar else {
                throw SourceError(at: value, file: file, message: "'\(key)' must be a single value")
            }
            return scalar.string
        }
        func strings(_ key: String) throws -> [String] {
            guard let value = mapping[key] else { return [] }
            if let scalar = value.scalar { return [scalar.string] }
            guard let list = value.sequence else {
                throw SourceError(at: value, file: file, message: "'\(key)' must be a list like [Putin, Putins]")
            }
            return list.compactMap { $0.scalar?.string }
        }
        func number(_ key: String) throws -> Double? {
            guard let text = try string(key) else { return nil }
            guard let number = Double(text) else {
                throw SourceError(at: mapping[key]!, file: file, message: "'\(key)' must be a number, not '\(text)'")
            }
            return number
        }
        let id = try string("id", required: true)!
        let idNode = mapping["id"]!
        guard Slug.isValid(id) else {
            throw SourceError(at: idNode, file: file, message: "id '\(id)' is not a slug: use '\(Slug.make(id))' (a–z, 0–9 and '-', ä→ae, ö→oe, ü→ue, ß→ss)")
        }
        let typeText = try string("type", required: true)!
        guard let type = EntityType(rawValue: typeText) else {
            throw SourceError(at: mapping["type"]!, file: file, message: "unknown type '\(typeText)': use person, place or org")
        }
        let entity = Entity(
            id: id, type: type, name: try string("name", required: true)!,
            aliases: try strings("aliases"), ambiguous: try strings("ambiguous"),
            description: try string("description") ?? "", wikidata: try string("wikidata"),
            latitude: try number("lat"), longitude: try number("lon")
        )
        return (entity, SourceError(at: idNode, file: file, message: ""))
    }
}

extension SourceError {
    init(at node: Node, file: String, message: String) {
        self.init(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    /// A YAML syntax error as a located error.
    public init(yaml error: YamlError, file: String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            self.init(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        default:
            self.init(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }

    func with(message: String) -> SourceError {
        var copy = self
        copy.message = message
        return copy
    }
}
