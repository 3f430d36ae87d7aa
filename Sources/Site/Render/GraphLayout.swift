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
        var x = names.map { Double(FNV1a.hash($0) % 1000) / 1000 * w }
        var y = names.map { Double(FNV1a.hash($0) / 1000 % 1000) / 1000 * h }
        if let pinned { (x[pinned], y[pinned]) = (w / 2, h / 2) }
        let k = (w * h / Double(count)).squareRoot() * 0.8
        let heaviest = edges.map(\.weight).max() ?? 1
        let gravity = 0.05
        let (k2, reach) = (k * k, 9 * k * k)
        // Made once, not per step: the loops run steps × nodes² times per graph, for every entity's page.
        var dx = [Double](repeating: 0, count: count), dy = dx
        for step in 0..<steps {
            let temperature = w / 10 * Double(steps - step) / Double(steps)
            for node in 0..<count { (dx[node], dy[node]) = (0, 0) }
            for a in 0..<count {
                for b in (a + 1)..<count {
                    let (ex, ey) = (x[a] - x[b], y[a] - y[b])
                    // The squared distance: no square root for the pair's push.
                    let squared = max(ex * ex + ey * ey, 0.0001)
                    // Far nodes do not push: loose ones then stay near the rest instead of at the edges.
                    guard squared < reach else { continue }
                    // The push k²/d along the unit vector (ex, ey)/d: one division.
                    let push = k2 / squared
                    dx[a] += ex * push; dy[a] += ey * push
                    dx[b] -= ex * push; dy[b] -= ey * push
                }
            }
            for edge in edges {
                let (ex, ey) = (x[edge.from] - x[edge.to], y[edge.from] - y[edge.to])
                let distance = max((ex * ex + ey * ey).squareRoot(), 0.01)
                // Stronger ties pull harder: 0.5 to 1.5 times the plain force, d²/k along the
                // unit vector, that is d/k times (ex, ey).
                let pull = distance / k * (0.5 + edge.weight / heaviest)
                dx[edge.from] -= ex * pull; dy[edge.from] -= ey * pull
                dx[edge.to] += ex * pull; dy[edge.to] += ey * pull
            }
            for node in 0..<count where node != pinned {
                // A little gravity keeps loose nodes from the edges.
                dx[node] += (w / 2 - x[node]) * gravity
                dy[node] += (h / 2 - y[node]) * gravity
                let length = max((dx[node] * dx[node] + dy[node] * dy[node]).squareRoot(), 0.01)
                let move = min(length, temperature)
                x[node] = min(max(x[node] + dx[node] / length * move, 0), w)
                y[node] = min(max(y[node] + dy[node] / length * move, 0), h)
            }
        }
        return (0..<count).map { (Int(x[$0].rounded()) + margin, Int(y[$0].rounded()) + margin) }
    }
}
