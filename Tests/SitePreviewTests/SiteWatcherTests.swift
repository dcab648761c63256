import Foundation
import Synchronization
import TestSupport
import Testing
@testable import SitePreview

/// Both ways of noticing a save (the kernel's notification and the polling fallback) report a change once.
@Suite struct SiteWatcherTests {
    final class Counter: Sendable {
        let count = Mutex(0)
    }

    static func watchOnce(polling: Bool) async throws -> Int {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let counter = Counter()
        let watcher = SiteWatcher(root: root)
        let watching = Task {
            if polling {
                await watcher.poll(interval: 0.05, quiet: 0.05) { counter.count.withLock { $0 += 1 } }
            } else {
                await watcher.watch { counter.count.withLock { $0 += 1 } }
            }
        }
        try await Task.sleep(nanoseconds: 300_000_000)
        // A new folder (not a change by itself: no file in it yet), then a page in it: the notifier must watch
        // folders made after it started.
        let folder = root.appendingPathComponent("content/en/more")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await Task.sleep(nanoseconds: 300_000_000)
        try "# More\n".write(to: folder.appendingPathComponent("page.md"), atomically: true, encoding: .utf8)
        for _ in 0..<50 where counter.count.withLock({ $0 }) < 1 { try await Task.sleep(nanoseconds: 100_000_000) }
        watching.cancel()
        _ = await watching.value
        return counter.count.withLock { $0 }
    }

    @Test func theKernelsNotificationSeesSavesInNewFolders() async throws {
        #expect(try await Self.watchOnce(polling: false) == 1)
    }

    @Test func pollingStillWorksWhereThereIsNoNotification() async throws {
        #expect(try await Self.watchOnce(polling: true) == 1)
    }
}
