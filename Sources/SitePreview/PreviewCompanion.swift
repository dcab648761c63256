import Foundation
import ServiceLifecycle

/// What runs beside the HTTP server: the file watcher that triggers rebuilds, and a keep-alive ping on
/// the event streams. On shutdown it closes every event stream, so no open tab holds the server up.
struct PreviewCompanion: Service {
    let root: URL
    let hub: ReloadHub
    let rebuild: @Sendable () async -> Void

    func run() async throws {
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await SiteWatcher(root: root).watch { await rebuild() } }
            tasks.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: 15_000_000_000)
                    await hub.send(event: "ping", data: "")
                }
            }
            // Returns at shutdown (or throws when cancelled); either way the work above ends.
            try? await gracefulShutdown()
            tasks.cancelAll()
        }
        await hub.close()
    }
}
