import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import RecoverySchedule
import ServiceLifecycle
import SiteDisk
import SiteGenerator
import Synchronization
import UnixSignals

/// `clinicsite serve`: builds the site into a private folder, serves it over HTTP, rebuilds when files
/// under `content/` or `templates/` change, and tells open pages to reload. `public/` is never touched.
///
/// HTTP is SwiftNIO's, through Hummingbird 2: its parser is linear and bounded (request line and headers
/// over the limits get 400), idle connections are closed, the number of connections is capped below the
/// process's file limit, and failing to accept a connection backs off instead of ending the server.
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
        /// Seconds a connection with no request in progress is kept open (shortened by tests).
        var idleSeconds: Int64 = 30
        /// How long a connection may take to send a whole request head (after opening, or after its last answer).
        var headSeconds: Int64 = 10
        /// Connections served at once (`Limits.maxConnections`; tests set fewer).
        var maxConnections = Limits.maxConnections

        /// Creates options.
        public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8000, subpath: String = "/", today: CivilDate) {
            self.root = root
            self.host = host
            self.port = port
            self.subpath = RequestPath.normalisedSubpath(subpath)
            self.today = today
        }

        /// Whether the chosen address lets other computers on the network reach the preview.
        public var isVisibleOnNetwork: Bool { HostCheck(listeningHost: host).listensBeyondLoopback }
    }

    /// Limits that keep one misbehaving client from taking the preview down.
    enum Limits {
        static let maxHeaderFieldSize = 16 * 1024
        static let maxHeaderListSize = 32 * 1024
        static let maxHeaderFieldCount = 100
        /// Connections served at once: half the descriptors this process may open, at most 2,048. A connection
        /// that sends no request head is closed after `headSeconds` (`RequestHeadTimeout`) and open tabs are
        /// capped apart (`ReloadHub.maxStreams`), so a crowd of idle or slow connections cannot keep pages out.
        static var maxConnections: Int {
            var limit = rlimit()
            guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 64 }
            return max(8, min(2048, Int(min(limit.rlim_cur, 1 << 20)) / 2 - 16))
        }
    }

    private let options: Options
    /// The private folder the site is built into.
    let siteFolder: URL
    private let state = PreviewState()
    private let hub = ReloadHub()
    private let report: @Sendable (String) -> Void
    private let listening = Mutex<UInt16?>(nil)
    private let group = Mutex<ServiceGroup?>(nil)

    /// Prepares a server; `report` receives the lines to show in the terminal.
    public init(options: Options, report: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.report = report
        siteFolder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-preview-\(UUID().uuidString)").appendingPathComponent("site")
    }

    /// Builds once, then serves and watches until `stop()` or one of `stopSignals` arrives; the private
    /// folder is removed before it returns. Throws when the address cannot be listened on.
    public func run(stopSignals: [UnixSignal] = []) async throws {
        defer { try? FileManager.default.removeItem(at: siteFolder.deletingLastPathComponent()) }
        await rebuild()
        try FileManager.default.createDirectory(at: siteFolder, withIntermediateDirectories: true)
        let responder = PreviewResponder(siteFolder: siteFolder, subpath: options.subpath, hosts: HostCheck(listeningHost: options.host),
                                         state: state, hub: hub)
        let headTimeout = TimeAmount.seconds(min(options.headSeconds, options.idleSeconds))
        // Idle connections give way, oldest first, once three quarters of the cap wait for a request.
        let waiting = WaitingConnections(limit: options.maxConnections * 3 / 4)
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [EarlyHandlersInstaller(headTimeout: headTimeout, waiting: waiting)],
            idleTimeout: .seconds(options.idleSeconds),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: Limits.maxHeaderFieldSize, maxHeaderListSize: Limits.maxHeaderListSize,
                                            maxHeaderFieldCount: Limits.maxHeaderFieldCount))
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        let app = Application(
            responder: responder,
            server: .http1(configuration: http1),
            configuration: .init(address: .hostname(host, port: Int(options.port)), serverName: nil,
                                 availableConnectionsDelegate: MaximumAvailableConnections(options.maxConnections)),
            onServerRunning: { channel in self.listening.withLock { $0 = channel.localAddress?.port.map(UInt16.init) } },
            logger: ReportingLogHandler.logger(report: report))
        let companion = PreviewCompanion(root: options.root, hub: hub) { await self.rebuild() }
        // Services stop in reverse order: the companion first, which ends the open event streams, so the
        // HTTP server then has no request left to wait for.
        let services = ServiceGroup(configuration: .init(services: [app, companion], gracefulShutdownSignals: stopSignals,
                                                         logger: Logger(label: "clinicsite.preview", factory: { _ in SwiftLogNoOpLogHandler() })))
        group.withLock { $0 = services }
        try await services.run()
    }

    /// The port actually listened on, once `run()` has started; nil if it has not within ten seconds.
    public func listeningPort() async -> UInt16? {
        for _ in 0..<1000 {
            if let port = listening.withLock({ $0 }) { return port }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return nil
    }

    /// Stops serving as a signal would; `run()` then returns.
    public func stop() async {
        let services = group.withLock { $0 }
        await services?.triggerGracefulShutdown()
    }

    /// Builds into the private folder. A failed build keeps the last good site and shows its errors.
    func rebuild() async {
        let started = Date()
        do throws(DiagnosticError) {
            let summary = try IncrementalBuild.run(root: options.root, output: siteFolder, baseURL: nil, today: options.today)
            for warning in summary.notes + summary.warnings + summary.withheld where warning.code != .missingBaseURL { report(warning.description) }
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
