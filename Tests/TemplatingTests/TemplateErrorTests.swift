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

    @Test func strictModeAcceptsEmptyStringsAndMissingSections() throws {
        let template = try Template(source: "{{#teaser}}<p>{{teaser}}</p>{{/teaser}}{{title}}", file: "t")
        #expect(try template.renderStrict(["title": "", "teaser": .null]) == "")
    }
}
