import Foundation
import Hummingbird

/// Serves files of `site/` and nothing outside it, adding the live-reload script to HTML.
///
/// Paths with `..`, NUL or backslashes are refused, and a symlink whose target lies outside
/// the site is treated as missing. The script is added to served HTML only, never written.
struct SiteFileProvider: FileProvider {
    struct Attributes: FileMiddlewareFileAttributes {
        var isFolder: Bool
        var size: Int
        var modificationDate: Date
    }

    let root: String
    let script: String

    init(root: URL, script: String) {
        self.root = root.resolvingSymlinksInPath().standardizedFileURL.path
        self.script = script
    }

    /// The real path of `path` (a decoded URL path) if it lies inside the site.
    func getFileIdentifier(_ path: String) -> String? {
        guard !path.contains("\0"), !path.contains("\\") else { return nil }
        let components = path.split(separator: "/")
        guard !components.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        let candidate = URL(fileURLWithPath: root).appendingPathComponent(components.joined(separator: "/"))
        let real = candidate.resolvingSymlinksInPath().standardizedFileURL.path
        return real == root || real.hasPrefix(root + "/") ? real : nil
    }

    func getAttributes(id: String) async throws -> Attributes? {
        guard let values = try? FileManager.default.attributesOfItem(atPath: id) else { return nil }
        let isFolder = (values[.type] as? FileAttributeType) == .typeDirectory
        let modified = values[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
        if !isFolder, id.hasSuffix(".html"), let body = contents(id) {
            return Attributes(isFolder: false, size: body.count, modificationDate: modified)
        }
        return Attributes(isFolder: isFolder, size: (values[.size] as? Int) ?? 0, modificationDate: modified)
    }

    func loadFile(id: String, context: some RequestContext) async throws -> ResponseBody {
        guard let body = contents(id) else { throw HTTPError(.notFound) }
        return ResponseBody(byteBuffer: ByteBuffer(bytes: body))
    }

    func loadFile(id: String, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        guard let body = contents(id), range.lowerBound < body.count else { throw HTTPError(.rangeNotSatisfiable) }
        let upper = min(range.upperBound, body.count - 1)
        return ResponseBody(byteBuffer: ByteBuffer(bytes: body[range.lowerBound...upper]))
    }

    /// The bytes a browser gets: HTML with the reload script before `</body>`.
    func contents(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard path.hasSuffix(".html") else { return Array(data) }
        return Array(Self.inject(script, into: String(decoding: data, as: UTF8.self)).utf8)
    }

    static func inject(_ script: String, into html: String) -> String {
        guard let body = html.range(of: "</body>", options: .backwards) else { return html + script }
        return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: script)
    }
}
