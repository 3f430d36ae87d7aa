import Foundation
import Testing
@testable import Templating

/// Runs the official Mustache spec vendored in `../shared/mustache-spec/` (never downloaded).
///
/// `~lambdas` is skipped as a module: its cases need host-language code attached to the data,
/// which a JSON file cannot carry and which our typed `Value` deliberately has no case for.
struct SpecTests {
    static let specDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/mustache-spec")

    static let skippedModules: [String: String] = [
        "~lambdas.json": "lambdas need host-language code in the data; Value has no closure case by design",
    ]

    /// Cases of supported modules that we do not pass, with the reason. Empty: every case passes.
    static let knownUnsupported: [String: String] = [:]

    struct SpecFile: Decodable {
        var tests: [SpecCase]
    }

    struct SpecCase: Decodable {
        var name: String
        var data: SpecValue
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    @Test(arguments: ["comments", "delimiters", "interpolation", "inverted", "partials", "sections",
                      "~dynamic-names", "~inheritance", "~lambdas"])
    func specFilePasses(_ module: String) throws {
        let fileName = "\(module).json"
        let url = Self.specDirectory.appendingPathComponent(fileName)
        let file = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        if let reason = Self.skippedModules[fileName] {
            print("\(fileName): 0 passed, 0 failed, \(file.tests.count) skipped (\(reason))")
            return
        }
        var passed = 0, failed = 0, skipped = 0
        for spec in file.tests {
            if Self.knownUnsupported["\(module)/\(spec.name)"] != nil {
                skipped += 1
                continue
            }
            let partials = try TemplateLibrary(sources: spec.partials ?? [:])
            let rendered = try Template(source: spec.template, file: "\(module)/\(spec.name)")
                .render(spec.data.value, library: partials)
            if rendered == spec.expected {
                passed += 1
            } else {
                failed += 1
                Issue.record("\(fileName) '\(spec.name)': expected \(spec.expected.debugDescription), got \(rendered.debugDescription)")
            }
        }
        print("\(fileName): \(passed) passed, \(failed) failed, \(skipped) skipped")
        #expect(failed == 0)
        #expect(passed == file.tests.count - Self.knownUnsupported.keys.filter { $0.hasPrefix("\(module)/") }.count)
    }
}

/// Every spec case again, with its data as the one row of a table and each list of objects of the
/// same keys as a table: a section over a table renders by a plan made once for the table's shape
/// (`Renderer.flatPlan`), which must write what a section over a list of objects writes for every
/// template of the spec, its partials taken in, sections over rows and over their values, nested
/// tables, recursion, blocks and parents.
struct TabledSpecTests {
    @Test(arguments: ["interpolation", "inverted", "partials", "sections", "~dynamic-names", "~inheritance"])
    func tablesRenderAsListsOfObjects(_ module: String) throws {
        let url = SpecTests.specDirectory.appendingPathComponent("\(module).json")
        let file = try JSONDecoder().decode(SpecTests.SpecFile.self, from: Data(contentsOf: url))
        var compared = 0
        for spec in file.tests {
            // A template that changes the delimiters would not see the closing tag of the wrapper.
            guard case .object = spec.data.value, !spec.template.contains("{{=") else { continue }
            let template = try Template(source: "{{#rows}}" + spec.template + "{{/rows}}", file: spec.name)
            let partials = try TemplateLibrary(sources: spec.partials ?? [:])
            let asList = try template.render(["rows": [spec.data.value]], library: partials)
            let asTable = try template.render(["rows": Self.tabled([spec.data.value])], library: partials)
            #expect(asTable == asList, "\(module) '\(spec.name)'")
            compared += 1
        }
        #expect(compared >= file.tests.count / 2)
    }

    /// `value` with every list of objects whose keys are the same made a table.
    static func tabled(_ value: Value) -> Value {
        switch value {
        case .list(let items):
            let items = items.map(tabled)
            let keys = items.map { item -> [String]? in
                guard case .object(let members) = item else { return nil }
                return members.keys.sorted()
            }
            // A table of no keys has no rows.
            guard let first = keys.first, let shapeKeys = first, !shapeKeys.isEmpty, keys.allSatisfy({ $0 == shapeKeys }) else { return .list(items) }
            let shape = Shape(shapeKeys)
            var rows = Table.Builder(shape)
            for case .object(let members) in items {
                rows.append { row in
                    for (key, value) in members { row[shape[key]] = value }
                }
            }
            return .table(rows.table)
        case .object(let members):
            return .object(Members(pairs: members.map { ($0.key, tabled($0.value)) }))
        default:
            return value
        }
    }
}

/// JSON data of a spec case as a template `Value`.
struct SpecValue: Decodable {
    var value: Value

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let flag = try? container.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            value = .int(number)
        } else if let number = try? container.decode(Double.self) {
            value = .double(number)
        } else if let text = try? container.decode(String.self) {
            value = .string(text)
        } else if let items = try? container.decode([SpecValue].self) {
            value = .list(items.map(\.value))
        } else {
            value = .object(Members(try container.decode([String: SpecValue].self).mapValues(\.value)))
        }
    }
}
