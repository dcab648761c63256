/// The clinic's healing facts as data: what happens on which day after a procedure, which care tasks
/// to do, and how far apart sessions must be. Day 1 is the day of the procedure.
///
/// ```swift
/// let rules = RecoveryRules.standard
/// let timeline = Timeline(procedure: CivilDate(iso: "2026-12-01")!, rules: rules)
/// timeline.step("redness")?.end      // 2026-12-03
/// timeline.nextSession.earliest    // 2027-01-12
/// ```
public struct RecoveryRules: Sendable, Hashable, Codable {
    /// What the skin does (redness, pink skin), in order.
    public var phases: [Step]
    /// What the patient does (ointment), in order.
    public var care: [Step]
    /// How far apart sessions are.
    public var spacing: SessionSpacing

    /// One phase or care task, by day numbers. `latestStart` and `latestEnd` give the outer bound when the
    /// usual day can vary ("redness usually lasts until Day 3, at most Day 4").
    public struct Step: Sendable, Hashable, Codable {
        /// A short identifier such as `redness` or `ointment`.
        public var id: String
        /// The name shown to patients, by language code.
        public var label: [String: String]
        /// A short name that starts a calendar event's title, by language code (a phone's month view shows only
        /// the first words); empty to use `label`.
        public var calendarLabel: [String: String] = [:]
        /// The first day (1 = the procedure day).
        public var start: Int
        /// The last day it may start on, when the start varies.
        public var latestStart: Int?
        /// The usual last day (for care: the last day it is at least needed); nil when it simply fades away.
        public var end: Int?
        /// The last day it may last to.
        public var latestEnd: Int?

        /// Creates a step; `validated()` on the rules checks the days.
        public init(id: String, label: [String: String], start: Int, latestStart: Int? = nil, end: Int? = nil, latestEnd: Int? = nil) {
            self.id = id
            self.label = label
            self.start = start
            self.latestStart = latestStart
            self.end = end
            self.latestEnd = latestEnd
        }

        /// The last day this step can touch, when it has an end.
        public var lastDay: Int? { latestEnd ?? end }
    }

    /// The spacing of sessions: never before `minimumWeeks`, usually from `usualWeeks`, and the usual
    /// span between sessions from `spanFromMonths` to `spanToMonths`.
    public struct SessionSpacing: Sendable, Hashable, Codable {
        /// The next session is never earlier than this many weeks after the last.
        public var minimumWeeks: Int
        /// The next session is usually this many weeks or more after the last.
        public var usualWeeks: Int
        /// The usual span between sessions starts this many calendar months after the last.
        public var spanFromMonths: Int
        /// The usual span between sessions ends this many calendar months after the last.
        public var spanToMonths: Int

        /// Creates a spacing.
        public init(minimumWeeks: Int, usualWeeks: Int, spanFromMonths: Int, spanToMonths: Int) {
            self.minimumWeeks = minimumWeeks
            self.usualWeeks = usualWeeks
            self.spanFromMonths = spanFromMonths
            self.spanToMonths = spanToMonths
        }
    }

    /// Creates rules.
    public init(phases: [Step], care: [Step], spacing: SessionSpacing) {
        self.phases = phases
        self.care = care
        self.spacing = spacing
    }

    /// The rules of the facts sheet (F16 to F22): redness Day 1 to 3 (at most 4), pink from Day 4 or 5,
    /// ointment Day 1 to at least 3 (up to 7), sessions at least 6 weeks apart, usually 8, span 2 to 6 months.
    public static let standard = RecoveryRules(
        phases: [
            Step(id: "redness", label: ["en": "Redness", "fr": "Rougeur"], start: 1, end: 3, latestEnd: 4),
            Step(id: "pink", label: ["en": "Redness turns pink, then keeps fading", "fr": "La rougeur devient rose, puis s'estompe"],
                 start: 4, latestStart: 5),
        ],
        care: [
            Step(id: "ointment", label: ["en": "Put the ointment the clinic gave or named on the treated skin",
                                         "fr": "Mettre la pommade donnée ou conseillée par la clinique sur la peau traitée"],
                 start: 1, end: 3, latestEnd: 7),
        ],
        spacing: SessionSpacing(minimumWeeks: 6, usualWeeks: 8, spanFromMonths: 2, spanToMonths: 6)
    )

    /// A problem with the rules, naming the step (or `next_session`) and the field.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The step id, or `next_session`.
        public var step: String
        /// The field name as written in the rules file (`start`, `latest_end`, ...).
        public var field: String
        /// What is wrong.
        public var message: String
        /// `step.field: message`.
        public var description: String { "\(step).\(field): \(message)" }
    }

    /// Every inconsistency: days before Day 1, an end before its start, a usual spacing shorter than the minimum...
    public func problems() -> [Problem] {
        var problems: [Problem] = []
        var seen = Set<String>()
        for step in phases + care {
            func check(_ field: String, _ value: Int?, notBefore bound: Int?, _ boundName: String) {
                guard let value, let bound, value < bound else { return }
                problems.append(Problem(step: step.id, field: field, message: "Day \(value) is before \(boundName) (Day \(bound))"))
            }
            if !seen.insert(step.id).inserted {
                problems.append(Problem(step: step.id, field: "id", message: "the id '\(step.id)' is used twice"))
            }
            if step.start < 1 {
                problems.append(Problem(step: step.id, field: "start", message: "days are counted from Day 1, the day of the procedure; found \(step.start)"))
            }
            check("latest_start", step.latestStart, notBefore: step.start, "start")
            check("end", step.end, notBefore: step.latestStart ?? step.start, step.latestStart == nil ? "start" : "latest_start")
            check("latest_end", step.latestEnd, notBefore: step.end ?? step.latestStart ?? step.start, step.end == nil ? "start" : "end")
        }
        for step in care where step.end == nil {
            problems.append(Problem(step: step.id, field: "end", message: "a care task needs an end day"))
        }
        if spacing.minimumWeeks < 1 {
            problems.append(Problem(step: "next_session", field: "minimum_weeks", message: "must be at least 1, found \(spacing.minimumWeeks)"))
        }
        if spacing.usualWeeks < spacing.minimumWeeks {
            problems.append(Problem(step: "next_session", field: "usual_weeks", message: "must not be shorter than minimum_weeks (\(spacing.minimumWeeks))"))
        }
        if spacing.spanFromMonths < 0 || spacing.spanToMonths < spacing.spanFromMonths {
            problems.append(Problem(step: "next_session", field: "span_to_months", message: "the span must run from a smaller to a larger number of months"))
        }
        // The shortest months are 28 days: a span that can start before the minimum gap would tell a patient a
        // date the minimum forbids.
        if spacing.spanFromMonths >= 0 && spacing.spanFromMonths * 28 < spacing.minimumWeeks * 7 {
            problems.append(Problem(step: "next_session", field: "span_from_months",
                                    message: "the span between sessions would start before the minimum gap: \(spacing.spanFromMonths) months "
                                        + "can be shorter than minimum_weeks (\(spacing.minimumWeeks) weeks); make it at least "
                                        + "\((spacing.minimumWeeks * 7 + 27) / 28) months"))
        }
        return problems
    }
}
