import RecoverySchedule

/// The one rule for the age of a medical review, used by the build's warnings and by `clinicsite check`:
/// a page reviewed on D is overdue from the day after D plus `review_months` months.
struct ReviewAge: Sendable {
    let reviewed: CivilDate
    let today: CivilDate

    /// Whole months from the review to today (0 when the review date is today or later).
    var months: Int {
        var months = (today.year - reviewed.year) * 12 + today.month - reviewed.month
        if today.day < reviewed.day { months -= 1 }
        return max(months, 0)
    }

    /// Whether more than `limit` months have passed: reviewed on 2026-01-31 with a limit of 1, the page is
    /// still current on 2026-02-28 and overdue from 2026-03-01.
    func isOverdue(after limit: Int) -> Bool {
        reviewed.adding(months: limit) < today
    }

    /// How far ahead `clinicsite check` warns of a review falling due.
    static let soonDays = 30

    /// Days from `today` to `due` (0 on the day itself); nil when `due` has passed.
    static func daysLeft(until due: CivilDate, today: CivilDate) -> Int? {
        let days = due.daysSinceEpoch - today.daysSinceEpoch
        return days >= 0 ? days : nil
    }

    /// The warning for a review that falls due within `soonDays`, so it can be planned before it is overdue.
    static func dueSoon(file: String, due: CivilDate, days: Int) -> Diagnostic {
        .warning(file: file, line: 1, "the medical review falls due on \(due.iso), \(days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days")",
                 hint: "plan the review; once done, update reviewed: in the front matter", code: .reviewDueSoon)
    }

    /// The warning for an overdue review, placed on the page's first line.
    static func warning(file: String, reviewed: CivilDate, months: Int) -> Diagnostic {
        .warning(file: file, line: 1, "the last medical review was on \(reviewed.iso), more than \(months) months ago",
                 hint: "have the page reviewed, then update reviewed: in its front matter", code: .reviewOverdue)
    }

    /// The error for a review date after today (a typo such as 2062 for 2026, which would hide the review's age),
    /// at the line of `reviewed:` in `text`, the page's source.
    static func future(file: String, text: String?, reviewed: CivilDate, today: CivilDate) -> Diagnostic {
        Diagnostic(file: file, line: YAMLValue.line(ofKey: "reviewed", in: text), message: "reviewed: \(reviewed.iso) is in the future (today is \(today.iso))",
                          hint: "write the day the page was last medically checked: today or earlier")
    }
}
