import FlyingFox
import FlyingSocks
import Foundation
import RecoverySchedule
import SiteDisk
import SiteGenerator

/// `clinicsite serve`: builds the site into a private folder, serves it over HTTP, rebuilds when files
/// under `content/` or `templates/` change, and tells open pages to reload. `public/` is never touched.
public final class PreviewServer: Sendable {
    /// Where and how to serve.
    public struct Options: Sendable {
        /// The site's folder.
        public var root: URL
        /// The address to listen on; 127.0.0.1 unless told otherwise.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: UInt16
        /// The path the site is served under, such as `/` or `/clinic/`; normalised once, here, to start and end with `/`.
        public var subpath: String
        /// Today's date, for review warnings.
        public var today: CivilDate

        /// Creates options.
        public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8000, subpath: String = "/", today: CivilDate) {
            self.root = root
            self.host = host
            self.port = port
            self.subpath = RequestPath.normalisedSubpath(subpath)
            self.today = today
        }
    }

    private let options: Options
    private let server: HTTPServer
    /// The private folder the site is built into.
    let siteFolder: URL
    private let state = PreviewState()
    private let hub = ReloadHub()
    private let report: @Sendable (String) -> Void

    /// Prepares a server; `report` receives the lines to show in the terminal.
    public init(options: Options, report: @escaping @Sendable (String) -> Void) throws {
        self.options = options
        self.report = report
        siteFolder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-preview-\(UUID().uuidString)").appendingPathComponent("site")
        let handler = PreviewHandler(siteFolder: siteFolder, subpath: options.subpath, state: state, hub: hub)
        let address: any SocketAddress
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        if host.contains(":") {
            address = try sockaddr_in6.inet6(ip6: host, port: options.port)
        } else {
            address = try sockaddr_in.inet(ip4: host, port: options.port)
        }
        server = HTTPServer(address: address, timeout: 3600, logger: QuietLogger(report: report), handler: handler)
    }

    /// Builds once, then serves and watches until `stop()`.
    public func run() async throws {
        await rebuild()
        try FileManager.default.createDirectory(at: siteFolder, withIntermediateDirectories: true)
        let watcher = SiteWatcher(root: options.root)
        let watching = Task { await watcher.watch { await self.rebuild() } }
        let keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 15_000_000_000)
                await hub.send(event: "ping", data: "")
            }
        }
        defer {
            watching.cancel()
            keepAlive.cancel()
            try? FileManager.default.removeItem(at: siteFolder.deletingLastPathComponent())
        }
        try await server.run()
    }

    /// The address and port actually listened on, once `run()` has started.
    public func listeningPort() async -> UInt16? {
        try? await server.waitUntilListening(timeout: 10)
        guard let address = await server.listeningAddress else { return nil }
        switch address {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return nil
        }
    }

    /// Stops serving; `run()` then returns (or throws, which `isStopping` tells apart from a failure).
    public func stop() async {
        stopRequested.set()
        await server.stop(timeout: 1)
    }

    /// Whether `stop()` was called: whatever `run()` throws after that is the end of a normal stop.
    public var isStopping: Bool { stopRequested.isSet }
    private let stopRequested = Flag()

    /// Builds into the private folder. A failed build keeps the last good site and shows its errors.
    func rebuild() async {
        let started = Date()
        do throws(DiagnosticError) {
            let summary = try IncrementalBuild.run(root: options.root, output: siteFolder, baseURL: nil, today: options.today)
            for warning in summary.warnings where warning.code != .missingBaseURL { report(warning.description) }
            report(String(format: "Built %d pages in %.2f s.", summary.pageCount, Date().timeIntervalSince(started)))
            await state.succeeded()
            await hub.send(event: "reload", data: "ok")
        } catch {
            for diagnostic in error.diagnostics { report(diagnostic.description) }
            report("The build failed; still serving the last good site. Fix the errors above and save.")
            await state.failed(error.diagnostics)
            await hub.send(event: "reload", data: "failed")
        }
    }
}
