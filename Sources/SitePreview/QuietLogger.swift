import FlyingFox
import FlyingSocks

/// Shows FlyingFox's errors only; requests are not logged.
struct QuietLogger: Logging {
    let report: @Sendable (String) -> Void
    func logDebug(_ debug: @autoclosure () -> String) {}
    func logInfo(_ info: @autoclosure () -> String) {}
    func logWarning(_ warning: @autoclosure () -> String) {}
    func logError(_ error: @autoclosure () -> String) { show(error()) }
    func logCritical(_ critical: @autoclosure () -> String) { show(critical()) }

    private func show(_ text: String) {
        // A browser closing its tab ends its event stream, and stopping cancels the listener: neither is
        // worth a message.
        if !text.contains("Disconnected") && !text.contains("CancellationError") { report("server: \(text)") }
    }
}
