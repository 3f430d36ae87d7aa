import Articles
import Entities
import Foundation
import SourceText
import Templating

/// The one way a site is made, in named stages: load -> convert -> index -> render -> write.
///
/// `dossier build` runs it once into a `SiteWriter`, `dossier check` once into a
/// `LinkCollector` with problems collected rather than thrown, and `dossier serve` keeps one
/// and runs it after every change into a `PreviewOutput`. A kept pipeline redoes only what a
/// change needs: it loads the files whose stamps changed, converts the articles that changed
/// (all of them when the settings or the entities' names change), updates the mention index,
/// and makes again exactly the pages that read an input whose fingerprint changed: each page
/// notes what it reads while it is made (`PageInputs`, `Reads`), so a new page kind or field
/// needs no invalidation code. The result equals a clean build byte for byte.
final class Pipeline: @unchecked Sendable {
    enum Mode: Sendable {
        /// One run; pages are made once, nothing is recorded.
        case build
        /// Runs after each change; what pages read is recorded.
        case serve
        /// One run that collects every problem instead of stopping at the first.
        case check
    }

    /// What one run did.
    struct Run: Sendable {
        /// How many pages of each kind a build made (`SiteBuilder.count`, for its report):
        /// counted when the pages are listed, not kept as paths while they are made.
        var pagesByKind: [(kind: String, count: Int)] = []
        var rendered = 0
        var renderedEverything = false
        var removed: [String] = []
        var timings: [(stage: String, seconds: Double)] = []
        var warnings: [String] = []
        /// In `check` mode: every problem met, the articles read and the registry.
        var problems: [SourceError] = []
        var templateProblems: [TemplateError] = []
        var articles: [Article] = []
        var registry = Registry([])
        var settings = DossierConfig()
    }

    let options: SiteBuilder.Options
    let mode: Mode
    var state = State()
    /// The file stamps `changedFiles()` found and what changed, which the next run starts from.
    private var scanned: (stamps: [String: FileStamp], changed: Set<String>)?

    init(options: SiteBuilder.Options, mode: Mode) {
        self.options = options
        self.mode = mode
    }

    /// The files (relative to `content/`, templates as `Templates/…`) added, changed or removed
    /// since the last run; the next run starts from this scan (`discardScan()` if files were
    /// written since).
    func changedFiles() -> Set<String> {
        let current = scan()
        var changed = Set<String>()
        for (path, stamp) in current where state.isFirstRun || state.stamps[path] != stamp { changed.insert(path) }
        // Every earlier file is still there when the files that are not new number as many.
        if current.count - changed.count + changed.filter({ state.stamps[$0] != nil }).count != state.stamps.count {
            for path in state.stamps.keys where current[path] == nil { changed.insert(path) }
        }
        scanned = (current, changed)
        return changed
    }

    func discardScan() {
        scanned = nil
    }

    /// Brings `output` up to date with the content. Bad input throws before anything is
    /// written or kept (in `build` mode the staging folder is abandoned, the old site stays);
    /// a later failure (a full disk) leaves a kept pipeline to make every page next time.
    /// `registry`: the registry as the caller just loaded it from `content/entities/` after
    /// `changedFiles()`, to save reading it twice.
    func run(into output: SiteOutput, registry: Registry? = nil) throws -> Run {
        var run = Run()
        let clock = StageClock(workers: options.serially ? 1 : ProcessInfo.processInfo.activeProcessorCount)
        var committed = false
        do {
            if scanned == nil { _ = changedFiles() }
            let (current, changed) = scanned!
            scanned = nil
            // What load and convert made that the state does not keep (a first run's stamp and
            // path of every file, each article's record of its conversion) goes before the index
            // and the pages are made, where the build's memory peaks.
            var samePositions = false
            do {
                let loaded = try clock.time("load") { try load(current, changed: changed, registry: registry, run: &run) }
                let conversions = try convert(loaded, output: output, run: &run, clock: clock)
                commit(loaded, conversions)
                committed = true
                samePositions = loaded.changes.moved == nil && !loaded.changes.converterChanged
            }
            clock.time("index") { index(samePositions: samePositions) }
            try render(output: output, run: &run, clock: clock)
            run.removed = try clock.time("write") { try output.finish(live: state.layoutChanged ? state.live : nil) }
        } catch {
            output.abandon()
            if committed { state.isFirstRun = true }
            throw error
        }
        run.timings = clock.timings
        run.registry = state.registry
        run.settings = state.settings
        let settingsFile = "\(options.content.lastPathComponent)/dossier.yml"
        if Localization(language: state.settings.language).language != state.settings.language {
            run.warnings.append("\(settingsFile): language '\(state.settings.language)' has no built-in interface words; using English")
        }
        let mentions = state.index.mentionTotal
        if !PageBuilder.hasMentionsTable(mentions: mentions) {
            run.warnings.append("data/mentions.csv left out: its \(mentions) rows are more than a spreadsheet holds (\(PageBuilder.spreadsheetRows + 1) with the header); each article's mentions are in data/articles/<slug>.json")
        }
        if !PageBuilder.hasIndexMentions(mentions: mentions) {
            run.warnings.append("data/dossier.json lists no mentions: the dossier has \(mentions), more than it holds (\(PageBuilder.mentionsInIndex)); each article's mentions are in data/articles/<slug>.json")
        }
        if state.settings.baseURL == nil {
            run.warnings.append("\(settingsFile): no base_url, so feed.xml and sitemap.xml carry relative addresses, which feed readers and search engines do not follow; set base_url to the address the site is published at")
        }
        return run
    }
}

extension Pipeline {
    /// What a kept pipeline remembers between runs.
    struct State {
        var stamps: [String: FileStamp] = [:]
        var settings = DossierConfig()
        var registry = Registry([])
        var library: TemplateLibrary?
        var assets: [(name: String, bytes: [UInt8])] = []
        /// Per template name, a fingerprint of its source as the dossier gives it.
        var templatePrints: [String: UInt64] = [:]
        var converter: Converter?
        /// The articles as read, by slug (kept by `serve`, to convert again after a registry change).
        var sources: [String: Article] = [:]
        /// The converted articles by slug.
        var converted: [String: ConvertedArticle] = [:]
        /// Articles converted (or remapped) by the current run, whose fingerprints may have changed.
        var reconverted: [ConvertedArticle] = []
        /// Per slug, the fingerprints of what pages show of the article.
        var articlePrints: [String: ConvertedArticle.Fingerprints] = [:]
        /// The bodies converted this run, for their pages; and those of the feed's articles, kept.
        var bodies: [String: Markup] = [:]
        var index = MentionIndex([], registry: Registry([]))
        /// The entities (registry positions) whose mentions the index stage changed; nil: all.
        var touchedEntities: Set<Int>?
        /// What the current run's commit found: whether the registry changed, the ids it lost,
        /// the slugs of articles removed.
        var registryChanged = true
        var removedIDs: [String] = []
        var removed: [String] = []
        /// Per registry position: the hash of the id (the name of its keys), and fingerprints
        /// of what links show of the entity, of all the registry says, and of its articles.
        var entityKeys: [UInt64] = []
        var entityPrints: [(name: UInt64, details: UInt64)] = []
        var articlesOfEntity: [UInt64] = []
        var byDate: [ConvertedArticle] = []
        /// The passages articles share, found again when an article changed (`sharedChanged`),
        /// and the keys of the articles that had shared passages (whose fingerprints may go).
        var shared = SharedPassages()
        var sharedChanged = true
        /// The slugs of the articles converted or removed this run (not those only remapped to a
        /// new registry: their text is the same); emptied by the index stage, which reads it.
        var textChanged: Set<String> = []
        var sharedKeys: Set<UInt64> = []
        /// The pages of the site (kept by `serve` until pages come or go).
        var layout: Layout?
        var layoutChanged = true
        /// Every file of the site.
        var live: Set<String> = []
        /// Fingerprints of every input of the last run.
        var inputPrints: [InputKey: UInt64] = [:]
        /// Every page path ever made by this pipeline, by number; a number is never given twice,
        /// so lists of readers may keep numbers of pages that are gone (`paths` then holds nil).
        var numbers: [String: Int32] = [:]
        var paths: [String?] = []
        /// Per input, the pages (by number) that read it; per page number, what it read.
        var readers: [InputKey: [Int32]] = [:]
        var reads: [Int32: [InputKey]] = [:]
        var isFirstRun = true
    }

    /// Every page of the site, and a fingerprint of what decides which pages there are.
    struct Layout {
        var print: UInt64
        /// Every file: articles, other pages, assets.
        var paths: [String]
        var jobs: [String: PageBuilder.Job]
    }

    /// What changed since the last run.
    struct Changes {
        var articles: Set<String> = []
        var removedArticles: Set<String> = []
        /// Whether conversion itself changed (settings, the entities' ids, names or types).
        var converterChanged = false
        /// Where each entity of the old registry is in the new one, if the registry changed
        /// without changing what conversion makes (entities added or moved, details edited).
        var moved: [Int]?
        var registryChanged = false
    }

    /// What the load stage read: what changed, and the new settings, registry and templates.
    struct Loaded {
        var changes = Changes()
        var stamps: [String: FileStamp] = [:]
        var settings: DossierConfig
        var registry: Registry
        var library: TemplateLibrary?
        var assets: [(name: String, bytes: [UInt8])]?
        var templatePrints: [String: UInt64]?
    }
}
