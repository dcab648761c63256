import Synchronization
import Foundation

/// The `clinicsite` executable of this build, run as a child process the way staff run it.
public enum Executable {
    /// The executable beside the running test bundle, in whatever build folder and configuration it was built.
    public static let url: URL = {
        let tests = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: tests).deletingLastPathComponent().appendingPathComponent("clinicsite")
    }()

    /// The user and group id of `nobody` on Debian.
    public static let nobody: UInt32 = 65534

    /// What one run did.
    public struct Run: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var output: String
        /// Standard error.
        public var errors: String
    }

    /// Runs the executable with `arguments` (and extra environment variables) and waits for it.
    /// With `unprivileged`, a test running as root runs the executable as `nobody` (through `setpriv`),
    /// so file permissions apply to it as they do to clinic staff.
    /// With `fileBlocks`, no file it writes may grow past that many 512-byte blocks (`ulimit -f`, the signal ignored,
    /// so a write past it fails with "File too large" as a write to a full disk fails).
    public static func run(_ arguments: [String], environment: [String: String] = [:], unprivileged: Bool = false,
                           fileBlocks: Int? = nil) throws -> Run {
        let process = Process()
        if let fileBlocks {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -f \(fileBlocks); trap '' XFSZ; exec \"$0\" \"$@\"", url.path] + arguments
        } else if unprivileged && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        // The day the tests were written, so dates in them keep their meaning (a test may set another).
        process.environment = ProcessInfo.processInfo.environment.merging(["CLINICSITE_TODAY": "2026-12-07"].merging(environment) { $1 }) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes are drained at once, so a child that fills one cannot block on it.
        let errors = Collected()
        let done = DispatchSemaphore(value: 0)
        Thread {
            errors.data.withLock { $0 = err.fileHandleForReading.readDataToEndOfFile() }
            done.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        return Run(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                   errors: String(decoding: errors.data.withLock { $0 }, as: UTF8.self))
    }
}

/// Bytes read on another thread.
private final class Collected: Sendable {
    let data = Mutex(Data())
}
