import ArgumentParser
import Foundation
import SitePreview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site while you edit: serve it, rebuild on every save, reload the browser.",
        discussion: """
        Builds the site into a private folder (public/ is not touched) and serves it at \
        http://127.0.0.1:8000/. Every time a file under content/ or templates/ is saved, the site is \
        rebuilt and open pages reload by themselves. When a build fails, the errors are printed here and \
        shown in the browser, and the last good site keeps being served. Press Ctrl-C to stop.
        """
    )

    @OptionGroup var site: SiteRootOption

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "n"))
    var port: Int = 8000

    @Option(name: .long, help: ArgumentHelp("The address to listen on. Only this computer can connect to the default.", valueName: "addr"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Serve the site under this path, to preview hosting in a sub-folder, such as /clinic/.", valueName: "path"))
    var subpath: String = "/"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard subpath.hasPrefix("/"), !subpath.contains(".."), !subpath.contains("//") else {
            throw ValidationError("--subpath must start with / and name a folder, such as /clinic/")
        }
    }

    func run() async throws {
        let options = PreviewServer.Options(root: site.url, host: host, port: UInt16(port), subpath: subpath, today: Terminal.today)
        let server: PreviewServer
        do {
            server = try PreviewServer(options: options) { line in Terminal.printError(line) }
        } catch {
            Terminal.printError("clinicsite: cannot listen on \(host):\(port): \(error)")
            throw ExitCode.failure
        }
        // Ctrl-C stops the server cleanly: the private build folder is removed and the exit status is 0.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        for source in signals {
            source.setEventHandler { Task { await server.stop() } }
            source.resume()
        }
        Task {
            if let listening = await server.listeningPort() {
                let shown = host.contains(":") ? "[\(host)]" : host
                Terminal.printError("Serving on http://\(shown):\(listening)\(options.subpath) — press Ctrl-C to stop.")
            }
        }
        // The signal sources must outlive the server: released early (an optimised build may release a local
        // after its last use), they stop listening and Ctrl-C no longer stops the preview.
        defer { withExtendedLifetime(signals) {} }
        do {
            try await server.run()
        } catch where server.isStopping || error is CancellationError {
            // Stopping cancels the listening socket; whatever that throws is a normal end.
        } catch {
            Terminal.printError("clinicsite: the server stopped: \(error)")
            throw ExitCode.failure
        }
        Terminal.printError("Stopped.")
    }
}
