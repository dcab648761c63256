import RecoverySchedule

/// The procedure dates a timeline is usually made for: from 60 days before today to a year after. A date
/// outside is most often a typo (2062 for 2026, last year's date copied), and a handout printed from it would
/// send a patient to the wrong days; `--confirm-dates` says it is meant.
public struct DateWindow: Sendable {
    /// Days before today a procedure date may lie.
    public static let daysBack = 60

    /// Today: the window runs from `daysBack` days before it to a year after it.
    public let today: CivilDate

    /// The window around `today`.
    public init(today: CivilDate) {
        self.today = today
    }

    /// Why `date` looks like a typo, or nil when it lies in the window.
    public func problem(with date: CivilDate) -> String? {
        if date.daysSinceEpoch < today.adding(days: -Self.daysBack).daysSinceEpoch {
            return "\(date.iso) is more than \(Self.daysBack) days before today (\(today.iso))"
        }
        if date.daysSinceEpoch > today.adding(months: 12).daysSinceEpoch {
            return "\(date.iso) is more than a year after today (\(today.iso))"
        }
        return nil
    }

    /// What to do when the date is right after all.
    public static let hint = "check the year and the day; if the date is right, run again with --confirm-dates"
}
