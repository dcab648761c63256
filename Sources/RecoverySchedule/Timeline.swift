/// One patient's recovery, in calendar dates, computed from a procedure date and the rules.
///
/// Only what cannot be followed wrongly gets a date: the phases and care of this procedure, and the next
/// session's window, all counted from Day 1. A later session depends on the day the session before it really
/// happens, which nobody knows yet, so it is described relative to that session (`laterSessions`) and never
/// given a date: a date counted from a plan can fall less than the minimum spacing after the real session.
public struct Timeline: Sendable, Hashable, Codable {
    /// Day 1.
    public let procedure: CivilDate
    /// The phases, with their dates.
    public let phases: [DatedStep]
    /// The care tasks, with their dates.
    public let care: [DatedStep]
    /// The next session after this procedure: the only session with dates.
    public let nextSession: NextSession
    /// The sessions planned after the next one, each described from the session before it; empty for one.
    public let laterSessions: [LaterSession]

    /// A step of the rules placed on the calendar.
    public struct DatedStep: Sendable, Hashable, Codable {
        /// The rule it comes from.
        public let rule: RecoveryRules.Step
        /// The date of the first day.
        public let start: CivilDate
        /// The last date it may start on, when the start varies.
        public let latestStart: CivilDate?
        /// The usual last date; nil when it simply fades away.
        public let end: CivilDate?
        /// The last date it may last to.
        public let latestEnd: CivilDate?

        /// Every date from `start` to the last possible day, with its day number; `certain` days are the ones
        /// up to the usual end (for care: the days it is needed at least), the others depend on the clinic.
        public var days: [(day: Int, date: CivilDate, certain: Bool)] {
            guard let last = rule.lastDay else { return [] }
            let usualEnd = rule.end ?? last
            return (rule.start...last).map { day in
                (day, start.adding(days: day - rule.start), day <= usualEnd)
            }
        }
    }

    /// The window for the next session, all counted from Day 1: never before `earliest`, usually from `usual`,
    /// and the usual span from `spanFrom` to `spanTo`. `earliest`, `usual` and `spanTo` fall on days the clinic is open.
    public struct NextSession: Sendable, Hashable, Codable {
        /// Not before this date: the minimum spacing after Day 1, moved to an open day.
        public let earliest: CivilDate
        /// Usually from this date: the usual spacing after Day 1, moved to an open day, never before `earliest`.
        public let usual: CivilDate
        /// The usual span starts here: `span_from_months` after Day 1.
        public let spanFrom: CivilDate
        /// The usual span ends here: `span_to_months` after Day 1, moved back to an open day, never before `usual`.
        public let spanTo: CivilDate

        /// Whether "usually from" says more than "not before": when the rules make the two spacings one (or the usual
        /// date was moved onto the earliest), a patient is given the date once.
        public var usualIsLater: Bool { usual > earliest }
    }

    /// A session after the next one: no dates, only its spacing after the session before it, which is known
    /// for certain only once that session has happened (the clinic then gives a new sheet).
    public struct LaterSession: Sendable, Hashable, Codable {
        /// 2 for the session after the next one, 3 for the one after that, ...
        public let number: Int
        /// The session it counts from (`number - 1`; 1 is the next session).
        public let after: Int
        /// At least this many weeks after the session before it.
        public let minimumWeeks: Int
        /// Usually this many weeks or more after the session before it.
        public let usualWeeks: Int
    }

    /// The largest number of sessions that can be planned at once.
    public static let maximumSessions = 10

    /// Computes the timeline. `sessions` (1 to 10) is how many future sessions are planned; the first gets
    /// dates, the others only their spacing after the one before.
    public init(procedure: CivilDate, rules: RecoveryRules, calendar: ClinicCalendar = .alwaysOpen, sessions: Int = 1) {
        func date(_ day: Int) -> CivilDate { procedure.adding(days: day - 1) }
        func place(_ step: RecoveryRules.Step) -> DatedStep {
            DatedStep(rule: step, start: date(step.start), latestStart: step.latestStart.map(date),
                      end: step.end.map(date), latestEnd: step.latestEnd.map(date))
        }
        self.procedure = procedure
        self.phases = rules.phases.map(place)
        self.care = rules.care.map(place)
        let spacing = rules.spacing
        let minimum = procedure.adding(days: 7 * spacing.minimumWeeks)
        let usualDay = procedure.adding(days: 7 * spacing.usualWeeks)
        let earliest = calendar.firstOpenDay(onOrAfter: minimum) ?? minimum
        let usual = max(calendar.firstOpenDay(onOrAfter: usualDay) ?? usualDay, earliest)
        self.nextSession = NextSession(earliest: earliest, usual: usual,
                                       spanFrom: procedure.adding(months: spacing.spanFromMonths),
                                       spanTo: calendar.lastOpenDay(onOrBefore: procedure.adding(months: spacing.spanToMonths), notBefore: usual))
        let count = min(max(sessions, 1), Self.maximumSessions)
        self.laterSessions = count < 2 ? [] : (2...count).map {
            LaterSession(number: $0, after: $0 - 1, minimumWeeks: spacing.minimumWeeks, usualWeeks: spacing.usualWeeks)
        }
    }

    /// How many sessions are planned: the next one and the later ones.
    public var plannedSessions: Int { 1 + laterSessions.count }

    /// The phase or care task with `id`.
    public func step(_ id: String) -> DatedStep? {
        (phases + care).first { $0.rule.id == id }
    }

    /// Every calendar date this timeline gives, for checking that an output prints no other.
    public var allDates: Set<CivilDate> {
        var dates: Set<CivilDate> = [procedure, nextSession.earliest, nextSession.usual, nextSession.spanFrom, nextSession.spanTo]
        for step in phases + care {
            dates.formUnion([step.start, step.latestStart, step.end, step.latestEnd].compactMap { $0 })
            dates.formUnion(step.days.map(\.date))
        }
        return dates
    }
}
