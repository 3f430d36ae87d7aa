/// What each outlet of the dossier reports: its articles, the entities they mention and how
/// often, and the entities no other outlet mentions. Articles without an outlet form one group
/// of their own ("unknown"), counted like an outlet everywhere but in what is exclusive: an
/// unattributed article neither confirms nor contradicts an outlet.
///
/// Outlets whose names give the same slug (`DPA`, `dpa`) are one outlet, shown by the name
/// that comes first in German order.
struct OutletCoverage: Sendable {
    struct Outlet: Sendable {
        /// The name shown; empty for the articles without an outlet.
        let name: String
        let path: String
        /// Newest first, as the home page lists them.
        let articles: [ConvertedArticle]
        /// The entities its articles mention (registry positions) with how often, by position.
        let entities: [(entity: Int, count: Int)]
        /// How often the entity at a position is mentioned here, for the coverage table.
        let counts: [Int: Int]
        let mentionCount: Int
        /// Of `entities`, those no other named outlet mentions (for the unknown group: that no
        /// named outlet mentions); none when the dossier has fewer than two named outlets.
        fileprivate(set) var exclusive: [(entity: Int, count: Int)] = []

        var isUnknown: Bool { name.isEmpty }
    }

    /// In German order of their names, the unknown group last.
    let outlets: [Outlet]
    /// Whether there are two named outlets or more, so that what one alone reports means something.
    let compares: Bool

    /// The coverage of `byDate` (the articles newest first) for a registry of `entityCount`.
    init(byDate: [ConvertedArticle], entityCount: Int) {
        var groups: [String: (names: Set<String>, articles: [ConvertedArticle])] = [:]
        var pathOfName: [String: String] = [:]
        for article in byDate {
            let path = pathOfName[article.outlet] ?? SitePaths.outlet(article.outlet)
            pathOfName[article.outlet] = path
            groups[path, default: ([], [])].names.insert(article.outlet)
            groups[path]!.articles.append(article)
        }
        let named = groups.map { (path: $0.key, name: GermanCollation.sorted(Array($0.value.names), name: { $0 })[0], articles: $0.value.articles) }
        let ordered = GermanCollation.sorted(named.filter { !$0.name.isEmpty }, name: \.name) + named.filter(\.name.isEmpty)
        // One array the size of the registry, cleared after each outlet by the positions it touched.
        var counts = [Int](repeating: 0, count: entityCount)
        var namedOutlets = [UInt16](repeating: 0, count: entityCount)
        var outlets = ordered.map { outlet in
            var touched: [Int] = []
            var total = 0
            for article in outlet.articles {
                for mentioned in article.entities where mentioned.entity < entityCount {
                    if counts[mentioned.entity] == 0 { touched.append(mentioned.entity) }
                    counts[mentioned.entity] += Int(mentioned.run.count)
                    total += Int(mentioned.run.count)
                }
            }
            touched.sortInPlace()
            let entities = touched.map { (entity: $0, count: counts[$0]) }
            for entity in touched {
                counts[entity] = 0
                if !outlet.name.isEmpty { namedOutlets[entity] &+= 1 }
            }
            return Outlet(name: outlet.name, path: outlet.path, articles: outlet.articles, entities: entities,
                          counts: Dictionary(uniqueKeysWithValues: entities.map { ($0.entity, $0.count) }), mentionCount: total)
        }
        compares = outlets.count(where: { !$0.isUnknown }) > 1
        if compares {
            for index in outlets.indices {
                let alone: UInt16 = outlets[index].isUnknown ? 0 : 1
                outlets[index].exclusive = outlets[index].entities.filter { namedOutlets[$0.entity] == alone }
            }
        }
        self.outlets = outlets
    }
}
