/// One element of a parsed template's token tree.
indirect enum Node: Sendable {
    case text(String)
    case variable(Name, escaped: Bool, at: Location)
    case section(Name, [Node], inverted: Bool)
    case partial(Reference, indent: String?)
    /// `{{<parent}}…{{/parent}}`: render `parent` with these blocks overriding its own.
    case parent(Reference, indent: String?, blocks: [String: [Node]])
    /// `{{$name}}default{{/name}}` as it appears where output is written.
    case block(String, default: [Node], indent: BlockIndent)
}

/// How a block's overriding content is indented where the block is expanded.
struct BlockIndent: Sendable {
    /// Added to each line of the overriding content.
    var text: String
    /// Whether the first line still needs the indentation (the tag stood alone on its line).
    var atLineStart: Bool

    static let none = BlockIndent(text: "", atLineStart: false)
}

/// Where a tag starts, for error messages.
struct Location: Sendable {
    var line: Int
    var column: Int
}

/// A partial or parent name: static, or dynamic (`{{>*name}}`) resolved through the context.
struct Reference: Sendable {
    var name: Name
    var isDynamic: Bool
    var location: Location
}
