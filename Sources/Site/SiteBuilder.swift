import Entities
import Foundation
import Markdown
import Templating

/// Builds `site/` from `content/` in named stages: load -> convert -> index -> render -> write.
///
///     let report = try SiteBuilder(options: .init(content: contentURL, output: siteURL)).build()
///     print(report.summary)
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var content: URL
        /// The dossier's templates; built-in ones fill in what it lacks. Nil: built-ins only.
        public var templates: URL?
        public var output: URL
        public var search: SearchIndexer?
        /// Converts and renders on one core instead of all; the output is the same.
        public var serially: Bool

        public init(content: URL, templates: URL? = nil, output: URL, search: SearchIndexer? = nil, serially: Bool = false) {
            self.content = content
            self.templates = templates
            self.output = output
            self.search = search
            self.serially = serially
        }
    }

    /// What a build wrote and how long each stage took.
    public struct Report: Sendable {
        public var pagesByKind: [(kind: String, count: Int)]
        public var timings: [(stage: String, seconds: Double)]
        /// Non-fatal problems, like a language without built-in interface words.
        public var warnings: [String]

        public var summary: String {
            pagesByKind.map { "\($0.count) \($0.kind)" }.joined(separator: ", ")
        }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    @discardableResult
    public func build() throws -> Report {
        var timings: [(String, Double)] = []
        func timed<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try work()
            timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return result
        }
        try OutputFolder.check(options)
        let (content, library) = try timed("load") { try load(articles: false) }
        let files = try Content.articleFiles(in: options.content)
        let contentName = options.content.lastPathComponent
        var paths: [String] = []
        try SiteWriter(output: options.output).write { emit in
            // Article pages need no other article: each is written as soon as it is converted,
            // and only what entity pages and indexes need of it stays in memory.
            let articlePages = PageBuilder(content: content, index: MentionIndex([], registry: content.registry))
            let converter = Self.converter(for: content)
            let newest = NewestBodies(limit: PageBuilder.feedEntries)
            let converted = try timed("convert") {
                try files.concurrentMap(serially: options.serially) { file -> ConvertedArticle in
                    let (converted, html) = try converter.convert(try Content.loadArticle(file, contentName: contentName))
                    let (path, bytes) = try render(articlePages.article(converted, html: html), library)
                    try emit(path, bytes)
                    newest.offer(converted, html: html)
                    return converted
                }
            }
            let index = timed("index") { MentionIndex(converted, registry: content.registry) }
            var pages = PageBuilder(content: content, index: index)
            pages.feedBodies = newest.bodies
            paths = try converted.map { SitePaths.article($0.article.slug) } + timed("render") { try render(pages, library, emit: emit) }
        } finish: { staging in
            try timed("search") { try options.search?.index(staging) }
        }
        var warnings: [String] = []
        if Localization(language: content.config.language).language != content.config.language {
            warnings.append("content/dossier.yml: language '\(content.config.language)' has no built-in interface words; using English")
        }
        return Report(pagesByKind: Self.count(paths), timings: timings, warnings: warnings)
    }
}

extension SiteBuilder {
    func load(articles: Bool = true) throws -> (Content, TemplateLibrary) {
        (try Content.load(from: options.content, articles: articles), try library())
    }

    /// The built-in templates, overridden by the dossier's `Templates/`; fails with every
    /// template problem at once.
    func library() throws -> TemplateLibrary {
        var problems: [TemplateError] = []
        let library = try library(problems: &problems)
        try SourceErrors.throwIfAny(problems.map(SourceError.init))
        return library
    }

    /// The library as `library()` makes it, each problem added to `problems`; a template that
    /// does not parse is replaced by the built-in one of its name, if there is one.
    func library(problems: inout [TemplateError]) throws -> TemplateLibrary {
        var library = try Theme.library()
        if let templates = options.templates, FileManager.default.fileExists(atPath: templates.path) {
            library = try TemplateLibrary(directory: templates, displayPrefix: templates.lastPathComponent, fallback: library, problems: &problems)
        }
        problems += library.referenceProblems()
        return library
    }

    /// Built-in assets, overridden and extended by the dossier's `Templates/assets/`.
    func assets() throws -> [(name: String, bytes: [UInt8])] {
        var assets = Theme.assets
        if let folder = options.templates?.resolvingSymlinksInPath().appendingPathComponent("assets"),
           let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            let root = folder.standardizedFileURL.path + "/"
            for case let file as URL in enumerator where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                assets[String(file.standardizedFileURL.path.dropFirst(root.count))] = Array(try Data(contentsOf: file))
            }
        }
        return assets.keys.sorted().map { ($0, assets[$0]!) }
    }

    /// Renders one page; with search on, the page gets the search box.
    func render(_ page: Page, _ library: TemplateLibrary) throws -> (path: String, bytes: [UInt8]) {
        var model = page.model
        if options.search != nil, case .object(var fields) = model {
            fields["search"] = true
            model = .object(fields)
        }
        // Entity and article pages run to tens of kilobytes: room for most at once.
        return (page.path, try library.renderBytes(page.template, model, capacity: 96 * 1024))
    }

    static func converter(for content: Content) -> Converter {
        Converter(registry: content.registry, renderer: MarkdownRenderer(allowsRawHTML: content.config.allowsRawHTML),
                  strings: Localization(language: content.config.language))
    }
}

private extension SiteBuilder {
    /// Renders every page and asset, handing each file to `emit` as soon as it is made.
    func render(_ pages: PageBuilder, _ library: TemplateLibrary, emit: @Sendable (String, [UInt8]) throws -> Void) throws -> [String] {
        // One-of-a-kind pages first: the sitemap and the feed are large, and last in line they
        // would be rendered while the other cores wait. Entity pages then by the first article
        // they list: the cores work on pages that read the same articles, which are then still
        // in the cache, rather than each entity's pages reading all articles in turn.
        let all = pages.jobs()
        let entityPages = all.filter(\.isEntityPage).map { (job: $0, first: pages.firstListed(by: $0)) }
        let jobs = all.filter { !$0.isEntityPage } + entityPages.sorted { $0.first < $1.first }.map(\.job)
        let paths = try jobs.concurrentMap(serially: options.serially) { job -> String in
            let (path, bytes) = try render(pages.page(for: job), library)
            try emit(path, bytes)
            return path
        }
        let assets = try assets()
        for asset in assets { try emit("assets/\(asset.name)", asset.bytes) }
        return paths + assets.map { "assets/\($0.name)" }
    }

    static func count(_ paths: [String]) -> [(kind: String, count: Int)] {
        // Bytes compared, not characters: a site has tens of thousands of paths.
        func starts(_ path: String, _ prefix: String) -> Bool { path.utf8.starts(with: prefix.utf8) }
        func ends(_ path: String, _ suffix: String) -> Bool { path.utf8.reversed().starts(with: suffix.utf8.reversed()) }
        let kinds: [(String, (String) -> Bool)] = [
            ("articles", { starts($0, "articles/") }),
            ("persons", { starts($0, "persons/") && !ends($0, "index.html") }),
            ("places", { starts($0, "places/") && !ends($0, "index.html") }),
            ("orgs", { starts($0, "orgs/") && !ends($0, "index.html") }),
            ("other pages", { !starts($0, "assets/") && ends($0, ".html") && !starts($0, "articles/") && (!$0.utf8.contains(UInt8(ascii: "/")) || ends($0, "index.html")) }),
            ("assets and feeds", { starts($0, "assets/") || ends($0, ".xml") }),
        ]
        return kinds.map { kind, matches in (kind, paths.filter(matches).count) }
    }
}
