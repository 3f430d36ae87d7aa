import Foundation
import SourceText
import Testing
@testable import Entities

final class TextFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("textfile-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A file whose size does not tell its length (a pipe here; a file being saved while it is
    /// read, a `/proc` file) is read to its end, not to the size `stat` reported.
    @Test func aFileIsReadToItsEndWhateverItsSizeSaid() throws {
        let pipe = folder.appendingPathComponent("artikel.md").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let text = "---\ntitle: Gipfel in Wostotschny\n---\n" + String(repeating: "Putin empfängt Kim. ", count: 2_000)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: pipe)!
            handle.write(Data(text.utf8))
            try? handle.close()
        }
        writer.start()
        #expect(try TextFile.read(pipe, display: "content/articles/artikel.md") == text)
    }

    /// A named pipe nothing writes to, or a device linked as an article, is an error naming the
    /// file, not a build that waits for ever or reads without end.
    @Test func aPipeWithoutWriterOrADeviceIsAnErrorNotAHang() throws {
        let pipe = folder.appendingPathComponent("rohr.md").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let started = Date()
        #expect(throws: SourceError(file: "content/articles/rohr.md", line: 1, column: 1,
                                    message: "cannot read the file: it is a named pipe that nothing writes to (replace it with a text file); check that it exists and is readable")) {
            try TextFile.read(pipe, display: "content/articles/rohr.md")
        }
        #expect(Date().timeIntervalSince(started) < 30)
        let device = folder.appendingPathComponent("null.md").path
        try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/zero")
        #expect(throws: SourceError(file: "content/articles/null.md", line: 1, column: 1,
                                    message: "cannot read the file: it is a device or socket, not a file (replace it with a text file); check that it exists and is readable")) {
            try TextFile.read(device, display: "content/articles/null.md")
        }
    }

    @Test func aFileThatCannotBeReadIsAnErrorSayingWhy() throws {
        #expect(throws: SourceError(file: "content/articles/fehlt.md", line: 1, column: 1,
                                    message: "cannot read the file: No such file or directory; check that it exists and is readable")) {
            try TextFile.read(folder.appendingPathComponent("fehlt.md").path, display: "content/articles/fehlt.md")
        }
        #expect(throws: SourceError(file: "content/articles", line: 1, column: 1,
                                    message: "cannot read the file: Is a directory; check that it exists and is readable")) {
            try TextFile.read(folder.path, display: "content/articles")
        }
    }

    @Test func holdsComparesTheWholeFile() throws {
        let path = folder.appendingPathComponent("index.html").path
        let page = Array("<p>Kim</p>\n".utf8)
        try Data(page).write(to: URL(fileURLWithPath: path))
        #expect(TextFile.holds(page, atPath: path))
        #expect(!TextFile.holds(Array("<p>Kin</p>\n".utf8), atPath: path))
        #expect(!TextFile.holds(Array(page.dropLast()), atPath: path))
        #expect(!TextFile.holds(page, atPath: folder.appendingPathComponent("fehlt.html").path))
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(TextFile.holds([], atPath: path))

        // A file of several pieces is compared in all of them: a byte changed in the first, at
        // the end of one and the start of the next, or in the last makes it differ.
        let piece = TextFile.comparedPiece
        let large = (0..<(2 * piece + 1234)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        try Data(large).write(to: URL(fileURLWithPath: path))
        #expect(TextFile.holds(large, atPath: path))
        for changed in [0, piece - 1, piece, 2 * piece + 1233] {
            var other = large
            other[changed] ^= 1
            #expect(!TextFile.holds(other, atPath: path), "byte \(changed) changed")
        }
        #expect(!TextFile.holds(Array(large.dropLast()), atPath: path))
        #expect(!TextFile.holds(Array(large.prefix(piece)), atPath: path))
    }
}

struct ControlCharacterTests {
    /// Found at every position of a text, whichever of the eight bytes of a word it is, and
    /// never for tabs, line ends, UTF-8 letters or U+FFFD.
    @Test func everyForbiddenCharacterIsFoundWhereItIs() {
        let text = Array("Käse\tund\r\nBrot: ein Satz über Zölle, �.".utf8)
        #expect(TextFile.firstControlCharacter(in: text) == nil)
        let forbiddens: [[UInt8]] = [[0], [0x07], [0x1B], [0x1F], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF]]
        for forbidden in forbiddens {
            for position in 0...text.count where position == text.count || text[position] & 0xC0 != 0x80 {
                var bytes = text
                bytes.insert(contentsOf: forbidden, at: position)
                #expect(TextFile.firstControlCharacter(in: bytes) == position, "\(forbidden) at \(position)")
            }
        }
    }
}
