import Articles
import Entities
import Site
import SourceText

/// Markdown conversion with link rewriting, as the build converts an article body: entity
/// annotations in every link form, mistakes located (line and column inside the body),
/// never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let body = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    guard let article = try? Article.parse("---\ntitle: T\n---\n" + body, slug: "fuzz", file: "content/articles/fuzz.md") else { return 0 }
    do {
        _ = try content.bodyHTML(of: article)
    } catch let error as SourceError {
        check(error, lines: body)
    } catch let error as SourceErrors {
        error.errors.forEach { check($0, lines: body) }
    } catch {
        fatalError("unlocated error: \(error)")
    }
    return 0
}

/// A located error points into the article (its body starts on line 4); one about the whole
/// file (how many more problems there are) has no line.
private func check(_ error: SourceError, lines body: String) {
    if error.line == 0 { return }
    // Lines as CommonMark counts them: a carriage return alone ends one too.
    let lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.count
    precondition(error.line >= 4 && error.line <= lines + 3 && error.column >= 1, "\(error) is outside the body")
}

private let content = Content(config: .init(), registry: Registry([
    Entity(id: "olaf-scholz", type: .person, name: "Olaf Scholz", aliases: ["Scholz"]),
    Entity(id: "berlin", type: .place, name: "Berlin"),
    Entity(id: "dpa", type: .org, name: "dpa"),
]), articles: [])
