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

    /// A short weekday and date for tight spaces: "Tue, Dec 1", "mar. 1 déc.".
    public func writtenBrief(in language: String) -> String {
        DateWords.shared.text(self, language: language, style: .brief)
    }
}

/// Formats dates in words. DateFormatter is slow and not safe to share between threads, and a batch of
/// patients uses the same few hundred dates again and again, so each text is made once and remembered.
private final class DateWords: Sendable {
    enum Style: Hashable { case full, long, brief }

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
            let noonUTC = Date(timeIntervalSince1970: TimeInterval(key.day) * 86_400 + 43_200)
            let text = Self.formatter(language: language, style: style, in: &state).string(from: noonUTC)
            state.texts[key] = text
            return text
        }
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
        case .brief: formatter.setLocalizedDateFormatFromTemplate("EEEdMMM")
        }
        state.formatters[name] = formatter
        return formatter
    }
}
