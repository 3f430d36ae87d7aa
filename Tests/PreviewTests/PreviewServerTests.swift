import Foundation
import Hummingbird
import HummingbirdTesting
import Site
import Testing
@testable import Preview

/// A dossier in a temporary folder with its own Templates/.
struct PreviewDossier {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")

    init() throws {
        try write("content/dossier.yml", "title: Vorschau\nlanguage: de\n")
        try write("content/entities/e.yml", "- id: wladimir-putin\n  type: person\n  name: Wladimir Putin\n  aliases: [Putin]\n")
        try write("content/articles/treffen.md", "---\ntitle: Treffen\n---\n[Putin](person:wladimir-putin) kam an.\n")
        try write("Templates/note.mustache", "unused")
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    var options: SiteBuilder.Options {
        .init(content: root.appendingPathComponent("content"), templates: root.appendingPathComponent("Templates"),
              output: root.appendingPathComponent("site"))
    }
}

/// Starts a server on a free port for the duration of `body`.
func withServer(_ dossier: PreviewDossier, heartbeat: Duration = .seconds(15), _ body: @Sendable (Int) async throws -> Void) async throws {
    try await withServer(dossier, heartbeat: heartbeat) { _, port in try await body(port) }
}

/// Starts a server on a free port for the duration of `body`, which also gets the server.
func withServer(_ dossier: PreviewDossier, heartbeat: Duration = .seconds(15), _ body: @Sendable (PreviewServer, Int) async throws -> Void) async throws {
    let server = PreviewServer(options: .init(site: dossier.options, port: 0, heartbeat: heartbeat), log: { _ in })
    let (ports, portContinuation) = AsyncStream<Int>.makeStream()
    let task = Task { try await server.run { port in portContinuation.yield(port) } }
    defer { task.cancel() }
    var iterator = ports.makeAsyncIterator()
    let port = try #require(await iterator.next())
    try await body(server, port)
}

@Suite(.serialized)
struct PreviewServerTests {
    @Test func editingAnArticleReloadsTheTabWithTheChangedPage() async throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        try await withServer(dossier) { port in
            let page = try await RawHTTPClient.get("/articles/treffen.html", port: port)
            #expect(page.hasPrefix("HTTP/1.1 200"))
            #expect(page.contains("kam an."))
            #expect(page.contains("new EventSource(\"/__dossier/events\")"), "the reload script is injected")
            let onDisk = try String(contentsOf: dossier.options.output.appendingPathComponent("articles/treffen.html"), encoding: .utf8)
            #expect(!onDisk.contains("EventSource"), "the script is never written into site/")

            let (events, greeting) = try await subscribeToEvents(port: port)
            #expect(greeting.contains("text/event-stream"))
            try dossier.write("content/articles/treffen.md", "---\ntitle: Treffen\n---\n[Putin](person:wladimir-putin) reiste ab.\n")
            #expect(await events.read(until: "event: reload", seconds: 10).contains("event: reload"))
            #expect(try await RawHTTPClient.get("/articles/treffen.html", port: port).contains("reiste ab."))
        }
    }

    @Test func aTabLearnsTheGenerationSoATabBackFromTheCacheReloadsAfterARebuild() async throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        @Sendable func generation(_ greeting: String) -> String? {
            greeting.range(of: "event: hello\ndata: ").map { String(greeting[$0.upperBound...].prefix { $0.isNumber }) }
        }
        try await withServer(dossier) { port in
            let (first, hello) = try await subscribeToEvents(port: port)
            let before = try #require(generation(hello))
            first.disconnect()
            // The same site: the same generation, no reload.
            #expect(try await generation(subscribeToEvents(port: port).greeting) == before)
            try dossier.write("content/articles/treffen.md", "---\ntitle: Treffen\n---\n[Putin](person:wladimir-putin) reiste ab.\n")
            // The page reopens its stream on `pageshow`: another generation tells it to reload.
            var after = before
            // Up to 30 s: a loaded machine (CI runs every suite at once) may take long to rebuild.
            for _ in 0..<300 where after == before {
                try await Task.sleep(for: .milliseconds(100))
                after = try await generation(subscribeToEvents(port: port).greeting) ?? before
            }
            #expect(after != before)
        }
    }

    @Test func theStreamsOfTabsThatAreGoneAreClosedByTheHeartbeat() async throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        try await withServer(dossier, heartbeat: .milliseconds(100)) { server, port in
            let tabs = try await (0..<8).asyncMap { _ in try await subscribeToEvents(port: port).client }
            let open = tabs[0]
            #expect(await open.read(until: ": heartbeat", seconds: 5).contains(": heartbeat"))
            #expect(await server.broadcaster.subscriberCount == 8)
            for tab in tabs.dropFirst() { tab.disconnect() }
            var count = 8
            for _ in 0..<400 where count > 1 {
                try await Task.sleep(for: .milliseconds(50))
                count = await server.broadcaster.subscriberCount
            }
            #expect(count == 1, "the seven closed tabs' streams end; the open one stays")
            #expect(await open.read(until: ": heartbeat", seconds: 5).contains(": heartbeat"))
        }
    }

    @Test func aBrokenTemplateKeepsTheOldPageAndReportsTheError() async throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        try await withServer(dossier) { port in
            let (events, _) = try await subscribeToEvents(port: port)
            try dossier.write("Templates/article.mustache", "{{<layout}}{{$main}}{{#title}}<h1>{{title}}</h1>{{/main}}{{/layout}}")
            let error = await events.read(until: "\n\n", seconds: 10)
            #expect(error.contains("event: error"))
            #expect(error.contains("Templates/article.mustache:1:"))
            #expect(try await RawHTTPClient.get("/articles/treffen.html", port: port).contains("kam an."), "the last good page is still served")

            try dossier.write("Templates/article.mustache", "{{<layout}}{{$main}}<h1 class=\"neu\">{{title}}</h1>{{{body}}}{{/main}}{{/layout}}")
            #expect(await events.read(until: "event: reload", seconds: 10).contains("event: reload"))
            #expect(try await RawHTTPClient.get("/articles/treffen.html", port: port).contains("<h1 class=\"neu\">Treffen</h1>"))
        }
    }

    /// A save that changes nothing the site shows (an editor's swap file beside the templates)
    /// reloads no tab; the rebuild after an error reloads them, also where the site stayed as it
    /// was, to take the error away.
    @Test func onlyARebuildThatChangesTheSiteOrEndsAnErrorReloadsTabs() async throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        try await withServer(dossier) { server, port in
            let (events, _) = try await subscribeToEvents(port: port)
            try dossier.write("Templates/.article.mustache.swp", "Vim")
            await server.rebuild()
            #expect(!(await events.read(until: "event: reload", seconds: 2)).contains("event: reload"), "nothing changed")
            try dossier.write("Templates/article.mustache", "{{#broken}}")
            #expect(await events.read(until: "event: error", seconds: 10).contains("event: error"))
            try FileManager.default.removeItem(at: dossier.root.appendingPathComponent("Templates/article.mustache"))
            #expect(await events.read(until: "event: reload", seconds: 10).contains("event: reload"), "the error is taken away")
        }
    }

    @Test func aNewRawFileIsImportedAndBuilt() async throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        try await withServer(dossier) { port in
            let (events, _) = try await subscribeToEvents(port: port)
            try dossier.write("content/raw/neu.txt", "Putin reist nach Wien\n\nWladimir Putin reiste am Mittwoch nach Wien, hieß es.\n")
            #expect(await events.read(until: "event: reload", seconds: 10).contains("event: reload"))
            let page = try await RawHTTPClient.get("/articles/putin-reist-nach-wien.html", port: port)
            #expect(page.hasPrefix("HTTP/1.1 200"))
            #expect(page.contains(#"title="Wladimir Putin">Wladimir Putin</a> reiste"#))
        }
    }

    /// An HTTP/1.0 client without keep-alive reads to the end of the connection; one held
    /// open made it wait for ever. Keep-alive and HTTP/1.1 connections stay open.
    @Test(arguments: [("GET /index.html HTTP/1.0\r\n\r\n", true), ("GET /nicht-da HTTP/1.0\r\n\r\n", true),
                      ("GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n", true),
                      ("GET /index.html HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", false),
                      ("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n", false)])
    func connectionsEndWhenTheRequestAsks(request: String, closes: Bool) async throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        try await withServer(dossier) { port in
            let client = try RawHTTPClient(port: port)
            client.send(request)
            let (response, closed) = await client.readToEnd(seconds: 3)
            #expect(response.hasPrefix("HTTP/1.1 200") || response.hasPrefix("HTTP/1.1 404"))
            #expect(closed == closes)
        }
    }
}

/// Opens the live-reload event stream and waits until the server confirms it.
func subscribeToEvents(port: Int) async throws -> (client: RawHTTPClient, greeting: String) {
    let events = try RawHTTPClient(port: port)
    events.send("GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    // The greeting ends with the hello event, which names the site's generation.
    var greeting = await events.read(until: "event: hello", seconds: 5)
    while let hello = greeting.range(of: "event: hello"), !greeting[hello.upperBound...].contains("\n\n") {
        let more = await events.read(until: "\n\n", seconds: 1)
        if more.isEmpty { break }
        greeting += more
    }
    return (events, greeting)
}

struct StaticServingTests {
    func router(_ dossier: PreviewDossier) async throws -> Router<BasicRequestContext> {
        let server = PreviewServer(options: .init(site: dossier.options), log: { _ in })
        await server.rebuild()
        return server.router()
    }

    @Test func servesWithTypesETagsRangesHeadAndTheSites404() async throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        let app = Application(router: try await router(dossier))
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/persons/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let css = try await client.execute(uri: "/assets/style.css", method: .get)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let etag = try #require(css.headers[.eTag])
            let cached = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.ifNoneMatch: etag])
            #expect(cached.status == .notModified)
            let head = try await client.execute(uri: "/assets/style.css", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
            let range = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.range: "bytes=0-9"])
            #expect(range.status == .partialContent)
            #expect(String(buffer: range.body) == String(String(buffer: css.body).prefix(10)))
            let missing = try await client.execute(uri: "/nicht-da.html", method: .get)
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("Seite nicht gefunden"))
        }
    }

    @Test(arguments: [nil, "https://example.org/dossier/"])
    func the404PageWorksAtAnyDepth(baseURL: String?) async throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        if let baseURL { try dossier.write("content/dossier.yml", "title: Vorschau\nlanguage: de\nbase_url: \(baseURL)\n") }
        let app = Application(router: try await router(dossier))
        // As built: relative to the root without base_url (right from disk and at the top),
        // from the path of base_url with one (right at any depth where it is published).
        let built = try String(contentsOf: dossier.options.output.appendingPathComponent("404.html"), encoding: .utf8)
        let root = baseURL == nil ? "" : "/dossier/"
        #expect(built.contains(#"<link rel="stylesheet" href="\#(root)assets/style.css">"#))
        #expect(built.contains(#"<a href="\#(root)persons/index.html">Personen</a>"#))
        try await app.test(.router) { client in
            for address in ["/nicht-da.html", "/a/b/c/nicht-da.html", "/persons/nicht-da/"] {
                let missing = try await client.execute(uri: address, method: .get)
                #expect(missing.status == .notFound)
                let page = String(buffer: missing.body)
                #expect(page.contains(#"<link rel="stylesheet" href="/assets/style.css">"#), "\(address)")
                #expect(page.contains(#"<a href="/persons/index.html">Personen</a>"#))
                #expect(page.contains(##"<a class="skip" href="#main">"##))
                #expect(!page.contains(#"href="assets/"#) && !page.contains(#"href="/dossier/"#))
            }
        }
    }

    @Test(arguments: ["/../content/dossier.yml", "/%2e%2e/content/dossier.yml", "/..%2fcontent%2fdossier.yml", "/escape/dossier.yml", "//etc/passwd"])
    func nothingOutsideTheSiteCanBeRead(_ path: String) async throws {
        let dossier = try PreviewDossier()
        defer { try? FileManager.default.removeItem(at: dossier.root) }
        let router = try await router(dossier)
        try FileManager.default.createSymbolicLink(at: dossier.options.output.appendingPathComponent("escape"),
                                                   withDestinationURL: dossier.options.content)
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .badRequest || response.status == .notFound)
            #expect(!String(buffer: response.body).contains("title: Vorschau"))
        }
    }

    @Test func loopbackDetection() {
        #expect(PreviewServer.isLoopback("127.0.0.1") && PreviewServer.isLoopback("localhost") && PreviewServer.isLoopback("::1"))
        #expect(!PreviewServer.isLoopback("0.0.0.0") && !PreviewServer.isLoopback("192.168.1.5"))
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { try await results.append(transform(element)) }
        return results
    }
}
