import Entities
import Foundation
import Testing
@testable import Importer

/// Scores the annotation of whole articles (body, title, teaser, dateline, authors, captions) on
/// the five seeds against hand-checked gold mentions (`Gold/<seed>.tsv`: entity, surface as
/// written, count, and the field when it is not the body), per entity type and per field.
struct GoldAnnotationTests {
    struct Score {
        var matched = 0, predicted = 0, gold = 0
        var precision: Double { predicted == 0 ? 1 : Double(matched) / Double(predicted) }
        var recall: Double { gold == 0 ? 1 : Double(matched) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        mutating func add(found: Int, expected: Int) {
            matched += min(found, expected)
            predicted += found
            gold += expected
        }

        var summary: String {
            String(format: "precision %.3f, recall %.3f, F1 %.3f (%d of %d gold, %d predicted)", precision, recall, f1, matched, gold, predicted)
        }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Gold")

    /// `Gold/<name>.tsv` as counts by "entity TAB surface TAB field".
    static func gold(_ name: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in try String(contentsOf: folder.appendingPathComponent("\(name).tsv"), encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            let field = fields.count > 3 ? fields[3] : "body"
            counts["\(fields[0])\t\(fields[1])\t\(field)", default: 0] += Int(fields[2])!
        }
        return counts
    }

    /// Scores per entity type and for body and fields, imported and annotated as `import` does
    /// (the parsed article's body and fields together), printing each difference from the gold.
    static func score(_ texts: [(name: String, text: String)], annotator: Annotator) throws -> (types: [String: Score], parts: [String: Score]) {
        var scores: [String: Score] = [:], parts: [String: Score] = [:]
        for (name, text) in texts {
            let parsed = PlainTextParser(file: name).parse(text)
            let article = parsed.file(source: "", url: nil, body: parsed.blocks.joined(separator: "\n\n"))
            var predicted: [String: Int] = [:]
            for (field, added) in ArticleAnnotation.annotate(article, with: annotator).added {
                let type = try #require(annotator.registry[added.entityID]).type.rawValue
                predicted["\(type):\(added.entityID)\t\(added.surface.replacingOccurrences(of: "\n", with: " "))\t\(field)", default: 0] += 1
            }
            let gold = try Self.gold(name)
            for key in Set(predicted.keys).union(gold.keys) {
                let type = String(key.prefix { $0 != ":" }), field = String(key.split(separator: "\t").last!)
                let (found, expected) = (predicted[key] ?? 0, gold[key] ?? 0)
                scores[type, default: Score()].add(found: found, expected: expected)
                parts[field == "body" ? "body" : "fields", default: Score()].add(found: found, expected: expected)
                if found != expected { print("\(name): \(key.replacingOccurrences(of: "\t", with: " '"))' annotated \(found)×, gold \(expected)×") }
            }
        }
        for type in ["person", "place", "org"] { print("gold \(type): \((scores[type] ?? Score()).summary)") }
        for part in ["body", "fields"] { print("gold \(part): \((parts[part] ?? Score()).summary)") }
        return (scores, parts)
    }

    @Test func annotationMeetsGoldOnTheSeeds() throws {
        let (scores, fields) = try Self.score(try Seeds.names.map { ($0, try Seeds.text($0)) }, annotator: Annotator(registry: try Seeds.registry()))
        for (type, least) in [("person", 0.97), ("place", 0.97), ("org", 0.95)] {
            #expect(scores[type]!.f1 >= least, "\(type): \(scores[type]!.summary)")
        }
        #expect(fields["fields"]!.precision >= 0.95 && fields["fields"]!.recall >= 0.95)
        #expect(scores["person"]!.gold > 100, "the gold covers the seeds' persons")
        #expect(fields["fields"]!.gold > 50, "the gold covers titles, teasers and captions")
    }

    /// Two English texts written for the tests (the summit, the 2021 flood): possessives,
    /// demonyms and adjectives that are no places, captions, credits, bylines.
    @Test func annotationMeetsGoldOnEnglishText() throws {
        let english = Self.folder.appendingPathComponent("en")
        let registry = try Registry.load(from: english.appendingPathComponent("entities"))
        let texts = try ["summit", "flood"].map { ("en/\($0)", try String(contentsOf: english.appendingPathComponent("\($0).txt"), encoding: .utf8)) }
        let (scores, _) = try Self.score(texts, annotator: Annotator(registry: registry, language: "en"))
        let all = scores.values.reduce(into: Score()) { ($0.matched, $0.predicted, $0.gold) = ($0.matched + $1.matched, $0.predicted + $1.predicted, $0.gold + $1.gold) }
        #expect(all.precision >= 0.95 && all.recall >= 0.95, "\(all.summary)")
        #expect(all.gold > 50)
    }
}
