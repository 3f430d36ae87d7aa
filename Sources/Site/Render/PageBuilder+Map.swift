import Entities
import Templating

extension PageBuilder {
    /// A small map of the region around a place, drawn as inline SVG (no tiles, no script):
    /// country outlines 50 by 30 degrees around it and the place as a dot.
    func locatorMap(latitude: Double, longitude: Double, name: String) -> String {
        let (x, y) = (longitude.tenths, latitude.tenths)
        let window = MapWindow.around(longitude: x, latitude: y, width: 500, height: 300)
        var svg = svgStart(window, label: "\(strings["map"]): \(name), \(coordinates(latitude: latitude, longitude: longitude))", kind: "locator")
        svg += "<circle class=\"spot\" cx=\"\(x)\" cy=\"\(-y)\" r=\"9\"/></svg>"
        return svg
    }

    /// Every place with coordinates on one map, each a dot sized by how often it is mentioned
    /// and linked to its page; the most mentioned are labelled, and all are listed below it.
    func mapPage(_ reads: inout Reads) -> Page {
        let path = SitePaths.map
        let root = SitePaths.root(of: path)
        var model = frame(for: path, title: strings["map"], &reads)
        var placed: [(position: Int, entity: Entity, count: Int)] = []
        for position in inputs.entities(of: .place, &reads) {
            let entity = inputs.entity(position, &reads)
            guard entity.latitude != nil, entity.longitude != nil else { continue }
            placed.append((position, entity, inputs.mentionCount(position, &reads)))
        }
        // The most mentioned drawn first, so that the smaller dots over them can be clicked.
        let ranked = GermanCollation.sorted(placed, count: \.count, name: \.entity.name)
        let window = MapWindow.around(ranked.map { ($0.entity.longitude!.tenths, $0.entity.latitude!.tenths) }, margin: 100, minimum: 600)
        let most = Double(max(1, ranked.first?.count ?? 1))
        var svg = svgStart(window, label: "\(strings["map"]): \(strings.counted("placeCount", ranked.count))", kind: "overview")
        let unit = max(window.width / 150, 4)
        for item in ranked {
            let (x, y) = (item.entity.longitude!.tenths, -item.entity.latitude!.tenths)
            // Area grows with the mentions.
            let radius = unit + Int((Double(unit * 4) * (Double(item.count) / most).squareRoot()).rounded())
            svg += "<a href=\"\(HTMLEscaping.escape(root + SitePaths.entity(.place, item.entity.id)))\">"
            svg += "<circle class=\"spot\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(radius)\"><title>\(HTMLEscaping.escape(item.entity.name)): \(strings.counted("mentionCount", item.count))</title></circle></a>"
        }
        // Labels for the most mentioned, each only where it covers no label placed before.
        var labelled: [MapWindow] = []
        for item in ranked where labelled.count < Self.mapLabels {
            let (x, y) = (item.entity.longitude!.tenths, item.entity.latitude!.tenths)
            let width = item.entity.name.count * unit * 9 / 5, size = unit * 3
            // Right of the dot, or left of it where the map ends.
            let west = x + unit * 2 + width <= window.east ? x + unit * 2 : x - unit * 2 - width
            let box = MapWindow(west: west, east: west + width, south: y - size / 3, north: y + size)
            guard !labelled.contains(where: box.overlaps) else { continue }
            labelled.append(box)
            svg += "<text x=\"\(box.west)\" y=\"\(-y + size / 3)\" font-size=\"\(size)\">\(HTMLEscaping.escape(item.entity.name))</text>"
        }
        svg += "</svg>"
        model["map"] = .html(svg)
        model["places"] = .list(ranked.map { item in
            ["name": .string(item.entity.name), "url": .string(root + SitePaths.entity(.place, item.entity.id)), "count": .int(item.count),
             "coordinates": .string(coordinates(latitude: item.entity.latitude!, longitude: item.entity.longitude!)),
             "osm": .string(Self.openStreetMap(latitude: item.entity.latitude!, longitude: item.entity.longitude!))]
        })
        let unplaced = inputs.entities(of: .place, &reads).count - ranked.count
        model["unplaced"] = .int(unplaced)
        model["unplacedText"] = .string(strings.counted("unplacedCount", unplaced))
        return Page(path: path, template: template(of: .map), model: .object(model))
    }

    /// How many of the most mentioned places the map labels.
    static let mapLabels = 12

    static func openStreetMap(latitude: Double, longitude: Double) -> String {
        "https://www.openstreetmap.org/?mlat=\(latitude)&mlon=\(longitude)#map=8/\(latitude)/\(longitude)"
    }

    /// "51,9° N, 128,3° O" in German, "51.9° N, 128.3° E" in English.
    func coordinates(latitude: Double, longitude: Double) -> String {
        func degrees(_ value: Double) -> String {
            let tenths = abs(value.tenths)
            let text = "\(tenths / 10).\(tenths % 10)°"
            return strings.language == "de" ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        let east = strings.language == "de" ? "O" : "E"
        return "\(degrees(latitude)) \(latitude < 0 ? "S" : "N"), \(degrees(longitude)) \(longitude < 0 ? "W" : east)"
    }

    /// An inline SVG of `window` with the sea and the land, up to where the marks go.
    private func svgStart(_ window: MapWindow, label: String, kind: String) -> String {
        "<svg class=\"map \(kind)\" viewBox=\"\(window.viewBox)\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(label))\">"
            + "<rect class=\"sea\" x=\"\(window.west)\" y=\"\(-window.north)\" width=\"\(window.width)\" height=\"\(window.height)\"/>"
            + "<path class=\"land\" d=\"\(WorldOutlines.builtIn.path(in: window))\"/>"
    }
}
