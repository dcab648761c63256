import Foundation
import Synchronization

/// `clinicsite serve` started as a child process, the way staff start it, with its messages collected.
public final class ServeProcess: Sendable {
    /// The running process.
    public let process: Process
    /// The port it said it is serving on.
    public let port: UInt16
    private let said: Mutex<String>
    private let errors: Pipe

    /// Starts `serve --port 0` with `arguments`, optionally under a lower open-file limit (`ulimit -n`), and
    /// waits until it says where it serves.
    public init(root: URL, arguments: [String] = [], environment: [String: String] = [:], openFileLimit: Int? = nil) throws {
        let process = Process()
        let command = [Executable.url.path, "serve", "--root", root.path, "--port", "0"] + arguments
        if let openFileLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(openFileLimit) && exec \"$@\"", "sh"] + command
        } else {
            process.executableURL = Executable.url
            process.arguments = Array(command.dropFirst())
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, text.firstMatch(of: /Serving on http:\/\/[^ ]+:(\d+)\//) == nil {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let match = text.firstMatch(of: /Serving on http:\/\/[^ ]+:(\d+)\//), let port = UInt16(match.1) else {
            process.terminate()
            throw POSIXError(.ETIMEDOUT)
        }
        self.process = process
        self.port = port
        self.errors = errors
        said = Mutex(text)
    }

    /// Sends `signal`, waits for the exit and returns everything it printed on standard error.
    public func stop(with signal: Int32 = SIGINT) -> String {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let rest = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return said.withLock { $0 + rest }
    }

    /// What it printed before it said where it serves.
    public var openingMessages: String { said.withLock { $0 } }
}
