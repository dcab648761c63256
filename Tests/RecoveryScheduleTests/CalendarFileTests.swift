import Testing
import RecoverySchedule

@Suite struct CalendarFileTests {
    let day = CivilDate(iso: "2026-12-01")!

    @Test func writesAllDayEventsWithCRLFAndExclusiveEnd() {
        let text = CalendarFile.document(events: [CalendarEvent(uid: "p1-ointment@clinicsite", start: day, last: day.adding(days: 2), summary: "Ointment; day, 1\\2")],
                                         name: "Recovery", language: "en", stamp: day)
        #expect(text == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//clinicsite//Recovery timeline//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:Recovery", "BEGIN:VEVENT", "UID:p1-ointment@clinicsite", "DTSTAMP:20261201T000000Z",
            "DTSTART;VALUE=DATE:20261201", "DTEND;VALUE=DATE:20261204", "SUMMARY;LANGUAGE=en:Ointment\\; day\\, 1\\\\2",
            "TRANSP:TRANSPARENT", "END:VEVENT", "END:VCALENDAR",
        ].joined(separator: "\r\n") + "\r\n")
    }

    @Test func foldsLongLinesAt75OctetsWithoutSplittingCharacters() {
        let summary = String(repeating: "é", count: 100) + "\nnext"
        let text = CalendarFile.document(events: [CalendarEvent(uid: "u", start: day, last: day, summary: summary)], name: "N", language: "fr", stamp: day)
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        for line in lines { #expect(line.utf8.count <= 75) }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY;LANGUAGE=fr:" + String(repeating: "é", count: 100) + "\\nnext\r\n"))
    }
}
