import Entities
import Foundation
import Markdown
import SourceText
import Templating

/// `dossier build`: one run of the `Pipeline` into a staging folder swapped in whole.
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
        try OutputFolder.check(options)
        try Content.requireFolders(of: options.content)
        let search = options.search
        var searchSeconds = 0.0
        let writer = try SiteWriter(output: options.output) { staging in
            let start = DispatchTime.now().uptimeNanoseconds
            try search?.index(staging)
            searchSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        var pipeline: Pipeline? = Pipeline(options: options, mode: .build)
        let run = try pipeline!.run(into: writer)
        // What the build kept (every converted article, the index) is let go on another thread:
        // freeing it takes tens of milliseconds at 10,000 articles, which no one need wait for.
        let kept = Unmanaged.passRetained(pipeline!)
        pipeline = nil
        DispatchQueue.global(qos: .utility).async { kept.release() }
        var timings = run.timings
        if search != nil {
            // The search index is made inside the write stage, before the swap.
            if let write = timings.firstIndex(where: { $0.stage == "write" }) { timings[write].seconds -= searchSeconds }
            timings.append(("search", searchSeconds))
        }
        return Report(pagesByKind: run.pagesByKind, timings: timings, warnings: run.warnings)
    }
}

extension SiteBuilder {
    /// The built-in templates, overridden by the dossier's `Templates/`, each problem added to
    /// `problems`; a template that does not parse is replaced by the built-in one of its name.
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

    static func converter(for content: Content) -> Converter {
        Converter(registry: content.registry, renderer: MarkdownRenderer(allowsRawHTML: content.config.allowsRawHTML),
                  strings: Localization(language: content.config.language), language: content.config.language)
    }
}

extension SiteBuilder {
    /// How many of `paths` are pages of each kind the build report names.
    static func count(_ paths: [String]) -> [(kind: String, count: Int)] {
        // Bytes compared, not characters: a site has tens of thousands of paths.
        func starts(_ path: String, _ prefix: String) -> Bool { path.utf8.starts(with: prefix.utf8) }
        func ends(_ path: String, _ suffix: String) -> Bool { path.utf8.reversed().starts(with: suffix.utf8.reversed()) }
        let kinds: [(String, (String) -> Bool)] = [
            ("articles", { starts($0, "articles/") }),
            ("persons", { starts($0, "persons/") && $0 != SitePaths.index(.person) }),
            ("places", { starts($0, "places/") && $0 != SitePaths.index(.place) }),
            ("orgs", { starts($0, "orgs/") && $0 != SitePaths.index(.org) }),
            ("outlets", { starts($0, "outlets/") && $0 != SitePaths.outlets }),
            ("speakers' quotes", { starts($0, "quotes/") }),
            ("other pages", { !starts($0, "assets/") && ends($0, ".html") && !starts($0, "articles/") && (!$0.utf8.contains(UInt8(ascii: "/")) || ends($0, "/index.html")) }),
            ("assets and feeds", { starts($0, "assets/") || ends($0, ".xml") }),
        ]
        return kinds.map { kind, matches in (kind, paths.filter(matches).count) }
    }
}
