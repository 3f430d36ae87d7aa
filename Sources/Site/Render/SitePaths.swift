import Entities
import Foundation

/// Where each page lives in `site/`, and relative links between pages.
///
/// Every link is relative so the site works under any sub-path and from `file://`:
///
///     SitePaths.relative(from: "persons/wladimir-putin.html", to: "articles/a.html")  // "../articles/a.html"
public enum SitePaths {
    static let home = "index.html"
    static let notFound = "404.html"
    static let search = "search.html"
    static let feed = "feed.xml"
    static let sitemap = "sitemap.xml"
    static let stylesheet = "assets/style.css"
    static let timeline = "timeline.html"
    static let quotes = "quotes.html"
    static let shared = "shared.html"
    static let map = "map.html"
    static let network = "network.html"
    static let dossierData = "data/dossier.json"
    static let entityPreviews = "data/entities.js"

    /// Whether `address` leads somewhere in the site from the page it stands on: no scheme
    /// ("https:", "mailto:"), not from the server's root ("/…") and not a fragment of the page.
    public static func isRelative(_ address: some StringProtocol) -> Bool {
        !address.isEmpty && !address.hasPrefix("/") && !address.hasPrefix("#") && !address.prefix { $0 != "/" }.contains(":")
    }

    /// Where the 404 page's links start: the path of `baseURL` ("/dossier/"), or "" (relative).
    public static func notFoundRoot(baseURL: String?) -> String {
        guard let baseURL, let components = URLComponents(string: baseURL), components.host != nil else { return "" }
        let path = components.percentEncodedPath
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// Page `page` of one speaker's quotes (by id; ids are unique across types).
    static func speakerQuotes(_ id: String, page: Int = 1) -> String {
        page == 1 ? "quotes/\(id).html" : "quotes/\(id)/\(page).html"
    }

    /// The mentions of an article, as JSON.
    static func articleData(_ slug: String) -> String { "data/articles/\(slug).json" }
    static let articlesTable = "data/articles.csv"
    static let entitiesTable = "data/entities.csv"
    static let mentionsTable = "data/mentions.csv"

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

    /// The Atom feed of the articles that mention an entity.
    static func entityFeed(_ type: EntityType, _ id: String) -> String { "feeds/\(folder(type))/\(id).xml" }

    /// The Atom feed of an outlet's articles, whose page is at `outletPage` (`outlets/x.html`).
    static func outletFeed(_ outletPage: String) -> String { "feeds/" + outletPage.dropLast(".html".count) + ".xml" }

    /// The page comparing the outlets.
    static let outlets = "outlets/index.html"

    /// The page of the outlet `name` (an empty name: the articles without an outlet). Names
    /// with the same slug share a page; no outlet's page is the comparison or the unknown one's.
    static func outlet(_ name: String) -> String {
        if name.isEmpty { return "outlets/unknown.html" }
        let slug = slugLock.withLock { outletSlugs[name] } ?? {
            let made = Slug.make(name)
            slugLock.withLock { outletSlugs[name] = made }
            return made
        }()
        return ["", "index", "unknown"].contains(slug) ? "outlets/outlet-\(slug.isEmpty ? "x" : slug).html" : "outlets/\(slug).html"
    }

    /// Slugs of outlet names made so far: `Slug.make` folds each character through ICU, and
    /// every article page links its outlet.
    private nonisolated(unsafe) static var outletSlugs: [String: String] = [:]
    private static let slugLock = NSLock()

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
