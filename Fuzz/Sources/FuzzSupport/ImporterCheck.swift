import Entities
import Foundation
import Importer
import SourceText

/// Imports `data` as the raw file `name` without touching the disk: the article's Markdown
/// holds no control character, and a file that is no article is an error naming the file.
public func importerCheck(_ data: Data, name: String) -> CInt {
    do {
        let article = try ArticleImporter.parse(data, name: name, display: name)
        let markdown = ArticleImporter.markdown(of: article)
        precondition(TextFile.firstControlCharacter(in: markdown) == nil, "no control character reaches the article")
    } catch let error as SourceError {
        precondition(error.file == name)
    } catch {
        precondition("\(error)".hasPrefix(name), "errors name the file: \(error)")
    }
    return 0
}
