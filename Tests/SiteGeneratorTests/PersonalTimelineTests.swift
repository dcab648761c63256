import Foundation
import RecoverySchedule
import TestSupport
import Testing
@testable import SiteGenerator

@Suite struct PersonalTimelineTests {
    static let patient = Patient(id: "p-1", name: "<script>alert(1)</script> O'Brien", procedure: CivilDate(iso: "2026-12-01")!, language: "en", sessions: 2)

    @Test func printedPageEscapesTheNameAndCarriesTheDates() throws {
        let html = try Fixture.timelines().render(Self.patient, as: .html)
        #expect(html.contains("<dd>&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien</dd>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        #expect(html.contains("<time datetime=\"2026-12-01\">Tuesday, December 1, 2026</time>"))
        #expect(html.contains("Tuesday, December 1, 2026 to Thursday, December 3, 2026 (up to Friday, December 4, 2026)"))
        // 2027-01-12 is a closure, so the earliest next session moves to Wednesday the 13th.
        #expect(html.contains("<time datetime=\"2027-01-13\">Wednesday, January 13, 2027</time>"))
        #expect(html.contains("<time datetime=\"2027-01-26\">Tuesday, January 26, 2027</time>"))
        #expect(html.components(separatedBy: "class=\"box\"").count - 1 == 7)
        #expect(html.components(separatedBy: "(if still needed)").count - 1 == 4)
        #expect(html.contains("Test &amp; Co, +1 555 0100"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
    }

    @Test func frenchPageWritesFrenchDates() throws {
        var patient = Self.patient
        patient.language = "fr"
        let html = try Fixture.timelines().render(patient, as: .html)
        #expect(html.contains("<html lang=\"fr\">"))
        #expect(html.contains("mardi 1 décembre 2026"))
        #expect(html.contains("<time datetime=\"2026-12-04\">ven. 4 déc.</time>"))
        #expect(html.contains("<th scope=\"col\">Jour 4</th>"))
    }

    @Test func calendarFileFollowsRFC5545() throws {
        let ics = try Fixture.timelines().render(Self.patient, as: .ics)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//clinicsite//Recovery timeline//EN\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        let events = ics.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        #expect(events.count == 7 + 4)
        for event in events {
            #expect(event.contains("\r\nUID:p-1-"))
            #expect(event.contains("\r\nDTSTAMP:20261201T000000Z\r\n"))
            #expect(event.contains("\r\nDTSTART;VALUE=DATE:"))
        }
        #expect(ics.contains("UID:p-1-ointment-day1@clinicsite\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\n"))
        #expect(ics.contains("UID:p-1-session1-earliest@clinicsite\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20270113\r\nDTEND;VALUE=DATE:20270114\r\n"))
        #expect(!ics.contains("script"))
        #expect(try Fixture.timelines().render(Self.patient, as: .ics) == ics)
    }

    @Test func jsonAndTextGiveTheWorkedExample() throws {
        let plain = Patient(procedure: CivilDate(iso: "2026-12-01")!, language: "en")
        let timelines = try Fixture.timelines(settings: "clinic_name: C\nlanguages: [en, fr]\n")
        let json = timelines.render(plain, as: .json)
        #expect(json.contains("\"procedure\" : \"2026-12-01\""))
        #expect(json.contains("\"earliest\" : \"2027-01-12\""))
        #expect(json.contains("\"usual\" : \"2027-01-26\""))
        #expect(json.contains("\"spanFrom\" : \"2027-02-01\""))
        #expect(json.contains("\"spanTo\" : \"2027-06-01\""))
        let text = timelines.render(plain, as: .text)
        #expect(text.contains("Your next session: Earliest: Tuesday, January 12, 2027; Usually from: Tuesday, January 26, 2027"))
    }
}

@Suite struct PrintSkeletonTests {
    @Test func fastPagesAreExactlyTheTemplatesOutput() throws {
        let timelines = try Fixture.timelines()
        let names: [String?] = [nil, "", "Ann", "<b>&\"'</b>", "\u{E000}0\u{E001} tricky", "Zoë Ñandú"]
        var checked = 0
        for (index, name) in names.enumerated() {
            for language in ["en", "fr"] {
                for sessions in [1, 3, 10] {
                    let date = CivilDate(iso: "2026-01-31")!.adding(days: index * 37 + sessions)
                    let patient = Patient(id: "x\(index)", name: name, procedure: date, language: language, sessions: sessions)
                    #expect(timelines.html(patient) == timelines.htmlDirect(patient))
                    checked += 1
                }
            }
        }
        #expect(checked == 36)
    }
}
