import SourceText

/// A Mustache template parsed once into a token tree, compiled to instructions (`Program`) and
/// rendered for many pages.
///
/// Parsing checks the structure (sections closed, delimiters valid) and reports problems at
/// `file:line:column`; rendering fails only on partials that include each other without end,
/// or with `strict`, on names that resolve to nothing.
///
///     let template = try Template(source: "Hallo {{name}}!", file: "greeting.mustache")
///     try template.render(["name": "Welt"])   // "Hallo Welt!"
public struct Template: Sendable {
    /// The file the template came from, as shown in errors.
    public let file: String
    let nodes: [Node]
    /// `nodes` compiled for rendering.
    let program: Program

    public init(source: String, file: String = "template") throws {
        var parser = TemplateParser(source: source, file: file)
        nodes = try parser.parseTemplate()
        program = Program(nodes)
        self.file = file
    }

    /// Renders with `value` as the context; partials and parents come from `library`.
    public func render(_ value: Value, library: TemplateLibrary = TemplateLibrary()) throws -> String {
        String(decoding: try renderBytes(value, library: library), as: UTF8.self)
    }

    /// Renders as `render` does, to UTF-8 bytes; `capacity` is the size expected, to grow the
    /// output less often.
    public func renderBytes(_ value: Value, library: TemplateLibrary = TemplateLibrary(), capacity: Int = 16 * 1024) throws -> [UInt8] {
        try renderBuffer(value, library: library, capacity: capacity).array
    }

    /// Renders as `renderBytes` does, into a buffer handed on as it is: a page's bytes go
    /// to its file without a copy.
    public func renderBuffer(_ value: Value, library: TemplateLibrary = TemplateLibrary(), capacity: Int = 16 * 1024) throws -> ByteBuffer {
        try rendered(value, library: library, strict: false, capacity: capacity).output.bytes
    }

    /// Renders as `renderBuffer` does, and gives the names that resolved to nothing beside the
    /// output rather than instead of it: what `dossier check` needs of every page.
    public func renderChecking(_ value: Value, library: TemplateLibrary = TemplateLibrary(), capacity: Int = 16 * 1024) throws -> (bytes: ByteBuffer, problems: [TemplateError]) {
        let renderer = try rendered(value, library: library, strict: true, capacity: capacity)
        return (renderer.output.bytes, renderer.problems)
    }

    private func rendered(_ value: Value, library: TemplateLibrary, strict: Bool, capacity: Int) throws -> Renderer {
        var renderer = Renderer(library: library, strict: strict, capacity: capacity)
        renderer.render(self, context: [value])
        if let failure = renderer.failure { throw failure }
        return renderer
    }

    /// Renders like `render`, but throws at the first variable that resolves to nothing.
    public func renderStrict(_ value: Value, library: TemplateLibrary = TemplateLibrary()) throws -> String {
        let (bytes, problems) = try renderChecking(value, library: library)
        if let problem = problems.first { throw problem }
        return bytes.string
    }
}

extension Template {
    /// Static partial and parent names used anywhere in the template, with their locations.
    var references: [(reference: Reference, isParent: Bool)] {
        var found: [(Reference, Bool)] = []
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let reference, _):
                    found.append((reference, false))
                case .parent(let reference, _, let blocks):
                    found.append((reference, true))
                    blocks.keys.sorted().forEach { walk(blocks[$0]!) }
                case .section(_, let children, _), .block(_, let children, _):
                    walk(children)
                case .text, .variable:
                    break
                }
            }
        }
        walk(nodes)
        return found.map { (reference: $0.0, isParent: $0.1) }
    }
}
