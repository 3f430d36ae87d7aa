import Entities
import Yams

/// A YAML mapping read field by field, with errors that point at the offending value.
struct YAMLFields {
    let mapping: Node.Mapping
    let file: String
    /// Added to YAML line numbers, for front matter that starts below line 1.
    let lineOffset: Int

    init(_ text: String, file: String, lineOffset: Int = 0) throws {
        self.file = file
        self.lineOffset = lineOffset
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            var located = SourceError(yaml: error, file: file)
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

    func string(_ key: String) throws -> String? {
        guard let node = mapping[key] else { return nil }
        guard let scalar = node.scalar else { throw error(at: node, "'\(key)' must be a single value") }
        return scalar.string.isEmpty ? nil : scalar.string
    }

    func strings(_ key: String) throws -> [String] {
        guard let node = mapping[key] else { return [] }
        if let scalar = node.scalar { return scalar.string.isEmpty ? [] : [scalar.string] }
        guard let list = node.sequence else { throw error(at: node, "'\(key)' must be a list") }
        return list.compactMap { $0.scalar?.string }
    }

    func bool(_ key: String) throws -> Bool? {
        guard let text = try string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(at: mapping[key]!, "'\(key)' must be true or false")
        }
    }

    /// The list of mappings under `key`, each read as fields.
    func records(_ key: String) throws -> [YAMLFields] {
        guard let node = mapping[key] else { return [] }
        guard let list = node.sequence else { throw error(at: node, "'\(key)' must be a list") }
        return try list.map { item in
            guard let mapping = item.mapping else { throw error(at: item, "each entry of '\(key)' must have named fields") }
            return YAMLFields(mapping: mapping, file: file, lineOffset: lineOffset)
        }
    }

    func error(at node: Node, _ message: String) -> SourceError {
        SourceError(file: file, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1, message: message)
    }

    func location(of key: String) -> (line: Int, column: Int) {
        let node = mapping[key]
        return ((node?.mark?.line ?? 1) + lineOffset, node?.mark?.column ?? 1)
    }
}

private extension YAMLFields {
    init(mapping: Node.Mapping, file: String, lineOffset: Int) {
        self.mapping = mapping
        self.file = file
        self.lineOffset = lineOffset
    }
}
