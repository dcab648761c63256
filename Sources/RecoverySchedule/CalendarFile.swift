import Foundation

/// An all-day event for a calendar file.
public struct CalendarEvent: Sendable, Hashable {
    /// A globally unique, stable id: the same patient and event must give the same UID on every run,
    /// so importing a file again updates events instead of duplicating them.
    public var uid: String
    /// The first day.
    public var start: CivilDate
    /// The last day (inclusive); written as the exclusive `DTEND` of RFC 5545.
    public var last: CivilDate
    /// The event's title.
    public var summary: String
    /// Longer text, optional.
    public var description: String?

    /// Creates an event.
    public init(uid: String, start: CivilDate, last: CivilDate, summary: String, description: String? = nil) {
        self.uid = uid
        self.start = start
        self.last = max(last, start)
        self.summary = summary
        self.description = description
    }
}

/// Writes RFC 5545 calendar files: CRLF line endings, lines folded at 75 octets, escaped text, all-day
/// events as `VALUE=DATE` with an exclusive end. Output depends only on its input, never on the clock.
public enum CalendarFile {
    /// The whole `.ics` text. `stamp` becomes every event's `DTSTAMP` (midnight UTC of that date), so
    /// the file stays byte-identical between runs.
    public static func document(events: [CalendarEvent], name: String, language: String, stamp: CivilDate) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//clinicsite//Recovery timeline//\(language.uppercased())",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(name))",
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(escape(event.uid))",
                "DTSTAMP:\(compact(stamp))T000000Z",
                "DTSTART;VALUE=DATE:\(compact(event.start))",
                "DTEND;VALUE=DATE:\(compact(event.last.adding(days: 1)))",
                "SUMMARY;LANGUAGE=\(language):\(escape(event.summary))",
            ]
            if let description = event.description { lines.append("DESCRIPTION;LANGUAGE=\(language):\(escape(description))") }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ date: CivilDate) -> String {
        String(date.iso.filter { $0 != "-" })
    }

    /// Escapes TEXT values (RFC 5545 section 3.3.11).
    static func escape(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }) {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default:
                // Other control characters are not allowed in TEXT.
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Folds a content line so no physical line exceeds 75 octets, never splitting a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        if line.utf8.count <= 75 { return line }
        var result = ""
        var used = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = scalar.value < 0x80 ? 1 : scalar.value < 0x800 ? 2 : scalar.value < 0x10000 ? 3 : 4
            if used + size > limit {
                result += "\r\n "
                used = 0
                limit = 74 // The leading space counts toward the next line's 75 octets.
            }
            result.unicodeScalars.append(scalar)
            used += size
        }
        return result
    }
}
