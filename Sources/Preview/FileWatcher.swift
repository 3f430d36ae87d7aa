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
    /// Quiet time that ends a burst of events while a file is still being written (its last
    /// event opened or changed it).
    let settle: Duration
    /// Quiet time that ends a burst whose last event finished a file (closed after writing,
    /// renamed into place, removed): an editor's save-and-rename and a `git checkout`'s files
    /// follow each other within a millisecond, and this wait is part of every rebuild's delay.
    let settleAfterWrite: Duration
    private let pollInterval: Duration
    /// For tests: the first wait for inotify events fails with this `errno`, as a broken
    /// descriptor would make it.
    let failingWait: Int32?

    public convenience init(folders: [URL], settle: Duration = .milliseconds(20), settleAfterWrite: Duration = .milliseconds(4),
                            pollInterval: Duration = .milliseconds(300)) {
        self.init(folders: folders, settle: settle, settleAfterWrite: settleAfterWrite, pollInterval: pollInterval, failingWait: nil)
    }

    init(folders: [URL], settle: Duration = .milliseconds(20), settleAfterWrite: Duration = .milliseconds(4),
         pollInterval: Duration = .milliseconds(300), failingWait: Int32?) {
        self.folders = folders.map { $0.resolvingSymlinksInPath() }
        self.settle = settle
        self.settleAfterWrite = min(settle, settleAfterWrite)
        self.pollInterval = pollInterval
        self.failingWait = failingWait
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
    /// The stamps of the files below some folders as last looked at: where there is no inotify,
    /// or it fails, changes are found by looking again.
    struct Stamps {
        let folders: [URL]
        private var last: [String: [String: FileStamp]]

        init(of folders: [URL]) {
            self.folders = folders
            last = Self.scan(folders)
        }

        /// Looks again; whether anything differs from the last look.
        mutating func changed() -> Bool {
            let now = Self.scan(folders)
            defer { last = now }
            return now != last
        }

        private static func scan(_ folders: [URL]) -> [String: [String: FileStamp]] {
            Dictionary(folders.map { ($0.path, FileStamp.scan($0)) }, uniquingKeysWith: { first, _ in first })
        }
    }

    func pollingChanges() -> AsyncStream<Void> {
        let folders = self.folders
        return AsyncStream { continuation in
            let task = Task {
                var stamps = Stamps(of: folders)
                while !Task.isCancelled {
                    try? await Task.sleep(for: pollInterval)
                    if stamps.changed() { continuation.yield() }
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
        // The loop waits in `poll`, so it runs on a thread of its own: as a task it would hold
        // one of the few threads Swift's tasks share (two on a two-core machine) for as long as
        // the watcher lives, and two watchers would leave none for anything else. Ending the
        // stream writes to `wake`, which ends the wait at once.
        var wake: [Int32] = [-1, -1]
        guard pipe(&wake) == 0 else {
            close(descriptor)
            return nil
        }
        for end in wake {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        let wakeRead = wake[0], waker = Waker(descriptor: wake[1])
        let settle = self.settle, settleAfterWrite = self.settleAfterWrite, pollInterval = self.pollInterval
        let failingWait = self.failingWait
        return AsyncStream { continuation in
            let thread = Thread {
                // Named for `top -H` and the test that counts watcher threads (15 bytes at most).
                Thread.current.name = "file watcher"
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                var pending = false
                var failingWait = failingWait
                var quietSince = ContinuousClock.now
                var quiet = settle
                var pollers = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
                while true {
                    // Wake when the burst has been quiet long enough, or when the stream ends.
                    let wait = pending ? max(1, Self.milliseconds(quiet - (ContinuousClock.now - quietSince))) : -1
                    let ready: Int32
                    if let failure = failingWait {
                        (ready, errno, failingWait) = (-1, failure, nil)
                    } else {
                        ready = poll(&pollers, 2, wait)
                    }
                    if ready < 0, errno == EINTR { continue }
                    if ready >= 0, pollers[1].revents != 0 { break }
                    if ready < 0 {
                        // inotify can no longer be waited on: the watcher goes on comparing
                        // the folders' stamps, as where there is no inotify, rather than
                        // leaving the preview to stop noticing edits without a word.
                        Self.compareStamps(of: folders, every: pollInterval, until: wakeRead) { continuation.yield() }
                        break
                    }
                    if ready > 0 {
                        var batch = Batch()
                        while case let count = read(descriptor, &buffer, buffer.count), count > 0 {
                            batch.add(events: buffer.prefix(count))
                        }
                        pending = true
                        quietSince = .now
                        quiet = batch.lastFinishedAFile ? settleAfterWrite : settle
                        // New folders are watched as they come; renewing every watch after each
                        // batch would read every folder's entries on every save.
                        if batch.needsNewWatches { watchAll() }
                    } else if pending, ContinuousClock.now - quietSince >= quiet {
                        pending = false
                        continuation.yield()
                    }
                }
                continuation.finish()
                close(descriptor)
                close(wakeRead)
                waker.close()
            }
            continuation.onTermination = { _ in waker.wake() }
            thread.start()
        }
    }

    /// Compares the stamps of the files below `folders` every `interval`, calling `changed`
    /// when they differ, until `wake` is readable (the stream ended) or closed. Events not yet
    /// read when inotify failed are lost, so `changed` is called once as soon as the first
    /// stamps are taken: whatever happened before them is seen by the rebuild that follows,
    /// whatever happens after by comparing with them.
    static func compareStamps(of folders: [URL], every interval: Duration, until wake: Int32, changed: () -> Void) {
        var stamps = Stamps(of: folders)
        changed()
        var waiter = [pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&waiter, 1, milliseconds(interval))
            if ready < 0, errno != EINTR {
                // Not even the pipe can be waited on: sleep the interval, then read it (it does
                // not block): a byte, or its writing end closed, means the stream ended.
                usleep(UInt32(clamping: Int(milliseconds(interval)) * 1000))
                var byte: UInt8 = 0
                if read(wake, &byte, 1) != -1 || errno != EAGAIN { return }
            } else if ready > 0 {
                return
            }
            if stamps.changed() { changed() }
        }
    }
    #endif

    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }

    /// The folders below `folder`, found from directory entries' types without a stat per file:
    /// watches are renewed when folders appear, and `content/` holds thousands of files.
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

#if canImport(Glibc)
extension FileWatcher {
    /// The writing end of the pipe that ends the watcher thread's wait; written to and closed
    /// under one lock, so that a late wake never writes to a descriptor since reused.
    final class Waker: @unchecked Sendable {
        private let lock = NSLock()
        private var descriptor: Int32?

        init(descriptor: Int32) { self.descriptor = descriptor }

        func wake() {
            lock.withLock {
                var byte: UInt8 = 1
                if let descriptor { _ = write(descriptor, &byte, 1) }
            }
        }

        func close() {
            lock.withLock {
                if let descriptor { _ = Glibc.close(descriptor) }
                descriptor = nil
            }
        }
    }

    /// What one read of inotify events says.
    struct Batch {
        /// Whether a folder appeared (created or moved in) or events were lost (the queue
        /// overflowed): the watches must be renewed.
        var needsNewWatches = false
        /// Whether the last event finished a file rather than started or changed it.
        var lastFinishedAFile = false

        /// Reads `events`, a whole number of `inotify_event` records.
        mutating func add(events: ArraySlice<UInt8>) {
            events.withUnsafeBytes { bytes in
                var offset = 0
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= bytes.count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    add(mask: event.mask)
                    offset += header + Int(event.len)
                }
            }
        }

        mutating func add(mask: UInt32) {
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            if mask & UInt32(IN_Q_OVERFLOW) != 0 || isFolder && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { needsNewWatches = true }
            // A rename's two halves come together; a removed or closed file is done with.
            lastFinishedAFile = mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF) != 0
        }
    }
}
#endif
