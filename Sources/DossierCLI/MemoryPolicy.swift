#if canImport(Glibc)
private import CMalloc
#endif

/// How the process asks glibc's malloc to hold memory, set once before a command runs.
///
/// glibc serves a block above its mmap threshold (128 KB at first) from a mapping of its own,
/// returned to the system when freed, but after the first such block is freed it raises the
/// threshold to that block's size. A build renders tens of thousands of pages, each into a buffer
/// of 100 KB or more; with the threshold raised those buffers come from the heap of the thread
/// that made them and leave it larger than it stays full: 10 MB of the 10k build's peak. A fixed
/// threshold keeps large buffers in mappings of their own, at no measured cost in time.
enum MemoryPolicy {
    static let mmapThreshold: Int32 = 128 * 1024

    static func apply() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        #endif
    }
}
