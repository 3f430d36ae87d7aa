import Foundation
import Testing
@testable import Templating

struct TemplateErrorTests {
    @Test(arguments: [
        ("<ul>\n  {{#mentions}}\n  <li>{{text}}</li>\n</ul>\n",
         "Templates/person.mustache:2:3: error: unclosed section 'mentions': add {{/mentions}}"),
        ("{{#a}}\n{{#b}}x{{/a}}",
         "Templates/person.mustache:2:8: error: section 'b' is closed by '{{/a}}': close it with {{/b}}"),
        ("text\n {{/a}}",
         "Templates/person.mustache:2:2: error: '{{/a}}' closes no open section: remove it or open it with {{#a}}"),
        ("<h1>{{name</h1>",
         "Templates/person.mustache:1:5: error: unclosed tag: add the closing delimiter"),
        ("é {{=<%=}}",
         "Templates/person.mustache:1:3: error: bad delimiter tag '<%': write two delimiters without '=' separated by a space, like {{=<% %>=}}"),
        ("{{ }}",
         "Templates/person.mustache:1:1: error: empty tag: write a name between the delimiters"),
        // A missing brace is reported at its tag, not as whatever the next `}}` makes of it.
        ("<h1>{{title}</h1>\n<p>{{description}}</p>\n{{x}}",
         "Templates/person.mustache:1:5: error: unclosed tag: add the closing delimiter"),
        ("{{#a}}{{b}\n{{/a}}",
         "Templates/person.mustache:1:7: error: unclosed tag: add the closing delimiter"),
        (String(repeating: "{{#a}}", count: 20_000) + String(repeating: "{{/a}}", count: 20_000),
         "Templates/person.mustache:1:295: error: 'a' is nested more than 50 sections deep: close sections earlier or split the template into partials"),
    ])
    func parseErrorNamesFileLineAndColumn(source: String, expected: String) {
        #expect(throws: TemplateError.self) { try Template(source: source, file: "Templates/person.mustache") }
        do {
            _ = try Template(source: source, file: "Templates/person.mustache")
        } catch {
            #expect("\(error)" == expected)
        }
    }

    @Test func unknownPartialIsReportedWhereItIsUsed() throws {
        let library = try TemplateLibrary(sources: ["article": "<main>\n  {{> mention-list}}\n</main>"],
                                          path: { "Templates/\($0).mustache" })
        #expect(throws: TemplateError(.unknownPartial("mention-list"), file: "Templates/article.mustache", line: 2, column: 3)) {
            try library.checkReferences()
        }
    }

    @Test func missingParentIsReportedWhereItIsUsed() throws {
        let library = try TemplateLibrary(sources: ["person": "{{<base}}{{$main}}x{{/main}}{{/base}}"],
                                          path: { "Templates/\($0).mustache" })
        do {
            try library.checkReferences()
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "Templates/person.mustache:1:1: error: parent template 'base' does not exist: add Templates/base.mustache or fix the name")
        }
    }

    @Test func strictModeReportsVariableThatResolvesToNothing() throws {
        let template = try Template(source: "<h1>{{name}}</h1>\n<p>{{descripton}}</p>", file: "Templates/person.mustache")
        #expect(throws: TemplateError(.unresolvedVariable("descripton"), file: "Templates/person.mustache", line: 2, column: 4)) {
            try template.renderStrict(["name": "Putin", "description": "Präsident"])
        }
        #expect(try template.render(["name": "Putin"]) == "<h1>Putin</h1>\n<p></p>")
    }

    /// Recursion without end is an error at the inclusion that closes the cycle, for a partial
    /// that includes itself, two that include each other and a parent that inherits itself;
    /// recursion that the data ends (a tree) renders.
    @Test(arguments: [
        (["page": "{{>page}}"], "Templates/page.mustache:1:1: error: '{{>page}}' expands without end (Templates/page → Templates/page)"),
        (["page": "{{>a}}", "a": "<{{>b}}", "b": "{{#x}}{{>a}}{{/x}}"], "Templates/a.mustache:1:2: error: '{{>b}}' expands without end (Templates/b → Templates/a → Templates/b)"),
        (["page": "{{<page}}{{$x}}y{{/x}}{{/page}}"], "Templates/page.mustache:1:1: error: '{{<page}}' expands without end (Templates/page → Templates/page)"),
    ])
    func endlessRecursionIsLocated(sources: [String: String], expected: String) throws {
        let library = try TemplateLibrary(sources: sources, path: { "Templates/\($0).mustache" })
        #expect { try library.render("page", ["x": true]) } throws: { "\($0)".hasPrefix(expected) }
        #expect { try library.render("page", ["x": true], strict: true) } throws: { "\($0)".hasPrefix(expected) }
    }

    /// Sections around partials add up; past the limit rendering stops with an error rather
    /// than the stack overflowing (pages render on threads with small stacks).
    @Test func deepNestingAcrossPartialsIsLocated() throws {
        let open = String(repeating: "{{#x}}", count: 45), close = String(repeating: "{{/x}}", count: 45)
        let library = try TemplateLibrary(sources: ["page": open + "{{>a}}" + close, "a": open + "{{>b}}" + close, "b": open + "{{>c}}" + close, "c": "ende"],
                                          path: { "Templates/\($0).mustache" })
        #expect { try library.render("page", ["x": true]) } throws: {
            "\($0)".hasPrefix("Templates/b.mustache:1:271: error: '{{>c}}' nests sections and templates more than 100 deep (Templates/page → Templates/a → Templates/b → Templates/c)")
        }
        let shallow = try TemplateLibrary(sources: ["page": open + "{{>c}}" + close, "c": "ende"])
        #expect(try shallow.render("page", ["x": true]) == "ende")
    }

    @Test func recursionThatTheDataEndsRenders() throws {
        let library = try TemplateLibrary(sources: ["page": "{{>node}}", "node": "{{name}}({{#kids}}{{>node}}{{/kids}})"])
        // Every node says it has no more children: Mustache would look `kids` up in the parent.
        let tree: Value = ["name": "a", "kids": [["name": "b", "kids": [["name": "c", "kids": []]]], ["name": "d", "kids": []]]]
        #expect(try library.render("page", tree) == "a(b(c())d())")
    }

    /// A tree of tables renders as a tree of lists of objects does (a section over a table takes
    /// the partial into its plan), and one deeper than the limits stops with an error, not with
    /// the stack overflowing.
    @Test func recursionThroughTablesRendersAndStopsAsThroughLists() throws {
        let library = try TemplateLibrary(sources: ["page": "{{>node}}", "node": "{{name}}({{#kids}}{{>node}}{{/kids}})"],
                                          path: { "Templates/\($0).mustache" })
        let node = Shape(["name", "kids"])
        func tree(depth: Int, asTable: Bool) -> Value {
            var kids: Value = asTable ? .table(Table.Builder(node).table) : []
            for level in (0..<depth).reversed() {
                let children = kids
                if asTable {
                    var rows = Table.Builder(node)
                    rows.append { $0[node["name"]] = .string("n\(level)"); $0[node["kids"]] = children }
                    kids = .table(rows.table)
                } else {
                    kids = [["name": .string("n\(level)"), "kids": children]]
                }
            }
            return ["name": "root", "kids": kids]
        }
        let shallow = try library.render("page", tree(depth: 30, asTable: true))
        #expect(shallow == (try library.render("page", tree(depth: 30, asTable: false))))
        #expect(shallow == "root(" + (0..<29).map { "n\($0)(" }.joined() + "n29()" + String(repeating: ")", count: 30))
        for asTable in [false, true] {
            #expect { try library.render("page", tree(depth: 400, asTable: asTable)) } throws: { "\($0)".contains("'{{>node}}' expands without end") }
        }
    }

    /// A problem in a block a child template fills in is the child's, not its parent's.
    @Test func aProblemInAnOverridingBlockNamesTheChild() throws {
        let library = try TemplateLibrary(sources: ["layout": "<main>{{$main}}{{/main}}</main>", "person": "{{<layout}}{{$main}}\n{{nmae}}{{/main}}{{/layout}}"],
                                          path: { "Templates/\($0).mustache" })
        #expect(throws: TemplateError(.unresolvedVariable("nmae"), file: "Templates/person.mustache", line: 2, column: 1)) {
            try library.render("person", ["name": "Putin"], strict: true)
        }
    }

    @Test func strictModeAcceptsEmptyStringsAndMissingSections() throws {
        let template = try Template(source: "{{#teaser}}<p>{{teaser}}</p>{{/teaser}}{{title}}", file: "t")
        #expect(try template.renderStrict(["title": "", "teaser": .null]) == "")
    }
}
