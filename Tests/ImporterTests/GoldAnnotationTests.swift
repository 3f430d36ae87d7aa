import Entities
import Foundation
import Testing
@testable import Importer

/// Scores the annotator on the five seeds against hand-checked gold mentions
/// (`Gold/<seed>.tsv`: entity, surface as written, count), per entity type.
struct GoldAnnotationTests {
    struct Score {
        var matched = 0, predicted = 0, gold = 0
        var precision: Double { predicted == 0 ? 1 : Double(matched) / Double(predicted) }
        var recall: Double { gold == 0 ? 1 : Double(matched) / Double(gold) }
    }

    static func gold(_ seed: String) throws -> [String: Int] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Gold/\(seed).tsv")
        var counts: [String: Int] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            counts["\(fields[0])\t\(fields[1])"] = Int(fields[2])!
        }
        return counts
    }

    @Test func annotatorMeetsGoldOnTheSeeds() throws {
        let annotator = Annotator(registry: try Seeds.registry())
        var scores: [String: Score] = [:]
        for seed in Seeds.names {
            let article = PlainTextParser(file: seed).parse(try Seeds.text(seed))
            let body = article.blocks.joined(separator: "\n\n")
            let result = annotator.annotate(body, context: article.introduction)
            var predicted: [String: Int] = [:]
            for added in result.added {
                let type = try #require(annotator.registry[added.entityID]).type.rawValue
                predicted["\(type):\(added.entityID)\t\(added.surface.replacingOccurrences(of: "\n", with: " "))", default: 0] += 1
            }
            let gold = try Self.gold(seed)
            for key in Set(predicted.keys).union(gold.keys) {
                let type = String(key.prefix { $0 != ":" })
                let (found, expected) = (predicted[key] ?? 0, gold[key] ?? 0)
                scores[type, default: Score()].matched += min(found, expected)
                scores[type, default: Score()].predicted += found
                scores[type, default: Score()].gold += expected
                if found != expected { print("\(seed): \(key.replacingOccurrences(of: "\t", with: " '"))' annotated \(found)×, gold \(expected)×") }
            }
        }
        for type in ["person", "place", "org"] {
            let score = scores[type] ?? Score()
            print("gold \(type): precision \(String(format: "%.3f", score.precision)), recall \(String(format: "%.3f", score.recall)) (\(score.matched) of \(score.gold) gold, \(score.predicted) predicted)")
        }
        for type in ["person", "place"] {
            #expect(scores[type]!.precision >= 0.95)
            #expect(scores[type]!.recall >= 0.95)
        }
        #expect(scores["person"]!.gold > 100, "the gold covers the seeds' persons")
    }
}
