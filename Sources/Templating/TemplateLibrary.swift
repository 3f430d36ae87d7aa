import Foundation
import SourceText

/// Named templates that partials (`{{>name}}`) and parents (`{{<name}}`) resolve against.
///
/// A dossier's own `Templates/` folder is read over the built-in theme, so a user overrides one
/// file without copying the rest. Every template is parsed once when the library is made.
///
///     let library = try TemplateLibrary(directory: templatesURL, fallback: builtIns)
///     let html = try library.render("article", page)
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template]

    public init(_ templates: [String: Template] = [:]) {
        self.templates = templates
    }

    /// Parses every `source` by name; `path` maps a name to the file shown in errors.
    public init(sources: [String: String], path: (String) -> String = { "\($0).mustache" }) throws {
        var templates: [String: Template] = [:]
        for name in sources.keys.sorted() {
            templates[name] = try Template(source: sources[name]!, file: path(name))
        }
        self.init(templates)
    }

    /// Reads `*.mustache` below `directory` (names are relative paths without the extension)
    /// over the templates of `fallback`.
    public init(directory: URL, displayPrefix: String = "Templates", fallback: TemplateLibrary = TemplateLibrary()) throws {
        var problems: [TemplateError] = []
        try self.init(directory: directory, displayPrefix: displayPrefix, fallback: fallback, problems: &problems)
        if let first = problems.first { throw first }
    }

    /// Reads the templates as `init(directory:…)` does, adding each template's problem to
    /// `problems` instead of stopping at the first; a template that does not parse is left to
    /// the fallback's of its name, so the rest can still be checked.
    public init(directory: URL, displayPrefix: String = "Templates", fallback: TemplateLibrary = TemplateLibrary(),
                problems: inout [TemplateError]) throws {
        var templates = fallback.templates
        let directory = directory.resolvingSymlinksInPath()
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "mustache" } ?? []
        let root = directory.standardizedFileURL.path
        for file in files.sorted(by: { $0.path < $1.path }) {
            var relative = String(file.standardizedFileURL.path.dropFirst(root.count))
            if relative.hasPrefix("/") { relative.removeFirst() }
            let name = String(relative.dropLast(".mustache".count))
            let display = "\(displayPrefix)/\(relative)"
            guard let data = FileManager.default.contents(atPath: file.path), let source = String(data: data, encoding: .utf8) else {
                problems.append(TemplateError(.unreadable, file: display, line: 1, column: 1))
                continue
            }
            do { templates[name] = try Template(source: source, file: display) } catch let error as TemplateError {
                problems.append(error)
            }
        }
        self.init(templates)
    }

    public subscript(name: String) -> Template? { templates[name] }

    public var names: [String] { templates.keys.sorted() }

    /// Renders the template called `name`.
    public func render(_ name: String, _ value: Value, strict: Bool = false) throws -> String {
        guard let template = templates[name] else {
            throw TemplateError(.unknownPartial(name), file: "\(name).mustache", line: 1, column: 1)
        }
        return strict ? try template.renderStrict(value, library: self) : try template.render(value, library: self)
    }

    /// The names of the templates that rendering `name` can use: itself and, transitively, its
    /// partials and parents. Nil when one of them names a partial dynamically (`{{>*name}}`),
    /// which can be any template.
    public func dependencies(of name: String) -> Set<String>? {
        var found: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard found.insert(next).inserted, let template = templates[next] else { continue }
            for (reference, _) in template.references {
                if reference.isDynamic { return nil }
                pending.append(reference.name.description)
            }
        }
        return found
    }

    /// Renders the template called `name` to UTF-8 bytes; `capacity` is the size expected.
    public func renderBytes(_ name: String, _ value: Value, capacity: Int = 16 * 1024) throws -> [UInt8] {
        try template(name).renderBytes(value, library: self, capacity: capacity)
    }

    /// Renders the template called `name` into a buffer, as `Template.renderBuffer` does.
    public func renderBuffer(_ name: String, _ value: Value, capacity: Int = 16 * 1024) throws -> ByteBuffer {
        try template(name).renderBuffer(value, library: self, capacity: capacity)
    }

    /// Renders the template called `name` with the names that resolved to nothing, as
    /// `Template.renderChecking` does.
    public func renderChecking(_ name: String, _ value: Value, capacity: Int = 16 * 1024) throws -> (bytes: ByteBuffer, problems: [TemplateError]) {
        try template(name).renderChecking(value, library: self, capacity: capacity)
    }

    private func template(_ name: String) throws -> Template {
        guard let template = templates[name] else {
            throw TemplateError(.unknownPartial(name), file: "\(name).mustache", line: 1, column: 1)
        }
        return template
    }

    /// Fails on the first static partial or parent that names no template in the library.
    public func checkReferences() throws {
        if let first = referenceProblems().first { throw first }
    }

    /// Every static partial or parent that names no template in the library.
    public func referenceProblems() -> [TemplateError] {
        var problems: [TemplateError] = []
        for name in names {
            let template = templates[name]!
            for (reference, isParent) in template.references where !reference.isDynamic {
                let target = reference.name.description
                guard templates[target] == nil else { continue }
                problems.append(TemplateError(
                    isParent ? .unknownParent(target) : .unknownPartial(target),
                    file: template.file, line: reference.location.line, column: reference.location.column
                ))
            }
        }
        return problems
    }
}
