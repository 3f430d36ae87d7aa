import Entities
import Foundation

/// What a page says of its article in schema.org's JSON-LD (`<script type="application/ld+json">`),
/// as almost every news site prints it for search engines: the headline, when it was published,
/// its authors, the outlet that publishes it, its summary and its address.
///
///     {"@type": "NewsArticle", "headline": "…", "datePublished": "2023-09-13T07:42:00Z",
///      "author": [{"@type": "Person", "name": "Guy Faulconbridge"}],
///      "publisher": {"@type": "Organization", "name": "Reuters"}, "url": "https://…"}
///
/// The first object of an article's type counts, at the top, in a list or in `@graph`. What
/// is not valid JSON, or names no article, gives nothing; nothing here is taken without a check
/// (dates as the build reads them, authors as bylines name people, addresses as web addresses).
struct LinkedData: Equatable {
    var headline = ""
    /// `datePublished`; `dateCreated`, which some sites fill from their systems, only where the
    /// page gives no other date.
    var date = "", created = ""
    var authors: [String] = []
    var publisher = ""
    var summary = ""
    var url: String?

    /// The types of schema.org that are an article.
    static let articleTypes: Set<String> = ["Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                                            "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "Report", "BlogPosting",
                                            "LiveBlogPosting", "SatiricalArticle", "ScholarlyArticle"]

    /// The article that the scripts' JSON-LD describe; nil when none does.
    init?(scripts: [String]) {
        guard let object = scripts.lazy.compactMap({ Self.articleObject(in: $0) }).first else { return nil }
        headline = Self.text(object["headline"]) ?? Self.text(object["name"]) ?? ""
        date = Self.text(object["datePublished"]).flatMap(DateLine.date(inStamp:)) ?? ""
        created = Self.text(object["dateCreated"]).flatMap(DateLine.date(inStamp:)) ?? ""
        authors = Self.people(object["author"] ?? object["creator"])
        publisher = Self.names(object["publisher"]).first ?? ""
        summary = Self.text(object["description"]) ?? ""
        url = [object["url"], object["mainEntityOfPage"]].lazy.compactMap { Self.address($0) }.first
    }

    /// The first object of an article's type in one script's JSON; nil if there is none or the
    /// script is not JSON.
    static func articleObject(in script: String) -> [String: Any]? {
        guard let data = script.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        var pending: [Any] = [json]
        var visited = 0
        // Breadth first, so the page's own article comes before one it mentions; bounded, as a page may be anything.
        while !pending.isEmpty, visited < 1_000 {
            let next = pending.removeFirst()
            visited += 1
            if let list = next as? [Any] {
                pending += list
            } else if let object = next as? [String: Any] {
                if isArticle(object) { return object }
                if let graph = object["@graph"] { pending.append(graph) }
            }
        }
        return nil
    }

    static func isArticle(_ object: [String: Any]) -> Bool {
        let types = (object["@type"] as? [Any] ?? [object["@type"] as Any]).compactMap { $0 as? String }
        return types.contains { articleTypes.contains($0.split(separator: "/").last.map(String.init) ?? $0) }
    }

    /// A value's text, whitespace collapsed: a string, or the first of a list of strings.
    static func text(_ value: Any?) -> String? {
        let string = value as? String ?? (value as? [Any])?.lazy.compactMap { $0 as? String }.first
        guard let words = string?.split(whereSeparator: \.isWhitespace), !words.isEmpty else { return nil }
        return words.joined(separator: " ")
    }

    /// The names a value gives: a name, an object with one, or a list of those.
    static func names(_ value: Any?) -> [String] {
        if let list = value as? [Any] { return list.flatMap { names($0) } }
        if let object = value as? [String: Any] { return text(object["name"]).map { [$0] } ?? [] }
        return text(value).map { [$0] } ?? []
    }

    /// The people among the names a value gives: objects typed as an organisation are the
    /// outlet's, and a name counts only as a byline would name a person, not a desk ("Our
    /// Foreign Staff" does not).
    static func people(_ value: Any?) -> [String] {
        let entries = value as? [Any] ?? (value.map { [$0] } ?? [])
        var people: [String] = []
        for entry in entries {
            if let object = entry as? [String: Any], let type = object["@type"] as? String, type != "Person" { continue }
            for name in names(entry) {
                let found = Byline.authors(in: name) ?? Byline.names(in: Substring(name)) ?? []
                people += found.filter { !people.contains($0) && !Byline.isDesk($0) }
            }
        }
        return people
    }

    /// A web address a value gives: a string, or an object's `@id` or `url`.
    static func address(_ value: Any?) -> String? {
        let object = value as? [String: Any]
        guard let text = text(object?["@id"]) ?? text(object?["url"]) ?? text(value), WebAddress.problem(with: text) == nil else { return nil }
        return text
    }
}
