import ArgumentParser
import Foundation
import UnixSignals
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
        let server = PreviewServer(options: options) { line in Terminal.printError(line) }
        if options.isVisibleOnNetwork {
            Terminal.printError("""
            clinicsite: warning: listening on \(host), so other computers on the network can open this preview.
                hint: use the default (127.0.0.1) unless you mean to show the preview to someone else; never on a public network.
            """)
        }
        Task {
            if let listening = await server.listeningPort() {
                let shown = host.contains(":") ? "[\(host)]" : host
                Terminal.printError("Serving on http://\(shown):\(listening)\(options.subpath) — press Ctrl-C to stop.")
            }
        }
        do {
            // Ctrl-C (SIGINT) and SIGTERM stop the server cleanly: open pages are let go, the private build
            // folder is removed and the exit status is 0.
            try await server.run(stopSignals: [.sigint, .sigterm])
        } catch {
            // NIO's error names the system call; staff need to know the port is taken and what to do.
            let text = "\(error)"
            if text.contains("Address already in use") || text.contains("errno: 98") {
                Terminal.printError("clinicsite: port \(port) is already in use on \(host) (another preview, or another program, is listening there)\n"
                                    + "    hint: stop that one, or choose another port: clinicsite serve --port \(port == 8000 ? 8001 : port + 1) (or --port 0 for any free port)")
            } else {
                Terminal.printError("clinicsite: cannot serve on \(host):\(port): \(error)")
            }
            throw ExitCode.failure
        }
        Terminal.printError("Stopped.")
    }
}
