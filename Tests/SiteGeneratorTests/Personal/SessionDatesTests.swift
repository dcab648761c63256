import Foundation
import RecoverySchedule
import TestSupport
import Testing
@testable import SiteGenerator

/// No printed or calendar date can be one that following the other printed dates violates: every date a
/// handout, text, JSON or calendar file gives is the procedure's own (phases, care) or the next session's window,
/// all counted from Day 1. A later session's date would count from a plan, and the real session before it can
/// come later than planned, so no output gives one, whatever Day 1 and however many sessions.
@Suite struct SessionDatesTests {
    /// Every 11th day from 2026 to 2030, with year ends and a leap day.
    static let procedures: [CivilDate] = {
        var dates: [CivilDate] = []
        var day = CivilDate(iso: "2026-01-01")!
        while day <= CivilDate(iso: "2030-12-31")! {
            dates.append(day)
            day = day.adding(days: 11)
        }
        return dates + ["2026-12-31", "2028-02-29", "2029-12-30"].compactMap { CivilDate(iso: $0) }
    }()

    /// The shipped healing pages' `reviewed:` date, which handouts and calendars say they were made from.
    static let reviewed = CivilDate(iso: "2026-11-26")!

    static func isoDates(in text: String) -> [CivilDate] {
        text.matches(of: /\d{4}-\d{2}-\d{2}/).compactMap { CivilDate(iso: String(text[$0.range])) }
    }

    /// The text with the allowed dates (in words) taken out: any year left over belongs to a date that is not allowed.
    static func yearsLeft(in text: String, allowed: Set<CivilDate>, language: String) -> [Substring] {
        var plain = text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingOccurrences(of: "\u{1D49}\u{02B3}", with: "er")
        for date in allowed.sorted(by: >) { plain = plain.replacingOccurrences(of: date.written(in: language), with: "") }
        return plain.matches(of: /\b20\d\d\b/).map { plain[$0.range] }
    }

    @Test(arguments: [1, 2, 3, 10])
    func everyOutputGivesOnlyDatesThatHold(sessions: Int) throws {
        let timelines = try Fixture.timelines()
        let calendar = ClinicCalendar(closedWeekdays: [.sunday], closures: [CivilDate(iso: "2027-01-12")!])
        for procedure in Self.procedures {
            let timeline = Timeline(procedure: procedure, rules: .standard, calendar: calendar, sessions: sessions)
            let allowed = timeline.allDates
            // The next session's dates are at least the minimum spacing after Day 1, so they hold however the
            // procedure went; nothing else about a session is dated.
            #expect(procedure.days(until: timeline.nextSession.earliest) >= 42)
            for language in ["en", "fr"] {
                let patient = Patient(id: "p", name: "A", procedure: procedure, language: language, sessions: sessions)
                let html = timelines.render(patient, as: .html)
                let json = timelines.render(patient, as: .json)
                let ics = timelines.render(patient, as: .ics)
                let text = timelines.render(patient, as: .text)
                let outside = (Self.isoDates(in: html) + Self.isoDates(in: json)).filter { !allowed.contains($0) }
                #expect(outside.isEmpty, "\(procedure.iso), \(sessions) sessions, \(language): \(outside.map(\.iso))")
                let starts = ics.matches(of: /DTSTART;VALUE=DATE:(\d{4})(\d{2})(\d{2})/).compactMap { CivilDate(iso: "\($0.1)-\($0.2)-\($0.3)") }
                let ends = ics.matches(of: /DTEND;VALUE=DATE:(\d{4})(\d{2})(\d{2})/).compactMap { CivilDate(iso: "\($0.1)-\($0.2)-\($0.3)")?.adding(days: -1) }
                #expect((starts + ends).allSatisfy(allowed.contains), "\(procedure.iso), \(sessions) sessions, \(language): calendar")
                #expect(ics.components(separatedBy: "BEGIN:VALARM").count == 2, "exactly one booking reminder")
                // The calendar's own description names the review date of the information it was made from (no event does):
                // the one date allowed there besides the timeline's.
                let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\\,", with: ",")
                let events = unfolded.split(separator: "\r\n").filter { !$0.hasPrefix("X-WR-CALDESC:") }.joined(separator: "\n")
                #expect(Self.yearsLeft(in: unfolded, allowed: allowed.union([Self.reviewed]), language: language).isEmpty)
                let left = Self.yearsLeft(in: text + "\n" + events, allowed: allowed, language: language)
                #expect(left.isEmpty, "\(procedure.iso), \(sessions) sessions, \(language): a date in words outside the allowed ones")
            }
        }
    }

    /// The check above finds a later session's date when one is printed.
    @Test func theCheckFindsADateCountedFromAPlan() {
        let timeline = Timeline(procedure: CivilDate(iso: "2026-12-01")!, rules: .standard, sessions: 2)
        let planned = timeline.nextSession.earliest.adding(days: 42)
        #expect(!timeline.allDates.contains(planned))
        #expect(Self.yearsLeft(in: "Not before \(planned.written(in: "en"))", allowed: timeline.allDates, language: "en") == ["2027"])
        #expect(Self.yearsLeft(in: "Not before \(timeline.nextSession.earliest.written(in: "en"))", allowed: timeline.allDates, language: "en").isEmpty)
    }
}
