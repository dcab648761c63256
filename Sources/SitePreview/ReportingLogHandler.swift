import Logging

/// Hummingbird's log, reduced to what staff should see: errors only, as plain lines; requests are not logged.
struct ReportingLogHandler: LogHandler {
    let report: @Sendable (String) -> Void
    var logLevel: Logger.Level = .error
    var metadata: Logger.Metadata = [:]

    static func logger(report: @escaping @Sendable (String) -> Void) -> Logger {
        Logger(label: "clinicsite.preview") { _ in ReportingLogHandler(report: report) }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        report("server: \(event.message)" + (event.error.map { " (\($0))" } ?? ""))
    }
}
