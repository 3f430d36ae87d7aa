import Entities
import Foundation

/// The five seed articles (`content/raw/`, copies of `../shared/seeds/`) and this repository's registry.
enum Seeds {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("content/raw")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
    }

    static func registry() throws -> Registry {
        try Registry.load(from: repository.appendingPathComponent("content/entities"))
    }

    static let names = ["000_d429acaccbe4d770", "001_2693660c1e8186e1", "002_fc5c6d0c16e0ce8a", "003_bb289220367ce069", "004_b79de0a6948f34d6"]
}
