import SourceText

/// Runs a template's compiled instructions against a context stack and writes the output.
struct Renderer {
    let library: TemplateLibrary
    let strict: Bool
    var output: Output
    var problems: [TemplateError] = []
    private var stack: [Value] = []
    /// Block overrides of the parent calls being expanded, outermost first: the outermost wins.
    /// Their content is instructions of the program that made the call.
    private var overrides: [(program: Program, ranges: [String: Range<Int>], file: String)] = []
    private var file = ""
    /// The templates being rendered, the page's own first, to stop and name a recursion without end.
    private var chain: [String] = []
    /// Set when expansion went deeper than `maxExpansionDepth`; rendering then stops.
    private(set) var failure: TemplateError? {
        didSet { stopped = failure != nil }
    }
    /// Whether `failure` is set, as a flag the loop over instructions can test without copying
    /// an optional error for every instruction.
    private var stopped = false

    /// How deeply partials and parents may expand inside each other. Data-bounded recursion
    /// (a partial rendering a tree) stays far below it; a partial that includes itself
    /// unconditionally reaches it at once, where it would otherwise exhaust the stack.
    static let maxExpansionDepth = 50
    /// How deeply sections, blocks and expansions may nest in all, partials included: each
    /// level is a frame of `run`, and pages render on threads with small stacks.
    static let maxNesting = 100
    /// How many `run` calls enclose the current one.
    private var depth = 0
    /// The flat plans made so far (`plan`), by program, the section's first child and the shape.
    private var plans: [(key: (ObjectIdentifier, Int, ObjectIdentifier), plan: FlatPlan)] = []

    init(library: TemplateLibrary, strict: Bool, capacity: Int = 16 * 1024) {
        self.library = library
        self.strict = strict
        output = Output(bytes: ByteBuffer(capacity: capacity))
    }

    mutating func render(_ template: Template, context: [Value]) {
        file = template.file
        stack = context
        chain = [template.file]
        run(template.program, template.program.all)
    }
}

private extension Renderer {
    mutating func run(_ program: Program, _ range: Range<Int>) {
        depth += 1
        defer { depth -= 1 }
        var index = range.lowerBound
        while index < range.upperBound, !stopped {
            let instruction = program.instructions[index]
            switch instruction.kind {
            case .text:
                output.writeTemplateText(program.text(of: instruction))
            case .variable:
                let value = lookup(program, instruction)
                if case .null = value, strict {
                    let detail = program.details[Int(instruction.detail)]
                    problems.append(TemplateError(.unresolvedVariable(detail.name.description), file: file, line: detail.location.line, column: detail.location.column))
                }
                write(value, escaped: instruction.flag)
            case .section:
                renderSection(lookup(program, instruction), program, index + 1..<Int(instruction.end), inverted: instruction.flag)
            case .partial, .parent:
                // The call's details read where needed, not copied whole: a page calls partials
                // once per item of its lists.
                let detail = Int(instruction.detail)
                let isParent = instruction.kind == .parent
                if let template = resolve(detail, program, instruction, isParent: isParent) {
                    // Sections nest only as deep as the parser allows within one template, so the
                    // limit on all nesting is checked where templates enter each other.
                    guard chain.count < Self.maxExpansionDepth, depth < Self.maxNesting else {
                        failure = recursion(at: program.details[detail], into: template, isParent: isParent)
                        return
                    }
                    expand(template, indent: program.details[detail].indent, overrides: isParent ? (program, program.details[detail].overrides) : nil)
                }
            case .block:
                let block = program.blocks[Int(instruction.detail)]
                if let content = override(for: block.name) {
                    let savedIndent = output.indent
                    if !block.indent.text.isEmpty {
                        output.indent += block.indent.text
                        output.atLineStart = block.indent.atLineStart
                    }
                    // The content is the calling template's: its problems name that file.
                    let savedFile = file
                    file = content.file
                    run(content.program, content.range)
                    file = savedFile
                    output.indent = savedIndent
                } else {
                    run(program, index + 1..<Int(instruction.end))
                }
            }
            // Past the children of a section, block or parent call (their `end`), or to the next.
            index = max(index + 1, Int(instruction.end))
        }
    }

    mutating func renderSection(_ value: Value, _ program: Program, _ children: Range<Int>, inverted: Bool) {
        if inverted {
            if !value.isTruthy { run(program, children) }
            return
        }
        guard value.isTruthy else { return }
        if case .list(let items) = value {
            for item in items {
                stack.append(item)
                run(program, children)
                stack.removeLast()
            }
        } else if case .table(let table) = value {
            // Past the limit on nesting, row by row: a partial taken into the plan recurses
            // through nested tables without expanding, and the expansion that follows stops
            // with the error.
            if !strict, depth < Self.maxNesting {
                renderRows(of: table, plan(program, children, table.shape))
                return
            }
            for row in 0..<table.rowCount {
                stack.append(.row(Row(table, row)))
                run(program, children)
                stack.removeLast()
            }
        } else {
            stack.append(value)
            run(program, children)
            stack.removeLast()
        }
    }

    /// Writes a variable's value: markup as it is, other values as text, escaped if `escaped`.
    mutating func write(_ value: Value, escaped: Bool) {
        switch value {
        case .string(let text): output.writeValue(text, escaped: escaped)
        case .html(let html): output.writeValue(html, escaped: false)
        case .fragment(let fragment): output.writeFragment(fragment)
        case .int(let number): output.writeValue(number)
        default: output.writeValue(value.text, escaped: escaped)
        }
    }

    /// One step of a section over a table, planned once for the table's shape (`flatPlan`):
    /// text, a column of the row, a value found below the row (the same for every row, one of
    /// the plan's `constants`), a section over either of those, or an instruction the plan does
    /// not take apart, run as rendering row by row would run it, with the row on the stack.
    /// Plain numbers, so that running the steps counts no references.
    struct FlatStep {
        enum Kind: UInt8 {
            case text, column, constant
            /// A section over a column or a constant: its children are the steps up to `end`,
            /// taken where its value is a string, number, fragment or `true` (which has no
            /// members, so that the names inside find what they find outside); any other value
            /// renders the section's instructions (`children`) with the row on the stack.
            case columnSection, constantSection
            /// Instruction `children.lowerBound` of `programs[program]`, run with the row on the stack.
            case instruction
        }

        var kind: Kind
        /// Names: whether to escape; sections: whether inverted.
        var flag = false
        /// Columns: the column; constants: the constant's place in `FlatPlan.constants`.
        var index = 0
        var text = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        /// Sections: the step after their children's.
        var end = 0
        /// Sections and instructions: the program (in `FlatPlan.programs`) and its instructions.
        var program = 0
        var children = 0..<0
    }

    struct FlatPlan {
        var steps: [FlatStep] = []
        var constants: [Value] = []
        /// The programs whose instructions steps run: the section's and the partials' taken in.
        var programs: [Program] = []
    }

    /// How deeply a plan takes in partials inside partials; deeper ones are run as instructions.
    static let maxPlannedPartials = 8

    /// The flat plan of a section's children over a table of `shape` (`flatPlan`); a page's
    /// list renders the same section over tables of one shape many times (the mentions of each
    /// article an entity page lists), so a plan without constants, which depends on nothing
    /// but the program and the shape, is made once per render.
    /// (The library holds the programs and the page's model the shapes while it renders, so no
    /// other can take their place, and identity, meanwhile.)
    mutating func plan(_ program: Program, _ children: Range<Int>, _ shape: Shape) -> FlatPlan {
        let key = (ObjectIdentifier(program), children.lowerBound, ObjectIdentifier(shape))
        if let known = plans.first(where: { $0.key == key }) { return known.plan }
        let plan = flatPlan(program, children, shape)
        if plan.constants.isEmpty { plans.append((key, plan)) }
        return plan
    }

    /// The children of a section over a table of `shape` as `FlatStep`s. Each name is looked
    /// up as `lookup` would with a row on top: a key of the shape is the row's, whatever its
    /// value; any other is found below, the same for every row. Sections over such names are
    /// planned with their children, static partials without indentation are taken in (up to
    /// `maxPlannedPartials` deep, none inside itself); the rest (`{{.}}`, a dotted name into the
    /// row, blocks, parents, other partials) become instructions run with the row on the stack.
    func flatPlan(_ program: Program, _ children: Range<Int>, _ shape: Shape) -> FlatPlan {
        var plan = FlatPlan()
        var partials: [String] = []
        appendSteps(program, children, shape, to: &plan, partials: &partials)
        return plan
    }

    func appendSteps(_ program: Program, _ range: Range<Int>, _ shape: Shape, to plan: inout FlatPlan, partials: inout [String]) {
        let programIndex = plan.programs.firstIndex { $0 === program } ?? {
            plan.programs.append(program)
            return plan.programs.count - 1
        }()
        var index = range.lowerBound
        while index < range.upperBound {
            let instruction = program.instructions[index]
            let end = Int(instruction.end)
            var step = FlatStep(kind: .instruction, program: programIndex, children: index..<index + 1)
            switch instruction.kind {
            case .text:
                step = FlatStep(kind: .text, text: program.text(of: instruction))
            case .variable, .section:
                // `{{.}}` is the row; a dotted name into the row is read row by row.
                guard instruction.count > 0 else { break }
                let start = Int(instruction.start)
                let column = shape.index(of: program.keys[start], hash: program.hashes[start])
                guard column == nil || instruction.count == 1 else { break }
                step.flag = instruction.flag
                if let column {
                    step.index = column
                } else {
                    step.index = plan.constants.count
                    plan.constants.append(lookup(program, instruction))
                }
                let isSection = instruction.kind == .section
                step.kind = isSection ? (column == nil ? .constantSection : .columnSection) : (column == nil ? .constant : .column)
                guard isSection else { break }
                step.children = index + 1..<end
                let at = plan.steps.count
                plan.steps.append(step)
                appendSteps(program, index + 1..<end, shape, to: &plan, partials: &partials)
                plan.steps[at].end = plan.steps.count
                index = end
                continue
            case .partial:
                let detail = program.details[Int(instruction.detail)]
                guard !detail.isDynamic, detail.indent?.isEmpty ?? true, !partials.contains(detail.path),
                      partials.count < Self.maxPlannedPartials, let template = library[detail.path] else { break }
                partials.append(detail.path)
                appendSteps(template.program, template.program.all, shape, to: &plan, partials: &partials)
                partials.removeLast()
                index += 1
                continue
            case .parent, .block:
                step.children = index..<max(index + 1, end)
            }
            plan.steps.append(step)
            index = max(index + 1, end)
        }
    }

    /// Renders `plan` once per row of `table`, reading each row's values in place.
    mutating func renderRows(of table: Table, _ plan: FlatPlan) {
        // A level of nesting like `run`'s: a partial taken into a plan recurses through the
        // rows of nested tables, and the limit on nesting must see each level.
        depth += 1
        defer { depth -= 1 }
        let width = table.shape.keys.count
        var first = 0
        // The sections entered in place (by step), whose values steps run with the row on the
        // stack see above it, as `{{.}}`.
        var entered: [Int] = []
        for row in 0..<table.rowCount {
            var index = 0
            entered.removeAll(keepingCapacity: true)
            while index < plan.steps.count, !stopped {
                while let last = entered.last, index >= plan.steps[last].end { entered.removeLast() }
                let step = plan.steps[index]
                index += 1
                switch step.kind {
                case .text: output.writeTemplateText(step.text)
                case .column, .constant: write(value(of: step, row: first, table, plan), escaped: step.flag)
                case .columnSection, .constantSection:
                    let value = value(of: step, row: first, table, plan)
                    // Inverted: the children where the value is false, nothing pushed; else where
                    // it is true, in place where it has no members.
                    if step.flag == value.isTruthy {
                        index = step.end
                    } else if !step.flag, value.isScalar {
                        entered.append(index - 1)
                    } else if !step.flag {
                        withRow(row, first, of: table, plan, entered) { $0.renderSection(value, plan.programs[step.program], step.children, inverted: false) }
                        index = step.end
                    }
                case .instruction:
                    withRow(row, first, of: table, plan, entered) { $0.run(plan.programs[step.program], step.children) }
                }
            }
            first += width
        }
    }

    /// The value a column or constant step reads, of the row whose values start at `first`.
    func value(of step: FlatStep, row first: Int, _ table: Table, _ plan: FlatPlan) -> Value {
        switch step.kind {
        case .column, .columnSection: table.values[first + step.index]
        default: plan.constants[step.index]
        }
    }

    /// Runs `work` with the stack as rendering row by row would have it: the row, and above it
    /// the values of the sections `entered` in place.
    mutating func withRow(_ row: Int, _ first: Int, of table: Table, _ plan: FlatPlan, _ entered: [Int], _ work: (inout Renderer) -> Void) {
        stack.append(.row(Row(table, row)))
        for section in entered { stack.append(value(of: plan.steps[section], row: first, table, plan)) }
        work(&self)
        stack.removeLast(entered.count + 1)
    }

    mutating func expand(_ template: Template, indent: String?, overrides blocks: (Program, [String: Range<Int>])?) {
        let savedIndent = output.indent
        let savedFile = file
        if let indent, !indent.isEmpty {
            output.indent += indent
            output.atLineStart = true
        }
        if let blocks { overrides.append((blocks.0, blocks.1, file)) }
        file = template.file
        chain.append(template.file)
        run(template.program, template.program.all)
        chain.removeLast()
        file = savedFile
        if blocks != nil { overrides.removeLast() }
        output.indent = savedIndent
    }

    /// The error for an expansion past the limit, naming the cycle of templates it went round.
    func recursion(at detail: Program.Detail, into template: Template, isParent: Bool) -> TemplateError {
        let files = chain + [template.file]
        let names = files.map { $0.hasSuffix(".mustache") ? String($0.dropLast(".mustache".count)) : $0 }
        let kind: TemplateError.Kind = if let start = files.dropLast().lastIndex(of: template.file) {
            .endlessRecursion(detail.name.description, isParent: isParent, cycle: Array(names[start...]))
        } else {
            .expansionTooDeep(detail.name.description, isParent: isParent, limit: Self.maxNesting, chain: names)
        }
        return TemplateError(kind, file: file, line: detail.location.line, column: detail.location.column)
    }

    func override(for name: String) -> (program: Program, range: Range<Int>, file: String)? {
        for level in overrides {
            if let content = level.ranges[name] { return (level.program, content, level.file) }
        }
        return nil
    }

    mutating func resolve(_ detail: Int, _ program: Program, _ instruction: Program.Instruction, isParent: Bool) -> Template? {
        let name: String
        if program.details[detail].isDynamic {
            guard case .string(let resolved) = lookup(program, instruction) else { return nil }
            name = resolved
        } else {
            name = program.details[detail].path
        }
        if let template = library[name] { return template }
        if strict {
            let location = program.details[detail].location
            problems.append(TemplateError(isParent ? .unknownParent(name) : .unknownPartial(name), file: file, line: location.line, column: location.column))
        }
        return nil
    }

    /// The value of the name an instruction holds: its first key found down the context stack,
    /// then each further key within what was found.
    func lookup(_ program: Program, _ instruction: Program.Instruction) -> Value {
        let start = Int(instruction.start), count = Int(instruction.count)
        guard count > 0 else { return stack.last ?? .null }
        let first = program.keys[start]
        let hash = program.hashes[start]
        var found: Value = .null
        // Indices rather than `reversed()`: the stack's values are looked at, not copied.
        var level = stack.count - 1
        while level >= 0 {
            if let member = stack[level].member(first, hash: hash) {
                found = member
                break
            }
            level -= 1
        }
        for component in start + 1..<start + count {
            guard let next = found.component(program.keys[component], hash: program.hashes[component]) else { return .null }
            found = next
        }
        return found
    }
}
