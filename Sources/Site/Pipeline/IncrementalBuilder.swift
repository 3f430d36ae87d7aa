import Entities
import Foundation

/// `dossier serve`'s builds: one kept `Pipeline` run after every change into the output in
/// place, doing only the work the change needs (see `Pipeline`). Only files whose bytes changed
/// are written (each atomically); pages that no longer exist are removed. The result equals a
/// clean build, byte for byte, but for the search index: Pagefind reads the whole site, so the
/// caller runs `options.search` when it suits it.
///
///     let builder = IncrementalBuilder(options: options)
///     try builder.rebuild()   // first call: everything
///     try builder.rebuild()   // later calls: what changed since
public final class IncrementalBuilder: @unchecked Sendable {
    /// What one rebuild did.
    public struct Outcome: Sendable {
        public var written: [String] = []
        public var removed: [String] = []
        public var rendered = 0
        public var renderedEverything = false
        public var seconds = 0.0
    }

    public let options: SiteBuilder.Options
    private let pipeline: Pipeline
    private let output: PreviewOutput

    public init(options: SiteBuilder.Options) {
        self.options = options
        pipeline = Pipeline(options: options, mode: .serve)
        output = PreviewOutput(output: options.output)
    }

    /// The content files added, changed or removed since the last rebuild (all before the
    /// first), by path relative to `content/`; the next rebuild starts from this look.
    public func changedFiles() -> Set<String> { pipeline.changedFiles() }

    /// Forgets the look `changedFiles()` took, after writing content files.
    public func discardScan() { pipeline.discardScan() }

    /// Brings the output up to date with the content; throws, leaving the output as it was, on bad input.
    /// `registry`: the registry as the caller just loaded it from `content/entities/`, to save
    /// reading it twice.
    @discardableResult
    public func rebuild(registry: Registry? = nil) throws -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        output.startRun()
        let run = try pipeline.run(into: output, registry: registry)
        return Outcome(written: output.written.sorted(), removed: run.removed, rendered: run.rendered, renderedEverything: run.renderedEverything,
                       seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
