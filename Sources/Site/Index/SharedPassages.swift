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

    /// The shared passages of `articles`, in date order (`MentionIndex.articles`). A band's run
    /// of more than `crowded` passages (a line hundreds of articles carry in versions, such as a
    /// footer with its time) is searched for what joins its groups, not for every similar pair.
    init(_ articles: [ConvertedArticle], crowded: Int = SharedPassages.crowded, serially: Bool = false) {
        let numbers = Numbering(articles)
        // Copies of one text first: only the first of each takes part in the bands, so that a
        // sentence every article carries (a footer, a disclaimer) is one class, not a pair per two copies.
        var keys: [UInt64] = []
        keys.reserveCapacity(Int(numbers.count))
        for (position, article) in articles.enumerated() {
            for (number, sketch) in article.sketches.enumerated() {
                keys.append(UInt64(Self.key(of: sketch)) << 32 | UInt64(numbers.starts[position] + UInt32(number)))
            }
        }
        let copies = Self.copies(keyed: &keys, numbers, in: articles)
        keys = []
        let later = Self.laterCopies(copies, count: numbers.count)
        // Per band, the passages sorted by their value there: a run of equal values is a set of
        // candidates. Each band on its own core. An entry is the band's value in the upper half
        // and the passage's number in the lower, so that sorting plain numbers sorts by value,
        // then by passage. Sorted in place (`radixSort`): a sort with a second array per band (the
        // standard library's, a least-significant-digit radix sort) would raise the build's peak of memory.
        // `try!`: the closures here throw nothing.
        let candidates = try! Array(0..<Shingles.bands).concurrentMap(serially: serially) { band -> (pairs: [UInt64], joined: [UInt64], crowded: [UInt32]) in
            var entries: [UInt64] = []
            entries.reserveCapacity(Int(numbers.count))
            for (position, article) in articles.enumerated() {
                let first = UInt64(numbers.starts[position])
                for (number, sketch) in article.sketches.enumerated() where !later[Int(first) + number] {
                    entries.append(UInt64(Shingles.band(band, of: sketch)) << 32 | (first + UInt64(number)))
                }
            }
            entries.radixSort()
            var pairs: [UInt64] = [], joined: [UInt64] = [], crowdedRuns: [UInt32] = []
            var run: [(number: UInt64, article: Int32, sketch: SIMD16<UInt16>)] = []
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count, entries[end] >> 32 == entries[start] >> 32 { end += 1 }
                guard end - start > 1 else { start = end; continue }
                guard end - start <= crowded else {
                    let run = entries[start..<end].map { UInt32(truncatingIfNeeded: $0) }
                    joined += Self.joining(run, numbers, in: articles)
                    crowdedRuns += run
                    start = end
                    continue
                }
                // Every pair of the run, so that the pairs found do not depend on the order (an
                // update under serve finds the same): the sketches' agreement turns unrelated
                // ones away cheaply, and each passage's shingles are made once (`confirm`).
                run.removeAll(keepingCapacity: true)
                for entry in entries[start..<end] {
                    let number = entry & 0xFFFF_FFFF
                    let version = numbers.version(UInt32(number))
                    run.append((number, version.article, articles[Int(version.article)].sketches[Int(version.passage)]))
                }
                for later in 1..<run.count {
                    for earlier in 0..<later where run[earlier].article != run[later].article
                        && Shingles.agreement(run[earlier].sketch, run[later].sketch) >= Shingles.estimateFloor {
                        pairs.append(run[earlier].number << 32 | run[later].number)
                    }
                }
                start = end
            }
            // Without the room appending left: the bands' pairs wait here while the last bands
            // sort, the build's peak of memory.
            return (pairs.compacted(), joined, crowdedRuns)
        }
        var pairs = Array(candidates.map(\.pairs).joined())
        pairs.sortDistinct()
        // A pair may join groups in several bands' runs, or be confirmed besides.
        var confirmed = Self.confirm(pairs, numbers, in: articles, serially: serially) + candidates.flatMap(\.joined)
        confirmed.sortDistinct()
        self.init(articles, links: Self.links(confirmed, numbers, in: articles), copies: Self.ends(copies, numbers, in: articles),
                  crowded: Set(candidates.flatMap(\.crowded).map(numbers.version)))
    }

    /// The versions of `versions` (a group, in date order) in other articles than the one at
    /// `position`, as the note on that article's version names them: the first `limit`, and how
    /// many there are. The same for the page and for its fingerprint under `serve`, which would
    /// otherwise miss a change in a version the note names.
    static func others(of position: Int32, in versions: [Version], limit: Int) -> (named: [Version], count: Int) {
        // The article's own versions stand together.
        let own = versions.partitionPoint { $0.article < position }..<versions.partitionPoint { $0.article <= position }
        let before = versions[..<own.lowerBound].prefix(limit)
        return (Array(before + versions[own.upperBound...].prefix(limit - before.count)), versions.count - own.count)
    }

    /// How long a band's run of passages may be before only what joins groups is looked for in it.
    static let crowded = 64

    /// The pairs of similar passages in `run` (a crowded run of one band, passage numbers) that
    /// join its groups: a pair within a group joins nothing, so the groups come out as if every
    /// pair had been confirmed, with about one pair a passage rather than one per two of them.
    /// Each passage's shingles are made once.
    private static func joining(_ run: [UInt32], _ numbers: Numbering, in articles: [ConvertedArticle]) -> [UInt64] {
        var roots = Roots(count: UInt32(run.count))
        let versions = run.map { numbers.version($0) }
        let sketches = run.map { numbers.sketch($0, in: articles) }
        var made = [[UInt64]?](repeating: nil, count: run.count)
        func shingles(_ index: Int) -> [UInt64] {
            if let shingles = made[index] { return shingles }
            let article = articles[Int(versions[index].article)]
            let shingles = article.text.withUnsafeBufferPointer { text in
                Shingles.shingles(Shingles.words(UnsafeBufferPointer(rebasing: text[article.passages[Int(versions[index].passage)].range])))
            }
            made[index] = shingles
            return shingles
        }
        var found: [UInt64] = []
        for later in 1..<run.count {
            var joined = roots.root(UInt32(later))
            for earlier in 0..<later where versions[earlier].article != versions[later].article {
                let root = roots.root(UInt32(earlier))
                guard root != joined, Shingles.agreement(sketches[earlier], sketches[later]) >= Shingles.estimateFloor,
                      Shingles.similarity(shingles(earlier), shingles(later)) >= Shingles.threshold else { continue }
                joined = roots.join(UInt32(earlier), UInt32(later))
                found.append(UInt64(run[earlier]) << 32 | UInt64(run[later]))
            }
        }
        return found
    }

    /// Which group each passage (by its index in a run) is in so far, as the root of a tree.
    private struct Roots {
        private var parents: [UInt32]

        init(count: UInt32) {
            parents = Array(0..<count)
        }

        mutating func root(_ number: UInt32) -> UInt32 {
            var number = number
            while parents[Int(number)] != number {
                parents[Int(number)] = parents[Int(parents[Int(number)])]
                number = parents[Int(number)]
            }
            return number
        }

        /// Puts the groups of `first` and `second` together; returns their root.
        mutating func join(_ first: UInt32, _ second: UInt32) -> UInt32 {
            let (a, b) = (root(first), root(second))
            parents[Int(max(a, b))] = min(a, b)
            return min(a, b)
        }
    }

    /// The shared passages of `articles` after the articles with the slugs `changed` changed,
    /// came or went since `previous` was found: what `previous` confirmed of the others stays,
    /// and only the passages of the changed articles (and first copies that were later ones) are
    /// looked up among all, so that an edit under `serve` costs a pass over the sketches, not a
    /// sort of them. The result is the one a full search finds.
    /// After a search that only joined the groups of crowded runs, such a group may fall apart
    /// where no pair was kept when one of its articles changes (`crowdedArticles`): that change
    /// makes a full search.
    init(_ articles: [ConvertedArticle], updating previous: SharedPassages, changed: Set<String>, crowded: Int = SharedPassages.crowded,
         serially: Bool = false) {
        guard changed.isDisjoint(with: previous.crowdedArticles) else {
            self.init(articles, crowded: crowded, serially: serially)
            return
        }
        let positions = Dictionary(articles.enumerated().map { ($0.element.article.slug, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let numbers = Numbering(articles)
        func number(_ end: Link.End) -> UInt32? { positions[end.slug].map { numbers.number(Int32($0), end.passage) } }
        // The copies: those found before, without the changed articles' passages, joined by the
        // changed passages and the passages of the same text as one of them.
        var changedPassages: [UInt32] = []
        for slug in changed {
            guard let position = positions[slug] else { continue }
            changedPassages += articles[position].passages.indices.map { numbers.number(Int32(position), Int32($0)) }
        }
        let changedKeys = {
            var keys = changedPassages.map { Self.key(of: numbers.sketch($0, in: articles)) }
            keys.sortDistinct()
            return keys
        }()
        // Copies agree in every band: a bitmap of the changed passages' first band turns the
        // others away before their sketch is hashed.
        let firstBands = {
            var filter = BandFilter()
            for number in changedPassages { filter.insert(band: 0, of: numbers.sketch(number, in: articles)) }
            return filter
        }()
        var keys = Array(try! Self.slices(of: changedKeys.isEmpty ? 0 : articles.count).concurrentMap(serially: serially) { slice -> [UInt64] in
            var keys: [UInt64] = []
            for position in slice {
                for (number, sketch) in articles[position].sketches.enumerated() {
                    guard firstBands.mayHold(band: 0, of: sketch) else { continue }
                    let key = Self.key(of: sketch)
                    let at = changedKeys.partitionPoint { $0 < key }
                    guard at < changedKeys.count, changedKeys[at] == key else { continue }
                    keys.append(UInt64(key) << 32 | UInt64(numbers.starts[position] + UInt32(number)))
                }
            }
            return keys
        }.joined())
        let stillCopies = previous.copies.map { $0.filter { !changed.contains($0.slug) }.compactMap(number) }
        let copies = Self.merged(stillCopies + Self.copies(keyed: &keys, numbers, in: articles))
        let later = Self.laterCopies(copies, count: numbers.count)
        // What was confirmed between first copies that are unchanged and still first stays. Looked
        // up among all are the changed passages that are first copies, and the passages that were
        // later copies and are now first (the copy before them went).
        let kept = previous.links.filter { link in
            [link.first, link.second].allSatisfy { end in !changed.contains(end.slug) && number(end).map { !later[Int($0)] } == true }
        }
        var lookups = changedPassages.filter { !later[Int($0)] }
        for copy in previous.copies {
            for end in copy.dropFirst() where !changed.contains(end.slug) {
                if let number = number(end), !later[Int(number)] { lookups.append(number) }
            }
        }
        // The band values of the passages looked up, sorted, and a bitmap of them that turns most
        // of the other passages away with one look.
        var targets: [(key: UInt64, version: Version)] = []
        var bands = BandFilter()
        for number in lookups {
            let (version, sketch) = (numbers.version(number), numbers.sketch(number, in: articles))
            for band in 0..<Shingles.bands {
                targets.append((UInt64(band) << 32 | UInt64(Shingles.band(band, of: sketch)), version))
                bands.insert(band: band, of: sketch)
            }
        }
        targets.sort { $0.key < $1.key }
        // On all cores: this pass over every sketch is most of the time an article edit takes
        // under `serve`.
        let (filter, sortedTargets) = (bands, targets)
        let found = try! Self.slices(of: sortedTargets.isEmpty ? 0 : articles.count).concurrentMap(serially: serially) { slice -> [UInt64] in
            var pairs: [UInt64] = []
            for position in slice {
                let first = Int(numbers.starts[position])
                for (number, sketch) in articles[position].sketches.enumerated() {
                    for band in 0..<Shingles.bands {
                        // Later copies are not looked at: their first copy stands for them.
                        guard filter.mayHold(band: band, of: sketch), !later[first + number] else { continue }
                        let key = UInt64(band) << 32 | UInt64(Shingles.band(band, of: sketch))
                        var index = sortedTargets.partitionPoint { $0.key < key }
                        while index < sortedTargets.count, sortedTargets[index].key == key {
                            let target = sortedTargets[index].version
                            index += 1
                            guard target.article != Int32(position),
                                  Shingles.agreement(articles[Int(target.article)].sketches[Int(target.passage)], sketch) >= Shingles.estimateFloor else { continue }
                            let (one, other) = (numbers.number(target.article, target.passage), UInt32(first + number))
                            pairs.append(UInt64(min(one, other)) << 32 | UInt64(max(one, other)))
                        }
                    }
                }
            }
            return pairs
        }
        var pairs = Array(found.joined())
        pairs.sortDistinct()
        self.init(articles, links: kept + Self.links(Self.confirm(pairs, numbers, in: articles, serially: serially), numbers, in: articles),
                  copies: Self.ends(copies, numbers, in: articles), keeping: previous.crowdedArticles)
    }

    /// Groups the passages of `articles` that `links` join, and the copies of each text (by slug).
    /// `crowded`: the passages of crowded runs, whose groups' articles join `keeping` as
    /// `crowdedArticles`.
    private init(_ articles: [ConvertedArticle], links: [Link], copies: [[Link.End]], crowded: Set<Version> = [], keeping: Set<String> = []) {
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
        let joined = links.sorted() + copies.flatMap { copy in copy.dropFirst().map { Link(first: copy[0], second: $0) } }
        for link in joined {
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
        self.copies = copies
        var crowdedArticles = keeping
        for group in groups where group.contains(where: crowded.contains) {
            for version in group { crowdedArticles.insert(articles[Int(version.article)].article.slug) }
        }
        self.crowdedArticles = crowdedArticles
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

    /// Every pair confirmed so far, for the next update: similar passages of different texts,
    /// each the first copy of its text (in crowded runs only those that joined groups).
    let links: [Link]
    /// The articles in a group with a passage of a crowded run, which was searched only for what
    /// joins groups: `links` may lack pairs that hold such a group together once one of them
    /// changes. (A passage of a crowded run in no group is like no other: it holds nothing together.)
    let crowdedArticles: Set<String>
    /// The passages whose text is the same byte for byte, two or more a text, each in date order:
    /// a class rather than a link per pair, as a sentence every one of 10,000 articles carries
    /// would be 50 million pairs (at 4,000 articles the pairs took 1.5 GB and 9 s).
    let copies: [[Link.End]]

    /// The pairs of `candidates` whose shingles are similar enough. A pair is the numbers
    /// (`Numbering`) of its two passages, the earlier in the upper half.
    private static func confirm(_ candidates: [UInt64], _ numbers: Numbering, in articles: [ConvertedArticle], serially: Bool) -> [UInt64] {
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
        return confirmed.joined().map { candidates[$0] }
    }

    /// `pairs` (of passage numbers) as links, by slug.
    private static func links(_ pairs: [UInt64], _ numbers: Numbering, in articles: [ConvertedArticle]) -> [Link] {
        pairs.map { pair in
            let (first, second) = (numbers.version(UInt32(pair >> 32)), numbers.version(UInt32(truncatingIfNeeded: pair)))
            return Link(first: .init(slug: articles[Int(first.article)].article.slug, passage: first.passage),
                        second: .init(slug: articles[Int(second.article)].article.slug, passage: second.passage))
        }
    }

    init() {
        groups = []
        ofArticle = [:]
        links = []
        copies = []
        crowdedArticles = []
    }

    /// A hash of a whole sketch: copies of one text have the same.
    private static func key(of sketch: SIMD16<UInt16>) -> UInt32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for lane in 0..<16 { hash = (hash ^ UInt64(sketch[lane])) &* 0x0000_0100_0000_01B3 }
        return UInt32(truncatingIfNeeded: hash ^ hash >> 32)
    }

    /// The classes of copies among the passages of `keyed` (each a `key(of:)` in the upper half
    /// and a passage number in the lower), two or more a class, each in number order, the classes
    /// by their first: passages of one key compared by their text.
    private static func copies(keyed: inout [UInt64], _ numbers: Numbering, in articles: [ConvertedArticle]) -> [[UInt32]] {
        keyed.radixSort()
        var classes: [[UInt32]] = []
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count, keyed[end] >> 32 == keyed[start] >> 32 { end += 1 }
            if end - start > 1 {
                let texts = keyed[start..<end].map { entry -> (number: UInt32, text: ArraySlice<UInt8>) in
                    let number = UInt32(truncatingIfNeeded: entry)
                    let article = articles[Int(numbers.version(number).article)]
                    return (number, article.text[numbers.passage(number, in: articles).range])
                }.sorted { $0.text == $1.text ? $0.number < $1.number : $0.text.lexicographicallyPrecedes($1.text) }
                var first = 0
                for index in 1...texts.count where index == texts.count || texts[index].text != texts[first].text {
                    if index - first > 1 { classes.append(texts[first..<index].map(\.number)) }
                    first = index
                }
            }
            start = end
        }
        return classes.sorted { $0[0] < $1[0] }
    }

    /// Classes that share a passage made one, in the order of `copies(keyed:_:in:)`.
    private static func merged(_ classes: [[UInt32]]) -> [[UInt32]] {
        var parents = Array(classes.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parents[index] != index {
                parents[index] = parents[parents[index]]
                index = parents[index]
            }
            return index
        }
        var owner: [UInt32: Int] = [:]
        for (index, members) in classes.enumerated() {
            for member in members {
                guard let other = owner[member] else {
                    owner[member] = index
                    continue
                }
                let (a, b) = (root(index), root(other))
                if a != b { parents[a] = b }
            }
        }
        var members: [Int: [UInt32]] = [:]
        for (member, index) in owner { members[root(index), default: []].append(member) }
        return members.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Band values of a few sketches as 64K bits: a look that turns away most of the other
    /// passages' values before they are searched for (false positives, no false negatives).
    struct BandFilter: Sendable {
        private var bits = [UInt64](repeating: 0, count: 1024)

        mutating func insert(band: Int, of sketch: SIMD16<UInt16>) {
            let bit = Self.bit(band, sketch)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }

        func mayHold(band: Int, of sketch: SIMD16<UInt16>) -> Bool {
            let bit = Self.bit(band, sketch)
            return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }

        private static func bit(_ band: Int, _ sketch: SIMD16<UInt16>) -> Int {
            Int((Shingles.band(band, of: sketch) ^ UInt32(band) &* 0x9E37_79B9) & 0xFFFF)
        }
    }

    /// `0..<count` (article positions) in slices for the cores: the update's passes over every
    /// sketch.
    private static func slices(of count: Int) -> [Range<Int>] {
        let size = max(256, count / 8 + 1)
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// Per passage number, whether it is a copy after the first of its text.
    private static func laterCopies(_ copies: [[UInt32]], count: UInt32) -> [Bool] {
        var later = [Bool](repeating: false, count: Int(count))
        for copy in copies { for number in copy.dropFirst() { later[Int(number)] = true } }
        return later
    }

    /// `copies` by slug, to keep while positions in the date order move.
    private static func ends(_ copies: [[UInt32]], _ numbers: Numbering, in articles: [ConvertedArticle]) -> [[Link.End]] {
        copies.map { copy in
            copy.map { number in
                let version = numbers.version(number)
                return Link.End(slug: articles[Int(version.article)].article.slug, passage: version.passage)
            }
        }
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

        func passage(_ number: UInt32, in articles: [ConvertedArticle]) -> Passage {
            let version = version(number)
            return articles[Int(version.article)].passages[Int(version.passage)]
        }

        func sketch(_ number: UInt32, in articles: [ConvertedArticle]) -> SIMD16<UInt16> {
            let version = version(number)
            return articles[Int(version.article)].sketches[Int(version.passage)]
        }

        func version(_ number: UInt32) -> Version {
            let article = starts.partitionPoint { $0 <= number } - 1
            return Version(article: Int32(article), passage: Int32(number - starts[article]))
        }
    }
}
