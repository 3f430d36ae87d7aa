private import CPrefetch

/// Asking for an article's data to be brought into the cache before it is read.
///
/// Entity pages and overviews read a little of many articles scattered over the heap: for each,
/// the object, then the positions of the entity's mentions, then the mentions, then their text,
/// each address known only once the one before has arrived. Asked for ahead, stage by stage,
/// the cache misses of many articles overlap instead of following one another. A prefetch is a
/// hint: it reads nothing and changes nothing, so the stages only need the addresses.
extension ConvertedArticle {
    /// Everything listing `groups` on a page reads (positions, mentions, sentences, summaries),
    /// in four rounds over the page's articles (positions in `articles`). Articles are read in
    /// place, not bound: counting a reference writes to memory that may not have arrived.
    static func prefetch(_ groups: ArraySlice<MentionIndex.Group>, of articles: [ConvertedArticle]) {
        for group in groups { prefetchFields(of: articles, Int(group.article)) }
        for group in groups { articles.withArticle(Int(group.article)) { $0.prefetchStarts(of: group.run) } }
        for group in groups { articles.withArticle(Int(group.article)) { $0.prefetchMentions(of: group.run) } }
        for group in groups { articles.withArticle(Int(group.article)) { $0.prefetchText(of: group.run, whole: true) } }
    }

    /// Stage one: the first fields of the object `articles[position]`, from `text` to `outlet`
    /// (which hold where its buffers are), in its first three cache lines.
    static func prefetchFields(of articles: [ConvertedArticle], _ position: Int) {
        prefetchFields(at: reference(in: articles, position))
    }

    /// Stage two: the start of the positions of `run`'s mentions, of the mentions, of the text
    /// and of the summaries. Also the positions' count, before their elements, which every
    /// read of one checks against: a run far into the array starts on another cache line.
    func prefetchStarts(of run: Run) {
        Self.prefetch(Self.start(of: grouped), offset: -MemoryLayout<Int>.stride)
        Self.prefetch(Self.start(of: grouped), offset: Int(run.start) * MemoryLayout<Int32>.stride)
        Self.prefetch(Self.start(of: mentions), offset: 0)
        Self.prefetch(Self.start(of: text), offset: 0)
        Self.prefetch(Self.start(of: listing), offset: 0)
    }

    /// Stage three: the mentions of `run` (their positions arrived in stage two), and the rest
    /// of the summaries (their length arrived with their start).
    func prefetchMentions(of run: Run) {
        listing.withUnsafeBufferPointer { listing in
            for line in stride(from: 64, to: listing.count, by: 64) { dossier_prefetch(listing.baseAddress! + line) }
        }
        grouped.withUnsafeBufferPointer { grouped in
            mentions.withUnsafeBufferPointer { mentions in
                for position in grouped[Int(run.start)..<Int(run.start + run.count)] { dossier_prefetch(mentions.baseAddress! + Int(position)) }
            }
        }
    }

    /// Stage four: the text of `run`'s mentions, their whole sentences if `whole` (the mentions
    /// arrived in stage three).
    func prefetchText(of run: Run, whole: Bool) {
        grouped.withUnsafeBufferPointer { grouped in
            mentions.withUnsafeBufferPointer { mentions in
                text.withUnsafeBufferPointer { text in
                    guard let base = text.baseAddress else { return }
                    for position in grouped[Int(run.start)..<Int(run.start + run.count)] {
                        let mention = mentions[Int(position)]
                        let range = whole ? mention.sentence : mention.mark
                        for line in stride(from: range.lowerBound, to: range.upperBound, by: 64) { dossier_prefetch(base + line) }
                    }
                }
            }
        }
    }
}

extension [ConvertedArticle] {
    /// `body` with the article at `position`, read without counting a reference to it (the
    /// array holds it meanwhile). Pages on both cores read the same articles: counting
    /// references writes to each article's first cache line, which the other core then reads
    /// again, and to a line that may not have arrived yet (`prefetch`). For loops over many
    /// articles; `body` must not keep the article.
    @inline(__always)
    func withArticle<Result>(_ position: Int, _ body: (ConvertedArticle) throws -> Result) rethrows -> Result {
        try Unmanaged.passUnretained(self[position])._withUnsafeGuaranteedRef(body)
    }
}

private extension ConvertedArticle {
    static func prefetchFields(at object: UnsafeRawPointer) {
        for line in 0..<3 { dossier_prefetch(object + line * 64) }
    }

    /// The article that starts `elements[index]` (an article, or a tuple whose first member is
    /// one) as the address it is: taken as an object, counting a reference to it would write to
    /// it before it has arrived.
    static func reference<Element>(in elements: [Element], _ index: Int) -> UnsafeRawPointer {
        elements.withUnsafeBufferPointer {
            UnsafeRawPointer($0.baseAddress!).load(fromByteOffset: index * MemoryLayout<Element>.stride, as: UnsafeRawPointer.self)
        }
    }

    /// Where an array's elements start, as a hint for the cache only: nothing reads through it.
    @inline(__always)
    static func start<Element>(of array: [Element]) -> UnsafeRawPointer? {
        array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @inline(__always)
    static func prefetch(_ start: UnsafeRawPointer?, offset: Int) {
        if let start { dossier_prefetch(start + offset) }
    }
}
