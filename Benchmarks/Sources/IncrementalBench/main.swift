// Time from saving one article (or one registry entry) to all affected files written, through
// the incremental builder that `dossier serve` uses. Median, min and max over several edits.
//
//     IncrementalBench CONTENT OUTPUT [EDITS] [--articles-only]
import Foundation
import Site

let arguments = CommandLine.arguments.dropFirst().map { $0 }
guard arguments.count >= 2 else {
    print("usage: IncrementalBench CONTENT OUTPUT [EDITS]")
    exit(2)
}
let content = URL(fileURLWithPath: arguments[0]), output = URL(fileURLWithPath: arguments[1])
let edits = arguments.count > 2 ? Int(arguments[2])! : 5
let articlesOnly = arguments.contains("--articles-only")
let builder = IncrementalBuilder(options: .init(content: content, output: output))
let first = try builder.rebuild()
print("initial build: \(String(format: "%.2f", first.seconds)) s")

func summary(_ name: String, _ seconds: [Double]) {
    let sorted = seconds.sorted()
    print("\(name): median \(String(format: "%.1f", sorted[sorted.count / 2] * 1000)) ms, min \(String(format: "%.1f", sorted.first! * 1000)) ms, max \(String(format: "%.1f", sorted.last! * 1000)) ms")
}

let articles = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("articles").path).filter { $0.hasSuffix(".md") }.sorted()
var articleTimes: [Double] = []
for number in 0..<edits {
    let file = content.appendingPathComponent("articles/\(articles[(number * 7919) % articles.count])")
    let text = try String(contentsOf: file, encoding: .utf8)
    let start = DispatchTime.now().uptimeNanoseconds
    try (text + "\nEin neuer Absatz \(number).\n").write(to: file, atomically: true, encoding: .utf8)
    let outcome = try builder.rebuild()
    articleTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    try text.write(to: file, atomically: true, encoding: .utf8)
    _ = try builder.rebuild()
    if number == 0 { print("one article edited: \(outcome.written.count) files written, \(outcome.rendered) pages rendered") }
}
summary("article edit", articleTimes)
if articlesOnly { exit(0) }

let registryFile = content.appendingPathComponent("entities/persons.yml")
let registry = try String(contentsOf: registryFile, encoding: .utf8)
var registryTimes: [Double] = []
for number in 0..<max(1, edits / 2) {
    let start = DispatchTime.now().uptimeNanoseconds
    try registry.replacingOccurrences(of: "description: Person ", with: "description: Person (\(number)) ", options: [], range: registry.startIndex..<registry.index(registry.startIndex, offsetBy: 400))
        .write(to: registryFile, atomically: true, encoding: .utf8)
    _ = try builder.rebuild()
    registryTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
try registry.write(to: registryFile, atomically: true, encoding: .utf8)
summary("registry edit", registryTimes)
