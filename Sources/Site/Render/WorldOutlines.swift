/// The country outlines maps are drawn with (`Geography/outlines.txt`, Natural Earth 1:110m),
/// in tenths of a degree: a map's coordinates are whole numbers, the same on every machine.
struct WorldOutlines: Sendable {
    struct Ring: Sendable {
        /// Longitude and latitude in tenths of a degree, in turn.
        var points: [Int16]
        var west: Int16, east: Int16, south: Int16, north: Int16
    }

    let rings: [Ring]

    /// The outlines built into the binary, read once.
    static let builtIn = WorldOutlines(text: PackageResources.outlines_txt)

    init(text: [UInt8]) {
        var rings: [Ring] = []
        for line in text.split(separator: 0x0A) where line.first != UInt8(ascii: "#") {
            var points: [Int16] = []
            for pair in line.split(separator: 0x20) {
                for number in pair.split(separator: UInt8(ascii: ",")) {
                    var value = 0, sign = 1
                    for byte in number {
                        if byte == UInt8(ascii: "-") { sign = -1 } else { value = value * 10 + Int(byte - 0x30) }
                    }
                    points.append(Int16(sign * value))
                }
            }
            guard points.count >= 8 else { continue }
            let xs = stride(from: 0, to: points.count, by: 2).map { points[$0] }
            let ys = stride(from: 1, to: points.count, by: 2).map { points[$0] }
            rings.append(Ring(points: points, west: xs.min()!, east: xs.max()!, south: ys.min()!, north: ys.max()!))
        }
        self.rings = rings
    }

    /// SVG path data of the rings that reach into `window` (tenths of a degree), with y growing
    /// southwards (`-latitude`), as the maps' view boxes have it.
    func path(in window: MapWindow) -> String {
        var data = ""
        for ring in rings where ring.east >= window.west && ring.west <= window.east && ring.north >= window.south && ring.south <= window.north {
            for index in stride(from: 0, to: ring.points.count, by: 2) {
                data += index == 0 ? "M" : " "
                data += "\(ring.points[index]) \(-Int(ring.points[index + 1]))"
            }
            data += "Z"
        }
        return data
    }
}

/// A rectangle of the world in tenths of a degree.
struct MapWindow: Sendable, Equatable {
    var west: Int, east: Int, south: Int, north: Int

    var width: Int { east - west }

    /// Whether the two share more than an edge (labels placed on maps and graphs must not).
    func overlaps(_ other: MapWindow) -> Bool {
        west < other.east && other.west < east && south < other.north && other.south < north
    }
    var height: Int { north - south }

    /// `viewBox` of an SVG whose y is `-latitude`.
    var viewBox: String { "\(west) \(-north) \(width) \(height)" }

    /// A window of `width` × `height` around a point, moved inside the world's edges.
    static func around(longitude: Int, latitude: Int, width: Int, height: Int) -> MapWindow {
        let west = min(max(longitude - width / 2, -1800), 1800 - width)
        let south = min(max(latitude - height / 2, -900), 900 - height)
        return MapWindow(west: west, east: west + width, south: south, north: south + height)
    }

    /// The smallest window with `margin` around every point, at least `minimum` wide and of the
    /// aspect `width:height` = 5:3, inside the world's edges.
    static func around(_ points: [(longitude: Int, latitude: Int)], margin: Int, minimum: Int) -> MapWindow {
        guard let first = points.first else { return MapWindow(west: -1800, east: 1800, south: -900, north: 900) }
        var (west, east, south, north) = (first.longitude, first.longitude, first.latitude, first.latitude)
        for point in points {
            (west, east) = (min(west, point.longitude), max(east, point.longitude))
            (south, north) = (min(south, point.latitude), max(north, point.latitude))
        }
        var width = max(minimum, east - west + 2 * margin), height = north - south + 2 * margin
        if width * 3 < height * 5 { width = (height * 5 + 2) / 3 } else { height = (width * 3 + 4) / 5 }
        (width, height) = (min(width, 3600), min(height, 1800))
        return around(longitude: (west + east) / 2, latitude: (south + north) / 2, width: width, height: height)
    }
}

extension Double {
    /// Degrees as whole tenths, for maps.
    var tenths: Int { Int((self * 10).rounded()) }
}
