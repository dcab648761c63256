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
        #expect(timeline.nextSession.earliest == date("2027-01-12"))
        #expect(timeline.nextSession.usual == date("2027-01-26"))
        #expect(timeline.nextSession.spanFrom == date("2027-02-01"))
        #expect(timeline.nextSession.spanTo == date("2027-06-01"))
        #expect(timeline.laterSessions.isEmpty && timeline.plannedSessions == 1)
    }

    @Test func leapDayAndYearEndProcedures() {
        let leap = Timeline(procedure: date("2028-02-29"), rules: .standard)
        #expect(leap.step("redness")?.latestEnd == date("2028-03-03"))
        #expect(leap.nextSession.earliest == date("2028-04-11"))
        #expect(leap.nextSession.spanFrom == date("2028-04-29"))
        #expect(leap.nextSession.spanTo == date("2028-08-29"))
        let yearEnd = Timeline(procedure: date("2026-12-30"), rules: .standard)
        #expect(yearEnd.step("ointment")?.latestEnd == date("2027-01-05"))
        #expect(yearEnd.nextSession.spanFrom == date("2027-02-28"))
    }

    @Test func closedDaysMoveAppointmentsForward() {
        // 2027-01-12 is a Tuesday; closed on Tuesdays and on Wednesday 13th, so the earliest is Thursday 14th.
        let calendar = ClinicCalendar(closedWeekdays: [.tuesday, .sunday], closures: [date("2027-01-13")])
        let timeline = Timeline(procedure: date("2026-12-01"), rules: .standard, calendar: calendar)
        #expect(timeline.nextSession.earliest == date("2027-01-14"))
        // 2027-01-26 is a Tuesday too.
        #expect(timeline.nextSession.usual == date("2027-01-27"))
        #expect(timeline.nextSession.earliest >= date("2026-12-01").adding(days: 42))
    }

    /// The end of the usual span ("up to") on a closed day moves back to the open day before it, never past the
    /// usual date: Sunday 2027-06-06 is six months after Sunday 2026-12-06, and Saturday 5th is closed too.
    @Test func closedDaysMoveTheSpansEndBack() {
        let sundays = ClinicCalendar(closedWeekdays: [.sunday])
        #expect(Timeline(procedure: date("2026-12-06"), rules: .standard, calendar: sundays).nextSession.spanTo == date("2027-06-05"))
        let holiday = ClinicCalendar(closedWeekdays: [.sunday], closures: [date("2027-06-05")])
        #expect(Timeline(procedure: date("2026-12-06"), rules: .standard, calendar: holiday).nextSession.spanTo == date("2027-06-04"))
        #expect(Timeline(procedure: date("2026-12-01"), rules: .standard, calendar: sundays).nextSession.spanTo == date("2027-06-01"))
        var rules = RecoveryRules.standard
        rules.spacing.spanToMonths = 2
        let tight = ClinicCalendar(closedWeekdays: [.sunday], closures: Set(["2027-01-23", "2027-01-25", "2027-01-26", "2027-01-27"].map(date)))
        let clamped = Timeline(procedure: date("2026-11-27"), rules: rules, calendar: tight).nextSession
        #expect(clamped.spanTo == clamped.usual && clamped.usual == date("2027-01-22"))
        #expect(sundays.lastOpenDay(onOrBefore: date("2027-06-06"), notBefore: date("2027-06-06")) == date("2027-06-06"))
    }

    /// Later sessions get no dates: each is described from the one before it, whose real date is not known yet.
    @Test func laterSessionsAreDescribedFromTheOneBefore() {
        let calendar = ClinicCalendar(closedWeekdays: [.saturday, .sunday], closures: [date("2027-02-23")])
        let timeline = Timeline(procedure: date("2026-12-01"), rules: .standard, calendar: calendar, sessions: 4)
        #expect(timeline.nextSession.earliest == date("2027-01-12"))
        #expect(timeline.laterSessions.map(\.number) == [2, 3, 4])
        #expect(timeline.laterSessions.map(\.after) == [1, 2, 3])
        #expect(timeline.laterSessions.allSatisfy { $0.minimumWeeks == 6 && $0.usualWeeks == 8 })
        #expect(Timeline(procedure: date("2026-12-01"), rules: .standard, sessions: 99).plannedSessions == 10)
        #expect(Timeline(procedure: date("2026-12-01"), rules: .standard, sessions: 0).plannedSessions == 1)
    }

    /// For every Day 1 from 2026 to 2030, with 1 to 10 sessions and several clinic calendars: the only session
    /// dates are the next session's, all counted from Day 1, so whatever day the next session really happens on
    /// within its window, no printed date can come less than the minimum spacing after a real session.
    @Test func everyDateHoldsWhateverDayTheSessionsHappen() {
        let calendars = [ClinicCalendar.alwaysOpen, ClinicCalendar(closedWeekdays: [.sunday]),
                         ClinicCalendar(closedWeekdays: [.saturday, .sunday], closures: [date("2027-12-27"), date("2029-01-01")])]
        var day = date("2026-01-01")
        while day <= date("2030-12-31") {
            for calendar in calendars {
                for sessions in [1, 2, 5, 10] {
                    let timeline = Timeline(procedure: day, rules: .standard, calendar: calendar, sessions: sessions)
                    let next = timeline.nextSession
                    #expect(day.days(until: next.earliest) >= 42 && calendar.isOpen(next.earliest))
                    #expect(next.usual >= next.earliest && day.days(until: next.usual) >= 56 && calendar.isOpen(next.usual))
                    // "Up to" is the six-month mark, or the last open day before it: a day the patient can book, never later.
                    let sixMonths = day.adding(months: 6)
                    #expect(next.spanFrom == day.adding(months: 2) && next.spanTo <= sixMonths && calendar.isOpen(next.spanTo))
                    #expect(calendar.isOpen(sixMonths) ? next.spanTo == sixMonths : next.spanTo.days(until: sixMonths) <= 3)
                    #expect(timeline.laterSessions.count == sessions - 1)
                    // No date in the whole timeline lies after the next session's window opens but is meant for a later one.
                    #expect(timeline.allDates.allSatisfy { $0 <= next.spanTo })
                }
            }
            day = day.adding(days: 1)
        }
    }

    /// "Usually from" never comes before "not before", even for rules the rules file would refuse (a library user
    /// can pass any): the usual date is clamped to the earliest.
    @Test func theUsualDateIsNeverBeforeTheEarliest() {
        var rules = RecoveryRules.standard
        rules.spacing.usualWeeks = 4
        let timeline = Timeline(procedure: date("2026-12-01"), rules: rules)
        #expect(timeline.nextSession.earliest == date("2027-01-12"))
        #expect(timeline.nextSession.usual == date("2027-01-12"))
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
}
