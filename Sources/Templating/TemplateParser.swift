import SourceText
/// Scans Mustache source into a token tree, applying the spec's standalone-line rules.
///
/// A small struct advanced by `mutating` reads over the UTF-8 bytes. Block definitions inside a
/// parent call (`{{<layout}}{{$main}}…{{/main}}{{/layout}}`) lose the indentation of their first
/// line, so content can be indented in the child and re-indented where the parent expands it.
struct TemplateParser {
    let bytes: [UInt8]
    let file: String
    var position = 0
    var open: [UInt8] = Array("{{".utf8)
    var close: [UInt8] = Array("}}".utf8)
    /// Where a line "starts" for standalone checks: right after a parent tag or a block definition.
    var virtualLineStart = 0
    /// Whether the parent call being parsed began its line, so its tags may stand alone on it.
    var parentStartsLine = false
    /// Indentation removed from each line of a block definition in a parent call.
    var stripIndent: Int?
    /// How many sections, parents and blocks enclose the position.
    var depth = 0
    static let maxNesting = 50

    init(source: String, file: String) {
        bytes = Array(source.utf8)
        self.file = file
    }

    mutating func parseTemplate() throws -> [Node] {
        try parse(until: nil, in: .plain).nodes
    }
}

extension TemplateParser {
    enum Scope { case plain, parentBody }

    struct Parsed {
        var nodes: [Node]
        var closedStandalone: Bool
    }

    struct Tag {
        var start: Int
        var end: Int
        var sigil: UInt8?
        var content: Substring
    }

    /// Parses nodes up to `{{/closing}}` (or the end when `closing` is nil).
    mutating func parse(until closing: (name: String, start: Int)?, in scope: Scope) throws -> Parsed {
        // Each level is a frame of this parser, of the compiler and of the renderer.
        if let closing, depth >= Self.maxNesting { throw error(.nestedTooDeep(closing.name, limit: Self.maxNesting), at: closing.start) }
        depth += 1
        defer { depth -= 1 }
        var nodes: [Node] = []
        var textStart = position
        while true {
            guard let tagStart = find(open, from: position) else {
                if let closing {
                    throw error(.unclosedSection(closing.name), at: closing.start)
                }
                appendText(from: textStart, to: bytes.count, into: &nodes)
                return Parsed(nodes: nodes, closedStandalone: false)
            }
            let tag = try readTag(at: tagStart)
            let standaloneEnd = tag.sigil.map { Self.standaloneSigils.contains($0) } == true ? standaloneEnd(of: tag) : nil
            let lineStart = effectiveLineStart(tagStart)
            if standaloneEnd != nil {
                appendText(from: textStart, to: lineStart, into: &nodes)
            } else {
                appendText(from: textStart, to: tagStart, into: &nodes)
            }
            let indent = stripped(lineStart..<tagStart)
            position = standaloneEnd ?? tag.end
            textStart = position
            let name = tag.content.trimmingWhitespace

            switch tag.sigil {
            case UInt8(ascii: "!"):
                break
            case UInt8(ascii: "="):
                try setDelimiters(tag)
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                try requireName(name, tag)
                let body = try parse(until: (String(name), tag.start), in: .plain)
                nodes.append(.section(Name(name), body.nodes, inverted: tag.sigil == UInt8(ascii: "^")))
                textStart = position
            case UInt8(ascii: "/"):
                guard let closing else { throw error(.unexpectedClose(String(name)), at: tag.start) }
                guard name == closing.name else {
                    throw error(.mismatchedClose(expected: closing.name, found: String(name)), at: tag.start)
                }
                return Parsed(nodes: nodes, closedStandalone: standaloneEnd != nil)
            case UInt8(ascii: ">"):
                let reference = try self.reference(name, tag)
                nodes.append(.partial(reference, indent: standaloneEnd == nil ? nil : indent))
            case UInt8(ascii: "<"):
                try parseParent(tag, name: name, standalone: standaloneEnd != nil, into: &nodes)
                textStart = position
            case UInt8(ascii: "$"):
                try requireName(name, tag)
                if scope == .parentBody {
                    try parseBlockDefinition(tag, name: name, standalone: standaloneEnd != nil, into: &nodes)
                } else {
                    try parseBlockExpansion(tag, name: name, indent: indent, standalone: standaloneEnd != nil, into: &nodes)
                }
                textStart = position
            case UInt8(ascii: "&"), UInt8(ascii: "{"):
                try requireName(name, tag)
                nodes.append(.variable(Name(name), escaped: false, at: location(of: tag.start)))
            default:
                try requireName(name, tag)
                nodes.append(.variable(Name(name), escaped: true, at: location(of: tag.start)))
            }
        }
    }
}

private extension TemplateParser {
    static let standaloneSigils: Set<UInt8> = Set("!=#^/><$".utf8)
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    mutating func parseParent(_ tag: Tag, name: Substring, standalone openStandalone: Bool, into nodes: inout [Node]) throws {
        let reference = try self.reference(name, tag)
        let lineStart = effectiveLineStart(tag.start)
        let spaceBefore = isBlank(lineStart..<tag.start)
        if openStandalone == false, spaceBefore {
            // The whitespace went into the text before; take it back until the close tag decides.
            if case .text(let text)? = nodes.last, text.utf8.count >= tag.start - lineStart {
                nodes.removeLast()
                let kept = String(decoding: text.utf8.dropLast(tag.start - lineStart), as: UTF8.self)
                if !kept.isEmpty { nodes.append(.text(kept)) }
            }
        }
        let savedStartsLine = parentStartsLine
        parentStartsLine = spaceBefore
        if spaceBefore { virtualLineStart = position }
        let body = try parse(until: (String(name), tag.start), in: .parentBody)
        parentStartsLine = savedStartsLine
        var blocks: [String: [Node]] = [:]
        for case .block(let blockName, let content, _) in body.nodes {
            blocks[blockName] = content
        }
        let indent = stripped(lineStart..<tag.start)
        if spaceBefore, body.closedStandalone {
            nodes.append(.parent(reference, indent: indent, blocks: blocks))
        } else {
            if spaceBefore, !indent.isEmpty { nodes.append(.text(indent)) }
            nodes.append(.parent(reference, indent: nil, blocks: blocks))
        }
    }

    mutating func parseBlockDefinition(_ tag: Tag, name: Substring, standalone: Bool, into nodes: inout [Node]) throws {
        let saved = stripIndent
        if standalone {
            var end = position
            while end < bytes.count, bytes[end] == Self.space || bytes[end] == Self.tab { end += 1 }
            stripIndent = (stripIndent ?? 0) + (end - position)
        }
        let body = try parse(until: (String(name), tag.start), in: .plain)
        stripIndent = saved
        if parentStartsLine { virtualLineStart = position }
        nodes.append(.block(String(name), default: body.nodes, indent: .none))
    }

    mutating func parseBlockExpansion(
        _ tag: Tag, name: Substring, indent: String, standalone: Bool, into nodes: inout [Node]
    ) throws {
        let spaceBefore = isBlank(effectiveLineStart(tag.start)..<tag.start)
        let body = try parse(until: (String(name), tag.start), in: .plain)
        let blockIndent: BlockIndent
        if standalone {
            var text = indent
            if case .text(let first)? = body.nodes.first {
                let leading = first.prefix(while: { $0 == " " || $0 == "\t" })
                if !leading.isEmpty { text = String(leading) }
            }
            blockIndent = BlockIndent(text: text, atLineStart: true)
        } else if spaceBefore {
            blockIndent = BlockIndent(text: indent, atLineStart: false)
        } else {
            blockIndent = .none
        }
        nodes.append(.block(String(name), default: body.nodes, indent: blockIndent))
    }

    mutating func setDelimiters(_ tag: Tag) throws {
        var content = tag.content
        guard content.last == "=" else { throw error(.badDelimiters(String(content)), at: tag.start) }
        content = content.dropLast()
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error(.badDelimiters(String(tag.content.dropLast())), at: tag.start)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    func reference(_ name: Substring, _ tag: Tag) throws -> Reference {
        let isDynamic = name.first == "*"
        let plain = isDynamic ? name.dropFirst().trimmingWhitespace : name
        try requireName(plain, tag)
        return Reference(name: Name(plain), isDynamic: isDynamic, location: location(of: tag.start))
    }

    func requireName(_ name: Substring, _ tag: Tag) throws {
        if name.isEmpty { throw error(.emptyTag, at: tag.start) }
    }

    /// Reads the tag starting at `start` (which holds the open delimiter).
    func readTag(at start: Int) throws -> Tag {
        var contentStart = start + open.count
        var sigil: UInt8?
        if contentStart < bytes.count, Set("!=#^/><$&{".utf8).contains(bytes[contentStart]) {
            sigil = bytes[contentStart]
            contentStart += 1
        }
        var terminator = close
        if sigil == UInt8(ascii: "{") { terminator = [UInt8(ascii: "}")] + close }
        // A tag other than a comment ends on its line and before the next tag opens: `{{title}`
        // is reported where it is, not as whatever the next `}}` lines later would make of it.
        guard let contentEnd = find(terminator, from: contentStart),
              sigil == UInt8(ascii: "!") || !bytes[contentStart..<contentEnd].contains(Self.newline) && find(open, from: contentStart).map({ $0 >= contentEnd }) != false
        else {
            throw error(.unclosedTag, at: start)
        }
        let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
        return Tag(start: start, end: contentEnd + terminator.count, sigil: sigil, content: Substring(content))
    }

    /// The position after the tag's line if only whitespace surrounds the tag on it.
    func standaloneEnd(of tag: Tag) -> Int? {
        guard isBlank(effectiveLineStart(tag.start)..<tag.start) else { return nil }
        var index = tag.end
        while index < bytes.count, bytes[index] == Self.space || bytes[index] == Self.tab { index += 1 }
        if index == bytes.count { return index }
        if bytes[index] == Self.newline { return index + 1 }
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.newline {
            return index + 2
        }
        return nil
    }

    func effectiveLineStart(_ offset: Int) -> Int {
        var index = offset
        while index > 0, bytes[index - 1] != Self.newline { index -= 1 }
        return max(index, virtualLineStart)
    }

    func isBlank(_ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == Self.space || $0 == Self.tab }
    }

    /// The text of `range` without the indentation a block definition strips.
    func stripped(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.lowerBound + min(stripIndent ?? 0, range.count)..<range.upperBound], as: UTF8.self)
    }

    func appendText(from start: Int, to end: Int, into nodes: inout [Node]) {
        guard start < end else { return }
        guard let strip = stripIndent, strip > 0 else {
            nodes.append(.text(String(decoding: bytes[start..<end], as: UTF8.self)))
            return
        }
        var kept: [UInt8] = []
        kept.reserveCapacity(end - start)
        var index = start
        while index < end {
            if index == 0 || bytes[index - 1] == Self.newline {
                var dropped = 0
                while dropped < strip, index < end, bytes[index] == Self.space || bytes[index] == Self.tab {
                    index += 1
                    dropped += 1
                }
                if index == end { break }
            }
            kept.append(bytes[index])
            index += 1
        }
        if !kept.isEmpty { nodes.append(.text(String(decoding: kept, as: UTF8.self))) }
    }

    func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    func location(of offset: Int) -> Location {
        let place = TextPosition(of: offset, in: bytes)
        return Location(line: place.line, column: place.column)
    }

    func error(_ kind: TemplateError.Kind, at offset: Int) -> TemplateError {
        let location = location(of: offset)
        return TemplateError(kind, file: file, line: location.line, column: location.column)
    }
}

extension Substring {
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
