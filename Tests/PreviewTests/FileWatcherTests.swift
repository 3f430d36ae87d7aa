import Foundation
import Testing
@testable import Preview

#if canImport(Glibc)
import Glibc

struct FileWatcherTests {
    /// Waits for the watcher's next batch, or gives up after `seconds`; returns whether one came.
    final class Batches: @unchecked Sendable {
        private var iterator: AsyncStream<Void>.Iterator

        init(_ watcher: FileWatcher) { iterator = watcher.changes().makeAsyncIterator() }

        func next(seconds: Double = 15) async -> Bool {
            await withTaskGroup(of: Bool.self) { group in
                group.addTask { [self] in await iterator.next() != nil }
                group.addTask {
                    try? await Task.sleep(for: .seconds(seconds))
                    return false
                }
                let first = await group.next()!
                group.cancelAll()
                return first
            }
        }
    }

    /// A folder made while the watcher runs is watched too: a file saved in it later is noticed,
    /// as is one in a folder moved in from outside, and one below a folder made with its parents.
    @Test func filesInFoldersMadeAfterTheStartAreNoticed() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("watch-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("inner"), withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let batches = Batches(FileWatcher(folders: [root]))
        // The watches are made when the stream starts; let it.
        try await Task.sleep(for: .milliseconds(100))

        try FileManager.default.createDirectory(at: root.appendingPathComponent("raw"), withIntermediateDirectories: false)
        #expect(await batches.next(), "a new folder is a change")
        try "Text".write(to: root.appendingPathComponent("raw/a.txt"), atomically: true, encoding: .utf8)
        #expect(await batches.next(), "a file saved in the new folder is noticed")

        try FileManager.default.moveItem(at: outside, to: root.appendingPathComponent("moved"))
        #expect(await batches.next(), "a folder moved in is a change")
        try "Text".write(to: root.appendingPathComponent("moved/inner/b.txt"), atomically: false, encoding: .utf8)
        #expect(await batches.next(), "a file in a folder below the moved one is noticed")

        try FileManager.default.createDirectory(at: root.appendingPathComponent("x/y/z"), withIntermediateDirectories: true)
        #expect(await batches.next())
        try "Text".write(to: root.appendingPathComponent("x/y/z/c.txt"), atomically: false, encoding: .utf8)
        #expect(await batches.next(), "a file below a folder made with its parents is noticed")
    }

    /// When inotify can no longer be waited on (a broken descriptor, here simulated), the
    /// watcher goes on comparing the files' stamps: it reports one change for whatever it may
    /// have missed, then each edit once. Before, its thread ended quietly and the preview
    /// stopped noticing edits.
    @Test func aWatcherWhoseWaitFailsGoesOnComparingStamps() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        let drafts = FileManager.default.temporaryDirectory.appendingPathComponent("watch-drafts-\(UUID().uuidString)")
        for folder in [root, drafts] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { for folder in [root, drafts] { try? FileManager.default.removeItem(at: folder) } }
        let changes = FileWatcher(folders: [root], pollInterval: .milliseconds(50), failingWait: EBADF).changes()
        final class Count: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            var current: Int { lock.withLock { value } }
            func add() { lock.withLock { value += 1 } }
            /// Waits up to ten seconds for the count to reach `target`.
            func reaches(_ target: Int) async -> Bool {
                for _ in 0..<500 where current < target { try? await Task.sleep(for: .milliseconds(20)) }
                return current >= target
            }
        }
        /// Saves `text` as `a.md` in one step (a rename), so no look at the folder can find it
        /// half done and count two changes.
        func save(_ text: String) throws {
            let draft = drafts.appendingPathComponent("a.md")
            try text.write(to: draft, atomically: false, encoding: .utf8)
            guard rename(draft.path, root.appendingPathComponent("a.md").path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
        let count = Count()
        let watching = Task { for await _ in changes { count.add() } }
        defer { watching.cancel() }
        // However late the watcher's thread starts, its first change comes once it has taken
        // the stamps the edits below are compared with.
        #expect(await count.reaches(1), "the switch to comparing stamps reports what it may have missed")
        try await Task.sleep(for: .milliseconds(300))
        #expect(count.current == 1, "once, and nothing more while nothing changes")
        try save("Text")
        #expect(await count.reaches(2), "an edit after the failure is noticed")
        try await Task.sleep(for: .milliseconds(300))
        #expect(count.current == 2, "once")
        try save("Text, longer")
        #expect(await count.reaches(3), "and the next edit too")
    }

    /// A watcher waits on a thread of its own, not on one of the threads Swift's tasks share
    /// (as many as the machine has cores): as a task, two watchers, a server's and a test's,
    /// held every such thread on a two-core machine and everything waiting on a task hung. The
    /// thread ends with the watcher's stream.
    @Test func watchersWaitOnThreadsOfTheirOwnThatEndWithThem() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        /// The process's threads named as the watcher names its own (other tests' servers may add some).
        func watcherThreads() -> Int {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
            return tasks.count { (try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8)) == "file watcher\n" }
        }
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        // The streams are made here, not in the tasks, which start only when a thread is free.
        let watchers = (0..<count).map { _ in FileWatcher(folders: [root]).changes() }.map { changes in
            Task { for await _ in changes {} }
        }
        // Looking without `await`: watchers that held every task thread would never let this
        // task resume to look.
        var running = 0
        for _ in 0..<750 where running < count {
            usleep(20_000)
            running = watcherThreads()
        }
        #expect(running >= count, "each watcher has its thread")
        for watcher in watchers { watcher.cancel() }
        for _ in 0..<750 where running >= count {
            try await Task.sleep(for: .milliseconds(20))
            running = watcherThreads()
        }
        #expect(running < count, "the threads end with the streams")
    }

    /// How long a burst must be quiet depends on its last event: a file closed after writing,
    /// renamed into place or removed is done with; one just created or changed may be written on.
    @Test(arguments: [
        (IN_CLOSE_WRITE, true, false), (IN_MOVED_TO, true, false), (IN_MOVED_FROM, true, false), (IN_DELETE, true, false),
        (IN_MODIFY, false, false), (IN_CREATE, false, false), (IN_ATTRIB, false, false),
        (IN_CREATE | IN_ISDIR, false, true), (IN_MOVED_TO | IN_ISDIR, true, true), (IN_Q_OVERFLOW, false, true),
        (IN_DELETE | IN_ISDIR, true, false),
    ])
    func aBatchReadsItsEvents(mask: Int32, finished: Bool, rewatch: Bool) {
        var batch = FileWatcher.Batch()
        // Records as the kernel writes them: a header, then the name padded with zeros.
        var bytes: [UInt8] = []
        for (eventMask, name) in [(UInt32(IN_MODIFY), "vorher.md"), (UInt32(bitPattern: mask), "datei.md")] {
            var event = inotify_event()
            (event.wd, event.mask, event.len) = (1, eventMask, 16)
            withUnsafeBytes(of: &event) { bytes += $0 }
            bytes += Array(name.utf8) + [UInt8](repeating: 0, count: 16 - name.utf8.count)
        }
        batch.add(events: bytes[...])
        #expect(batch.lastFinishedAFile == finished)
        #expect(batch.needsNewWatches == rewatch)
    }
}
#endif
