import Foundation
import Entities

/// Splits a Markdown file into its YAML front matter and body.
enum FrontMatter {
    /// Returns the YAML text, the body, and the 1-based line on which the body starts.
    static func split(_ text: String, file: String) throws -> (yaml: String, body: String, bodyLine: Int) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            throw SourceError(file: file, line: 1, column: 1, message: "no front matter: start the file with a '---' line, the YAML fields, and another '---' line")
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw SourceError(file: file, line: 1, column: 1, message: "front matter is not closed: add a '---' line after the YAML fields")
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return (yaml, body.drop(while: { $0 == "\n" }).description, end + 2 + body.prefix(while: { $0 == "\n" }).count)
    }
}
