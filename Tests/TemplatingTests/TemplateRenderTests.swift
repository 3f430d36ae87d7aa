import Foundation
import SourceText
import Testing
@testable import Templating

struct TemplateRenderTests {
    @Test func htmlValueIsNotEscapedButStringIs() throws {
        let template = try Template(source: "{{body}}|{{title}}")
        let page: Value = ["body": .html("<p>„Hallo“</p>"), "title": "Kim & Putin <script>"]
        #expect(try template.render(page) == "<p>„Hallo“</p>|Kim &amp; Putin &lt;script&gt;")
    }

    @Test func apostropheIsEscapedForAttributes() throws {
        #expect(try Template(source: "<a title='{{t}}'>").render(["t": "it's"]) == "<a title='it&#39;s'>")
    }

    @Test func layoutInheritanceSharesOnePageFrame() throws {
        let library = try TemplateLibrary(sources: [
            "layout": "<html>\n  <title>{{$title}}Dossier{{/title}}</title>\n  <body>\n    {{$main}}\n    {{/main}}\n  </body>\n</html>\n",
            "person": "{{<layout}}\n{{$title}}{{name}}{{/title}}\n{{$main}}\n<h1>{{name}}</h1>\n{{> mentions}}\n{{/main}}\n{{/layout}}\n",
            "mentions": "<ul>\n{{#mentions}}\n  <li>{{.}}</li>\n{{/mentions}}\n</ul>\n",
        ])
        try library.checkReferences()
        let html = try library.render("person", ["name": "Kim Jong Un", "mentions": ["a", "b"]])
        #expect(html == """
        <html>
          <title>Kim Jong Un</title>
          <body>
            <h1>Kim Jong Un</h1>
            <ul>
              <li>a</li>
              <li>b</li>
            </ul>
          </body>
        </html>

        """)
    }

    @Test func userTemplatesOverrideBuiltInsByName() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("partials"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "mine {{> partials/footer}}".write(to: directory.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
        try "foot".write(to: directory.appendingPathComponent("partials/footer.mustache"), atomically: true, encoding: .utf8)
        let builtIn = try TemplateLibrary(sources: ["home": "built-in", "article": "article"])
        let library = try TemplateLibrary(directory: directory, fallback: builtIn)
        #expect(try library.render("home", [:]) == "mine foot")
        #expect(try library.render("article", [:]) == "article")
        #expect(library["home"]?.file == "Templates/home.mustache")
    }

    @Test(arguments: [0, 7, 9, 10, 42, 99, 100, 101, 1_000_000, -1, -10, -907, Int.max, Int.min])
    func decimalDigitsAreWhatAStringOfTheNumberHolds(number: Int) {
        var bytes = Array("x".utf8)
        bytes.appendDecimal(number)
        #expect(String(decoding: bytes, as: UTF8.self) == "x\(number)")
        let buffer = ByteBuffer(capacity: 1)
        buffer.append("x")
        buffer.appendDecimal(number)
        #expect(buffer.array == bytes)
        #expect(buffer.string == "x\(number)")
    }

    @Test func numbersRenderWithoutNeedlessDecimals() throws {
        let template = try Template(source: "{{a}} {{b}} {{c}}")
        #expect(try template.render(["a": 3, "b": .double(2.0), "c": 1.5]) == "3 2 1.5")
    }
}

struct TableTests {
    static let mention = Shape(["context", "url"])

    static func table(_ shape: Shape, _ rows: [[String: Value]]) -> Table {
        var builder = Table.Builder(shape)
        for values in rows {
            builder.append { row in
                for (key, value) in values { row[shape[key]] = value }
            }
        }
        return builder.table
    }

    @Test func aSectionOverATableRendersEachRowAndMissingKeysFallThroughToTheEnclosingContext() throws {
        let template = try Template(source: "{{#mentions}}<a href=\"{{url}}\">{{context}}</a> {{title}}|{{/mentions}}{{^mentions}}keine{{/mentions}}")
        let mentions = Self.table(Self.mention, [["url": "a.html#kim-1", "context": .html("<mark>Kim</mark> kam.")],
                                                 ["context": .html("Mit <mark>Kim</mark>."), "url": "b.html#kim-1"]])
        #expect(mentions.rowCount == 2)
        #expect(try template.render(["title": "Treffen", "mentions": .table(mentions)])
            == #"<a href="a.html#kim-1"><mark>Kim</mark> kam.</a> Treffen|<a href="b.html#kim-1">Mit <mark>Kim</mark>.</a> Treffen|"#)
        #expect(try template.render(["mentions": .table(Self.table(Self.mention, []))]) == "keine")
    }

    @Test func fieldsAreSetByNameInAnyOrderAndServeShapesThatAddKeys() throws {
        let link = Shape(["name", "count"])
        let described = link.adding(["description"])
        let (name, count) = (link["name"], link["count"])
        var rows = Table.Builder(described)
        rows.append { row in
            row[described["description"]] = "Präsident"
            row[count] = 3
            row[name] = "Putin"
        }
        rows.append { $0[name] = "Kim" }
        #expect(rows.rowCount == 2)
        #expect(try Template(source: "{{#list}}{{name}}:{{count}}:{{description}};{{/list}}").render(["list": .table(rows.table)])
            == "Putin:3:Präsident;Kim::;")
    }

    @Test func dottedNamesReachIntoRowsAndAKeyThatIsNullStopsTheSearch() throws {
        let link = Shape(["name", "count"])
        let (name, count) = (link["name"], link["count"])
        let page: Value = ["count": 9, "top": .record(link) { $0[name] = "Kim" },
                           "list": .table(Self.table(link, [["name": "Putin"], ["name": "Kim", "count": 2]]))]
        #expect(try Template(source: "{{top.name}} {{list.1.name}} {{#list}}{{name}}:{{count}};{{/list}}{{list.5.name}}").render(page) == "Kim Kim Putin:;Kim:2;")
        #expect(page["top"]["name"] == "Kim")
        #expect(page["top"]["missing"] == .null)
        let kim = Value.record(link) { $0[name] = "Kim"; $0[count] = 1 }
        let other = Shape(["name", "count"])
        #expect(kim == .record(other) { $0[other["count"]] = 1; $0[other["name"]] = "Kim" })
        #expect(kim != .record(link) { $0[name] = "Kim"; $0[count] = 2 })
        #expect(try Template(source: "{{#e}}leer{{/e}}").render(["e": .record(Shape([])) { _ in }]) == "leer")
    }

    /// A section whose children are only text and plain names reads each row's values in place
    /// (no row on the stack): it writes what a section with anything else in it writes, row for
    /// row, escaped or not, indented inside a standalone partial, names not in the row found below.
    @Test func rowsOfTextAndNamesRenderAsRowsWithTheRowOnTheStack() throws {
        let rows = Self.table(Self.mention, [["url": "a.html?x=1&y=<2>", "context": .html("<mark>Kim</mark>")],
                                             ["context": "K<i>m", "url": .int(7)], [:]])
        let page: Value = ["title": "T&T", "mentions": .table(rows), "context": "unten"]
        let flat = "{{#mentions}}\n<li>{{url}} {{{url}}} {{context}} {{title}} {{missing}}</li>\n{{/mentions}}\n"
        // The same with a section inside each row, which renders with the row on the stack.
        let stacked = "{{#mentions}}\n<li>{{url}} {{{url}}} {{context}} {{title}} {{missing}}</li>{{#title}}{{/title}}\n{{/mentions}}\n"
        let library = try TemplateLibrary(sources: ["flat": flat, "stacked": stacked, "page": "<ol>\n  {{>flat}}\n</ol>\n<ol>\n  {{>stacked}}\n</ol>\n"])
        let lists = try library.render("page", page).components(separatedBy: "</ol>\n")
        #expect(lists[0] == "<ol>\n  <li>a.html?x=1&amp;y=&lt;2&gt; a.html?x=1&y=<2> <mark>Kim</mark> T&amp;T </li>\n"
            + "  <li>7 7 K&lt;i&gt;m T&amp;T </li>\n  <li>   T&amp;T </li>\n")
        #expect(lists[1] == lists[0])
        // A checking render reports each null or missing name of each row, in both alike.
        let problems = try library.renderChecking("page", page).problems
        #expect(problems.filter { $0.file == "flat.mustache" }.count == 6 && problems.filter { $0.file == "stacked.mustache" }.count == 6)
    }

    /// A page renders one section over many tables of one shape (the mentions of each listed
    /// article): a name found in the rows is the row's every time, and a name found below them is
    /// found again for each table, where it differs (the title of the article at hand).
    @Test func aSectionOverTablesOfOneShapeReadsWhatIsBelowEachTableAnew() throws {
        let group = Shape(["title", "mentions"])
        var groups = Table.Builder(group)
        for (title, urls) in [("A", ["a1", "a2"]), ("B", ["b1"]), ("C", [])] {
            groups.append { row in
                row[group["title"]] = .string(title)
                row[group["mentions"]] = .table(Self.table(Self.mention, urls.map { ["url": .string($0)] }))
            }
        }
        let page: Value = ["groups": .table(groups.table), "root": "../"]
        let template = try Template(source: "{{#groups}}{{title}}:{{#mentions}}{{root}}{{url}}-{{title}};{{/mentions}}|{{/groups}}")
        #expect(try template.render(page) == "A:../a1-A;../a2-A;|B:../b1-B;|C:|")
        // Only names of the rows: the same section, over the same shape, in another template.
        let rowsOnly = try Template(source: "{{#groups}}{{title}}:{{#mentions}}{{url}},{{/mentions}}|{{/groups}}")
        #expect(try rowsOnly.render(page) == "A:a1,a2,|B:b1,|C:|")
    }

    /// Rows whose sections, partials and nested tables the plan takes apart (an entity page's
    /// groups: `{{#outlet}}…{{/outlet}}`, `{{>date}}`, `{{#mentions}}…{{/mentions}}`) render as the
    /// same rows as objects do: a section over a row's text renders in place, one over a row's
    /// object or table with the row below it, inverted ones where the value is false, names
    /// below the rows found there, `{{.}}`, blocks and indented partials as written.
    @Test func rowsWithSectionsAndPartialsRenderAsObjectsDo() throws {
        let group = Shape(["title", "outlet", "date", "mentions", "by"])
        let rows: [[String: Value]] = [
            ["title": "A&B", "outlet": "APA", "date": "2023-09-13", "by": ["name": "Kim"],
             "mentions": .table(Self.table(Self.mention, [["url": "a#1", "context": .html("<mark>K</mark>")], ["url": "a#2"]]))],
            ["title": "C", "outlet": "", "date": .null, "by": "Putin", "mentions": .table(Self.table(Self.mention, []))],
            ["title": "D", "outlet": .int(3), "date": true, "by": [.string("x"), .string("y")], "mentions": .null],
        ]
        let sources = [
            "date": "{{#date}}<time>{{date}}</time>{{/date}}{{^date}}<i>{{t.undated}}</i>{{/date}}",
            "item": "<li>{{url}}|{{context}}|{{title}}</li>\n",
            "block": "[{{$b}}default {{title}}{{/b}}]",
            "page": """
            {{#groups}}
            <h3>{{title}}</h3>{{#outlet}}<span>{{outlet}} {{.}} {{t.sep}}</span>{{/outlet}}{{^outlet}}-{{/outlet}}{{>date}}
            {{#by}}({{name}}{{.}}{{title}}){{/by}}{{#t.flag}}!{{title}}{{/t.flag}}{{by.name}}
            <ol>
              {{#mentions}}
              {{>item}}
              {{/mentions}}
            </ol>
            {{<block}}{{$b}}over {{outlet}}{{/b}}{{/block}}{{^mentions}}none{{/mentions}}
            {{/groups}}
            """,
        ]
        let library = try TemplateLibrary(sources: sources)
        let below: [String: Value] = ["t": ["undated": "undatiert", "sep": "·", "flag": true], "title": "unten"]
        var table = Members(below), list = Members(below)
        table["groups"] = .table(Self.table(group, rows))
        list["groups"] = .list(rows.map { .object(Members($0)) })
        let asTable = try library.render("page", .object(table))
        #expect(asTable == (try library.render("page", .object(list))))
        #expect(asTable.hasPrefix("<h3>A&amp;B</h3><span>APA APA ·</span><time>2023-09-13</time>\n(KimA&amp;B)!A&amp;BKim\n<ol>\n  <li>a#1|<mark>K</mark>|A&amp;B</li>\n"))
        #expect(asTable.contains("<h3>C</h3>-<i>undatiert</i>\n(PutinC)!C\n<ol>\n</ol>\n[over ]none\n"))
        #expect(asTable.contains("<h3>D</h3><span>3 3 ·</span><time>true</time>\n(xD)(yD)!D\n"))
    }

    @Test func fragmentsAreWrittenByTheirSourceUnescaped() throws {
        final class Sentences: FragmentSource, @unchecked Sendable {
            override func writeFragment(_ index: Int, to output: ByteBuffer) {
                output.append("<b>\(index)</b>")
            }
        }
        let source = Sentences()
        let template = try Template(source: "{{#items}}{{.}} {{/items}}")
        #expect(try template.render(["items": [.fragment(Fragment(source, 1)), .fragment(Fragment(source, 22))]]) == "<b>1</b> <b>22</b> ")
        #expect(Value.fragment(Fragment(source, 1)).text == "<b>1</b>")
    }
}

struct MembersTests {
    /// An object behaves as the dictionary it replaced: the last of a key given twice wins, a
    /// nil removes, equality ignores order, and templates find its members (dotted too) and fall
    /// through to the enclosing context past a key it lacks.
    @Test func membersAreFoundByKeyLikeADictionarysAndTemplatesReadThem() throws {
        var members: Members = ["title": "Putin", "title": "Kim", "count": 2]
        #expect(members.count == 2 && members["title"] == "Kim")
        members["count"] = nil
        members["root"] = "../"
        #expect(members.keys == ["title", "root"])
        #expect(members == ["root": "../", "title": "Kim"])
        #expect(members != ["root": "../", "title": "Putin"])
        #expect(members != ["root": "../"])
        #expect(Members(["b": 1, "a": 2]).keys == ["a", "b"])
        let words = Members(Dictionary(uniqueKeysWithValues: (0..<100).map { ("w\($0)", Value.int($0)) }))
        let page: Value = ["t": .object(words), "inner": .object(members), "outer": "außen"]
        #expect(try Template(source: "{{t.w0}} {{t.w99}} {{#inner}}{{title}} {{root}} {{outer}}|{{t.w50}}|{{missing}}|{{/inner}}").render(page)
            == "0 99 Kim ../ außen|50||")
        #expect(page["inner"]["root"] == "../" && page["t"]["w100"] == .null)
    }
}

struct EscapingTests {
    @Test func everyByteToEscapeIsFoundWhereverItIs() {
        // Each byte value at each place of a 20-byte run (words of eight, then the rest).
        for value in UInt8.min...UInt8.max {
            for place in 0..<20 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 20)
                bytes[place] = value
                let found = bytes.withUnsafeBufferPointer { HTMLEscaping.firstEscaped(in: $0) }
                #expect(found == (Array("&<>\"'".utf8).contains(value) ? place : nil), "byte \(value) at \(place)")
            }
        }
    }

    @Test func aSliceInTheMiddleOfABufferIsEscapedFromWhereItStarts() {
        let text = Array("<b>Kim & \"Putin\" trafen sich</b>".utf8)
        var bytes = Array("x".utf8)
        text.withUnsafeBufferPointer { HTMLEscaping.append($0[3..<16], to: &bytes) }
        #expect(String(decoding: bytes, as: UTF8.self) == "xKim &amp; &quot;Putin&quot;")
        // Into a buffer with room for less than the escaped text: it grows, keeping what it held.
        let buffer = ByteBuffer(capacity: 1)
        buffer.append("x")
        text.withUnsafeBufferPointer { HTMLEscaping.append($0[3..<16], to: buffer) }
        #expect(buffer.array == bytes)
    }

    @Test func germanTextWithoutMarkupNeedsNoEscapingAndMarkupIsEscaped() {
        let text = "Grüße aus Wladiwostok – „Zitat“ #1 = 100 % (Kim's Zug) <b> & \"so\""
        #expect(HTMLEscaping.escape(text) == "Grüße aus Wladiwostok – „Zitat“ #1 = 100 % (Kim&#39;s Zug) &lt;b&gt; &amp; &quot;so&quot;")
        var bytes: [UInt8] = []
        HTMLEscaping.append(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == HTMLEscaping.escape(text))
    }
}

struct ListIndexTests {
    @Test func dottedNumberPicksListItemSoEmptyListsCanHideHeadings() throws {
        let template = try Template(source: "{{#items.0}}<h2>Liste</h2>{{/items.0}}{{#items}}<p>{{.}}</p>{{/items}}")
        #expect(try template.render(["items": ["a"]]) == "<h2>Liste</h2><p>a</p>")
        #expect(try template.render(["items": []]) == "")
    }
}

struct SymlinkedTemplatesTests {
    @Test func templatesFolderMayBeASymlink() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-link-\(UUID().uuidString)")
        let real = base.appendingPathComponent("Theme"), link = base.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try "from the folder".write(to: real.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let library = try TemplateLibrary(directory: link, fallback: try TemplateLibrary(sources: ["home": "built-in"]))
        #expect(try library.render("home", [:]) == "from the folder")
    }
}
