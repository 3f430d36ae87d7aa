import Articles
import Entities

/// Annotates a whole article, as `import` and `annotate` do: its body and every field that may
/// name entities (title, teaser, dateline, authors, the captions' title, text and credit).
///
/// An ambiguous short form ("Kim") resolves from what came before it in the article, its title,
/// teaser and captions first; only where that leaves it open is the whole article read, as a
/// reader would (a headline's "Kim" is the Kim Jong Un the body names), which costs a second
/// pass only for those articles. What stays open is reported, located in its field or the body.
enum ArticleAnnotation {
    struct Result {
        var article: Article
        /// The mentions added, each with the field it stands in.
        var added: [(field: Article.Field, mention: Annotator.Added)]
        /// Lines and columns are the file's when the article says where its fields stand, else
        /// the body's own (as `Annotator` counts) for the body.
        var unresolved: [Annotator.Unresolved]
    }

    static func annotate(_ article: Article, with annotator: Annotator) -> Result {
        let introduction = article.introduction
        var whole: String { introduction + "\n\n" + article.body }
        func annotated(_ text: String, context: String) -> Annotator.Result {
            let first = annotator.annotate(text, context: context)
            return first.unresolved.isEmpty ? first : annotator.annotate(text, context: whole)
        }
        var added: [(field: Article.Field, mention: Annotator.Added)] = []
        var unresolved: [Annotator.Unresolved] = []
        // The fields in page order; a field's own place in the file locates what stays open in it.
        let keys = article.annotatedFields.map(\.key)
        var next = 0
        var result = article.mappingFields { field, value in
            guard !value.isEmpty else { return value }
            let key = keys[next]
            next += 1
            let done = annotated(value, context: "")
            added += done.added.map { (field, $0) }
            let start = article.fieldLocations[key] ?? article.fieldLocations[String(key.prefix { $0 != "." })]
            unresolved += done.unresolved.map { item in
                var located = item
                if let start { (located.line, located.column) = (start.line, start.column + item.column - 1) }
                return located
            }
            return done.text
        }
        let body = annotated(article.body, context: introduction)
        result.body = body.text
        added += body.added.map { (.body, $0) }
        unresolved += body.unresolved.map { item in
            var shifted = item
            shifted.line += article.bodyLine - 1
            return shifted
        }
        return Result(article: result, added: added, unresolved: unresolved)
    }
}
