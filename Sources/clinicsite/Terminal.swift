import ArgumentParser
import Foundation
import Glibc
import RecoverySchedule
import SiteDisk
import SiteGenerator

/// Prints diagnostics for people: errors and warnings on standard error, one per line, each with its place.
enum Terminal {
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((visible(text) + "\n").utf8))
    }

    /// Writes text made from content or patient data to standard output.
    static func printOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(visible(text).utf8))
    }

    /// `text` with control characters shown as `<U+001B>` rather than obeyed: text from content could
    /// otherwise move the cursor, recolour or retitle the terminal (ANSI escape sequences).
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                shown.append(contentsOf: "<U+\(String(repeating: "0", count: 4 - hex.count))\(hex)>".unicodeScalars)
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }

    /// C0 (other than line feed and tab), DEL and C1: the characters terminals act on.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Today's date on this computer's calendar (its time zone, or `TZ`), or the date in `CLINICSITE_TODAY`
    /// (YYYY-MM-DD: a handout prepared ahead, tests that must not depend on the day they run). Asked of the C
    /// library: Foundation's `Calendar.current` sets up a calendar, locale and time zone first, a millisecond of every command.
    static var today: CivilDate {
        if let text = getenv("CLINICSITE_TODAY").map({ String(cString: $0) }), let date = CivilDate(iso: text), date.isSupported { return date }
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil,
              let date = CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) else {
            return CivilDate(daysSinceEpoch: 0)
        }
        return date
    }

    /// Runs a library call, turning its diagnostics into terminal output and a failing exit status.
    static func run<T>(_ body: () throws(DiagnosticError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            report(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            printError("clinicsite: \(errors) error\(errors == 1 ? "" : "s"); nothing was changed.")
            throw ExitCode.failure
        }
    }
}
