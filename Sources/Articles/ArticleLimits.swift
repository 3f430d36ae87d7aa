#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Entities
import SourceText

/// How large an article may be: a news article is tens of kilobytes, and a file far larger
/// (a dump saved by mistake, a page with images inlined) would make every page that quotes it
/// slow to build and to serve. Import and build refuse such a file with a clear message
/// rather than publish it.
public enum ArticleLimits {
    /// 8 MiB: a hundred times the longest article of the seeds and test corpora.
    public static let maxBytes = 8 << 20
    /// 200,000 bytes on one line: a paragraph of some 25,000 words.
    public static let maxLineBytes = 200_000

    /// The problem with `text` as the article `file`, or nil when it is within the limits.
    public static func problem(with text: String, file: String) -> SourceError? {
        var text = text
        return text.withUTF8 { bytes -> SourceError? in
            if bytes.count > maxBytes {
                return SourceError(file: file, message: "the article is \(megabytes(bytes.count)) MB, more than the \(megabytes(maxBytes)) MB an article may have: split it, or check that it is an article")
            }
            guard let base = bytes.baseAddress else { return nil }
            var (start, line) = (0, 1)
            while start < bytes.count {
                let end = memchr(base + start, 0x0A, bytes.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
                if end - start > maxLineBytes {
                    return SourceError(file: file, line: line, column: 1, message: "line \(line) is \(end - start) bytes long, more than the \(maxLineBytes) a line may have: break it into paragraphs")
                }
                (start, line) = (end + 1, line + 1)
            }
            return nil
        }
    }

    private static func megabytes(_ count: Int) -> String {
        let tenths = (count * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }
}
