import Entities
import Foundation
private import CLibXML2

/// Reads a saved web page with libxml2's HTML parser: the article's headline, paragraphs,
/// subheadings and captions; navigation, scripts, forms and ads are dropped.
struct HTMLArticleParser {
    let file: String

    static let skippedElements: Set<String> = [
        "script", "style", "nav", "aside", "footer", "form", "noscript", "iframe", "button", "svg", "template",
        "select", "input", "menu", "dialog",
    ]
    static let skippedMarkers = ["advert", "anzeige", "banner", "cookie", "newsletter", "related", "comment", "kommentar",
                                 "share", "social", "promo", "teaser-list", "paywall", "breadcrumb", "sidebar"]

    func parse(_ data: Data) throws -> ImportedArticle {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        xmlResetLastError()
        let parsed = data.withUnsafeBytes { bytes in
            htmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), file, "UTF-8", options)
        }
        guard let document = parsed else {
            throw ImportError(file: file, message: "not readable as HTML: save the page again as HTML")
        }
        defer { xmlFreeDoc(document) }
        // libxml2 stops reading at 256 nested elements, and the text below is lost without a word.
        if let error = xmlGetLastError(), let message = error.pointee.message, String(cString: message).contains("Excessive depth") {
            throw ImportError(file: file, message: "the page nests elements more than 256 deep, and its text cannot be read: save the article as text (.txt) and import that")
        }
        guard let html = xmlDocGetRootElement(document) else { return ImportedArticle() }
        var article = ImportedArticle()
        if let language = attribute(html, "lang"), LanguageTag.problem(with: language) == nil { article.language = language }
        let linked = readMeta(html, into: &article)
        if article.url == nil { article.url = savedFrom(document) }
        let root = articleRoot(html)
        var blocks: [String] = []
        collect(root, into: &blocks, article: &article)
        if let headline = blocks.firstIndex(where: { $0.hasPrefix("# ") }) {
            article.title = String(blocks[headline].dropFirst(2))
            blocks.remove(at: headline)
        } else if article.title.isEmpty, let headline = linked?.headline, !headline.isEmpty {
            article.title = headline
        } else if article.title.isEmpty, let title = first(in: html, named: "title").map(text) {
            article.title = title.components(separatedBy: " | ").first?.components(separatedBy: " - ").first ?? title
        }
        article.blocks = blocks.map { $0.hasPrefix("# ") ? "#" + $0 : $0 }
        article.finish(file: file)
        return article
    }
}

private extension HTMLArticleParser {
    /// The page's metadata: its meta tags, its canonical address, its JSON-LD (returned, for the
    /// headline where the page has no `<h1>`), its first `<time>`, the byline it marks.
    func readMeta(_ html: xmlNodePtr, into article: inout ImportedArticle) -> LinkedData? {
        var links: [xmlNodePtr] = []
        all(in: html, matching: { node in
            String(cString: node.pointee.name).lowercased() == "link"
                && (attribute(node, "rel") ?? "").lowercased().split(separator: " ").contains("canonical")
        }, into: &links, limit: 1)
        if let href = links.first.flatMap({ attribute($0, "href") })?.trimmingCharacters(in: .whitespacesAndNewlines),
           WebAddress.problem(with: href) == nil {
            article.url = href
        }
        var metas: [xmlNodePtr] = []
        all(in: html, named: "meta", into: &metas)
        for meta in metas {
            let key = attribute(meta, "property") ?? attribute(meta, "name") ?? attribute(meta, "itemprop") ?? ""
            guard let raw = attribute(meta, "content"), case let content = decodingEntities(raw).trimmingCharacters(in: .whitespacesAndNewlines),
                  !content.isEmpty else { continue }
            switch key {
            case "og:site_name": article.outlet = content
            case "article:published_time", "date", "pubdate", "dcterms.date", "datePublished":
                if article.date.isEmpty { article.date = DateLine.date(inStamp: content) ?? "" }
            case "author", "article:author":
                if article.authors.isEmpty, !content.hasPrefix("http") {
                    article.authors = content.replacingOccurrences(of: " und ", with: ",").split(separator: ",")
                        .map { $0.trimmingCharacters(in: .whitespaces) }
                }
            case "description", "og:description": if article.teaser.isEmpty { article.teaser = content }
            case "og:url": if article.url == nil, WebAddress.problem(with: content) == nil { article.url = content }
            default: break
            }
        }
        // What the page tells search engines: schema.org's JSON-LD, for what the tags left open.
        var scripts: [xmlNodePtr] = []
        all(in: html, matching: { node in
            String(cString: node.pointee.name).lowercased() == "script" && (attribute(node, "type") ?? "").lowercased().contains("ld+json")
        }, into: &scripts, limit: 20)
        let linked = LinkedData(scripts: scripts.map(content))
        if let linked {
            if article.date.isEmpty { article.date = linked.date }
            if article.authors.isEmpty { article.authors = linked.authors }
            if article.outlet.isEmpty { article.outlet = linked.publisher }
            if article.teaser.isEmpty { article.teaser = linked.summary }
            if article.url == nil { article.url = linked.url }
        }
        // The `<time>` marked as the publication's, else the first: its machine-readable date, or
        // the date its text prints ("Wed 13 Sep 2023 10.04 BST").
        var times: [xmlNodePtr] = []
        all(in: html, named: "time", into: &times)
        if article.date.isEmpty, let time = times.first(where: { attribute($0, "itemprop") == "datePublished" }) ?? times.first {
            article.date = attribute(time, "datetime").flatMap(DateLine.date(inStamp:)) ?? DateLine.date(in: text(time)) ?? ""
        }
        if article.date.isEmpty, let linked { article.date = linked.created }
        // A byline the page marks: `<address>`, `rel="author"`, an element whose class says byline or author.
        if article.authors.isEmpty {
            var marked: [xmlNodePtr] = []
            all(in: html, matching: { node in
                let name = String(cString: node.pointee.name).lowercased()
                let marker = ((attribute(node, "class") ?? "") + " " + (attribute(node, "rel") ?? "")).lowercased()
                let marks = name == "address" || marker.contains("byline") || marker.split(separator: " ").contains { $0 == "author" || $0.hasSuffix("__author") }
                // Not the publisher's address in the footer, nor an author in a list of other stories.
                return marks && !isInside(node, Self.skippedElements)
            }, into: &marked, limit: 8)
            for node in marked {
                let line = text(node)
                if let names = Byline.authors(in: line) ?? Byline.names(in: Substring(line)) {
                    article.authors = names
                    break
                }
            }
        }
        return linked
    }

    /// The address a browser noted when it saved the page: `<!-- saved from url=(0044)https://… -->`
    /// before or at the top of the document.
    func savedFrom(_ document: htmlDocPtr) -> String? {
        for first in [document.pointee.children, xmlDocGetRootElement(document)?.pointee.children] {
            var node = first, seen = 0
            while let current = node, seen < 64 {
                node = current.pointee.next
                seen += 1
                guard current.pointee.type == XML_COMMENT_NODE, let content = current.pointee.content,
                      case let comment = String(cString: content), let marker = comment.range(of: "saved from url=") else { continue }
                var rest = comment[marker.upperBound...].drop { $0 == " " }
                if rest.first == "(" { rest = rest.drop { $0 != ")" }.dropFirst() }
                let address = String(rest.prefix { !$0.isWhitespace })
                if WebAddress.problem(with: address) == nil { return address }
            }
        }
        return nil
    }

    /// The text an element holds as written, scripts' too (`text` skips them).
    func content(_ node: xmlNodePtr) -> String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { dossier_xml_free(value) }
        return String(cString: value)
    }

    /// Whether an element named one of `names` holds `node`.
    func isInside(_ node: xmlNodePtr, _ names: Set<String>) -> Bool {
        var parent = node.pointee.parent
        while let current = parent, current.pointee.type == XML_ELEMENT_NODE {
            if names.contains(String(cString: current.pointee.name).lowercased()) { return true }
            parent = current.pointee.parent
        }
        return false
    }

    /// Markers of the element that holds an article's standfirst, the teaser above its text.
    static let standfirstMarkers = ["standfirst", "article-summary", "article__summary", "dek", "subheadline", "sub-headline", "intro", "lede"]

    /// Whether `node` is the article's standfirst by its class.
    func isStandfirst(_ node: xmlNodePtr) -> Bool {
        let classes = (attribute(node, "class") ?? "").lowercased().split(separator: " ")
        return classes.contains { item in Self.standfirstMarkers.contains { item == $0 || item.hasSuffix("__" + $0) || item.hasSuffix("-" + $0) } }
    }

    /// Markers of the element that holds an article's text, in its class, id or itemprop.
    static let bodyMarkers = ["articlebody", "article-body", "article__body", "articletext", "article-text", "story-body", "storytext",
                              "entry-content", "post-content", "post-body", "content__article-body", "article-content", "artikel"]

    /// The element that holds the article: of the `<article>` and `<main>` elements and those
    /// marked as an article body, the one with the most paragraph text (a page lists other
    /// stories in `<article>`s of their own); the body when none holds most of the page's.
    func articleRoot(_ html: xmlNodePtr) -> xmlNodePtr {
        let body = first(in: html, named: "body") ?? html
        var candidates: [xmlNodePtr] = []
        all(in: body, matching: { node in
            let name = String(cString: node.pointee.name).lowercased()
            if name == "article" || name == "main" { return true }
            let marker = ((attribute(node, "class") ?? "") + " " + (attribute(node, "id") ?? "") + " " + (attribute(node, "itemprop") ?? "")).lowercased()
            return Self.bodyMarkers.contains { marker.contains($0) }
        }, into: &candidates)
        let total = paragraphText(in: body)
        let scored = candidates.map { ($0, paragraphText(in: $0)) }
        guard let most = scored.map(\.1).max(), most > 0, most * 2 >= total else { return body }
        // Of equally good ones the innermost: candidates come outermost first.
        return scored.last { $0.1 == most }!.0
    }

    /// How many characters of prose `node` holds: the text of its paragraphs that is not
    /// link text, outside skipped elements (lists of links to other stories count nothing).
    func paragraphText(in node: xmlNodePtr) -> Int {
        var count = 0
        var child = node.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = String(cString: current.pointee.name).lowercased()
            if Self.skippedElements.contains(name) || isAd(current) || isHidden(current) { continue }
            if name == "p" {
                let (all, links) = (text(current).count, linkText(in: current))
                if !isLinkList(all: all, links: links) { count += all - links }
            } else {
                count += paragraphText(in: current)
            }
        }
        return count
    }

    /// Characters of link text inside `node`.
    func linkText(in node: xmlNodePtr) -> Int {
        var links: [xmlNodePtr] = []
        all(in: node, named: "a", into: &links)
        return links.reduce(0) { $0 + text($1).count }
    }

    /// A paragraph or item that is mostly links: a teaser for other pages, not the article's text.
    func isLinkList(all: Int, links: Int) -> Bool {
        all > 0 && links * 10 > all * 6
    }

    func collect(_ node: xmlNodePtr, into blocks: inout [String], article: inout ImportedArticle) {
        var child = node.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = String(cString: current.pointee.name).lowercased()
            if Self.skippedElements.contains(name) || isAd(current) || isHidden(current) { continue }
            // The standfirst is the teaser, where the page's description did not give one.
            if article.teaser.isEmpty, blocks.count <= 1, isStandfirst(current), case let standfirst = text(current), !standfirst.isEmpty {
                article.teaser = standfirst
                continue
            }
            switch name {
            case "h1":
                blocks.append("# " + text(current))
            case "h2", "h3", "h4", "h5", "h6":
                let heading = text(current)
                if !heading.isEmpty { blocks.append("## " + heading) }
            case "p", "li", "blockquote":
                let paragraph = text(current)
                if !paragraph.isEmpty, !isLinkList(all: paragraph.count, links: linkText(in: current)) {
                    blocks.append(name != "li" ? paragraph : number(ofItem: current).map { ImportedArticle.numberedItem($0, paragraph) }
                        ?? ImportedArticle.bulletedItem(paragraph, first: isFirstItem(current)))
                } else if paragraph.isEmpty, name == "p", let caption = imageCaption(in: current) {
                    article.captions.append(caption)
                }
            case "figure":
                if let caption = caption(of: current) { article.captions.append(caption) }
            default:
                collect(current, into: &blocks, article: &article)
            }
        }
    }

    /// Whether `item` is the first `<li>` of its list.
    func isFirstItem(_ item: xmlNodePtr) -> Bool {
        var sibling = item.pointee.prev
        while let current = sibling {
            if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name).lowercased() == "li" { return false }
            sibling = current.pointee.prev
        }
        return true
    }

    /// The number of a numbered list's item (`<ol start>` counts from there, when it is one a
    /// Markdown list can start at: nine digits at most), nil in other lists.
    func number(ofItem item: xmlNodePtr) -> Int? {
        guard let list = item.pointee.parent, String(cString: list.pointee.name).lowercased() == "ol" else { return nil }
        let start = attribute(list, "start").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        var number = start.flatMap { (0...999_999_999).contains($0) ? $0 : nil } ?? 1
        var sibling = item.pointee.prev
        while let current = sibling {
            if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name).lowercased() == "li" { number += 1 }
            sibling = current.pointee.prev
        }
        return number
    }

    /// A paragraph that is only an image (Markdown's `![…](… "…")`, a CMS's `<p><img alt>`): its
    /// description as a caption, a credit in its title ("Foto: Reuters") as the caption's credit.
    /// A linked image is a teaser for another page (a list of related stories), not the article's.
    func imageCaption(in paragraph: xmlNodePtr) -> ImportedArticle.Caption? {
        guard let image = first(in: paragraph, named: "img"), first(in: paragraph, named: "a") == nil, !isDecoration(image) else { return nil }
        func collapsed(_ name: String) -> String {
            (attribute(image, name) ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let (alt, title) = (collapsed("alt"), collapsed("title"))
        let credit = LineKind.credit(in: title)
        let text = alt.isEmpty && credit == nil ? title : alt
        return text.isEmpty ? nil : .init(text: text, credit: credit ?? "")
    }

    func caption(of figure: xmlNodePtr) -> ImportedArticle.Caption? {
        let image = first(in: figure, named: "img")
        let alt = image.flatMap { isDecoration($0) ? nil : attribute($0, "alt") } ?? ""
        guard let figcaption = first(in: figure, named: "figcaption") else {
            return alt.isEmpty ? nil : .init(text: alt, credit: "")
        }
        var creditNodes: [xmlNodePtr] = []
        all(in: figcaption, matching: { node in
            let marker = ((attribute(node, "class") ?? "") + " " + String(cString: node.pointee.name)).lowercased()
            return ["credit", "copyright", "source", "quelle", "small", "cite"].contains { marker.contains($0) }
        }, into: &creditNodes)
        var credit = creditNodes.first.map(text) ?? ""
        var caption = text(figcaption)
        // A credit written into the caption's text: "Biden greets Xi. (AP Photo/Evan Vucci)",
        // "Überflutete Straße. Foto: Credit: Reuters/…".
        if credit.isEmpty, let (text, given) = LineKind.captionWithCredit(caption) {
            (caption, credit) = (text, given)
        } else if credit.isEmpty, let label = [" Foto: ", " Photo: ", " Bild: ", " Credit: ", " Image: ", " ©"].compactMap({ caption.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            credit = String(caption[caption.index(after: label.lowerBound)...])
            caption = String(caption[..<label.lowerBound])
        }
        if !credit.isEmpty { caption = caption.replacingOccurrences(of: credit, with: "").trimmingCharacters(in: .whitespaces) }
        for prefix in ["Foto:", "Bild:", "©"] where caption.hasSuffix(prefix) {
            caption = String(caption.dropLast(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        // "(Bild: Hersteller)", "Foto: Credit: Reuters/…": the credit without its labels.
        var cleanedCredit = Substring(credit)
        if cleanedCredit.hasPrefix("("), cleanedCredit.hasSuffix(")") { cleanedCredit = cleanedCredit.dropFirst().dropLast() }
        for prefix in ["Quelle:", "Source:"] where cleanedCredit.hasPrefix(prefix) { cleanedCredit = cleanedCredit.dropFirst(prefix.count) }
        let trimmed = cleanedCredit.trimmingCharacters(in: .whitespaces)
        return .init(text: caption.isEmpty ? alt : caption, credit: LineKind.credit(in: trimmed) ?? trimmed)
    }

    /// Whether the page hides an element from sight: text for screen readers only ("Media
    /// caption", "Image copyright" labels), by the classes sites use for it, or `hidden`.
    func isHidden(_ node: xmlNodePtr) -> Bool {
        if attribute(node, "hidden") != nil { return true }
        guard let classes = attribute(node, "class")?.lowercased() else { return false }
        return Self.hiddenMarkers.contains { classes.contains($0) }
    }

    static let hiddenMarkers = ["off-screen", "offscreen", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader", "screenreader",
                                "element-invisible", "u-hidden-visually"]

    /// Whether an image is drawn as a rule or spacer (`height="2"`): its text is no caption.
    func isDecoration(_ image: xmlNodePtr) -> Bool {
        ["width", "height"].contains { attribute(image, $0).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { $0 < 10 } ?? false }
    }

    func isAd(_ node: xmlNodePtr) -> Bool {
        let marker = ((attribute(node, "class") ?? "") + " " + (attribute(node, "id") ?? "")).lowercased()
        if marker.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).contains(where: { $0 == "ad" || $0 == "ads" }) { return true }
        return Self.skippedMarkers.contains { marker.contains($0) }
    }

    /// The element's text with whitespace collapsed, skipping scripts and the like inside it.
    func text(_ node: xmlNodePtr) -> String {
        var pieces = ""
        func walk(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
                    if let content = current.pointee.content { pieces += String(cString: content) }
                } else if current.pointee.type == XML_ELEMENT_NODE {
                    let name = String(cString: current.pointee.name).lowercased()
                    if name == "br" { pieces += " " } else if !Self.skippedElements.contains(name), !isHidden(current) { walk(current) }
                }
                child = current.pointee.next
            }
        }
        walk(node)
        return pieces.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            .precomposedStringWithCanonicalMapping
    }

    /// Text whose entities were escaped twice by the page (`content="&amp;quot;Blue House&amp;quot;"`
    /// reads `&quot;Blue House&quot;` once parsed): the entities decoded, with libxml2's table.
    func decodingEntities(_ text: String) -> String {
        guard text.contains("&"), text.contains(";") else { return text }
        var result = "", rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                result.append("&")
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semicolon]
            var scalar: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
            } else if let entity = htmlEntityLookup(String(name)) {
                scalar = Unicode.Scalar(entity.pointee.value)
            }
            if let scalar, scalar.value != 0 {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }

    func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { dossier_xml_free(value) }
        return String(cString: value)
    }

    func first(in node: xmlNodePtr, named name: String) -> xmlNodePtr? {
        var found: [xmlNodePtr] = []
        all(in: node, matching: { String(cString: $0.pointee.name).lowercased() == name }, into: &found, limit: 1)
        return found.first
    }

    func all(in node: xmlNodePtr, named name: String, into found: inout [xmlNodePtr]) {
        all(in: node, matching: { String(cString: $0.pointee.name).lowercased() == name }, into: &found)
    }

    func all(in node: xmlNodePtr, matching predicate: (xmlNodePtr) -> Bool, into found: inout [xmlNodePtr], limit: Int = .max) {
        var child = node.pointee.children
        while let current = child, found.count < limit {
            if current.pointee.type == XML_ELEMENT_NODE {
                if predicate(current) { found.append(current) }
                all(in: current, matching: predicate, into: &found, limit: limit)
            }
            child = current.pointee.next
        }
    }
}
