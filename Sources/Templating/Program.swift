/// A template's token tree compiled once into a flat list of instructions, which rendering reads
/// without reference counting: every page of a site runs the same few templates tens of
/// thousands of times, and walking the tree retained each node's payload on every visit.
///
/// The instructions, the template text and the names' keys live in buffers the program owns;
/// an instruction is plain numbers that point into them. A section's or block's children are the
/// instructions after it, up to its `end`.
final class Program: @unchecked Sendable {
    struct Instruction {
        enum Kind: UInt8 {
            case text, variable, section, partial, parent, block
        }

        var kind: Kind
        /// Variables: whether to escape; sections: whether inverted.
        var flag = false
        /// Text: its bytes in `text`; names: their keys in `keys`.
        var start: Int32 = 0
        var count: Int32 = 0
        /// Sections and blocks: the instruction after their children; parents: after their blocks.
        var end: Int32 = 0
        /// Variables, partials and parents: their entry in `details`; blocks: in `blocks`.
        var detail: Int32 = 0
    }

    /// What only errors and partials or parents need, kept beside the instructions: the tag's
    /// name and place, whether the name is looked up (`{{>*name}}`), a standalone tag's
    /// indentation, and a parent call's block overrides (ranges of this program's instructions).
    struct Detail {
        let name: Name
        /// The name as written (`a.b`), made once: a partial's is looked up on every call.
        let path: String
        var location: Location
        var isDynamic = false
        var indent: String?
        var overrides: [String: Range<Int>] = [:]

        init(name: Name, location: Location, isDynamic: Bool = false, indent: String? = nil) {
            (self.name, path, self.location, self.isDynamic, self.indent) = (name, name.description, location, isDynamic, indent)
        }
    }

    /// A block definition (`{{$name}}`) where output is written.
    struct Block {
        var name: String
        var indent: BlockIndent
    }

    let instructions: UnsafeMutableBufferPointer<Instruction>
    let text: UnsafeMutableBufferPointer<UInt8>
    /// The components of every name, one after another, and their `Shape.hash`.
    let keys: UnsafeMutableBufferPointer<String>
    let hashes: UnsafeMutableBufferPointer<UInt64>
    let details: [Detail]
    let blocks: [Block]

    init(_ nodes: [Node]) {
        var compiler = Compiler()
        compiler.compile(nodes)
        instructions = .allocate(capacity: compiler.instructions.count)
        _ = instructions.initialize(from: compiler.instructions)
        text = .allocate(capacity: compiler.text.count)
        _ = text.initialize(from: compiler.text)
        keys = .allocate(capacity: compiler.keys.count)
        _ = keys.initialize(from: compiler.keys)
        hashes = .allocate(capacity: compiler.hashes.count)
        _ = hashes.initialize(from: compiler.hashes)
        details = compiler.details
        blocks = compiler.blocks
    }

    deinit {
        instructions.deallocate()
        text.deallocate()
        keys.deinitialize().deallocate()
        hashes.deallocate()
    }

    var all: Range<Int> { 0..<instructions.count }

    func text(of instruction: Instruction) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[Int(instruction.start)..<Int(instruction.start + instruction.count)])
    }
}

private struct Compiler {
    var instructions: [Program.Instruction] = []
    var text: [UInt8] = []
    var keys: [String] = []
    var hashes: [UInt64] = []
    var details: [Program.Detail] = []
    var blocks: [Program.Block] = []

    mutating func compile(_ nodes: [Node]) {
        for node in nodes {
            switch node {
            case .text(let piece):
                instructions.append(.init(kind: .text, start: Int32(text.count), count: Int32(piece.utf8.count)))
                text.append(contentsOf: piece.utf8)
            case .variable(let name, let escaped, let location):
                var instruction = named(.variable, name)
                instruction.flag = escaped
                instruction.detail = detail(name, location)
                instructions.append(instruction)
            case .section(let name, let children, let inverted):
                var instruction = named(.section, name)
                instruction.flag = inverted
                enclose(instruction) { $0.compile(children) }
            case .partial(let reference, let indent):
                var instruction = named(.partial, reference.name)
                instruction.detail = detail(reference, indent: indent)
                instructions.append(instruction)
            case .parent(let reference, let indent, let blocks):
                var instruction = named(.parent, reference.name)
                instruction.detail = detail(reference, indent: indent)
                let call = Int(instruction.detail)
                enclose(instruction) { compiler in
                    // Each block's content follows the call, in name order so output is deterministic.
                    for name in blocks.keys.sorted() {
                        let start = compiler.instructions.count
                        compiler.compile(blocks[name]!)
                        compiler.details[call].overrides[name] = start..<compiler.instructions.count
                    }
                }
            case .block(let name, let defaultContent, let indent):
                blocks.append(.init(name: name, indent: indent))
                enclose(.init(kind: .block, detail: Int32(blocks.count - 1))) { $0.compile(defaultContent) }
            }
        }
    }

    /// An instruction for `name`, its components added to the keys.
    mutating func named(_ kind: Program.Instruction.Kind, _ name: Name) -> Program.Instruction {
        let instruction = Program.Instruction(kind: kind, start: Int32(keys.count), count: Int32(name.components.count))
        keys += name.components
        hashes += name.components.map(Shape.hash)
        return instruction
    }

    mutating func detail(_ name: Name, _ location: Location) -> Int32 {
        details.append(.init(name: name, location: location))
        return Int32(details.count - 1)
    }

    mutating func detail(_ reference: Reference, indent: String?) -> Int32 {
        details.append(.init(name: reference.name, location: reference.location, isDynamic: reference.isDynamic, indent: indent))
        return Int32(details.count - 1)
    }

    /// Appends `instruction` followed by what `children` compiles, its `end` after them.
    mutating func enclose(_ instruction: Program.Instruction, _ children: (inout Compiler) -> Void) {
        let at = instructions.count
        instructions.append(instruction)
        children(&self)
        instructions[at].end = Int32(instructions.count)
    }
}
