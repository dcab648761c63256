import Testing
import RecoverySchedule

@Suite struct TimelineTests {
    func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test func workedExampleFromTheFactsSheet() throws {
        let timeline = Timeline(procedure: date("2026-12-01"), rules: .standard)
        let redness = try #require(timeline.step("redness"))
        #expect(redness.start == date("2026-12-01"))
        #expect(redness.end == date("2026-12-03"))
        #expect(redness.latestEnd == date("2026-12-04"))
        let pink = try #require(timeline.step("pink"))
        #expect(pink.start == date("2026-12-04"))
        #expect(pink.latestStart == date("2026-12-05"))
        #expect(pink.end == nil)
        let ointment = try #require(timeline.step("ointment"))
        #expect(ointment.start == date("2026-12-01"))
        #expect(ointment.end == date("2026-12-03"))
        #expect(ointment.latestEnd == date("2026-12-07"))
        #expect(ointment.days.map(\.day) == [1, 2, 3, 4, 5, 6, 7])
        #expect(ointment.days.map(\.certain) == [true, true, true, false, false, false, false])
        #expect(timeline.sessions.map(\.number) == [1])
        #expect(timeline.sessions.map(\.earliest) == [date("2027-01-12")])
        #expect(timeline.sessions.map(\.usual) == [date("2027-01-26")])
        #expect(timeline.spanFrom == date("2027-02-01"))
        #expect(timeline.spanTo == date("2027-06-01"))
    }

    @Test func leapDayAndYearEndProcedures() {
        let leap = Timeline(procedure: date("2028-02-29"), rules: .standard)
        #expect(leap.step("redness")?.latestEnd == date("2028-03-03"))
        #expect(leap.sessions[0].earliest == date("2028-04-11"))
        #expect(leap.spanFrom == date("2028-04-29"))
        #expect(leap.spanTo == date("2028-08-29"))
        let yearEnd = Timeline(procedure: date("2026-12-30"), rules: .standard)
        #expect(yearEnd.step("ointment")?.latestEnd == date("2027-01-05"))
        #expect(yearEnd.spanFrom == date("2027-02-28"))
    }

    @Test func closedDaysMoveAppointmentsForward() {
        // 2027-01-12 is a Tuesday; closed on Tuesdays and on Wednesday 13th, so the earliest is Thursday 14th.
        let calendar = ClinicCalendar(closedWeekdays: [.tuesday, .sunday], closures: [date("2027-01-13")])
        let timeline = Timeline(procedure: date("2026-12-01"), rules: .standard, calendar: calendar)
        #expect(timeline.sessions[0].earliest == date("2027-01-14"))
        // 2027-01-26 is a Tuesday too.
        #expect(timeline.sessions[0].usual == date("2027-01-27"))
        #expect(timeline.sessions[0].earliest >= date("2026-12-01").adding(days: 42))
    }

    @Test func seriesKeepsTheSpacingAfterEachPlannedSession() {
        let calendar = ClinicCalendar(closedWeekdays: [.saturday, .sunday], closures: [date("2027-02-23")])
        let timeline = Timeline(procedure: date("2026-12-01"), rules: .standard, calendar: calendar, sessions: 4)
        #expect(timeline.sessions.map(\.earliest) == [date("2027-01-12"), date("2027-02-24"), date("2027-04-07"), date("2027-05-19")])
        #expect(timeline.sessions.map(\.usual) == [date("2027-01-26"), date("2027-03-23"), date("2027-05-18"), date("2027-07-13")])
        var previous = date("2026-12-01")
        for session in timeline.sessions {
            #expect(previous.days(until: session.earliest) >= 42)
            #expect(calendar.isOpen(session.earliest) && calendar.isOpen(session.usual))
            previous = session.earliest
        }
        #expect(Timeline(procedure: date("2026-12-01"), rules: .standard, sessions: 99).sessions.count == 10)
    }

    @Test func rulesProblemsAreFound() {
        var rules = RecoveryRules.standard
        rules.phases[0].end = 0
        rules.phases[0].start = -1
        rules.care[0].latestEnd = 2
        rules.spacing.usualWeeks = 4
        #expect(rules.problems().map(\.description) == [
            "redness.start: days are counted from Day 1, the day of the procedure; found -1",
            "ointment.latest_end: Day 2 is before end (Day 3)",
            "next_session.usual_weeks: must not be shorter than minimum_weeks (6)",
        ])
        #expect(RecoveryRules.standard.problems().isEmpty)
    }

    /// Each planned session carries its own usual span, counted from the session before it.
    @Test func eachSessionHasItsOwnWindow() {
        let timeline = Timeline(procedure: date("2026-12-01"), rules: .standard, sessions: 3)
        #expect(timeline.sessions.map(\.spanFrom.iso) == ["2027-02-01", "2027-03-26", "2027-05-23"])
        #expect(timeline.sessions.map(\.spanTo.iso) == ["2027-06-01", "2027-07-26", "2027-09-23"])
        #expect(timeline.sessions[0].spanFrom == timeline.spanFrom && timeline.sessions[0].spanTo == timeline.spanTo)
    }
}
