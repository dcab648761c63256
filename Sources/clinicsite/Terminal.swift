import ArgumentParser
import Foundation
import RecoverySchedule
import SiteDisk
import SiteGenerator

/// Prints diagnostics for people: errors and warnings on standard error, one per line, each with its place.
enum Terminal {
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Today's date on this computer's calendar.
    static var today: CivilDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? CivilDate(daysSinceEpoch: 0)
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
