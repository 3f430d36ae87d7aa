import Entities
import Foundation
import SourceText

/// Splits a Markdown file into its YAML front matter and body.
enum FrontMatter {
    /// Returns the YAML text, the body, and the 1-based line on which the body starts.
    static func split(_ text: String, file: String) throws -> (yaml: String, body: String, bodyLine: Int) {
        var text = text
        // Offsets are found in the bytes; the parts are cut from the string, valid UTF-8 already
        // (cut at line ends), so they are copied, not checked again.
        let found = try text.withUTF8 { try offsets(in: $0, file: file) }
        let utf8 = text.utf8
        let cut = { (offsets: Range<Int>) in
            String(text[utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: offsets.upperBound)])
        }
        return (cut(found.yaml), cut(found.body), found.bodyLine)
    }
}

private extension FrontMatter {
    static func offsets(in bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> (yaml: Range<Int>, body: Range<Int>, bodyLine: Int) {
        guard let firstEnd = lineEnd(bytes, from: 0), isFence(bytes, 0..<firstEnd) else {
            throw SourceError(file: file, line: 1, column: 1, message: "no front matter: start the file with a '---' line, the YAML fields, and another '---' line")
        }
        var lineStart = firstEnd + 1
        var line = 2
        while lineStart < bytes.count {
            let end = lineEnd(bytes, from: lineStart) ?? bytes.count
            if isFence(bytes, lineStart..<end) {
                var bodyStart = min(end + 1, bytes.count)
                var bodyLine = line + 1
                while bodyStart < bytes.count, bytes[bodyStart] == 0x0A {
                    bodyStart += 1
                    bodyLine += 1
                }
                return ((firstEnd + 1)..<max(firstEnd + 1, lineStart - 1), bodyStart..<bytes.count, bodyLine)
            }
            lineStart = end + 1
            line += 1
        }
        throw SourceError(file: file, line: 1, column: 1, message: "front matter is not closed: add a '---' line after the YAML fields")
    }

    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        bytes[start...].firstIndex(of: 0x0A)
    }

    /// A line that is `---`, allowing trailing spaces and a carriage return.
    static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var line = bytes[range]
        while let last = line.last, last == 0x20 || last == 0x0D || last == 0x09 { line = line.dropLast() }
        return line.elementsEqual("---".utf8)
    }
}
