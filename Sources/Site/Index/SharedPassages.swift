/// The passages several articles share word for word or nearly, as agency copy does.
///
/// Every sentence of eight words or more is a passage (`Passage`). Passages whose sketches agree
/// in one band are compared by their shingles (`Shingles.similarity`); those at or above
/// `Shingles.threshold` are one passage in several versions, and versions of versions join the
/// same group. Sorting the sketches rather than hashing them keeps this a few passes over
/// flat arrays, also for a dossier of ten thousand articles.
struct SharedPassages: Sendable {
    /// One version of a shared passage: the article (its position in the date order) and which
    /// of its passages.
    struct Version: Sendable, Hashable, Comparable {
        var article: Int32
        var passage: Int32

        static func < (lhs: Version, rhs: Version) -> Bool {
            (lhs.article, lhs.passage) < (rhs.article, rhs.passage)
        }
    }

    /// The groups, each of two articles or more, its versions in date order of their articles;
    /// the groups most widely shared first, then by their first version.
    let groups: [[Version]]
    /// Per article position, its passages that are shared and their group, in text order.
    let ofArticle: [Int32: [(passage: Int32, group: Int32)]]

    /// The shared passages of `articles`, in date order (`MentionIndex.articles`).
    init(_ articles: [ConvertedArticle], serially: Bool = false) {
        let numbers = Numbering(articles)
        // Per band, the passages sorted by their value there: a run of equal values is a set of
        // candidates. Each band on its own core. An entry is the band's value in the upper half
        // and the passage's number in the lower, so that sorting plain numbers sorts by value,
        // then by passage. (A radix sort took 0.15 s less at 10k but needs a second array of
        // all entries per band, which was the build's peak of memory: 5 MB more.)
        // `try!`: the closures here throw nothing.
        let candidates = try! Array(0..<Shingles.bands).concurrentMap(serially: serially) { band -> [UInt64] in
            var entries: [UInt64] = []
            entries.reserveCapacity(Int(numbers.count))
            for (position, article) in articles.enumerated() {
                let first = UInt64(numbers.starts[position])
                for (number, passage) in article.passages.enumerated() {
                    entries.append(UInt64(Shingles.band(band, of: passage.sketch)) << 32 | (first + UInt64(number)))
                }
            }
            entries.sort()
            var pairs: [UInt64] = []
            var run: [(number: UInt64, article: Int32, sketch: SIMD16<UInt16>)] = []
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count, entries[end] >> 32 == entries[start] >> 32 { end += 1 }
                guard end - start > 1 else { start = end; continue }
                // Every pair of the run, so that the pairs found do not depend on the order (an
                // update under serve finds the same): the sketches' agreement turns unrelated
                // ones away cheaply, and each passage's shingles are made once (`confirm`).
                run.removeAll(keepingCapacity: true)
                for entry in entries[start..<end] {
                    let number = entry & 0xFFFF_FFFF
                    let version = numbers.version(UInt32(number))
                    run.append((number, version.article, articles[Int(version.article)].passages[Int(version.passage)].sketch))
                }
                for later in 1..<run.count {
                    for earlier in 0..<later where run[earlier].article != run[later].article
                        && Shingles.agreement(run[earlier].sketch, run[later].sketch) >= Shingles.estimateFloor {
                        pairs.append(run[earlier].number << 32 | run[later].number)
                    }
                }
                start = end
            }
            return pairs
        }
        var pairs = Array(candidates.joined())
        pairs.sortDistinct()
        self.init(articles, links: Self.confirm(pairs, numbers, in: articles, serially: serially))
    }

    /// The shared passages of `articles` after the articles with the slugs `changed` changed,
    /// came or went since `previous` was found: what `previous` confirmed of the others stays,
    /// and only the passages of the changed articles are looked up among all, so that an edit
    /// under `serve` costs a pass over the sketches, not a sort of them.
    init(_ articles: [ConvertedArticle], updating previous: SharedPassages, changed: Set<String>, serially: Bool = false) {
        var kept = previous.links.filter { !changed.contains($0.first.slug) && !changed.contains($0.second.slug) }
        let positions = Dictionary(articles.enumerated().map { ($0.element.article.slug, $0.offset) }, uniquingKeysWith: { first, _ in first })
        // The band values of the changed passages, sorted, and a bitmap of them that turns most
        // of the other passages away with one look.
        var targets: [(key: UInt64, version: Version)] = []
        var bitmap = [UInt64](repeating: 0, count: 1024)
        for slug in changed {
            guard let position = positions[slug] else { continue }
            for (number, passage) in articles[position].passages.enumerated() {
                for band in 0..<Shingles.bands {
                    let value = Shingles.band(band, of: passage.sketch)
                    targets.append((UInt64(band) << 32 | UInt64(value), Version(article: Int32(position), passage: Int32(number))))
                    let bit = Int((value ^ UInt32(band) &* 0x9E37_79B9) & 0xFFFF)
                    bitmap[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
        }
        targets.sort { $0.key < $1.key }
        let numbers = Numbering(articles)
        var pairs: [UInt64] = []
        for (position, article) in articles.enumerated() where !targets.isEmpty {
            for (number, passage) in article.passages.enumerated() {
                for band in 0..<Shingles.bands {
                    let value = Shingles.band(band, of: passage.sketch)
                    let bit = Int((value ^ UInt32(band) &* 0x9E37_79B9) & 0xFFFF)
                    guard bitmap[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
                    let key = UInt64(band) << 32 | UInt64(value)
                    var index = targets.partitionPoint { $0.key < key }
                    while index < targets.count, targets[index].key == key {
                        let target = targets[index].version
                        index += 1
                        guard target.article != Int32(position),
                              Shingles.agreement(articles[Int(target.article)].passages[Int(target.passage)].sketch, passage.sketch) >= Shingles.estimateFloor else { continue }
                        let (first, second) = (numbers.number(target.article, target.passage), numbers.number(Int32(position), Int32(number)))
                        pairs.append(UInt64(min(first, second)) << 32 | UInt64(max(first, second)))
                    }
                }
            }
        }
        pairs.sortDistinct()
        kept += Self.confirm(pairs, numbers, in: articles, serially: serially)
        self.init(articles, links: kept)
    }

    /// Groups the passages of `articles` that `links` join (by slug).
    private init(_ articles: [ConvertedArticle], links: [Link]) {
        let positions = Dictionary(articles.enumerated().map { ($0.element.article.slug, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var parents: [Version: Version] = [:]
        func root(_ version: Version) -> Version {
            var current = version
            while let parent = parents[current], parent != current { current = parent }
            // Each version on the way now points at the root: a sentence an article repeats
            // thousands of times would otherwise make chains as long as its copies.
            var walked = version
            while let parent = parents[walked], parent != current {
                parents[walked] = current
                walked = parent
            }
            return current
        }
        for link in links.sorted() {
            guard let first = positions[link.first.slug], let second = positions[link.second.slug] else { continue }
            let pair = [Version(article: Int32(first), passage: link.first.passage), Version(article: Int32(second), passage: link.second.passage)]
            let (a, b) = (root(pair[0]), root(pair[1]))
            for version in [a, b, pair[0], pair[1]] where parents[version] == nil { parents[version] = version }
            if a != b { parents[b] = a }
        }
        var members: [Version: [Version]] = [:]
        for version in parents.keys { members[root(version), default: []].append(version) }
        var groups = members.values.map { $0.sorted() }.filter { Set($0.map(\.article)).count > 1 }
        groups.sort { first, second in
            let (a, b) = (Set(first.map(\.article)).count, Set(second.map(\.article)).count)
            return a != b ? a > b : first[0] < second[0]
        }
        var ofArticle: [Int32: [(passage: Int32, group: Int32)]] = [:]
        for (number, group) in groups.enumerated() {
            for version in group { ofArticle[version.article, default: []].append((version.passage, Int32(number))) }
        }
        self.groups = groups
        self.ofArticle = ofArticle.mapValues { $0.sorted { $0.passage < $1.passage } }
        self.links = links
    }

    /// Two passages confirmed as versions of one, by their articles' slugs (which keep while
    /// positions in the date order move).
    struct Link: Sendable, Comparable {
        struct End: Sendable, Comparable {
            var slug: String
            var passage: Int32

            static func < (lhs: End, rhs: End) -> Bool { (lhs.slug, lhs.passage) < (rhs.slug, rhs.passage) }
        }

        var first: End
        var second: End

        static func < (lhs: Link, rhs: Link) -> Bool { (lhs.first, lhs.second) < (rhs.first, rhs.second) }
    }

    /// Every pair confirmed so far, for the next update.
    let links: [Link]

    /// The pairs of `candidates` whose shingles are similar enough, as links. A pair is the
    /// numbers (`Numbering`) of its two passages, the earlier in the upper half.
    private static func confirm(_ candidates: [UInt64], _ numbers: Numbering, in articles: [ConvertedArticle], serially: Bool) -> [Link] {
        // The passages the pairs name, each once and sorted: an array, not a set, as a dossier of
        // ten thousand articles has hundreds of thousands of candidates (the set was the build's
        // peak of memory).
        var named: [UInt32] = []
        named.reserveCapacity(2 * candidates.count)
        for pair in candidates {
            named.append(UInt32(pair >> 32))
            named.append(UInt32(truncatingIfNeeded: pair))
        }
        named.sortDistinct()
        let passages = named
        // `try!`: the closures throw nothing.
        let made = try! passages.concurrentMap(serially: serially) { number in
            let version = numbers.version(number)
            let article = articles[Int(version.article)]
            return article.text.withUnsafeBufferPointer { text in
                Shingles.shingles(Shingles.words(UnsafeBufferPointer(rebasing: text[article.passages[Int(version.passage)].range])))
            }
        }
        @Sendable func shingles(of number: UInt32) -> [UInt64] { made[passages.partitionPoint { $0 < number }] }
        // In slices, each giving the positions of its confirmed pairs: a result per pair would
        // be as large as the candidates.
        let slice = 4096
        let confirmed = try! Array(stride(from: 0, to: candidates.count, by: slice)).concurrentMap(serially: serially) { start in
            (start..<min(start + slice, candidates.count)).filter { index in
                let pair = candidates[index]
                return Shingles.similarity(shingles(of: UInt32(pair >> 32)), shingles(of: UInt32(truncatingIfNeeded: pair))) >= Shingles.threshold
            }
        }
        return confirmed.joined().map { index in
            let (first, second) = (numbers.version(UInt32(candidates[index] >> 32)), numbers.version(UInt32(truncatingIfNeeded: candidates[index])))
            return Link(first: .init(slug: articles[Int(first.article)].article.slug, passage: first.passage),
                        second: .init(slug: articles[Int(second.article)].article.slug, passage: second.passage))
        }
    }

    init() {
        groups = []
        ofArticle = [:]
        links = []
    }

    /// Every passage of the dossier numbered in one count: four bytes, not eight, in the sorted bands.
    struct Numbering: Sendable {
        /// Per article position, the number of its first passage.
        let starts: [UInt32]
        /// How many passages there are.
        let count: UInt32

        init(_ articles: [ConvertedArticle]) {
            var starts: [UInt32] = [], next: UInt32 = 0
            for article in articles {
                starts.append(next)
                next += UInt32(article.passages.count)
            }
            (self.starts, count) = (starts, next)
        }

        func number(_ article: Int32, _ passage: Int32) -> UInt32 { starts[Int(article)] + UInt32(passage) }

        func version(_ number: UInt32) -> Version {
            let article = starts.partitionPoint { $0 <= number } - 1
            return Version(article: Int32(article), passage: Int32(number - starts[article]))
        }
    }
}
