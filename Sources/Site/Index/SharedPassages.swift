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
    init(_ articles: [ConvertedArticle]) {
        // A run of equal band values is a set of candidates; the band is in the top bits.
        var entries: [(key: UInt64, version: Version)] = []
        entries.reserveCapacity(articles.reduce(0) { $0 + $1.passages.count } * Shingles.bands)
        for (position, article) in articles.enumerated() {
            for (number, passage) in article.passages.enumerated() {
                for band in 0..<Shingles.bands {
                    entries.append((UInt64(band) << 32 | UInt64(passage.sketch[band]), Version(article: Int32(position), passage: Int32(number))))
                }
            }
        }
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.version < $1.version }
        var parents: [Version: Version] = [:]
        var shingles: [Version: [UInt64]] = [:]
        func root(_ version: Version) -> Version {
            var current = version
            while let parent = parents[current], parent != current { current = parent }
            return current
        }
        func shingled(_ version: Version) -> [UInt64] {
            if let known = shingles[version] { return known }
            let article = articles[Int(version.article)]
            let made = article.text.withUnsafeBufferPointer { text in
                Shingles.shingles(Shingles.words(UnsafeBufferPointer(rebasing: text[article.passages[Int(version.passage)].range])))
            }
            shingles[version] = made
            return made
        }
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].key == entries[start].key { end += 1 }
            defer { start = end }
            guard end - start > 1 else { continue }
            let run = entries[start..<end].map(\.version)
            // Each version is compared with the first few of the run until one confirms it: a
            // phrase every article has would otherwise make the work quadratic.
            for index in run.indices.dropFirst() {
                let version = run[index]
                for earlier in run[..<index].prefix(Self.comparedPerVersion) where earlier.article != version.article {
                    let (a, b) = (root(earlier), root(version))
                    if a == b { break }
                    guard Shingles.similarity(shingled(earlier), shingled(version)) >= Shingles.threshold else { continue }
                    if parents[a] == nil { parents[a] = a }
                    parents[b] = a
                    if parents[version] == nil { parents[version] = b }
                    break
                }
            }
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
    }

    init() {
        groups = []
        ofArticle = [:]
    }

    /// How many versions of a run a version is compared with at most.
    static let comparedPerVersion = 8
}
