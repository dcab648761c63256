import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices edits under `content/` and `templates/` by comparing a cheap signature of every file (path,
/// size, modification time) twice a second. Polling needs no platform API and costs a few milliseconds
/// even for thousands of files.
struct SiteWatcher: Sendable {
    let root: URL
    static let folders = ["content", "templates"]

    /// A value that changes whenever a file is added, removed or saved.
    func signature() -> [String] {
        var result: [String] = []
        for folder in Self.folders {
            let base = root.appendingPathComponent(folder).path
            for path in Self.files(below: base) {
                var info = stat()
                guard lstat(base + "/" + path, &info) == 0 else { continue }
                result.append("\(folder)/\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
            }
        }
        return result
    }

    private static func files(below folder: String) -> [String] {
        FileManager.default.subpaths(atPath: folder)?.filter { path in
            !path.split(separator: "/").contains { $0.hasPrefix(".") } && !path.hasSuffix("~")
        }.sorted() ?? []
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
