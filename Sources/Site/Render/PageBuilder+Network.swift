import Entities
import Templating

extension PageBuilder {
    /// How many of an entity's companions its page draws around it and lists with the sentences
    /// they share, and how many sentences each.
    static let neighboursShown = 12
    static let sentencesPerNeighbour = 3
    /// How many of the most mentioned entities the network page draws.
    static let networkNodes = 40

    /// The anchor of the sentences an entity shares with the entity `id` on its first page.
    static func togetherAnchor(_ id: String) -> String { "with-\(id)" }

    /// What an entity's first page shows of its neighbourhood: the most frequent companions
    /// drawn around it, each line linked to the sentences the two share, listed below the drawing.
    func neighbourhood(of position: Int, companions: [(entity: Int, count: Int)], path: String, _ reads: inout Reads) -> Members {
        let root = SitePaths.root(of: path)
        let center = inputs.link(position, &reads)
        let neighbours = Array(companions.prefix(Self.neighboursShown))
        guard !neighbours.isEmpty else { return [:] }
        let sentences = inputs.sentences(of: position, with: neighbours.map(\.entity), limit: Self.sentencesPerNeighbour, &reads)
        var nodes = [Node(name: center.name, type: center.type, url: "", weight: neighbours[0].count, title: center.name)]
        var edges: [DrawnEdge] = []
        var together: [Value] = []
        for (entity, count) in neighbours {
            let link = inputs.link(entity, &reads)
            let anchor = "#" + Self.togetherAnchor(link.id)
            edges.append(DrawnEdge(from: 0, to: nodes.count, weight: count, url: anchor, title: "\(center.name) – \(link.name): \(strings.counted("sentenceCount", count))"))
            nodes.append(Node(name: link.name, type: link.type, url: root + SitePaths.entity(link.type, link.id), weight: count,
                              title: "\(link.name): \(strings.counted("sentenceCount", count))"))
            together.append([
                "id": .string(Self.togetherAnchor(link.id)), "name": .string(link.name), "type": .string(link.type.rawValue),
                "url": .string(root + SitePaths.entity(link.type, link.id)), "count": .int(count),
                "more": count > Self.sentencesPerNeighbour ? .int(count - Self.sentencesPerNeighbour) : .null,
                "sentences": .list((sentences[entity] ?? []).map { article, mention in
                    ["html": .html(Sentence.html(article.text, sentence: mention.sentence, mark: mention.mark)), "url": .string(root + article.path + "#\(center.id)-\(mention.ordinal)"),
                            "outlet": .string(displayName(outlet: article.outlet)), "title": .string(article.article.title)]
                }),
            ])
        }
        let label = "\(strings["network"]): \(center.name) \(strings["and"]) \(strings.counted("companionCount", neighbours.count))"
        // A star of a dozen nodes spreads in a third of the steps the whole network takes: nodes as
        // far apart and lines as even as after 300 (measured), at a third of the cost on every
        // entity's first page.
        let drawing = drawGraph(nodes, edges, width: 640, height: 420, pinned: 0, steps: 100, label: label)
        return ["graph": .html(drawing), "together": .list(together)]
    }

    /// The co-occurrence network of the most mentioned entities: a line where two share
    /// sentences and one is among the other's most frequent companions, linked to those sentences.
    func networkPage(_ reads: inout Reads) -> Page {
        let path = SitePaths.network
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: strings["network"], &reads)
        var mentioned: [(entity: Int, count: Int)] = []
        for type in EntityType.allCases {
            for position in inputs.entities(of: type, &reads) {
                let count = inputs.mentionCount(position, &reads)
                if count > 0 { mentioned.append((position, count)) }
            }
        }
        let top = GermanCollation.first(Self.networkNodes, of: mentioned, count: \.count, name: { inputs.link($0.entity, &reads).id })
        let number = Dictionary(uniqueKeysWithValues: top.enumerated().map { ($0.element.entity, $0.offset) })
        var nodes: [Node] = []
        for (entity, count) in top {
            let link = inputs.link(entity, &reads)
            nodes.append(Node(name: link.name, type: link.type, url: root + SitePaths.entity(link.type, link.id), weight: count,
                              title: "\(link.name): \(strings.counted("mentionCount", count))"))
        }
        var edges: [DrawnEdge] = []
        var drawn = Set<[Int]>()
        for (entity, _) in top {
            let link = inputs.link(entity, &reads)
            let overview = inputs.overview(of: entity, companions: Self.companionsShown, keep: true, &reads)
            for (other, count) in overview.companions.prefix(Self.neighboursShown) {
                guard let to = number[other], drawn.insert([min(number[entity]!, to), max(number[entity]!, to)]).inserted else { continue }
                let name = inputs.link(other, &reads).name
                edges.append(DrawnEdge(from: number[entity]!, to: to, weight: count,
                                       url: root + SitePaths.entity(link.type, link.id) + "#" + Self.togetherAnchor(inputs.link(other, &reads).id),
                                       title: "\(link.name) – \(name): \(strings.counted("sentenceCount", count))"))
            }
        }
        model["graph"] = .html(drawGraph(nodes, edges, width: 960, height: 640, pinned: nil, label: "\(strings["network"]): \(strings.counted("nameCount", nodes.count))"))
        let strongest = edges.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.from, $0.to) < ($1.from, $1.to) }
        model["pairs"] = .list(strongest.map { edge in
            ["first": .string(nodes[edge.from].name), "firstURL": .string(nodes[edge.from].url), "firstType": .string(nodes[edge.from].type.rawValue),
             "second": .string(nodes[edge.to].name), "secondURL": .string(nodes[edge.to].url), "secondType": .string(nodes[edge.to].type.rawValue),
             "count": .int(edge.weight), "countText": .string(strings.counted("sentenceCount", edge.weight)), "url": .string(edge.url)]
        })
        return Page(path: path, template: template(of: .network), model: .object(model))
    }
}

private extension PageBuilder {
    struct Node {
        var name: String
        var type: EntityType
        var url: String
        var weight: Int
        var title: String
    }

    struct DrawnEdge {
        var from: Int
        var to: Int
        var weight: Int
        var url: String
        var title: String
    }

    /// The graph as inline SVG: lines (width by weight) under dots (area by weight), each linked,
    /// with a `<title>`; names where they cover no name placed before (heaviest first).
    func drawGraph(_ nodes: [Node], _ edges: [DrawnEdge], width: Int, height: Int, pinned: Int?, steps: Int = 300, label: String) -> String {
        let places = GraphLayout.positions(names: nodes.map(\.name), edges: edges.map { .init(from: $0.from, to: $0.to, weight: Double($0.weight)) },
                                           width: width, height: height, margin: 60, pinned: pinned, steps: steps)
        let heaviestEdge = Double(max(1, edges.map(\.weight).max() ?? 1))
        let heaviestNode = Double(max(1, nodes.map(\.weight).max() ?? 1))
        var svg = "<svg class=\"network\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(label))\">"
        for edge in edges {
            let (a, b) = (places[edge.from], places[edge.to])
            let stroke = 1 + Int((5 * Double(edge.weight) / heaviestEdge).rounded())
            svg += "<a href=\"\(HTMLEscaping.escape(edge.url))\"><line x1=\"\(a.x)\" y1=\"\(a.y)\" x2=\"\(b.x)\" y2=\"\(b.y)\" stroke-width=\"\(stroke)\">"
            svg += "<title>\(HTMLEscaping.escape(edge.title))</title></line></a>"
        }
        var radii: [Int] = []
        for (index, node) in nodes.enumerated() {
            let radius = index == pinned ? 14 : 5 + Int((12 * (Double(node.weight) / heaviestNode).squareRoot()).rounded())
            radii.append(radius)
            let circle = "<circle class=\"node \(node.type.rawValue)\" cx=\"\(places[index].x)\" cy=\"\(places[index].y)\" r=\"\(radius)\"><title>\(HTMLEscaping.escape(node.title))</title></circle>"
            svg += node.url.isEmpty ? circle : "<a href=\"\(HTMLEscaping.escape(node.url))\">\(circle)</a>"
        }
        // Names cover neither a dot nor a name placed before.
        var labelled = nodes.indices.map { MapWindow(west: places[$0].x - radii[$0], east: places[$0].x + radii[$0],
                                                     south: places[$0].y - radii[$0], north: places[$0].y + radii[$0]) }
        let order = nodes.indices.sorted { index, other in
            index == pinned || (other != pinned && (nodes[index].weight, other) > (nodes[other].weight, index))
        }
        for index in order {
            // Right of the dot, else left of it, inside the picture.
            let length = nodes[index].name.count * 8
            let y = places[index].y + 4
            let sides = [places[index].x + radii[index] + 3, places[index].x - radii[index] - 3 - length]
            let free = sides.map { MapWindow(west: $0, east: $0 + length, south: y - 12, north: y + 2) }.first { box in
                box.west >= 0 && box.east <= width && !labelled.contains(where: box.overlaps)
            }
            guard let box = free else { continue }
            labelled.append(box)
            svg += "<text x=\"\(box.west)\" y=\"\(y)\">\(HTMLEscaping.escape(nodes[index].name))</text>"
        }
        return svg + "</svg>"
    }
}
