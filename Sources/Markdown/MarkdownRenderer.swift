import Foundation
private import CCmark
private import CmarkArena

/// Renders CommonMark to HTML with libcmark, letting a `LinkRewriter` replace links.
///
/// Raw HTML in the Markdown is shown as text unless `allowsRawHTML` is set, and libcmark's safe
/// mode drops `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs either way.
///
///     let html = try MarkdownRenderer().render("Hallo *Welt*")   // "<p>Hallo <em>Welt</em></p>\n"
public struct MarkdownRenderer: Sendable {
    public var allowsRawHTML: Bool
    /// Turns straight quotes and dashes into typographic ones; off, so text stays as written.
    public var smartPunctuation: Bool

    public init(allowsRawHTML: Bool = false, smartPunctuation: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
        self.smartPunctuation = smartPunctuation
    }

    public func render(_ markdown: String, rewriter: LinkRewriter = .none) throws -> String {
        String(decoding: try renderUTF8(markdown, rewriter: rewriter), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes, as libcmark writes them (valid UTF-8: the input is validated).
    public func renderUTF8(_ markdown: String, rewriter: LinkRewriter = .none) throws -> [UInt8] {
        let options = CMARK_OPT_VALIDATE_UTF8 | (smartPunctuation ? CMARK_OPT_SMART : 0)
        // The document lives in the thread's arena and is dropped whole, not node by node.
        let arena = dossier_cmark_arena_begin()
        defer { if arena != nil { dossier_cmark_arena_end() } }
        let memory = arena ?? cmark_get_default_mem_allocator()!
        let parser = cmark_parser_new_with_mem(options, memory)!
        markdown.withCString { cmark_parser_feed(parser, $0, markdown.utf8.count) }
        let document = cmark_parser_finish(parser)
        cmark_parser_free(parser)
        guard let document else { return [] }
        defer { if arena == nil { cmark_node_free(document) } }
        let nodes = NodeMaker(memory: memory)
        // One walk finds what the steps below change; none of them adds what another looks for.
        var rawNodes: [OpaquePointer] = []
        var blocks: [OpaquePointer] = []
        Self.walk(document) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK: if !allowsRawHTML { rawNodes.append(node) }
            // Links are all inside paragraphs and headings, where the rewriter sees them first.
            case CMARK_NODE_IMAGE: Self.dropUnsafeURL(of: node)
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: blocks.append(node)
            default: break
            }
        }
        Self.escapeRawHTML(rawNodes, nodes)
        let hasReferences = Self.hasNumericReference(markdown)
        try Self.rewriteLinks(in: blocks, markdown: markdown, rewriter: rewriter, sanitizing: hasReferences, nodes)
        let renderOptions = options | (allowsRawHTML ? CMARK_OPT_UNSAFE : 0)
        guard let html = cmark_render_html(document, renderOptions) else { return [] }
        defer { if arena == nil { free(html) } }
        var bytes = Array(UnsafeRawBufferPointer(start: html, count: strlen(html)))
        // A numeric character reference (`&#7;`) is the one way a control character gets
        // through: libcmark decodes it. XML cannot carry one (the feed embeds bodies).
        if hasReferences { Self.replaceControlCharacters(in: &bytes) }
        return bytes
    }
}

/// Makes nodes with the allocator of the document they go into.
private struct NodeMaker {
    let memory: UnsafeMutablePointer<cmark_mem>

    func callAsFunction(_ type: cmark_node_type) -> OpaquePointer {
        cmark_node_new_with_mem(type, memory)!
    }
}

private extension MarkdownRenderer {
    static let unsafeSchemes = ["javascript:", "vbscript:", "file:", "data:"]

    static func hasNumericReference(_ markdown: String) -> Bool {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            // memchr finds each `&`; most articles have none or few.
            while offset < bytes.count, let found = memchr(base + offset, 0x26, bytes.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                if offset < bytes.count, base[offset] == UInt8(ascii: "#") { return true }
            }
            return false
        }
    }

    /// Replaces, in place, control characters other than tab and line breaks with spaces and
    /// the noncharacters U+FFFE and U+FFFF with U+FFFD in UTF-8 `bytes`: the same number of
    /// bytes, so offsets into the text stay valid.
    static func replaceControlCharacters(in bytes: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                bytes[index] = 0x20
            } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                bytes[index + 2] = 0xBD
            }
            index += 1
        }
    }

    /// Empties a link's or image's URL with a scheme that runs code, whatever the raw-HTML setting.
    static func dropUnsafeURL(of node: OpaquePointer) {
        guard let pointer = cmark_node_get_url(node) else { return }
        // Most links are entity annotations; only a URL that could start with a scheme is looked at.
        let first = UInt8(bitPattern: pointer.pointee) | 0x20
        guard first == UInt8(ascii: "j") || first == UInt8(ascii: "v") || first == UInt8(ascii: "f") || first == UInt8(ascii: "d")
            || pointer.pointee == 0x20 || pointer.pointee == 0x09 else { return }
        let normalized = String(cString: pointer).lowercased().filter { !$0.isWhitespace }
        if unsafeSchemes.contains(where: normalized.hasPrefix) { cmark_node_set_url(node, "") }
    }

    /// Turns raw HTML nodes into text so that they are shown, escaped, rather than run.
    static func escapeRawHTML(_ rawNodes: [OpaquePointer], _ makeNode: NodeMaker) {
        for node in rawNodes {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                let paragraph = makeNode(CMARK_NODE_PARAGRAPH)
                let text = makeNode(CMARK_NODE_TEXT)
                cmark_node_set_literal(text, literal.hasSuffix("\n") ? String(literal.dropLast()) : literal)
                cmark_node_append_child(paragraph, text)
                cmark_node_replace(node, paragraph)
            } else {
                let text = makeNode(CMARK_NODE_TEXT)
                cmark_node_set_literal(text, literal)
                cmark_node_replace(node, text)
            }
            cmark_node_free(node)
        }
    }

    /// Replaces the links of the paragraphs and headings `blocks`; `markdown` is split into
    /// lines only when a rewriter asks where a link was written.
    static func rewriteLinks(in blocks: [OpaquePointer], markdown: String, rewriter: LinkRewriter, sanitizing: Bool, _ makeNode: NodeMaker) throws {
        let lines = SourceLines.Lazy(markdown)
        let table = rewriter.known
        for (number, block) in blocks.enumerated() {
            var contextBytes: [UInt8] = []
            var links: [(node: OpaquePointer, range: Range<Int>)] = []
            collectText(of: block, into: &contextBytes, links: &links)
            if sanitizing { replaceControlCharacters(in: &contextBytes) }
            let marks = rewriter.blocks?(number, contextBytes) ?? []
            defer { if !marks.isEmpty { wrap(marks, in: block, makeNode) } }
            let blockLine = Int(cmark_node_get_start_line(block))
            let blockLines = blockLine...max(blockLine, Int(cmark_node_get_end_line(block)))
            if let unparsed = rewriter.unparsed {
                for lookalike in lookalikes(in: contextBytes, watched: rewriter.watched) {
                    let position = lines.value.locate(lookalike.needle, fromLine: blockLine, column: 1, toLine: blockLines.upperBound)
                        .map { lines.value.linkStart(endingBefore: $0) } ?? (line: blockLine, column: 1)
                    try unparsed(.init(text: lookalike.text, line: position.line, column: position.column))
                }
            }
            guard !links.isEmpty else { continue }
            // A known destination's string is the table's: no string made per link.
            var known: [Int?] = []
            known.reserveCapacity(links.count)
            let destinations = links.map { link -> String in
                let url = cmark_node_get_url(link.node)
                if let url, let table, let position = table.position(of: url) {
                    known.append(position)
                    return table.destinations[position]
                }
                known.append(nil)
                return url.map { String(cString: $0) } ?? ""
            }
            // One link value for the block, changed per link: what the links share (the lines,
            // the destinations, the block's text) is then referenced once, not counted for each
            // of a dossier's million links.
            var link = MarkdownLink(destination: "", known: nil, title: "", source: .init(lines: lines, destinations: destinations, ordinal: 0, block: blockLines),
                                    contextUTF8: contextBytes, range: 0..<0)
            for (ordinal, (node, range)) in links.enumerated() {
                link.destination = destinations[ordinal]
                link.known = known[ordinal]
                link.title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                link.source.ordinal = ordinal
                link.range = range
                guard let replacement = try rewriter.rewrite(link) else {
                    dropUnsafeURL(of: node)
                    continue
                }
                let custom = makeNode(CMARK_NODE_CUSTOM_INLINE)
                // libcmark copies both. The closing string is passed as it is stored: a short
                // string ("</a>") would otherwise be copied to the heap.
                // libcmark takes a C string: the bytes and a NUL, on the stack.
                let open = replacement.openUTF8
                withUnsafeTemporaryAllocation(of: CChar.self, capacity: open.count + 1) { string in
                    open.withUnsafeBytes { bytes in _ = string.initialize(from: bytes.bindMemory(to: CChar.self)) }
                    string[open.count] = 0
                    _ = cmark_node_set_on_enter(custom, string.baseAddress!)
                }
                replacement.close.withCString { _ = cmark_node_set_on_exit(custom, $0) }
                while let child = cmark_node_first_child(node) {
                    cmark_node_unlink(child)
                    cmark_node_append_child(custom, child)
                }
                cmark_node_replace(node, custom)
                cmark_node_free(node)
            }
        }
    }

    /// Wraps each mark's span of `block`'s text in a custom node with the mark's markup. The
    /// span is widened to whole children of the block where it starts or ends inside one that
    /// is not plain text; plain text is split. Marks do not nest: one that reaches into a span
    /// wrapped already is left out.
    ///
    /// The children are listed once and each text node is cut at all the marks' ends in one go:
    /// a paragraph of a thousand marked sentences was otherwise listed and copied once per mark
    /// (a sentence repeated 2,000 times made 870 MB of copies).
    static func wrap(_ marks: [LinkRewriter.TextMark], in block: OpaquePointer, _ makeNode: NodeMaker) {
        var marks = marks.filter { !$0.range.isEmpty }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        let cuts = marks.flatMap { [$0.range.lowerBound, $0.range.upperBound] }.sorted()
        // Where a cut inside a character of a text node goes: to the character's end.
        var moved: [Int: Int] = [:]
        var children: [(node: OpaquePointer, start: Int, end: Int)] = []
        var (offset, nextCut) = (0, 0)
        var child = cmark_node_first_child(block)
        while let node = child {
            child = cmark_node_next(node)
            let start = offset
            offset += textLength(of: node)
            while nextCut < cuts.count, cuts[nextCut] <= start { nextCut += 1 }
            var inside: [Int] = []
            while nextCut < cuts.count, cuts[nextCut] < offset {
                inside.append(cuts[nextCut] - start)
                nextCut += 1
            }
            let pieces = split(node, at: inside, length: offset - start, makeNode)
            if pieces.count > 1 || cmark_node_get_type(node) == CMARK_NODE_TEXT {
                for cut in inside { moved[start + cut] = start + (pieces.first { $0.end >= cut }?.end ?? cut) }
            }
            children += pieces.map { ($0.node, start + $0.start, start + $0.end) }
        }
        for index in marks.indices {
            let range = marks[index].range
            let lower = moved[range.lowerBound] ?? range.lowerBound
            marks[index].range = lower..<max(moved[range.upperBound] ?? range.upperBound, lower)
        }
        // Children up to `wrapped` are inside a mark's node already, text up to `reached` marked.
        var (wrapped, reached) = (-1, 0)
        for mark in marks where !mark.range.isEmpty && mark.range.lowerBound >= reached {
            var from = wrapped + 1
            while from < children.count, children[from].end <= mark.range.lowerBound { from += 1 }
            var to = from
            while to + 1 < children.count, children[to + 1].start < mark.range.upperBound { to += 1 }
            guard from < children.count, children[from].start < mark.range.upperBound else { continue }
            let custom = makeNode(CMARK_NODE_CUSTOM_INLINE)
            _ = cmark_node_set_on_enter(custom, mark.open)
            _ = cmark_node_set_on_exit(custom, mark.close)
            cmark_node_insert_before(children[from].node, custom)
            for index in from...to {
                cmark_node_unlink(children[index].node)
                cmark_node_append_child(custom, children[index].node)
            }
            (wrapped, reached) = (to, mark.range.upperBound)
        }
    }

    /// Cuts a text node of `length` bytes after each of `offsets` (ascending) bytes of its
    /// literal into neighbours, and returns the pieces with where their text lies in the node's;
    /// a node that is not text stays whole. Never cuts inside a character.
    static func split(_ node: OpaquePointer, at offsets: [Int], length: Int, _ makeNode: NodeMaker) -> [(node: OpaquePointer, start: Int, end: Int)] {
        guard !offsets.isEmpty, cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else { return [(node, 0, length)] }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        var bounds = [0]
        for offset in offsets {
            var cut = offset
            while cut < bytes.count, cut > 0, bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            if cut > bounds.last!, cut < bytes.count { bounds.append(cut) }
        }
        bounds.append(bytes.count)
        guard bounds.count > 2 else { return [(node, 0, length)] }
        // Every piece is read before the node's literal, which `bytes` points into, is replaced.
        let texts = zip(bounds, bounds.dropFirst()).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0..<$1]), as: UTF8.self) }
        var pieces = [(node: node, start: 0, end: bounds[1])]
        var previous = node
        for (index, text) in texts.enumerated().dropFirst() {
            let piece = makeNode(CMARK_NODE_TEXT)
            cmark_node_set_literal(piece, text)
            cmark_node_insert_after(previous, piece)
            pieces.append((piece, bounds[index], bounds[index + 1]))
            previous = piece
        }
        cmark_node_set_literal(node, texts[0])
        return pieces
    }

    /// How many bytes of a block's plain text (`collectText`) `node` holds.
    static func textLength(of node: OpaquePointer) -> Int {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return cmark_node_get_literal(node).map { strlen($0) } ?? 0
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            return 1
        default:
            var text: [UInt8] = []
            var links: [(node: OpaquePointer, range: Range<Int>)] = []
            collectText(of: node, into: &text, links: &links)
            return text.count
        }
    }

    /// Text like `[x](person:Bad Id)` in a block's plain text: a `](` followed by a watched
    /// prefix that CommonMark left as text. `needle` is what to search for in the source.
    static func lookalikes(in text: [UInt8], watched: [String]) -> [(text: String, needle: String)] {
        var found: [(text: String, needle: String)] = []
        var index = 0
        while index + 2 < text.count {
            // memchr finds each `]`; a block's text rarely has one.
            guard let next = text.withUnsafeBufferPointer({ buffer in
                memchr(buffer.baseAddress! + index, 0x5D, buffer.count - index).map { buffer.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
            }) else { break }
            index = next
            guard index + 2 < text.count, text[index + 1] == UInt8(ascii: "(") else {
                index += 1
                continue
            }
            let rest = text[(index + 2)...]
            if let prefix = watched.first(where: { rest.starts(with: $0.utf8) }) {
                let open = text[..<index].lastIndex(of: UInt8(ascii: "[")) ?? index
                let close = rest.firstIndex(of: UInt8(ascii: ")")).map { $0 + 1 } ?? text.count
                let destination = String(decoding: text[(index + 2)..<min(close, text.count)].prefix { $0 != 0x20 && $0 != 0x29 }, as: UTF8.self)
                found.append((String(decoding: text[open..<close], as: UTF8.self), "](\(destination.isEmpty ? prefix : destination)"))
            }
            index += 2
        }
        return found
    }

    /// Appends the plain text under `node`, noting where each link's text lies. Iterative, not
    /// recursive: emphasis can nest tens of thousands deep, more than a thread's stack holds.
    static func collectText(of node: OpaquePointer, into text: inout [UInt8], links: inout [(node: OpaquePointer, range: Range<Int>)]) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        var starts: [Int] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator), current != node else { continue }
            switch (cmark_node_get_type(current), event) {
            case (CMARK_NODE_TEXT, _), (CMARK_NODE_CODE, _), (CMARK_NODE_HTML_INLINE, _):
                if let literal = cmark_node_get_literal(current) {
                    text.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
                }
            case (CMARK_NODE_SOFTBREAK, _), (CMARK_NODE_LINEBREAK, _):
                text.append(0x20)
            case (CMARK_NODE_LINK, CMARK_EVENT_ENTER):
                starts.append(text.count)
            case (CMARK_NODE_LINK, CMARK_EVENT_EXIT):
                links.append((current, starts.removeLast()..<text.count))
            default:
                break
            }
        }
    }

    static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }
}
