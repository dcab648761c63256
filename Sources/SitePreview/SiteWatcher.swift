import Foundation
import SiteDisk
import SiteGenerator

/// Notices edits under `content/` and `templates/` by comparing the inputs' metadata stamp (the one
/// `clinicsite build` uses to skip unchanged builds) a few times a second. Polling needs no platform API
/// and costs a few milliseconds even for thousands of files.
struct SiteWatcher: Sendable {
    let root: URL

    /// A value that changes whenever a file is added, removed or saved.
    func signature() -> String? {
        InputStamp.of(root: root)
    }

    /// Calls `changed` once for each burst of edits: after a change, it waits until nothing has changed for
    /// `quiet` seconds, so saving several files at once gives one rebuild.
    func watch(interval: Double = 0.3, quiet: Double = 0.25, changed: @Sendable () async -> Void) async {
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
