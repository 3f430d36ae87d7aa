// Time from saving one article (or one registry entry) to all affected files written, through
// the session `dossier serve` runs on each change (import, re-annotation, incremental build).
// Median, min and max over several edits.
//
//     IncrementalBench CONTENT OUTPUT [EDITS] [--articles-only]
import Foundation
import Preview
import Site

let arguments = CommandLine.arguments.dropFirst().map { $0 }
guard arguments.count >= 2 else {
    print("usage: IncrementalBench CONTENT OUTPUT [EDITS]")
    exit(2)
}
let content = URL(fileURLWithPath: arguments[0]), output = URL(fileURLWithPath: arguments[1])
let edits = arguments.count > 2 ? Int(arguments[2])! : 5
let articlesOnly = arguments.contains("--articles-only")
let session = PreviewSession(options: .init(content: content, output: output))
let initialStart = DispatchTime.now().uptimeNanoseconds
_ = try session.rebuild()
print("initial build: \(String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - initialStart) / 1e9)) s")

func summary(_ name: String, _ seconds: [Double]) {
    let sorted = seconds.sorted()
    print("\(name): median \(String(format: "%.1f", sorted[sorted.count / 2] * 1000)) ms, min \(String(format: "%.1f", sorted.first! * 1000)) ms, max \(String(format: "%.1f", sorted.last! * 1000)) ms")
}

let articles = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("articles").path).filter { $0.hasSuffix(".md") }.sorted()

/// Appends a paragraph to `edits` articles (spread by `stride`) and times each from the save to
/// the rebuild's end; `noticed` waits for whatever tells the rebuild to start. Each edit is undone.
func timeEdits(stride: Int, noticed: () async -> Void) async throws -> [Double] {
    var times: [Double] = []
    for number in 0..<edits {
        let file = content.appendingPathComponent("articles/\(articles[(number * stride + 13) % articles.count])")
        let text = try String(contentsOf: file, encoding: .utf8)
        let start = DispatchTime.now().uptimeNanoseconds
        try (text + "\nEin neuer Absatz \(number).\n").write(to: file, atomically: true, encoding: .utf8)
        await noticed()
        let note = try session.rebuild()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        try text.write(to: file, atomically: true, encoding: .utf8)
        await noticed()
        _ = try session.rebuild()
        if number == 0 { print("one article edited: \(note)") }
    }
    return times
}
summary("article edit", try await timeEdits(stride: 7919) {})

// The same edits as `dossier serve` sees them: saved, noticed by the file watcher (which waits
// for the burst to settle), rebuilt.
final class Batches: @unchecked Sendable {
    var iterator = FileWatcher(folders: [content]).changes().makeAsyncIterator()
}
let batches = Batches()
try await Task.sleep(for: .milliseconds(200))
summary("article edit, saved to written through the file watcher", try await timeEdits(stride: 104_729) { _ = await batches.iterator.next() })
if articlesOnly { exit(0) }

// Registry edits: a new description for the most mentioned person, then a new person whose
// name no article contains yet (every article is searched for it before annotating).
let registryFile = content.appendingPathComponent("entities/persons.yml")
let registry = try String(contentsOf: registryFile, encoding: .utf8)
var describeTimes: [Double] = [], addTimes: [Double] = []
var current = registry
for number in 0..<max(1, edits / 2) {
    var start = DispatchTime.now().uptimeNanoseconds
    var lines = current.components(separatedBy: "\n")
    let description = lines.firstIndex { $0.hasPrefix("  description:") }!
    lines[description] = "  description: Fassung \(number)"
    current = lines.joined(separator: "\n")
    try current.write(to: registryFile, atomically: true, encoding: .utf8)
    let described = try session.rebuild()
    describeTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    start = DispatchTime.now().uptimeNanoseconds
    current += "- id: neue-person-\(number)\n  type: person\n  name: Neue Person\(number)\n  aliases: [Personowa\(number)]\n"
    try current.write(to: registryFile, atomically: true, encoding: .utf8)
    let added = try session.rebuild()
    addTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    if number == 0 { print("description edited: \(described)\nperson added: \(added)") }
}
try registry.write(to: registryFile, atomically: true, encoding: .utf8)
_ = try session.rebuild()
summary("registry edit (description)", describeTimes)
summary("registry edit (new person)", addTimes)
