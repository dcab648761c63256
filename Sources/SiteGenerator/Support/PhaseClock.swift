import Foundation

/// With `CLINICSITE_PHASES=1` in the environment, a build prints how long each of its steps took to
/// standard error (`phase content: 912.4 ms`), so a slow build can be explained without a profiler.
package enum PhaseClock {
    private static let enabled = ProcessInfo.processInfo.environment["CLINICSITE_PHASES"] == "1"
    private static let lastMark = NSLock()
    nonisolated(unsafe) private static var last: UInt64?
    nonisolated(unsafe) private static var lastCPU: Int?

    /// Ends the step called `name`, which began at the previous mark.
    package static func mark(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Int(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000 + Int(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
        let (elapsed, spent) = lastMark.withLock {
            defer { last = now; lastCPU = cpu }
            return (Int(now.subtractingReportingOverflow(last ?? now).partialValue / 1000), cpu - (lastCPU ?? cpu))
        }
        // CPU time beside wall time shows how well a step keeps both cores busy; the peak resident memory so
        // far shows which step holds what.
        FileHandle.standardError.write(Data("phase \(name): \(tenths(elapsed)) ms (CPU \(tenths(spent)) ms, peak \(usage.ru_maxrss / 1024) MB)\n".utf8))
    }

    /// Microseconds as milliseconds to a tenth: a one-page rebuild's steps take a few milliseconds each.
    private static func tenths(_ microseconds: Int) -> String {
        let tenths = (microseconds + 50) / 100
        return "\(tenths / 10).\(tenths % 10)"
    }
}

