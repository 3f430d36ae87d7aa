import Entities
import Articles
import SourceText

/// The article reader: front matter (the fast reader and the YAML one) and body split. The
/// input is an article file; a problem must be a located error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    do {
        let article = try Article.parse(text, slug: "fuzz", file: "content/articles/fuzz.md")
        precondition(article.bodyLine >= 1)
    } catch let error as SourceError {
        precondition(!error.file.isEmpty && error.line >= 0, "an error names its place")
    } catch let error as SourceErrors {
        precondition(!error.errors.isEmpty)
    } catch {
        fatalError("unlocated error: \(error)")
    }
    return 0
}
