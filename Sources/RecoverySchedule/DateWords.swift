import Foundation

extension CivilDate {
    /// The date written out for people in `language` (an ISO 639 code): "Tuesday, December 1, 2026" in
    /// English, "mardi 1 décembre 2026" in French.
    ///
    /// Uses the platform's locale data; the date is placed at noon UTC and formatted in UTC, so no
    /// time zone can move it to another day.
    public func written(in language: String) -> String {
        DateWordsCache.shared.formatter(for: language) { formatter in
            formatter.string(from: noonUTC)
        }
    }

    /// The date without the weekday: "December 1, 2026", "1 décembre 2026".
    public func writtenShort(in language: String) -> String {
        DateWordsCache.shared.formatter(for: language + "#long") { formatter in
            formatter.string(from: noonUTC)
        }
    }

    /// Weekday, day and month without the year, for short lists: "Tuesday, December 1", "mardi 1 décembre".
    public func writtenWithoutYear(in language: String) -> String {
        DateWordsCache.shared.formatter(for: language + "#noyear") { formatter in
            formatter.string(from: noonUTC)
        }
    }

    var noonUTC: Date {
        Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch) * 86_400 + 43_200)
    }
}

/// DateFormatter is expensive to create and not safe to share between threads, so each language's
/// formatter is created once and used under a lock.
private final class DateWordsCache: @unchecked Sendable {
    static let shared = DateWordsCache()
    private var formatters: [String: DateFormatter] = [:]
    private let lock = NSLock()

    func formatter<T>(for key: String, _ body: (DateFormatter) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let formatter = formatters[key] { return body(formatter) }
        let parts = key.split(separator: "#")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: String(parts[0]))
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = Calendar(identifier: .gregorian)
        switch parts.count > 1 ? String(parts[1]) : "" {
        case "long": formatter.dateStyle = .long
        case "noyear": formatter.setLocalizedDateFormatFromTemplate("EEEEdMMMM")
        default: formatter.dateStyle = .full
        }
        formatters[key] = formatter
        return body(formatter)
    }
}
