/// Tells open browser tabs to reload, or shows them a build error, over server-sent events.
///
/// A tab that connects is told the site's generation (`hello`), so a tab that comes back from the
/// browser's back/forward cache after a rebuild reloads. A heartbeat goes to every tab now and
/// then: writing it to a tab that is gone fails, which ends that tab's stream.
actor ReloadBroadcaster {
    enum Event: Sendable, Equatable {
        case hello(Int)
        case reload
        case error(String)
        case heartbeat

        /// The event in `text/event-stream` framing.
        var frame: String {
            switch self {
            case .hello(let generation):
                "event: hello\ndata: \(generation)\n\n"
            case .heartbeat:
                ": heartbeat\n\n"
            case .reload:
                "event: reload\ndata: ok\n\n"
            case .error(let message):
                "event: error\n" + message.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n") + "\n\n"
            }
        }
    }

    private var subscribers: [Int: AsyncStream<Event>.Continuation] = [:]
    private var nextID = 0
    /// How many rebuilds tabs were told of.
    private var generation = 0
    /// The current build error, shown to tabs that connect while it lasts.
    private(set) var currentError: String?

    func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        continuation.yield(.hello(generation))
        if let currentError { continuation.yield(.error(currentError)) }
        return stream
    }

    func publish(_ event: Event) {
        switch event {
        case .error(let message): currentError = message
        case .reload:
            currentError = nil
            generation += 1
        case .hello, .heartbeat: break
        }
        for continuation in subscribers.values { continuation.yield(event) }
    }

    func finishAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    /// How many tabs are connected.
    var subscriberCount: Int { subscribers.count }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }
}
