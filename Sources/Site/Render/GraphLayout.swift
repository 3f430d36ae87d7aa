import SourceText

/// Places the nodes of a small graph (tens of nodes) for drawing: a force-directed layout
/// (Fruchterman and Reingold) that starts from positions given by the nodes' names and runs a
/// fixed number of steps, with nothing but arithmetic and square roots, so the same graph gets the
/// same picture on every build and machine.
///
///     GraphLayout.positions(names: ["a", "b"], edges: [(0, 1, 1)], width: 800, height: 500)
struct GraphLayout {
    struct Edge {
        var from: Int
        var to: Int
        var weight: Double
    }

    /// Whole-number positions inside `width` × `height` with `margin` free at the edges; node
    /// `pinned` (if given) stays in the middle.
    static func positions(names: [String], edges: [Edge], width: Int, height: Int, margin: Int = 40, pinned: Int? = nil,
                          steps: Int = 300) -> [(x: Int, y: Int)] {
        let count = names.count
        guard count > 0 else { return [] }
        let (w, h) = (Double(width - 2 * margin), Double(height - 2 * margin))
        // Positions and forces as pairs (x, y): one vector operation for both axes, the same
        // arithmetic as one axis at a time.
        var place = names.map { SIMD2(Double(FNV1a.hash($0) % 1000) / 1000 * w, Double(FNV1a.hash($0) / 1000 % 1000) / 1000 * h) }
        if let pinned { place[pinned] = SIMD2(w / 2, h / 2) }
        let k = (w * h / Double(count)).squareRoot() * 0.8
        let heaviest = edges.map(\.weight).max() ?? 1
        let gravity = 0.05
        let (k2, reach, center, size) = (k * k, 9 * k * k, SIMD2(w / 2, h / 2), SIMD2(w, h))
        // Made once, not per step: the loops run steps × nodes² times per graph, for every
        // entity's page; read without bounds checks, as the indices are the nodes'.
        var force = [SIMD2<Double>](repeating: .zero, count: count)
        precondition(edges.allSatisfy { (0..<count).contains($0.from) && (0..<count).contains($0.to) }, "an edge to a node the graph does not have")
        place.withUnsafeMutableBufferPointer { place in
            force.withUnsafeMutableBufferPointer { force in
                for step in 0..<steps {
                    let temperature = w / 10 * Double(steps - step) / Double(steps)
                    for node in 0..<count { force[node] = .zero }
                    for a in 0..<count {
                        for b in (a + 1)..<count {
                            let e = place[a] - place[b]
                            // The squared distance: no square root for the pair's push.
                            let squared = max(e.x * e.x + e.y * e.y, 0.0001)
                            // Far nodes do not push: loose ones then stay near the rest instead of at the edges.
                            guard squared < reach else { continue }
                            // The push k²/d along the unit vector e/d: one division.
                            let push = e * (k2 / squared)
                            force[a] += push
                            force[b] -= push
                        }
                    }
                    for edge in edges {
                        let e = place[edge.from] - place[edge.to]
                        let distance = max((e.x * e.x + e.y * e.y).squareRoot(), 0.01)
                        // Stronger ties pull harder: 0.5 to 1.5 times the plain force, d²/k along the
                        // unit vector, that is d/k times e.
                        let pull = e * (distance / k * (0.5 + edge.weight / heaviest))
                        force[edge.from] -= pull
                        force[edge.to] += pull
                    }
                    for node in 0..<count where node != pinned {
                        // A little gravity keeps loose nodes from the edges.
                        force[node] += (center - place[node]) * gravity
                        let f = force[node]
                        let length = max((f.x * f.x + f.y * f.y).squareRoot(), 0.01)
                        let move = min(length, temperature)
                        place[node] = pointwiseMin(pointwiseMax(place[node] + f / length * move, .zero), size)
                    }
                }
            }
        }
        let (x, y) = (place.map(\.x), place.map(\.y))
        return (0..<count).map { (Int(x[$0].rounded()) + margin, Int(y[$0].rounded()) + margin) }
    }
}
