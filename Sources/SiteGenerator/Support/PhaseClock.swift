import Foundation

/// With `CLINICSITE_PHASES=1` in the environment, a build prints how long each of its steps took to
/// standard error (`phase content: 912 ms`), so a slow build can be explained without a profiler.
package enum PhaseClock {
    private static let enabled = ProcessInfo.processInfo.environment["CLINICSITE_PHASES"] == "1"
    private static let lastMark = NSLock()
    nonisolated(unsafe) private static var last: UInt64?

    /// Ends the step called `name`, which began at the previous mark.
    package static func mark(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsed = lastMark.withLock {
            defer { last = now }
            return now.subtractingReportingOverflow(last ?? now).partialValue / 1_000_000
        }
        FileHandle.standardError.write(Data("phase \(name): \(elapsed) ms\n".utf8))
    }
}

