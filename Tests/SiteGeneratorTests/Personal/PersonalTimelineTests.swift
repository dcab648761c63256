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
        #expect(html.contains("<li>Not before <strong><time datetime=\"2027-01-13\">Wed, Jan\u{A0}13, 2027</time></strong> (6\u{A0}weeks after Day\u{A0}1)</li>"))
        #expect(html.contains("<li>Usually from <strong><time datetime=\"2027-01-26\">Tue, Jan\u{A0}26, 2027</time></strong> (8\u{A0}weeks or more)</li>"))
        #expect(html.contains("<li>Sessions can be 2 to 6\u{A0}months apart, so up to <strong><time datetime=\"2027-06-01\">Tue, Jun\u{A0}1, 2027</time></strong>.</li>"))
        // The later session: no date, its spacing after the next one, and a new sheet at each visit.
        #expect(html.contains("<p>Another session will follow, at least 6\u{A0}weeks after your next one, usually 8\u{A0}weeks or more. At each visit, the clinic gives you a new sheet.</p>"))
        #expect(!html.contains("2027-02-24") && !html.contains("2027-03-23"))
        #expect(html.contains("Call to book your next session"))
        #expect(html.contains("Booked for:"))
        #expect(html.contains("What you will see") && html.contains("What you will do"))
        #expect(html.contains("<strong>Put the ointment the clinic gave or named on the treated skin.</strong>"))
        #expect(html.components(separatedBy: "class=\"box\"").count - 1 == 7)
        #expect(html.components(separatedBy: "stroke-dasharray").count - 1 == 4)
        #expect(html.components(separatedBy: "<span class=\"visually-hidden\"> (only if the clinic told you to)</span>").count - 1 == 4)
        #expect(html.contains("Solid boxes: every day. Dashed: only if the clinic told you to."))
        // Blanks for the clinic's own advice, filled in by hand.
        #expect(html.contains("<p class=\"fill\"><span>Ointment to use:</span></p>"))
        #expect(html.contains("<p class=\"fill\"><span>How many times a day:</span></p>"))
        #expect(html.contains("<p class=\"fill\"><span>Until (date):</span></p>"))
        // When to call, with the number printed large.
        #expect(html.contains("<h2>Call the clinic if:</h2>\n<ul>\n<li>your skin is still red after Fri, Dec\u{A0}4</li>\n<li>anything worries you</li>\n</ul>"))
        #expect(html.components(separatedBy: "<strong class=\"phone\"><a href=\"tel:+15550100\">+1 555 0100</a></strong>").count - 1 == 2)
        #expect(!html.contains("if still needed"), "the facts set a range of days, not a rule for stopping")
        #expect(html.contains("Test &amp; Co"))
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
        #expect(html.contains("mardi 1\u{1D49}\u{02B3}\u{A0}décembre 2026"))
        // Whole words for the weekday: "mar." would read as the month "mars".
        #expect(html.contains("<span class=\"day\">Jour\u{A0}4</span> <time datetime=\"2026-12-04\"><span class=\"weekday\">vendredi</span> <span class=\"date\">4\u{A0}déc.</span></time>"))
        #expect(html.contains("<tr><th scope=\"row\">du mardi 1\u{1D49}\u{02B3}\u{A0}décembre au jeudi 3\u{A0}décembre (jusqu’au vendredi 4\u{A0}décembre)</th>"))
        #expect(html.contains("<p>Une autre séance suivra, au moins 6\u{A0}semaines après la prochaine, en général 8\u{A0}semaines ou plus. À chaque visite, la clinique vous remet une nouvelle feuille.</p>"))
        #expect(html.contains("<h2>Appelez la clinique si\u{A0}:</h2>"))
        #expect(html.contains("<li>votre peau est encore rouge après le vendredi 4\u{A0}décembre</li>"))
        #expect(html.contains("Nom\u{A0}:"))
    }

    @Test func settingsLeftOutLeaveNoEmptyLines() throws {
        let html = try Fixture.timelines(settings: "clinic_name: C\nlanguages: [en, fr]\n").render(Self.patient, as: .html)
        #expect(!html.contains("Hours") && !html.contains("<p></p>") && !html.contains("<strong></strong>"))
        #expect(!html.contains("Outside opening hours"))
        #expect(html.contains("<div class=\"call-how\">\n<p><strong>C</strong></p>\n</div>"))
        let site = try Fixture.build(Fixture.site(pages: ["content/en/index.md": "# Home\n"], settings: "clinic_name: C\nlanguages: [en, fr]\n",
                                                  extra: ["templates/page.mustache": "{{#clinic.email}}<a href=\"mailto:{{clinic.email}}\">{{clinic.email}}</a>{{/clinic.email}}|{{{content}}}"]))
        #expect(Fixture.text(site, "en/index.html")?.hasPrefix("|") == true)
    }

    /// Opening hours and what to do outside them, per language, beside the number on the handout.
    @Test func hoursAndAfterHoursAreShownWhereTheyAreSet() throws {
        let settings = "clinic_name: C\nphone: \"0100\"\nhours:\n  en: Mon–Fri 9 am–5 pm\n  fr: lun.–ven. 9 h–17 h\n"
            + "after_hours:\n  en: call 111\n  fr: appelez le 15\nlanguages: [en, fr]\n"
        let timelines = try Fixture.timelines(settings: settings)
        let html = timelines.render(Self.patient, as: .html)
        #expect(html.contains("<p>Hours: Mon\u{2060}–\u{2060}Fri 9\u{A0}am\u{2060}–\u{2060}5\u{A0}pm</p>"))
        #expect(html.contains("<p class=\"call-after\">Outside opening hours: call 111</p>"))
        var french = Self.patient
        french.language = "fr"
        #expect(timelines.render(french, as: .html).contains("<p class=\"call-after\">En dehors des heures d’ouverture\u{A0}: appelez le 15</p>"))
        #expect(timelines.render(french, as: .text).contains("\nHoraires\u{A0}: lun.\u{2060}–\u{2060}ven. 9\u{A0}h\u{2060}–\u{2060}17\u{A0}h\n"))
    }

    /// However many sessions are planned, the sheet gives dates for the next one only and one sentence for the rest.
    @Test func aPrintedSheetDatesOnlyTheNextSession() throws {
        var patient = Self.patient
        patient.sessions = 10
        let html = try Fixture.timelines().render(patient, as: .html)
        #expect(html.contains("<p>9 more sessions will follow, each at least 6\u{A0}weeks after the one before it, usually 8\u{A0}weeks or more."))
        #expect(html.components(separatedBy: "<time datetime=\"2027-").count - 1 == 3, "earliest, usual and the span's end")
    }

    @Test func calendarFileFollowsRFC5545() throws {
        let ics = try Fixture.timelines().render(Self.patient, as: .ics)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//clinicsite//Recovery timeline//EN\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        let events = ics.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        // Three certain ointment days, one event for the days that depend on the clinic, one "call to book".
        #expect(events.count == 3 + 1 + 1)
        for event in events {
            #expect(event.contains("\r\nUID:p-1-"))
            #expect(event.contains("\r\nDTSTAMP:20261201T000000Z\r\n"))
            #expect(event.contains("\r\nDTSTART;VALUE=DATE:"))
        }
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        let call: String = "Call the clinic if: your skin is still red after Friday\\, December\u{A0}4\\, 2026\\; anything worries you.\\nPhone: +1 555 0100"
        let day2: String = "UID:p-1-ointment-day2@clinicsite\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20261202\r\nDTEND;VALUE=DATE:20261203\r\n"
            + "SUMMARY;LANGUAGE=en:Ointment on the treated skin — Day\u{A0}2\r\n"
            + "DESCRIPTION;LANGUAGE=en:Put the ointment the clinic gave or named on the treated skin.\\n" + call + "\r\n"
        #expect(unfolded.contains(day2))
        let ifTold: String = "UID:p-1-ointment-days4-7@clinicsite\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20261204\r\nDTEND;VALUE=DATE:20261208\r\n"
            + "SUMMARY;LANGUAGE=en:Ointment on the treated skin\\, Days\u{A0}4–7: only if the clinic told you to\r\n"
        #expect(unfolded.contains(ifTold))
        #expect(!unfolded.contains(" of 3"), "no 'day 5 of 3–7'")
        // 2027-01-12 is a closure, so the booking call falls on the 13th, with a reminder that morning.
        let booking: String = "UID:p-1-next-session-book@clinicsite\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20270113\r\nDTEND;VALUE=DATE:20270114\r\n"
            + "SUMMARY;LANGUAGE=en:Call Test & Co to book your next skin-needling session\r\n"
        #expect(unfolded.contains(booking))
        var details: String = "DESCRIPTION;LANGUAGE=en:Not before Wednesday\\, January\u{A0}13\\, 2027\\; usually from Tuesday\\, January\u{A0}26\\, 2027. "
        details += "Sessions can be 2 to 6\u{A0}months apart\\, so up to Tuesday\\, June\u{A0}1\\, 2027.\\nAnother session will follow\\, at least "
        details += "6\u{A0}weeks after your next one\\, usually 8\u{A0}weeks or more.\\nAt each visit\\, the clinic gives you a new sheet.\\n" + call + "\r\n"
        #expect(unfolded.contains(details))
        #expect(ics.components(separatedBy: "BEGIN:VALARM\r\nACTION:DISPLAY\r\n").count - 1 == 1)
        #expect(ics.components(separatedBy: "TRIGGER;RELATED=START:PT9H\r\nEND:VALARM\r\nEND:VEVENT").count - 1 == 1)
        #expect(!ics.contains("LOCATION"), "no address set, no location")
        let withAddress = try Fixture.timelines(settings: "clinic_name: C\naddress: 1 Main St, Town\nlanguages: [en, fr]\n").render(Self.patient, as: .ics)
        #expect(withAddress.components(separatedBy: "LOCATION;LANGUAGE=en:1 Main St\\, Town\r\n").count - 1 == 5)
        #expect(!ics.contains("script"))
        #expect(try Fixture.timelines().render(Self.patient, as: .ics) == ics)
    }

    /// However many sessions are planned, the calendar holds exactly one booking reminder.
    @Test(arguments: [1, 2, 10]) func oneBookingReminderWhateverTheSessions(sessions: Int) throws {
        var patient = Self.patient
        patient.sessions = sessions
        for language in ["en", "fr"] {
            patient.language = language
            let ics = try Fixture.timelines().render(patient, as: .ics)
            #expect(ics.components(separatedBy: "BEGIN:VALARM").count - 1 == 1)
            #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 5)
        }
    }

    @Test func jsonAndTextGiveTheWorkedExample() throws {
        let plain = Patient(procedure: CivilDate(iso: "2026-12-01")!, language: "en", sessions: 3)
        let timelines = try Fixture.timelines(settings: "clinic_name: C\nphone: \"0100\"\nlanguages: [en, fr]\n")
        let json = timelines.render(plain, as: .json)
        #expect(json.contains("\"procedure\" : \"2026-12-01\""))
        #expect(json.contains("\"nextSession\" : {\n    \"earliest\" : \"2027-01-12\",\n    \"spanFrom\" : \"2027-02-01\",\n    \"spanTo\" : \"2027-06-01\",\n    \"usual\" : \"2027-01-26\"\n  }"))
        #expect(json.contains("\"laterSessions\" : [\n    {\n      \"after\" : 1,\n      \"minimumWeeks\" : 6,\n      \"number\" : 2,\n      \"usualWeeks\" : 8\n    },"))
        #expect(json.contains("\"callClinicIf\" : [\n    \"your skin is still red after Friday, December\u{A0}4, 2026\",\n    \"anything worries you\"\n  ]"))
        let text = timelines.render(plain, as: .text)
        var booking: String = "\nCall to book your next session\n- Not before Tuesday, January\u{A0}12, 2027 (6\u{A0}weeks after Day\u{A0}1)\n"
        booking += "- Usually from Tuesday, January\u{A0}26, 2027 (8\u{A0}weeks or more)\n"
        booking += "- Sessions can be 2 to 6\u{A0}months apart, so up to Tuesday, June\u{A0}1, 2027.\n"
        booking += "2 more sessions will follow, each at least 6\u{A0}weeks after the one before it, usually 8\u{A0}weeks or more.\n"
        booking += "At each visit, the clinic gives you a new sheet.\n\n"
        booking += "Call the clinic if: your skin is still red after Friday, December\u{A0}4, 2026; anything worries you.\nPhone: 0100\n"
        #expect(text.contains(booking))
        var care: String = "\n- Put the ointment the clinic gave or named on the treated skin: Tuesday, December\u{A0}1, 2026 to Thursday, December\u{A0}3, 2026; "
        care += "Friday, December\u{A0}4, 2026 to Monday, December\u{A0}7, 2026: only if the clinic told you to\n"
        #expect(text.contains(care))
        let french = timelines.render(Patient(procedure: CivilDate(iso: "2026-12-01")!, language: "fr"), as: .text)
        var redness: String = "\n- La peau traitée est rouge (les rides peuvent ressembler à des griffures de chat)\u{A0}: "
        redness += "du mardi 1\u{1D49}\u{02B3}\u{A0}décembre 2026 au jeudi 3\u{A0}décembre 2026 (jusqu’au vendredi 4\u{A0}décembre 2026)\n"
        #expect(french.contains(redness))
        #expect(!french.contains("\u{202F}; E"), "no capital after a semicolon")
    }
}

/// Rules that make the minimum and the usual spacing one (8 weeks and 8 weeks): the date is given once, as "not before",
/// on paper, in the text and on the healing page (its script, checked by `scripts/verify`); the usual line comes back
/// as soon as the two differ.
@Suite struct OneSpacingTests {
    static func timelines(minimumWeeks: Int) throws -> PersonalTimelines {
        var files = try Fixture.shippedSources().files
        let rules = String(decoding: files["content/recovery.yml"]!, as: UTF8.self)
        files["content/recovery.yml"] = Data(rules.replacingOccurrences(of: "minimum_weeks: 6", with: "minimum_weeks: \(minimumWeeks)").utf8)
        return try PersonalTimelines(sources: SiteSources(files: files))
    }

    @Test(arguments: ["en", "fr"])
    func theSameDateIsGivenOnce(language: String) throws {
        let patient = Patient(id: "p", name: "Ann", procedure: CivilDate(iso: "2026-12-01")!, language: language, sessions: 2)
        let one = try Self.timelines(minimumWeeks: 8), two = try Self.timelines(minimumWeeks: 6)
        let usually = language == "en" ? "Usually from" : "En général à partir du"
        for (timelines, shown) in [(one, false), (two, true)] {
            let html = timelines.render(patient, as: .html), text = timelines.render(patient, as: .text)
            #expect(html.contains(usually) == shown && text.contains(usually) == shown, "\(language), shown: \(shown)")
            let calendar = timelines.render(patient, as: .ics).replacingOccurrences(of: "\r\n ", with: "")
            #expect(calendar.contains(usually.lowercased()) == shown, "\(language), shown: \(shown)")
            #expect(html == timelines.htmlDirect(patient))
            #expect(html.contains("<time datetime=\"2027-01-26\">"), "the 8-week date is there either way")
        }
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
