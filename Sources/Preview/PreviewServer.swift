import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Site

/// `dossier serve`: builds, serves `site/` on loopback, rebuilds on changes, reloads open tabs.
///
/// Files come with content types (UTF-8 for text), ETag and 304, ranges and HEAD (Hummingbird's
/// `FileMiddleware`); missing pages get the site's own 404 page. A failed rebuild keeps the last
/// good site, prints the error and shows it in the browser until a fix is saved.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var site: SiteBuilder.Options
        public var host: String
        public var port: Int
        /// How often connected tabs get a heartbeat, which also finds the ones that are gone.
        public var heartbeat: Duration

        public init(site: SiteBuilder.Options, host: String = "127.0.0.1", port: Int = 8000, heartbeat: Duration = .seconds(15)) {
            self.site = site
            self.host = host
            self.port = port
            self.heartbeat = heartbeat
        }
    }

    public let options: Options
    let broadcaster = ReloadBroadcaster()
    let session: PreviewSession
    let search = SearchRefresher()
    let log: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.options = options
        session = PreviewSession(options: options.site)
        self.log = log
    }

    /// Where rebuilds run, one at a time.
    static let rebuilds = DispatchQueue(label: "dossier.rebuild")

    /// Whether `host` only accepts connections from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Builds once, then serves and watches until the task is cancelled or Ctrl-C.
    /// `onRunning` gets the bound port (useful with port 0).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        await rebuild()
        var logger = Logger(label: "dossier.serve")
        logger.logLevel = .warning
        let application = Application(
            router: router(),
            server: .http1(configuration: .init(additionalChannelHandlers: [HTTP10ConnectionCloser.Installer()])),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "dossier"),
            services: [WatchService(server: self), HeartbeatService(broadcaster: broadcaster, interval: options.heartbeat)],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) },
            logger: logger
        )
        try await application.runService()
    }

    /// Rebuilds and tells the browser; errors are reported, never thrown.
    ///
    /// The rebuild runs on its own queue: it blocks for as long as it takes, and the few threads
    /// of the concurrency pool stay free to answer requests meanwhile.
    func rebuild() async {
        let session = self.session
        let outcome = await withCheckedContinuation { continuation in
            Self.rebuilds.async { continuation.resume(returning: Result { try session.rebuild() }) }
        }
        do {
            let rebuild = try outcome.get()
            log("rebuilt: \(rebuild.summary)")
            // Tabs reload when the site changed, or to take away the last rebuild's error.
            let showsError = await broadcaster.currentError != nil
            if rebuild.changedSite || showsError { await broadcaster.publish(.reload) }
            let log = self.log
            search.request {
                do {
                    if try session.indexSearchIfStale() { log("search index updated") }
                } catch {
                    log("\(error)")
                }
            }
        } catch {
            log("\(error)")
            await broadcaster.publish(.error("\(error)"))
        }
    }
}

extension PreviewServer {
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let provider = SiteFileProvider(root: options.site.output, script: LiveReloadScript.tag)
        router.add(middleware: NotFoundMiddleware(provider: provider, content: options.site.content))
        router.add(middleware: RejectEncodedSeparators())
        router.add(middleware: FileMiddleware(fileProvider: provider, searchForIndexHtml: true)
            .withAdditionalMediaTypes(forFileExtensions: Self.mediaTypes))
        let broadcaster = self.broadcaster
        router.get(RouterPath(LiveReloadScript.path)) { _, _ -> Response in
            let events = await broadcaster.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                try await withGracefulShutdownHandler {
                    for await event in events { try await writer.write(ByteBuffer(string: event.frame)) }
                } onGracefulShutdown: {
                    Task { await broadcaster.finishAll() }
                }
                try await writer.finish(nil)
            })
        }
        return router
    }

    static let mediaTypes: [String: MediaType] = [
        "html": MediaType(from: "text/html; charset=utf-8")!, "css": MediaType(from: "text/css; charset=utf-8")!,
        "js": MediaType(from: "text/javascript; charset=utf-8")!, "xml": MediaType(from: "application/xml; charset=utf-8")!,
        "json": MediaType(from: "application/json; charset=utf-8")!, "txt": MediaType(from: "text/plain; charset=utf-8")!,
        "svg": MediaType(from: "image/svg+xml; charset=utf-8")!,
    ]
}

/// Runs the file watcher beside the server and rebuilds after each batch of changes.
struct WatchService: Service {
    let server: PreviewServer

    func run() async throws {
        var folders = [server.options.site.content]
        if let templates = server.options.site.templates, FileManager.default.fileExists(atPath: templates.path) { folders.append(templates) }
        let changes = FileWatcher(folders: folders).changes()
        await cancelWhenGracefulShutdown {
            for await _ in changes { await server.rebuild() }
        }
    }
}

/// Sends the heartbeat to every connected tab.
struct HeartbeatService: Service {
    let broadcaster: ReloadBroadcaster
    let interval: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while (try? await Task.sleep(for: interval)) != nil { await broadcaster.publish(.heartbeat) }
        }
    }
}

/// Answers what no file matches with the site's own 404 page, its links rooted at `/` so that
/// it works at any depth of the address asked for.
struct NotFoundMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let provider: SiteFileProvider
    let content: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            let root = SitePaths.notFoundRoot(baseURL: (try? Content.loadSettings(from: content))?.baseURL)
            let page = provider.getFileIdentifier("/404.html").flatMap(provider.contents).map { Array(Self.rooted(String(decoding: $0, as: UTF8.self), from: root).utf8) }
                ?? Array("<h1>404</h1>".utf8)
            return Response(status: .notFound, headers: headers, body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
        }
    }

    /// `html` with the links (`href`, `src`) that start at `root` (relative ones when `root` is
    /// empty) starting at `/` instead, as the preview serves the site there.
    static func rooted(_ html: String, from root: String) -> String {
        var result = "", rest = Substring(html)
        while let attribute = rest.firstRange(of: #/ (?:href|src)="/#) {
            result += rest[..<attribute.upperBound]
            rest = rest[attribute.upperBound...]
            let value = rest.prefix { $0 != "\"" }
            if root.isEmpty {
                if SitePaths.isRelative(value) { result += "/" }
            } else if value.hasPrefix(root) {
                result += "/"
                rest = rest.dropFirst(root.count)
            }
        }
        return result + rest
    }
}

/// Refuses percent-encoded slashes and backslashes, which could smuggle `../` past checks.
struct RejectEncodedSeparators: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let raw = request.uri.path.lowercased()
        if raw.contains("%2f") || raw.contains("%5c") || raw.contains("%00") { throw HTTPError(.badRequest) }
        return try await next(request, context)
    }
}

/// Runs the search indexer after rebuilds, off the rebuild path: one run at a time, requests
/// made while one waits merged into it, and one more run when pages change while it runs.
final class SearchRefresher: @unchecked Sendable {
    private let queue = DispatchQueue(label: "dossier.search")
    private let lock = NSLock()
    private var waiting = false

    func request(_ work: @escaping @Sendable () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard !waiting else { return }
        waiting = true
        queue.async { [self] in
            lock.withLock { waiting = false }
            work()
        }
    }
}
