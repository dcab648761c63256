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
        #expect(html.contains("<time datetime=\"2026-12-01\">Tuesday, December\u{A0}1, 2026</time>"))
        // Short dates with the weekday; the year only where it is not the treatment's.
        #expect(html.contains("<tr><th scope=\"row\">Tue, Dec\u{A0}1 to Thu, Dec\u{A0}3 (up to Fri, Dec\u{A0}4)</th><td>The treated skin is red"))
        #expect(html.contains("<tr><th scope=\"row\">Fri, Dec\u{A0}4 or Sat, Dec\u{A0}5, and after</th>"))
        // 2027-01-12 is a closure, so the earliest next session moves to Wednesday the 13th.
        #expect(html.contains("<tr><th scope=\"row\">Next session</th><td><time datetime=\"2027-01-13\">Wed, Jan\u{A0}13, 2027</time></td><td><time datetime=\"2027-01-26\">Tue, Jan\u{A0}26, 2027</time></td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">2nd from now</th><td><time datetime=\"2027-02-24\">"))
        #expect(html.contains("Call to book your next session"))
        #expect(html.contains("Booked for:"))
        #expect(html.contains("What you will see") && html.contains("What you will do"))
        #expect(html.components(separatedBy: "class=\"box\"").count - 1 == 7)
        #expect(html.components(separatedBy: "stroke-dasharray").count - 1 == 4)
        #expect(html.components(separatedBy: "<span class=\"visually-hidden\"> (dashed box)</span>").count - 1 == 4)
        #expect(html.contains("Solid boxes: at least these days; dashed boxes: up to these days."))
        #expect(!html.contains("if still needed"), "the facts set a range of days, not a rule for stopping")
        #expect(html.contains("Test &amp; Co"))
        #expect(html.contains("<strong>+1 555 0100</strong>"))
        #expect(!html.contains("<em>") && !html.contains("font-style: italic"))
        // No base URL, no QR code, and nothing that reaches the network.
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link") && !html.contains("class=\"qr\""))
    }

    @Test func theQRCodeHoldsThePageAddressAndNothingAboutThePatient() throws {
        let timelines = try PersonalTimelines(sources: Fixture.shippedSources(), baseURL: "https://clinic.example/info/")
        let first = timelines.render(Self.patient, as: .html)
        var other = Self.patient
        other.name = "Someone Else"
        other.procedure = CivilDate(iso: "2027-06-15")!
        let second = timelines.render(other, as: .html)
        func code(_ page: String) -> String? { page.firstMatch(of: /<figure class="qr">(<svg[^>]*>.*?<\/svg>)/)?.1.description }
        #expect(code(first) != nil)
        #expect(code(first) == code(second), "the code depends on nothing but the address")
        #expect(code(first)?.contains("aria-label=\"Scan to read about healing on our site\"") == true)
        let french = { var p = Self.patient; p.language = "fr"; return p }()
        #expect(code(timelines.render(french, as: .html)) != code(first), "each language opens its own page")
        #expect(QRCode.svg(for: "https://clinic.example/info/en/healing.html", label: "x") == code(first)?.replacingOccurrences(of: "Scan to read about healing on our site", with: "x"))
    }

    @Test func frenchPageWritesFrenchDates() throws {
        var patient = Self.patient
        patient.language = "fr"
        let html = try Fixture.timelines().render(patient, as: .html)
        #expect(html.contains("<html lang=\"fr\">"))
        #expect(html.contains("mardi 1er\u{A0}décembre\u{A0}2026"))
        #expect(html.contains("<span class=\"day\">Jour\u{A0}4</span> <time datetime=\"2026-12-04\"><span class=\"weekday\">ven.</span> <span class=\"date\">4\u{A0}déc.</span></time>"))
        #expect(html.contains("<tr><th scope=\"row\">du mar. 1er\u{A0}déc. au jeu. 3\u{A0}déc. (jusqu’au ven. 4\u{A0}déc.)</th>"))
        #expect(html.contains("<tr><th scope=\"row\">2e à venir</th>"))
        #expect(html.contains("Chaque date dépend de la séance précédente\u{A0}: si une séance est déplacée, les suivantes le sont aussi."))
        #expect(html.contains("Nom\u{A0}:"))
    }

    @Test func settingsLeftOutLeaveNoEmptyLines() throws {
        let html = try Fixture.timelines(settings: "clinic_name: C\nlanguages: [en, fr]\n").render(Self.patient, as: .html)
        #expect(!html.contains("Hours") && !html.contains("<p></p>") && !html.contains("<strong></strong>"))
        #expect(html.contains("To choose a date, call <strong>C</strong>"))
        let site = try Fixture.build(Fixture.site(pages: ["content/en/index.md": "# Home\n"], settings: "clinic_name: C\nlanguages: [en, fr]\n",
                                                  extra: ["templates/page.mustache": "{{#clinic.email}}<a href=\"mailto:{{clinic.email}}\">{{clinic.email}}</a>{{/clinic.email}}|{{{content}}}"]))
        #expect(Fixture.text(site, "en/index.html")?.hasPrefix("|") == true)
    }

    @Test func aPrintedSheetListsThreeSessionsAndSaysWhoPlansTheRest() throws {
        var patient = Self.patient
        patient.sessions = 10
        let html = try Fixture.timelines().render(patient, as: .html)
        #expect(html.contains("<th scope=\"row\">3rd from now</th>"))
        #expect(!html.contains("4th from now"))
        #expect(html.contains("the clinic plans sessions 4 to 10 with you at your visits."))
    }

    @Test func calendarFileFollowsRFC5545() throws {
        let ics = try Fixture.timelines().render(Self.patient, as: .ics)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//clinicsite//Recovery timeline//EN\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        let events = ics.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        // Seven ointment days and one "call to book" per planned session: no pair that looks alike.
        #expect(events.count == 7 + 2)
        for event in events {
            #expect(event.contains("\r\nUID:p-1-"))
            #expect(event.contains("\r\nDTSTAMP:20261201T000000Z\r\n"))
            #expect(event.contains("\r\nDTSTART;VALUE=DATE:"))
        }
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("UID:p-1-ointment-day2@clinicsite\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20261202\r\nDTEND;VALUE=DATE:20261203\r\n" +
                                  "SUMMARY;LANGUAGE=en:Skin needling aftercare\\, day 2 of 3–7: Put ointment on the treated skin\r\n" +
                                  "DESCRIPTION;LANGUAGE=en:Test & Co\\, +1 555 0100\r\n"))
        #expect(unfolded.contains("SUMMARY;LANGUAGE=en:Skin needling aftercare\\, day 5 of 3–7: Put ointment on the treated skin\r\n"))
        // 2027-01-12 is a closure, so the first booking call falls on the 13th, with a reminder that morning.
        #expect(unfolded.contains("UID:p-1-session1-book@clinicsite\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20270113\r\nDTEND;VALUE=DATE:20270114\r\n" +
                                  "SUMMARY;LANGUAGE=en:Call Test & Co to book your next skin-needling session (Next session)\r\n"))
        #expect(unfolded.contains("DESCRIPTION;LANGUAGE=en:Not before Wednesday\\, January\u{A0}13\\, 2027\\; usually from Tuesday\\, January\u{A0}26\\, 2027\\; usually 2 to 6\u{A0}months after the session before.\\nTest & Co\\, +1 555 0100\r\n"))
        #expect(ics.components(separatedBy: "BEGIN:VALARM\r\nACTION:DISPLAY\r\n").count - 1 == 2)
        #expect(ics.components(separatedBy: "TRIGGER;RELATED=START:PT9H\r\nEND:VALARM\r\nEND:VEVENT").count - 1 == 2)
        #expect(!ics.contains("LOCATION"), "no address set, no location")
        let withAddress = try Fixture.timelines(settings: "clinic_name: C\naddress: 1 Main St, Town\nlanguages: [en, fr]\n").render(Self.patient, as: .ics)
        #expect(withAddress.components(separatedBy: "LOCATION;LANGUAGE=en:1 Main St\\, Town\r\n").count - 1 == 9)
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
        #expect(text.contains("\nCall to book your next session\n- Next session: Not before Tuesday, January\u{A0}12, 2027; Usually from Tuesday, January\u{A0}26, 2027\n"))
        #expect(text.contains("\nUsual time between sessions: 2 to 6\u{A0}months (Mon, Feb\u{A0}1, 2027 to Tue, Jun\u{A0}1, 2027)\n"))
        let french = timelines.render(Patient(procedure: CivilDate(iso: "2026-12-01")!, language: "fr"), as: .text)
        #expect(french.contains("\n- du mardi 1er\u{A0}décembre\u{A0}2026 au jeudi 3\u{A0}décembre\u{A0}2026 (jusqu’au vendredi 4\u{A0}décembre\u{A0}2026)\u{A0}: La peau traitée est rouge"))
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
