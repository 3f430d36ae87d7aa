// Renders a realistic article page (layout by inheritance, partials, 50 mentions) many times
// with Dossier's Templating and with hummingbird-project/swift-mustache 2.1.1, same templates,
// same data, in one run, and reports pages per second and their ratio.
import Foundation
import Mustache
import Templating

let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000

let templates: [String: String] = [
    "layout": """
    <!DOCTYPE html>
    <html lang="{{language}}">
    <head><meta charset="utf-8"><title>{{$title}}{{pageTitle}} · {{site.title}}{{/title}}</title>
    <link rel="stylesheet" href="{{root}}assets/style.css"></head>
    <body>
    <header><a href="{{root}}index.html">{{site.title}}</a>
    <nav>
    {{#nav}}
      <a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a>
    {{/nav}}
    </nav></header>
    <main>
    {{$main}}
    {{/main}}
    </main>
    <footer>{{site.title}}</footer>
    </body>
    </html>
    """,
    "article": """
    {{<layout}}
    {{$main}}
    <article>
      <p class="meta">{{outlet}} · <time datetime="{{date}}">{{dateText}}</time></p>
      <h1>{{title}}</h1>
    {{#teaser}}
      <p class="teaser">{{teaser}}</p>
    {{/teaser}}
    {{#captions}}
      {{> caption}}
    {{/captions}}
      <div class="body">
    {{{body}}}
      </div>
    </article>
    <aside>
      <ul>
    {{#entities}}
        {{> entity-link}}
    {{/entities}}
      </ul>
    </aside>
    <section class="mentions">
    {{#mentions}}
      <p><a href="{{url}}#{{anchor}}" title="{{name}}">{{surface}}</a>: {{sentence}}</p>
    {{/mentions}}
    </section>
    {{/main}}
    {{/layout}}
    """,
    "caption": "<figure><figcaption>{{text}} <span class=\"credit\">{{credit}}</span></figcaption></figure>\n",
    "entity-link": "<li><a class=\"entity {{type}}\" href=\"{{url}}\">{{name}}</a> <span class=\"count\">{{count}}</span></li>\n",
]

let names = ["Wladimir Putin", "Kim Jong Un", "Russland", "Nordkorea", "Kosmodrom Wostotschny", "Dmitri Peskow", "TASS", "Moskau"]
let paragraph = "<p>Der russische Präsident <a class=\"mention person\" href=\"../persons/wladimir-putin.html\">Wladimir Putin</a> hat den nordkoreanischen Machthaber empfangen &amp; Unterstützung zugesichert.</p>\n"

/// The page model as plain Swift values, converted below for each engine.
let mentions: [[String: Any]] = (0..<50).map { index in
    ["url": "../articles/a\(index).html", "anchor": "m-\(index)", "name": names[index % names.count],
     "surface": names[index % names.count] + (index % 3 == 0 ? "s" : ""),
     "sentence": "Satz \(index) über \(names[index % names.count]) & „Zitate“ <mit> Zeichen."]
}
let entities: [[String: Any]] = names.enumerated().map { index, name in
    ["type": index % 3 == 0 ? "person" : "place", "url": "../persons/e\(index).html", "name": name, "count": 50 - index]
}
let page: [String: Any] = [
    "language": "de", "pageTitle": "Putin trifft Kim", "root": "../",
    "site": ["title": "Putin trifft Kim in Wostotschny"],
    "nav": [["url": "../index.html", "label": "Artikel", "current": true], ["url": "../persons/index.html", "label": "Personen", "current": false],
            ["url": "../places/index.html", "label": "Orte", "current": false], ["url": "../orgs/index.html", "label": "Organisationen", "current": false]],
    "outlet": "Reuters", "date": "2023-09-13", "dateText": "13. September 2023", "title": "Putin trifft Kim",
    "teaser": "Ein Treffen am Kosmodrom.",
    "captions": [["text": "Kim und Putin", "credit": "APA/AFP/Mikhail Metzel"], ["text": "Länderfahnen", "credit": "AP/Sputnik"]],
    "body": String(repeating: paragraph, count: 30), "entities": entities, "mentions": mentions,
]

func value(_ any: Any) -> Templating.Value {
    switch any {
    case let text as String: .string(text)
    case let flag as Bool: .bool(flag)
    case let number as Int: .int(number)
    case let list as [Any]: .list(list.map(value))
    case let object as [String: Any]: .object(Members(object.mapValues(value)))
    default: .null
    }
}

var dossierModel = value(page)
if case .object(var fields) = dossierModel {
    fields["body"] = .html(page["body"] as! String)
    dossierModel = .object(fields)
}

func measure(_ name: String, _ render: () -> Int) -> Double {
    _ = render()
    let start = DispatchTime.now().uptimeNanoseconds
    var bytes = 0
    for _ in 0..<iterations { bytes &+= render() }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let rate = Double(iterations) / seconds
    print("\(name): \(iterations) pages in \(String(format: "%.3f", seconds)) s = \(String(format: "%.0f", rate)) pages/s (\(bytes / iterations) bytes/page)")
    return rate
}

let ours = try Templating.TemplateLibrary(sources: templates)
var theirs = MustacheLibrary()
for (name, source) in templates { try theirs.register(source, named: name) }

let oursHTML = try ours.render("article", dossierModel)
let theirsHTML = theirs.render(page, withTemplate: "article") ?? ""
guard oursHTML == theirsHTML else {
    print("The engines disagree on the output; not comparable.")
    try oursHTML.write(toFile: "/tmp/ours.html", atomically: true, encoding: .utf8)
    try theirsHTML.write(toFile: "/tmp/theirs.html", atomically: true, encoding: .utf8)
    exit(1)
}

let dossierRate = measure("Dossier Templating") { (try? ours.render("article", dossierModel))?.utf8.count ?? 0 }
let mustacheRate = measure("swift-mustache 2.1.1") { theirs.render(page, withTemplate: "article")?.utf8.count ?? 0 }
print("ratio: Dossier renders \(String(format: "%.2f", dossierRate / mustacheRate))x the pages per second of swift-mustache")
