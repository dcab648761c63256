import ArgumentParser
import RecoverySchedule

/// Reads a date option such as `--date 2026-12-01`, with a message that says what is accepted.
enum DateArgument {
    static func parse(_ text: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text), date.isSupported else {
            throw ValidationError("--date must be a real date written YYYY-MM-DD from \(CivilDate.supportedRangeText), such as 2026-12-01")
        }
        return date
    }
}
