import Entities
import SourceText
import Yams

/// A YAML mapping read field by field, with errors that point at the offending value.
public struct YAMLFields {
    let mapping: Node.Mapping
    public let file: String
    /// Added to YAML line numbers, for front matter that starts below line 1.
    let lineOffset: Int

    public init(_ text: String, file: String, lineOffset: Int = 0) throws {
        self.file = file
        self.lineOffset = lineOffset
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            var located = SourceError(yaml: error, file: file, text: text)
            located.line += lineOffset
            throw located
        }
        guard let root else {
            mapping = Node.Mapping([])
            return
        }
        guard let mapping = root.mapping else {
            throw SourceError(file: file, line: (root.mark?.line ?? 1) + lineOffset, column: root.mark?.column ?? 1,
                              message: "expected 'key: value' lines")
        }
        self.mapping = mapping
    }

    /// Fails on the first key not in `known` (a misspelt `base_ulr` would otherwise be
    /// ignored), naming the closest known key; `what` names a key in the message ("setting").
    public func rejectUnknownKeys(_ known: [String], what: String) throws {
        for (key, _) in mapping {
            guard let name = key.scalar?.string, !known.contains(name) else { continue }
            throw SourceError.unknownKey(name, known: known, what: what, file: file,
                                         line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1)
        }
    }

    public func string(_ key: String) throws -> String? {
        guard let node = mapping[key] else { return nil }
        guard let scalar = node.scalar else { throw error(at: node, "'\(key)' must be a single value") }
        try checked(scalar.string, at: node, key)
        return scalar.string.isEmpty ? nil : scalar.string
    }

    public func strings(_ key: String) throws -> [String] {
        guard let node = mapping[key] else { return [] }
        if let scalar = node.scalar {
            try checked(scalar.string, at: node, key)
            return scalar.string.isEmpty ? [] : [scalar.string]
        }
        guard let list = node.sequence else { throw error(at: node, "'\(key)' must be a list") }
        return try list.map { item in
            guard let text = item.scalar?.string else { throw error(at: item, "each of '\(key)' must be a single value") }
            try checked(text, at: item, key)
            return text
        }
    }

    /// Fails on a control character in a value (written as a YAML escape like `"\\0"`).
    private func checked(_ text: String, at node: Node, _ key: String) throws {
        try TextFile.rejectControlCharacters(in: text, at: node, file: file, field: key, lineOffset: lineOffset)
    }

    public func bool(_ key: String) throws -> Bool? {
        guard let text = try string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(at: mapping[key]!, "'\(key)' must be true or false")
        }
    }

    /// The list of mappings under `key`, each read as fields.
    public func records(_ key: String) throws -> [YAMLFields] {
        guard let node = mapping[key] else { return [] }
        guard let list = node.sequence else { throw error(at: node, "'\(key)' must be a list") }
        return try list.map { item in
            guard let mapping = item.mapping else { throw error(at: item, "each entry of '\(key)' must have named fields") }
            return YAMLFields(mapping: mapping, file: file, lineOffset: lineOffset)
        }
    }

    public func error(at node: Node, _ message: String) -> SourceError {
        SourceError(file: file, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1, message: message)
    }

    /// Whether `key` is given, even as an empty value.
    public func has(_ key: String) -> Bool { mapping[key] != nil }

    public func location(of key: String) -> (line: Int, column: Int) {
        let node = mapping[key]
        return ((node?.mark?.line ?? 1) + lineOffset, node?.mark?.column ?? 1)
    }

    /// Where the text of the value of `key` starts: inside its quotes when it is quoted.
    public func textLocation(of key: String) -> (line: Int, column: Int) {
        let (line, column) = location(of: key)
        let quoted = mapping[key]?.scalar.map { $0.style == .doubleQuoted || $0.style == .singleQuoted } ?? false
        return (line, column + (quoted ? 1 : 0))
    }
}

private extension YAMLFields {
    init(mapping: Node.Mapping, file: String, lineOffset: Int) {
        self.mapping = mapping
        self.file = file
        self.lineOffset = lineOffset
    }
}
