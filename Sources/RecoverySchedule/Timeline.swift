/// One patient's recovery, in calendar dates, computed from a procedure date and the rules.
public struct Timeline: Sendable, Hashable, Codable {
    /// Day 1.
    public let procedure: CivilDate
    /// The phases, with their dates.
    public let phases: [DatedStep]
    /// The care tasks, with their dates.
    public let care: [DatedStep]
    /// The planned next sessions, in order; the first follows the procedure.
    public let sessions: [PlannedSession]
    /// The usual span for the next session: from `spanFrom` to `spanTo` (calendar months after the procedure).
    public let spanFrom: CivilDate
    /// The end of the usual span.
    public let spanTo: CivilDate

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

        /// Every date from `start` to the last possible day, with its day number (for tick boxes).
        public var days: [(day: Int, date: CivilDate, certain: Bool)] {
            guard let last = rule.lastDay else { return [] }
            let usualEnd = rule.end ?? last
            return (rule.start...last).map { day in
                (day, start.adding(days: day - rule.start), day <= usualEnd)
            }
        }
    }

    /// A future session: the earliest allowed date and the usual date, both on days the clinic is open, and
    /// the usual span after the session before it. Later sessions count from the one before, as planned
    /// here; once that session really happens, its own date replaces the plan.
    public struct PlannedSession: Sendable, Hashable, Codable {
        /// 1 for the next session after the procedure, 2 for the one after, ...
        public let number: Int
        /// Not before this date (the minimum spacing after the previous earliest date, moved to an open day).
        public let earliest: CivilDate
        /// Usually from this date (the usual spacing after the previous usual date, moved to an open day).
        public let usual: CivilDate
        /// The usual span starts here: `span_from_months` after the session before (its usual date).
        public let spanFrom: CivilDate
        /// The usual span ends here: `span_to_months` after the session before.
        public let spanTo: CivilDate
    }

    /// The largest number of sessions that can be planned at once.
    public static let maximumSessions = 10

    /// Computes the timeline. `sessions` (1 to 10) is how many future sessions to plan.
    public init(procedure: CivilDate, rules: RecoveryRules, calendar: ClinicCalendar = .alwaysOpen, sessions: Int = 1) {
        func date(_ day: Int) -> CivilDate { procedure.adding(days: day - 1) }
        func place(_ step: RecoveryRules.Step) -> DatedStep {
            DatedStep(rule: step, start: date(step.start), latestStart: step.latestStart.map(date),
                      end: step.end.map(date), latestEnd: step.latestEnd.map(date))
        }
        self.procedure = procedure
        self.phases = rules.phases.map(place)
        self.care = rules.care.map(place)
        self.spanFrom = procedure.adding(months: rules.spacing.spanFromMonths)
        self.spanTo = procedure.adding(months: rules.spacing.spanToMonths)
        var planned: [PlannedSession] = []
        var earliest = procedure
        var usual = procedure
        for number in 1...min(max(sessions, 1), Self.maximumSessions) {
            let previous = usual
            let minimum = earliest.adding(days: 7 * rules.spacing.minimumWeeks)
            let usualDay = usual.adding(days: 7 * rules.spacing.usualWeeks)
            earliest = calendar.firstOpenDay(onOrAfter: minimum) ?? minimum
            usual = max(calendar.firstOpenDay(onOrAfter: usualDay) ?? usualDay, earliest)
            planned.append(PlannedSession(number: number, earliest: earliest, usual: usual,
                                          spanFrom: previous.adding(months: rules.spacing.spanFromMonths),
                                          spanTo: previous.adding(months: rules.spacing.spanToMonths)))
        }
        self.sessions = planned
    }

    /// The phase or care task with `id`.
    public func step(_ id: String) -> DatedStep? {
        (phases + care).first { $0.rule.id == id }
    }
}
