/// Tells open browser tabs to reload, or shows them a build error, over server-sent events.
actor ReloadBroadcaster {
    enum Event: Sendable, Equatable {
        case reload
        case error(String)

        /// The event in `text/event-stream` framing.
        var frame: String {
            switch self {
            case .reload:
                "event: reload\ndata: ok\n\n"
            case .error(let message):
                "event: error\n" + message.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n") + "\n\n"
            }
        }
    }

    private var subscribers: [Int: AsyncStream<Event>.Continuation] = [:]
    private var nextID = 0
    /// The current build error, shown to tabs that connect while it lasts.
    private(set) var currentError: String?

    func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        if let currentError { continuation.yield(.error(currentError)) }
        return stream
    }

    func publish(_ event: Event) {
        if case .error(let message) = event { currentError = message } else { currentError = nil }
        for continuation in subscribers.values { continuation.yield(event) }
    }

    func finishAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }
}
