/// Several located problems at once, sorted by file, line and column, one per line.
///
/// What `dossier check` reports, and what a build fails with when a file has more than one
/// problem, so an editor fixes them all in one pass rather than one per run.
public struct SourceErrors: Error, CustomStringConvertible, Sendable {
    public private(set) var errors: [SourceError]

    public init(_ errors: [SourceError]) {
        self.errors = errors.sorted { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }

    /// Throws the problems when there are any: one as itself, more as a list.
    public static func throwIfAny(_ errors: [SourceError]) throws {
        if errors.count == 1 { throw errors[0] }
        if errors.count > 1 { throw SourceErrors(errors) }
    }

    /// The located problems `error` holds: itself, or those of a list; nil for other errors.
    public static func located(in error: any Error) -> [SourceError]? {
        if let error = error as? SourceError { return [error] }
        if let error = error as? SourceErrors { return error.errors }
        return nil
    }
}

public extension SourceError {
    /// An error for `key` of a mapping that does not take it, naming the closest known key.
    ///
    ///     SourceError.unknownKey("base_ulr", known: ["title", "base_url"], what: "setting", …)
    ///     // … error: unknown setting 'base_ulr': did you mean 'base_url'? (known: base_url, title)
    static func unknownKey(_ key: String, known: [String], what: String, file: String, line: Int, column: Int) -> SourceError {
        let closest = known.min { editDistance(key, $0) < editDistance(key, $1) }
        let hint = closest.flatMap { editDistance(key, $0) <= max(2, $0.count / 3) ? "did you mean '\($0)'? " : nil } ?? ""
        return SourceError(file: file, line: line, column: column,
                           message: "unknown \(what) '\(key)': \(hint)(known: \(known.sorted().joined(separator: ", ")))")
    }

    /// The line and column in `text` of a key written as `key:` (at any indentation, or as the
    /// first key of a list item) for the `occurrence`-th time, 1-based; nil if it is not there.
    static func location(ofKey key: String, occurrence: Int, in text: String) -> (line: Int, column: Int)? {
        var seen = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line.drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
            let unquoted = rest.hasPrefix("\"\(key)\"") || rest.hasPrefix("'\(key)'") ? rest.dropFirst(key.count + 2) : rest.hasPrefix(key) ? rest.dropFirst(key.count) : nil
            guard let after = unquoted?.drop(while: { $0 == " " }), after.hasPrefix(":") else { continue }
            seen += 1
            if seen == occurrence { return (number + 1, TextPosition.column(of: rest.startIndex, in: line)) }
        }
        return nil
    }
}

/// The Levenshtein distance of two short strings, by characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let (a, b) = (Array(a), Array(b))
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var current = [i + 1] + Array(repeating: 0, count: b.count)
        for (j, y) in b.enumerated() {
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
