import RecoverySchedule

/// How procedure dates are written in a patients CSV (`patient_dates:` in `site.yml`). ISO dates
/// (`2026-12-06`) are always read; a French or British Excel writes `06/12/2026`, an American one `12/06/2026`,
/// and since the two cannot be told apart, the clinic says which it uses.
public enum PatientDateFormat: String, Sendable, Equatable, CaseIterable {
    case iso = "YYYY-MM-DD"
    case dayMonthYear = "DD/MM/YYYY"
    case monthDayYear = "MM/DD/YYYY"

    /// The date `text` stands for in this format (or in ISO form); nil when it is not a valid date. A time of day
    /// after it (`06/12/2026 00:00`, as Excel writes a cell formatted as date and time) is read past.
    public func date(_ text: String) -> CivilDate? {
        guard let text = Self.withoutTime(text) else { return nil }
        if let date = CivilDate(iso: text) { return date }
        guard self != .iso, let (first, second, year) = Self.numbers(text) else { return nil }
        return self == .dayMonthYear ? CivilDate(year: year, month: second, day: first) : CivilDate(year: year, month: first, day: second)
    }

    /// Whether `text` is written as two numbers and a four-digit year (`06/12/2026`, `6.12.2026`), the form
    /// that needs `patient_dates:`.
    public static func looksDayOrMonthFirst(_ text: String) -> Bool {
        withoutTime(text).flatMap(numbers) != nil
    }

    /// `text` without a valid time of day after the date (`14:30`, `0:00:00`, `12:00 AM`; after a space, or a `T` in
    /// ISO form); nil when what follows the date is not one.
    private static func withoutTime(_ text: String) -> String? {
        guard let split = text.firstIndex(where: { $0 == " " || $0 == "T" }) else { return text }
        var time = Substring(text[text.index(after: split)...])
        var hours = 0...23
        for suffix in [" AM", " PM", " am", " pm"] where time.hasSuffix(suffix) {
            time = time.dropLast(suffix.count)
            hours = 1...12
        }
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), (1...2).contains(parts[0].count), parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), hours.contains(hour), parts.dropFirst().allSatisfy({ Int($0)! < 60 }) else { return nil }
        return String(text[..<split])
    }

    /// The three numbers of `d/m/yyyy`, `d.m.yyyy` or `d-m-yyyy` (one or two digits, then four).
    private static func numbers(_ text: String) -> (Int, Int, Int)? {
        guard let separator = text.first(where: { "/.-".contains($0) }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let first = Int(parts[0]), let second = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return (first, second, year)
    }
}
