import Foundation
import Site
#if canImport(Glibc)
import Glibc
#endif

/// Reports changes below some folders, batching bursts (an editor's save-and-rename, a
/// `git checkout` of many files) into one signal.
///
/// Uses inotify on Linux; elsewhere, or when inotify is unavailable, it polls file stamps.
final class FileWatcher: @unchecked Sendable {
    let folders: [URL]
    /// Quiet time that ends a burst of events.
    let settle: Duration
    private let pollInterval: Duration

    init(folders: [URL], settle: Duration = .milliseconds(80), pollInterval: Duration = .milliseconds(300)) {
        self.folders = folders.map { $0.resolvingSymlinksInPath() }
        self.settle = settle
        self.pollInterval = pollInterval
    }

    /// One element per batch of changes, until the task is cancelled.
    func changes() -> AsyncStream<Void> {
        #if canImport(Glibc)
        if let stream = inotifyChanges() { return stream }
        #endif
        return pollingChanges()
    }
}

private extension FileWatcher {
    func snapshot() -> [String: [String: FileStamp]] {
        Dictionary(folders.map { ($0.path, FileStamp.scan($0)) }, uniquingKeysWith: { first, _ in first })
    }

    func pollingChanges() -> AsyncStream<Void> {
        AsyncStream { continuation in
            let task = Task {
                var last = snapshot()
                while !Task.isCancelled {
                    try? await Task.sleep(for: pollInterval)
                    let now = snapshot()
                    if now != last {
                        last = now
                        continuation.yield()
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    #if canImport(Glibc)
    func inotifyChanges() -> AsyncStream<Void>? {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF)
        let folders = self.folders
        @Sendable func watchAll() {
            for folder in folders {
                for directory in [folder] + Self.subdirectories(of: folder) { _ = inotify_add_watch(descriptor, directory.path, mask) }
            }
        }
        watchAll()
        let settle = self.settle
        return AsyncStream { continuation in
            let task = Task.detached {
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                var pending = false
                var quietSince = ContinuousClock.now
                while !Task.isCancelled {
                    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    let ready = poll(&poller, 1, 20)
                    if ready > 0 {
                        while read(descriptor, &buffer, buffer.count) > 0 {}
                        pending = true
                        quietSince = .now
                        watchAll()
                    } else if pending, ContinuousClock.now - quietSince >= settle {
                        pending = false
                        continuation.yield()
                    }
                }
                close(descriptor)
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
    #endif

    static func subdirectories(of folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        return enumerator.compactMap { item in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true else { return nil }
            return url
        }
    }
}


