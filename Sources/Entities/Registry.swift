import Foundation
import SourceText
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

    /// Reads every `*.yml`/`*.yaml` file of `directory`; `displayPath` prefixes paths in errors.
    /// Fails with every problem of every file at once (`SourceErrors`), not just the first.
    /// `skipping` names files of the folder to leave out.
    public static func load(from directory: URL, displayPath: String = "content/entities", skipping: Set<String> = []) throws -> Registry {
        var problems: [SourceError] = []
        let registry = try load(from: directory, displayPath: displayPath, problems: &problems, skipping: skipping)
        try SourceErrors.throwIfAny(problems)
        return registry
    }

    /// Reads what can be read of the registry, adding each problem to `problems`: an entity with
    /// a problem is left out, the first of two with the same id kept. Throws only when the
    /// folder itself cannot be listed.
    public static func load(from directory: URL, displayPath: String, problems: inout [SourceError], skipping: Set<String> = []) throws -> Registry {
        let names = try Folder.entries(directory.path, display: displayPath, purpose: "the registry folder")
        var loaded: [(Entity, SourceError)] = []
        for name in names.filter({ $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }).filter({ !$0.hasPrefix(".") && !skipping.contains($0) }).sorted() {
            let display = "\(displayPath)/\(name)"
            do {
                loaded += try parse(try TextFile.read(directory.appendingPathComponent(name).path, display: display), file: display, problems: &problems)
            } catch {
                problems += SourceErrors.located(in: error) ?? [SourceError(file: display, message: "\(error)")]
            }
        }
        return validated(loaded, problems: &problems)
    }

    /// Parses one registry file; each entity comes with the location of its `id` for later errors.
    static func parse(_ text: String, file: String) throws -> [(Entity, SourceError)] {
        var problems: [SourceError] = []
        let entities = try parse(text, file: file, problems: &problems)
        try SourceErrors.throwIfAny(problems)
        return entities
    }

    /// The keys an entity takes.
    static let keys = ["id", "type", "name", "aliases", "ambiguous", "description", "wikidata", "lat", "lon", "common_word"]

    /// Checks ids and aliases across all files.
    static func validated(_ loaded: [(Entity, SourceError)]) throws -> Registry {
        var problems: [SourceError] = []
        let registry = validated(loaded, problems: &problems)
        try SourceErrors.throwIfAny(problems)
        return registry
    }
}

extension Registry {
    /// The entities of one file; a YAML syntax error throws, a bad entity is a problem and left out.
    /// `fast`: files written as the registry's are (see `simpleEntities`) are read without the YAML parser.
    static func parse(_ text: String, file: String, problems: inout [SourceError], fast: Bool = true) throws -> [(Entity, SourceError)] {
        if fast, let entities = simpleEntities(text, file: file) { return entities }
        let root: Node?
        do {
            // Every value is read as text, so no tag needs resolving (the default resolver runs
            // regular expressions over each scalar).
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw SourceError(yaml: error, file: file, text: text)
        }
        guard let root else { return [] }
        guard let items = root.sequence else {
            throw SourceError(at: root, file: file, message: "expected a list of entities ('- id: …')")
        }
        var entities: [(Entity, SourceError)] = []
        for item in items {
            do { entities.append(try entity(from: item, file: file)) } catch {
                problems += SourceErrors.located(in: error) ?? []
            }
        }
        return entities
    }

    /// The entities of a file written as `dossier suggest` writes them and editors copy them:
    /// entries `- key: value` with their other keys indented by two spaces, each value a plain or
    /// double-quoted scalar or a flow list (`SimpleFrontMatter`), read without the YAML parser
    /// (which took 80 ms of the start of a dossier of 2,500 entities, and of each registry edit
    /// under `serve`). Nil for anything else, and for an entry with any problem: the YAML parser
    /// reads those files and locates every problem. The entities and their locations are the YAML
    /// parser's (a test compares both).
    static func simpleEntities(_ text: String, file: String) -> [(Entity, SourceError)]? {
        var entries: [(line: Int, lines: [Substring])] = []
        // Lines split as bytes: split as characters, they took longer than reading the entries.
        for (number, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = Substring(bytes)
            if line.hasPrefix("- ") {
                entries.append((number + 1, [line.dropFirst(2)]))
            } else if line.hasPrefix("  ") || line.isEmpty || line.hasPrefix("#") {
                // Empty lines and comments keep their place, so that lines are counted right.
                guard !entries.isEmpty else { if line.hasPrefix("  ") { return nil } else { continue } }
                entries[entries.count - 1].lines.append(line.hasPrefix("  ") ? line.dropFirst(2) : line.isEmpty ? "" : "#")
            } else {
                return nil
            }
        }
        var entities: [(Entity, SourceError)] = []
        for entry in entries {
            guard let fields = SimpleFrontMatter(entry.lines.joined(separator: "\n"), valuesAreText: true),
                  fields.values.keys.allSatisfy(keys.contains) else { return nil }
            func scalar(_ key: String) -> String?? {
                switch fields.values[key]?.value {
                case nil: .some(nil)
                case .scalar(let text)?: TextFile.firstControlCharacter(in: text) == nil ? .some(text) : nil
                case .list?: nil
                }
            }
            func list(_ key: String) -> [String]? {
                switch fields.values[key]?.value {
                case nil: []
                case .scalar(let text)?: [text]
                case .list(let items)?: items
                }
            }
            func number(_ key: String, within range: ClosedRange<Double>) -> Double?? {
                guard let text = scalar(key) else { return nil }
                guard let text else { return .some(nil) }
                guard let number = Double(text), number.isFinite, range.contains(number) else { return nil }
                return .some(number)
            }
            let commonWords = ["true": true, "yes": true, "false": false, "no": false]
            guard let id = scalar("id") ?? nil, Slug.isValid(id), let type = (scalar("type") ?? nil).flatMap(EntityType.init(rawValue:)),
                  let name = scalar("name") ?? nil, !name.allSatisfy(\.isWhitespace),
                  let aliases = list("aliases"), let ambiguous = list("ambiguous"),
                  !(aliases + ambiguous).contains(where: { $0.allSatisfy(\.isWhitespace) || TextFile.firstControlCharacter(in: $0) != nil }),
                  let description = scalar("description"), let wikidata = scalar("wikidata"), wikidata.map(isWikidataID) ?? true,
                  let latitude = number("lat", within: -90...90), let longitude = number("lon", within: -180...180), (latitude == nil) == (longitude == nil),
                  let commonWord = scalar("common_word"), case let isCommonWord = commonWord.flatMap({ commonWords[$0.lowercased()] }),
                  commonWord == nil || isCommonWord != nil, let location = fields.values["id"] else { return nil }
            let entity = Entity(id: id, type: type, name: name, aliases: aliases, ambiguous: ambiguous, description: description ?? "",
                                wikidata: wikidata, latitude: latitude, longitude: longitude, isCommonWord: isCommonWord ?? false)
            // The id's value where the YAML parser marks it: lines from the entry's, columns past its indentation.
            entities.append((entity, SourceError(file: file, line: entry.line + location.line - 1, column: location.column + 2, message: "")))
        }
        return entities
    }

    /// Checks ids and aliases across all files; the first of two entities with one id is kept.
    static func validated(_ loaded: [(Entity, SourceError)], problems: inout [SourceError]) -> Registry {
        var idOwners: [String: SourceError] = [:]
        var aliasOwners: [String: String] = [:]
        var kept: [Entity] = []
        for (entity, location) in loaded {
            if let first = idOwners[entity.id] {
                problems.append(location.with(message: "duplicate id '\(entity.id)', first defined at \(first.file):\(first.line): give one of them another id"))
                continue
            }
            idOwners[entity.id] = location
            for alias in Set([entity.name] + entity.aliases).sorted() {
                if let owner = aliasOwners[alias], owner != entity.id {
                    problems.append(location.with(message: "alias '\(alias)' is claimed by \(owner) and \(entity.id): keep it on one entity or list it under 'ambiguous' on both"))
                    continue
                }
                aliasOwners[alias] = entity.id
            }
            kept.append(entity)
        }
        return Registry(kept)
    }

    static func entity(from node: Node, file: String) throws -> (Entity, SourceError) {
        guard let pairs = node.mapping else {
            throw SourceError(at: node, file: file, message: "expected an entity mapping with id, type and name")
        }
        // Keys looked up in a plain dictionary: Yams compares nodes by resolving their tags.
        var mapping: [String: Node] = [:]
        var problems: [SourceError] = []
        for (key, value) in pairs {
            guard let name = key.scalar?.string else { continue }
            if !keys.contains(name) {
                problems.append(.unknownKey(name, known: keys, what: "entity field", file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1))
            }
            mapping[name] = value
        }
        func string(_ key: String, required: Bool = false) throws -> String? {
            guard let value = mapping[key] else {
                if required { throw SourceError(at: node, file: file, message: "entity has no '\(key)': add '\(key): …'") }
                return nil
            }
            guard let scalar = value.scalar else {
                throw SourceError(at: value, file: file, message: "'\(key)' must be a single value")
            }
            try TextFile.rejectControlCharacters(in: scalar.string, at: value, file: file, field: key)
            return scalar.string
        }
        func strings(_ key: String) throws -> [String] {
            guard let value = mapping[key] else { return [] }
            if let scalar = value.scalar { return [scalar.string] }
            guard let list = value.sequence else {
                throw SourceError(at: value, file: file, message: "'\(key)' must be a list like [Putin, Putins]")
            }
            return try list.map { item in
                guard let text = item.scalar?.string else {
                    throw SourceError(at: item, file: file, message: "each of '\(key)' must be a single name, not a list or mapping")
                }
                try TextFile.rejectControlCharacters(in: text, at: item, file: file, field: key)
                return text
            }
        }
        func number(_ key: String, within range: ClosedRange<Double>) throws -> Double? {
            guard let text = try string(key) else { return nil }
            guard let number = Double(text), number.isFinite, range.contains(number) else {
                throw SourceError(at: mapping[key]!, file: file,
                                  message: "'\(key)' must be a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)), not '\(text)'")
            }
            return number
        }
        // Every problem of the entity at once; any of them leaves it out.
        func attempt<T>(_ read: () throws -> T) -> T? {
            do { return try read() } catch {
                problems += SourceErrors.located(in: error) ?? []
                return nil
            }
        }
        let id = attempt { try string("id", required: true)! }
        let idNode = mapping["id"] ?? node
        if let id, !Slug.isValid(id) {
            problems.append(SourceError(at: idNode, file: file, message: "id '\(id)' is not a slug: use '\(Slug.make(id))' (a–z, 0–9 and '-', ä→ae, ö→oe, ü→ue, ß→ss)"))
        }
        let typeText = attempt { try string("type", required: true)! }
        let type = typeText.flatMap(EntityType.init(rawValue:))
        if let typeText, type == nil {
            problems.append(SourceError(at: mapping["type"]!, file: file, message: "unknown type '\(typeText)': use person, place or org"))
        }
        let name = attempt { try string("name", required: true)! }
        if let name, name.allSatisfy(\.isWhitespace) {
            problems.append(SourceError(at: mapping["name"]!, file: file, message: "'name' is empty: write the entity's full name"))
        }
        let aliases = attempt { try strings("aliases") }
        let ambiguous = attempt { try strings("ambiguous") }
        for (key, list) in [("aliases", aliases), ("ambiguous", ambiguous)] where list?.contains(where: { $0.allSatisfy(\.isWhitespace) }) == true {
            problems.append(SourceError(at: mapping[key]!, file: file, message: "'\(key)' has an empty entry: remove it"))
        }
        let description = attempt { try string("description") ?? "" }
        let wikidata = attempt { try string("wikidata") }
        if let wikidata = wikidata ?? nil, !isWikidataID(wikidata) {
            problems.append(SourceError(at: mapping["wikidata"]!, file: file, message: "wikidata '\(wikidata)' is not a Wikidata id: write Q and digits, like Q7747"))
        }
        let latitude = attempt { try number("lat", within: -90...90) }
        let longitude = attempt { try number("lon", within: -180...180) }
        let isCommonWord = attempt { () throws -> Bool in
            guard let text = try string("common_word") else { return false }
            guard let value = ["true": true, "yes": true, "false": false, "no": false][text.lowercased()] else {
                throw SourceError(at: mapping["common_word"]!, file: file, message: "'common_word' must be true or false, not '\(text)'")
            }
            return value
        }
        if (mapping["lat"] == nil) != (mapping["lon"] == nil) {
            problems.append(SourceError(at: mapping["lat"] ?? mapping["lon"]!, file: file, message: "a place needs both 'lat' and 'lon': add the other"))
        }
        try SourceErrors.throwIfAny(problems)
        let entity = Entity(
            id: id!, type: type!, name: name!, aliases: aliases!, ambiguous: ambiguous!,
            description: description!, wikidata: wikidata!, latitude: latitude!, longitude: longitude!,
            isCommonWord: isCommonWord!
        )
        return (entity, SourceError(at: idNode, file: file, message: ""))
    }

    static func isWikidataID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count >= 2 && bytes.count <= 12 && bytes[0] == UInt8(ascii: "Q") && bytes.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }
}

extension TextFile {
    /// Fails on a control character in a YAML value (written as an escape like `"\\x07"`, it
    /// passed the file's own check), located at the value.
    /// `lineOffset` is added to the node's line, for YAML that starts below line 1 of its file.
    public static func rejectControlCharacters(in value: String, at node: Node, file: String, field: String, lineOffset: Int = 0) throws {
        guard let offset = firstControlCharacter(in: value) else { return }
        var error = SourceError(at: node, file: file, message: "'\(field)': \(controlCharacterMessage(value.utf8, at: offset))")
        error.line += lineOffset
        throw error
    }
}

extension SourceError {
    public init(at node: Node, file: String, message: String) {
        self.init(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    /// A YAML syntax error as a located error; `text` is the YAML, to find a duplicated key.
    public init(yaml error: YamlError, file: String, text: String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            // A tab in a line's indentation is the commonest cause, and the parser's words do not
            // say so; it marks the tab's line or the end of the line before.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if let tabbed = [mark.line - 1, mark.line].first(where: { lines.indices.contains($0) && lines[$0].prefix { $0 == " " || $0 == "\t" }.contains("\t") }) {
                self.init(file: file, line: tabbed + 1, column: 1,
                          message: "invalid YAML: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces")
            } else {
                self.init(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
            }
        case .reader(let problem, _, _, _):
            self.init(file: file, line: 1, column: 1, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let location = SourceError.location(ofKey: key, occurrence: 2, in: text) ?? (context.mark.line, context.mark.column)
            self.init(file: file, line: location.line, column: location.column,
                      message: "'\(key)' is given twice: keep one of them")
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
