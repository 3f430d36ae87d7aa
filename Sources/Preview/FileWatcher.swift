import Foundation
import Site
#if canImport(Glibc)
import Glibc
#endif

/// Reports changes below some folders, batching bursts (an editor's save-and-rename, a
/// `git checkout` of many files) into one signal.
///
/// Uses inotify on Linux; elsewhere, or when inotify is unavailable, it polls file stamps.
public final class FileWatcher: @unchecked Sendable {
    let folders: [URL]
    /// Quiet time that ends a burst of events: an editor's save-and-rename comes within a
    /// millisecond, and this wait is part of every rebuild's delay.
    let settle: Duration
    private let pollInterval: Duration

    public init(folders: [URL], settle: Duration = .milliseconds(20), pollInterval: Duration = .milliseconds(300)) {
        self.folders = folders.map { $0.resolvingSymlinksInPath() }
        self.settle = settle
        self.pollInterval = pollInterval
    }

    /// One element per batch of changes, until the task is cancelled.
    public func changes() -> AsyncStream<Void> {
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
                    // Wake when the burst has been quiet for `settle`, or now and then to notice cancellation.
                    let wait = pending ? max(1, Self.milliseconds(settle - (ContinuousClock.now - quietSince))) : 250
                    let ready = poll(&poller, 1, wait)
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

    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }

    /// The folders below `folder`, found from directory entries' types without a stat per file:
    /// watches are renewed after every batch, and `content/` holds thousands of files.
    static func subdirectories(of folder: URL) -> [URL] {
        var found: [URL] = []
        func walk(_ path: String) {
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let type = entry.pointee.d_type
                guard type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN) else { continue }
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                if type == UInt8(DT_UNKNOWN) {
                    // Some file systems leave the type out: ask.
                    var info = stat()
                    guard lstat(path + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
                }
                found.append(URL(fileURLWithPath: path + "/" + name, isDirectory: true))
                walk(path + "/" + name)
            }
        }
        walk(folder.path)
        return found
    }
}


