import Entities

/// Where each page lives in `site/`, and relative links between pages.
///
/// Every link is relative so the site works under any sub-path and from `file://`:
///
///     SitePaths.relative(from: "persons/wladimir-putin.html", to: "articles/a.html")  // "../articles/a.html"
enum SitePaths {
    static let home = "index.html"
    static let notFound = "404.html"
    static let feed = "feed.xml"
    static let sitemap = "sitemap.xml"
    static let stylesheet = "assets/style.css"

    static func folder(_ type: EntityType) -> String {
        switch type {
        case .person: "persons"
        case .place: "places"
        case .org: "orgs"
        }
    }

    static func article(_ slug: String) -> String { "articles/\(slug).html" }

    static func entity(_ type: EntityType, _ id: String, page: Int = 1) -> String {
        page == 1 ? "\(folder(type))/\(id).html" : "\(folder(type))/\(id)/\(page).html"
    }

    static func index(_ type: EntityType) -> String { "\(folder(type))/index.html" }

    /// The prefix that leads from `page` back to the site root: "" or "../" per folder level.
    static func root(of page: String) -> String {
        String(repeating: "../", count: depth(of: page))
    }

    /// How many folders deep `page` is.
    static func depth(of page: String) -> Int {
        var depth = 0
        for byte in page.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        return depth
    }

    static func relative(from page: String, to target: String) -> String {
        root(of: page) + target
    }
}
