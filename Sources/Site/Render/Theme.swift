import Foundation
import Templating

/// The default theme compiled into the binary, used where a dossier has no `Templates/`.
///
/// The files live in `Sources/Site/Theme/` (the repository's `Templates/` points there); SwiftPM
/// embeds them as bytes, so the binary works wherever it is copied.
enum Theme {
    static let templates: [String: [UInt8]] = [
        "layout": PackageResources.layout_mustache,
        "home": PackageResources.home_mustache,
        "article": PackageResources.article_mustache,
        "entity": PackageResources.entity_mustache,
        "person": PackageResources.person_mustache,
        "place": PackageResources.place_mustache,
        "org": PackageResources.org_mustache,
        "entity-index": PackageResources.entity_index_mustache,
        "outlets": PackageResources.outlets_mustache,
        "outlet": PackageResources.outlet_mustache,
        "timeline": PackageResources.timeline_mustache,
        "quotes": PackageResources.quotes_mustache,
        "speaker-quotes": PackageResources.speaker_quotes_mustache,
        "shared": PackageResources.shared_mustache,
        "map": PackageResources.map_mustache,
        "network": PackageResources.network_mustache,
        "not-found": PackageResources.not_found_mustache,
        "search": PackageResources.search_mustache,
        "feed": PackageResources.feed_mustache,
        "sitemap": PackageResources.sitemap_mustache,
        // A partial: a date as pages show one, a `<time>` when it is known.
        "date": PackageResources.date_mustache,
        // A partial: a quote as lists show one, linked to its spot, with its article.
        "quote": PackageResources.quote_mustache,
        // A partial: the links between the pages of a long list (an entity's mentions, a
        // speaker's quotes).
        "pagination": PackageResources.pagination_mustache,
    ]

    /// Files copied to `site/assets/`.
    static let assets: [String: [UInt8]] = [
        "style.css": PackageResources.style_css,
        "preview.js": PackageResources.preview_js,
        "search.js": PackageResources.search_js,
        "favicon.svg": PackageResources.favicon_svg,
    ]

    static func library() throws -> TemplateLibrary {
        try TemplateLibrary(sources: templates.mapValues { String(decoding: $0, as: UTF8.self) }, path: { "(built-in)/\($0).mustache" })
    }
}
