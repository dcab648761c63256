import Foundation

/// Writes RFC 5545 calendar files: CRLF line endings, lines folded at 75 octets, escaped text, all-day
/// events as `VALUE=DATE` with an exclusive end. Output depends only on its input, never on the clock.
public enum CalendarFile {
    /// The whole `.ics` text. `stamp` becomes every event's `DTSTAMP` (midnight UTC of that date), so
    /// the file stays byte-identical between runs.
    public static func document(events: [CalendarEvent], name: String, description: String? = nil, language: String, stamp: CivilDate) -> String {
        var writer = Writer()
        writer.line("BEGIN:VCALENDAR")
        writer.line("VERSION:2.0")
        writer.line("PRODID:-//clinicsite//Recovery timeline//\(language.uppercased())")
        writer.line("CALSCALE:GREGORIAN")
        writer.line("METHOD:PUBLISH")
        writer.line("X-WR-CALNAME:", text: name)
        if let description { writer.line("X-WR-CALDESC:", text: description) }
        let stampLine = "DTSTAMP:\(compact(stamp))T000000Z"
        for event in events {
            writer.line("BEGIN:VEVENT")
            writer.line("UID:", text: event.uid)
            writer.line(stampLine)
            writer.line("DTSTART;VALUE=DATE:\(compact(event.start))")
            writer.line("DTEND;VALUE=DATE:\(compact(event.last.adding(days: 1)))")
            writer.line("SUMMARY;LANGUAGE=\(language):", text: event.summary)
            if let description = event.description { writer.line("DESCRIPTION;LANGUAGE=\(language):", text: description) }
            if let location = event.location, !location.isEmpty { writer.line("LOCATION;LANGUAGE=\(language):", text: location) }
            writer.line("TRANSP:TRANSPARENT")
            if let hour = event.reminderHour {
                // An all-day event starts at midnight where the patient is; the reminder comes that morning.
                writer.line("BEGIN:VALARM")
                writer.line("ACTION:DISPLAY")
                writer.line("DESCRIPTION;LANGUAGE=\(language):", text: event.summary)
                writer.line("TRIGGER;RELATED=START:PT\(max(0, min(hour, 23)))H")
                writer.line("END:VALARM")
            }
            writer.line("END:VEVENT")
        }
        writer.line("END:VCALENDAR")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// `YYYYMMDD` (RFC 5545's DATE form), from the ISO form so no year is cut short.
    static func compact(_ date: CivilDate) -> String {
        String(date.iso.unicodeScalars.filter { $0 != "-" })
    }

    /// TEXT as RFC 5545 escapes it. Unicode's own line breaks (U+0085, U+2028, U+2029) become the escaped
    /// newline a calendar shows; other control characters, C1 included, are dropped: calendar apps show them
    /// as boxes or break the line where the text did not.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        guard text.utf8.contains(where: { $0 >= 0xC2 }) else { return appendEscapedBytes(text.utf8, to: &bytes) }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x85, 0x2028, 0x2029: folded.append("\n")
            case 0x80...0x9F: continue
            default: folded.append(scalar)
            }
        }
        appendEscapedBytes(String(folded).utf8, to: &bytes)
    }

    private static func appendEscapedBytes(_ text: String.UTF8View, to bytes: inout [UInt8]) {
        for byte in text {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: ";"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: ";")]
            case UInt8(ascii: ","): bytes += [UInt8(ascii: "\\"), UInt8(ascii: ",")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0..<0x20, 0x7F: continue // Other control characters, and CR, are not allowed in TEXT.
            default: bytes.append(byte)
            }
        }
    }

    /// Builds the file as bytes: content lines folded at 75 octets and ended with CRLF.
    private struct Writer {
        var bytes: [UInt8] = []

        mutating func line(_ head: String, text: String? = nil) {
            var content = Array(head.utf8)
            if let text { CalendarFile.appendEscaped(text, to: &content) }
            appendFolded(content)
        }

        mutating func appendFolded(_ content: [UInt8]) {
            var used = 0
            var limit = 75
            var index = 0
            while index < content.count {
                // The length of the UTF-8 sequence that starts here, so it is never split.
                let lead = content[index]
                let size = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                if used + size > limit {
                    bytes += [13, 10, 32]
                    used = 0
                    limit = 74 // The leading space counts toward the next line's 75 octets.
                }
                bytes.append(contentsOf: content[index..<min(index + size, content.count)])
                used += size
                index += size
            }
            bytes += [13, 10]
        }
    }
}
