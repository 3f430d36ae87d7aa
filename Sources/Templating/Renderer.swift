/// Walks a token tree against a context stack and writes the output.
struct Renderer {
    let library: TemplateLibrary
    let strict: Bool
    var output = Output()
    var problems: [TemplateError] = []
    private var stack: [Value] = []
    /// Block overrides of the parent calls being expanded, outermost first: the outermost wins.
    private var overrides: [[String: [Node]]] = []
    private var file = ""

    init(library: TemplateLibrary, strict: Bool, capacity: Int = 16 * 1024) {
        self.library = library
        self.strict = strict
        output.bytes.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [Node], file: String, context: [Value]) {
        self.file = file
        stack = context
        render(nodes)
    }
}

private extension Renderer {
    mutating func render(_ nodes: [Node]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.writeTemplateText(text)
            case .variable(let name, let escaped, let location):
                let value = lookup(name)
                if case .null = value, strict {
                    problems.append(TemplateError(.unresolvedVariable(name.description), file: file, line: location.line, column: location.column))
                }
                switch value {
                case .string(let text): output.writeValue(text, escaped: escaped)
                case .html(let html): output.writeValue(html, escaped: false)
                case .fragment(let fragment): output.writeFragment(fragment)
                case .int(let number): output.writeValue(number)
                default: output.writeValue(value.text, escaped: escaped)
                }
            case .section(let name, let children, let inverted):
                renderSection(lookup(name), children, inverted: inverted)
            case .partial(let reference, let indent):
                guard let template = resolve(reference, isParent: false) else { continue }
                expand(template, indent: indent, overrides: nil)
            case .parent(let reference, let indent, let blocks):
                guard let template = resolve(reference, isParent: true) else { continue }
                expand(template, indent: indent, overrides: blocks)
            case .block(let name, let defaultContent, let indent):
                if let content = override(for: name) {
                    let savedIndent = output.indent
                    if !indent.text.isEmpty {
                        output.indent += indent.text
                        output.atLineStart = indent.atLineStart
                    }
                    render(content)
                    output.indent = savedIndent
                } else {
                    render(defaultContent)
                }
            }
        }
    }

    mutating func renderSection(_ value: Value, _ children: [Node], inverted: Bool) {
        if inverted {
            if !value.isTruthy { render(children) }
            return
        }
        guard value.isTruthy else { return }
        if case .list(let items) = value {
            for item in items {
                stack.append(item)
                render(children)
                stack.removeLast()
            }
        } else if case .table(let table) = value {
            for row in 0..<table.rowCount {
                stack.append(.row(Row(table, row)))
                render(children)
                stack.removeLast()
            }
        } else {
            stack.append(value)
            render(children)
            stack.removeLast()
        }
    }

    mutating func expand(_ template: Template, indent: String?, overrides blocks: [String: [Node]]?) {
        let savedIndent = output.indent
        let savedFile = file
        if let indent, !indent.isEmpty {
            output.indent += indent
            output.atLineStart = true
        }
        if let blocks { overrides.append(blocks) }
        file = template.file
        render(template.nodes)
        file = savedFile
        if blocks != nil { overrides.removeLast() }
        output.indent = savedIndent
    }

    func override(for name: String) -> [Node]? {
        for level in overrides {
            if let content = level[name] { return content }
        }
        return nil
    }

    mutating func resolve(_ reference: Reference, isParent: Bool) -> Template? {
        let name: String
        if reference.isDynamic {
            guard case .string(let resolved) = lookup(reference.name) else { return nil }
            name = resolved
        } else {
            name = reference.name.description
        }
        if let template = library[name] { return template }
        if strict {
            let location = reference.location
            problems.append(TemplateError(isParent ? .unknownParent(name) : .unknownPartial(name), file: file, line: location.line, column: location.column))
        }
        return nil
    }

    func lookup(_ name: Name) -> Value {
        guard let first = name.components.first else { return stack.last ?? .null }
        var found: Value = .null
        let hash = name.hashes[0]
        // Indices rather than `reversed()`: the stack's values are looked at, not copied.
        var level = stack.count - 1
        while level >= 0 {
            if let member = stack[level].member(first, hash: hash) {
                found = member
                break
            }
            level -= 1
        }
        for (component, hash) in zip(name.components, name.hashes).dropFirst() {
            guard let next = found.component(component, hash: hash) else { return .null }
            found = next
        }
        return found
    }
}
