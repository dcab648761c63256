import Foundation
import SiteDisk
import SiteGenerator

/// Notices edits under `content/` and `templates/`: told by the kernel (inotify) where it can, otherwise by
/// comparing the inputs' metadata stamp (the one `clinicsite build` uses to skip unchanged builds) a few
/// times a second. Either way the stamp decides whether anything really changed.
struct SiteWatcher: Sendable {
    let root: URL

    /// A value that changes whenever a file is added, removed or saved.
    func signature() -> String? {
        InputStamp.of(root: root)
    }

    /// Calls `changed` once for each burst of edits: after a change, it waits until nothing has changed for
    /// `quiet` seconds, so saving several files at once gives one rebuild.
    func watch(changed: @Sendable () async -> Void) async {
        guard let notifier = ChangeNotifier(root: root) else {
            await poll(changed: changed)
            return
        }
        defer { notifier.stop() }
        var last = signature()
        // Rebuilding as the events come would build half-saved sets of files: each event restarts a short wait.
        let quiet = 0.1
        var events = notifier.changes.makeAsyncIterator()
        while !Task.isCancelled {
            guard await events.next() != nil else { return }
            var current = signature()
            while true {
                try? await Task.sleep(nanoseconds: UInt64(quiet * 1e9))
                let next = signature()
                if next == current { break }
                current = next
            }
            guard current != last else { continue }
            last = current
            await changed()
        }
    }

    /// The fallback: compares the stamp every `interval` seconds.
    func poll(interval: Double = 0.3, quiet: Double = 0.25, changed: @Sendable () async -> Void) async {
        var last = signature()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
            var current = signature()
            guard current != last else { continue }
            // Let a burst of saves settle.
            while true {
                try? await Task.sleep(nanoseconds: UInt64(quiet * 1e9))
                let next = signature()
                if next == current { break }
                current = next
            }
            last = current
            await changed()
        }
    }
}
