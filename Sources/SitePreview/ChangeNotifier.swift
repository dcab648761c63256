import Foundation
import Glibc
import Synchronization

/// Linux's inotify on every folder under `content/` and `templates/`: the preview hears of a save at once
/// instead of finding it by polling. Events arrive on a thread of its own (a blocking `poll`), so no Swift
/// concurrency thread waits on the kernel.
final class ChangeNotifier: Sendable {
    private let descriptor: Int32
    private let root: URL
    private let stopped = Mutex(false)
    /// One element per batch of events read.
    let changes: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    /// Nil where inotify is not available (the caller then polls).
    init?(root: URL) {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.root = root
        (changes, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        watchFolders()
        Thread { [self] in readEvents() }.start()
    }

    deinit { close(descriptor) }

    /// Ends the stream and lets the reading thread finish.
    func stop() {
        stopped.withLock { $0 = true }
        continuation.finish()
    }

    /// Watches every folder below the inputs; adding a watch twice is harmless, so this runs again after
    /// each batch of events to cover folders created since.
    private func watchFolders() {
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)
        for folder in ["content", "templates"] {
            let top = root.appendingPathComponent(folder).path
            var pending = [top]
            while let path = pending.popLast() {
                guard inotify_add_watch(descriptor, path, mask) >= 0 else { continue }
                for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
                    var info = stat()
                    if lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { pending.append(path + "/" + name) }
                }
            }
        }
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while !stopped.withLock({ $0 }) {
            // A short timeout so that `stop()` is noticed; events themselves wake the poll at once.
            guard poll(&entry, 1, 200) > 0 else { continue }
            guard read(descriptor, &buffer, buffer.count) > 0 else { continue }
            watchFolders()
            continuation.yield()
        }
    }
}
