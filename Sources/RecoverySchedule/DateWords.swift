import Foundation
import Synchronization

extension CivilDate {
    /// The date written out for people in `language` (an ISO 639 code): "Tuesday, December 1, 2026" in
    /// English, "mardi 1 décembre 2026" in French.
    ///
    /// Uses the platform's locale data; the date is placed at noon UTC and formatted in UTC, so no
    /// time zone can move it to another day. Dates outside `supportedRange` are written as `YYYY-MM-DD`:
    /// the platform writes dates before 1583 on the Julian calendar, which would name the wrong day.
    public func written(in language: String) -> String {
        DateWords.shared.text(self, language: language, style: .full)
    }

    /// The date without the weekday: "December 1, 2026", "1 décembre 2026".
    public func writtenShort(in language: String) -> String {
        DateWords.shared.text(self, language: language, style: .long)
    }

    /// A short weekday and date for tight spaces: "Tue, Dec 1"; French writes words in full, "mardi 1er décembre",
    /// since its short weekday "mar." reads as the month "mars" beside short months.
    public func writtenBrief(in language: String) -> String {
        DateWords.shared.text(self, language: language, style: .brief)
    }

    /// A short weekday and date with its year: "Tue, Jan 12, 2027", "mardi 12 janvier 2027".
    public func writtenBriefWithYear(in language: String) -> String {
        DateWords.shared.text(self, language: language, style: .briefWithYear)
    }

    /// The weekday alone, short: "Tue"; in full in French ("mardi"), as `writtenBrief`.
    public func writtenWeekday(in language: String) -> String {
        DateWords.shared.text(self, language: language, style: .weekday)
    }

    /// Day and short month: "Dec 1", "1er déc.".
    public func writtenDayMonth(in language: String) -> String {
        DateWords.shared.text(self, language: language, style: .dayMonth)
    }

    /// The short form, with the year only when it is not `year`: on a handout the year is said once.
    public func writtenBrief(in language: String, sayingYearUnless year: Int) -> String {
        self.year == year ? writtenBrief(in: language) : writtenBriefWithYear(in: language)
    }
}

/// Formats dates in words. DateFormatter is slow and not safe to share between threads, and a batch of
/// patients uses the same few hundred dates again and again, so each text is made once and remembered
/// (a batch of 10,000 timelines took a fifth more CPU without: docs/benchmarks.md). `formatted` is the slow twin.
final class DateWords: Sendable {
    enum Style: Hashable, CaseIterable { case full, long, brief, briefWithYear, weekday, dayMonth }

    private struct Key: Hashable {
        var day: Int
        var language: String
        var style: Style
    }

    /// DateFormatter is not safe to share between threads, so the formatters and the texts made so far live
    /// behind one lock.
    private struct State {
        var formatters: [String: DateFormatter] = [:]
        var texts: [Key: String] = [:]
    }

    static let shared = DateWords()
    private let state = Mutex(State())

    func text(_ date: CivilDate, language: String, style: Style) -> String {
        guard date.isSupported else { return date.iso }
        let key = Key(day: date.daysSinceEpoch, language: language, style: style)
        return state.withLock { state in
            if let text = state.texts[key] { return text }
            let text = Self.format(date, language: language, style: style, in: &state)
            state.texts[key] = text
            return text
        }
    }

    /// The date formatted again, not remembered: what `text` must give.
    func formatted(_ date: CivilDate, language: String, style: Style) -> String {
        guard date.isSupported else { return date.iso }
        return state.withLock { Self.format(date, language: language, style: style, in: &$0) }
    }

    private static func format(_ date: CivilDate, language: String, style: Style, in state: inout State) -> String {
        let noonUTC = Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch) * 86_400 + 43_200)
        var text = formatter(language: language, style: style, in: &state).string(from: noonUTC)
        // French writes the first of the month as an ordinal: "1er décembre".
        if language == "fr" && date.day == 1, let one = text.firstMatch(of: /(^|\s)1(?=\s)/) {
            text.replaceSubrange(one.range, with: one.1 + "1er")
        }
        return text
    }

    private static func formatter(language: String, style: Style, in state: inout State) -> DateFormatter {
        let name = "\(language)#\(style)"
        if let formatter = state.formatters[name] { return formatter }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = Calendar(identifier: .gregorian)
        switch style {
        case .full: formatter.dateStyle = .full
        case .long: formatter.dateStyle = .long
        // French short weekdays ("mar.") read as short months ("mars"): its brief forms use whole words.
        case .brief: formatter.setLocalizedDateFormatFromTemplate(language == "fr" ? "EEEEdMMMM" : "EEEdMMM")
        case .briefWithYear: formatter.setLocalizedDateFormatFromTemplate(language == "fr" ? "EEEEdMMMMy" : "EEEdMMMy")
        case .weekday: formatter.setLocalizedDateFormatFromTemplate(language == "fr" ? "EEEE" : "EEE")
        case .dayMonth: formatter.setLocalizedDateFormatFromTemplate("dMMM")
        }
        state.formatters[name] = formatter
        return formatter
    }
}
