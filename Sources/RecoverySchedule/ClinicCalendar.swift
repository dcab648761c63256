/// The days the clinic is open: closed weekdays and closure dates (holidays). A "not before" date that falls on
/// a closed day moves forward to the next open day, an "up to" date back to the open day before it, so spacing
/// rules stay respected either way.
public struct ClinicCalendar: Sendable, Hashable, Codable {
    /// Weekdays the clinic is always closed.
    public var closedWeekdays: Set<Weekday>
    /// Single dates the clinic is closed.
    public var closures: Set<CivilDate>

    /// Creates a calendar. With no arguments every day is open.
    public init(closedWeekdays: Set<Weekday> = [], closures: Set<CivilDate> = []) {
        self.closedWeekdays = closedWeekdays
        self.closures = closures
    }

    /// A calendar on which every day is open.
    public static let alwaysOpen = ClinicCalendar()

    /// Whether appointments can be made on `date`.
    public func isOpen(_ date: CivilDate) -> Bool {
        !closedWeekdays.contains(date.weekday) && !closures.contains(date)
    }

    /// `date` itself when open, else the first open day after it. Returns nil only when every weekday is closed.
    public func firstOpenDay(onOrAfter date: CivilDate) -> CivilDate? {
        guard closedWeekdays.count < 7 else { return nil }
        var day = date
        // Closures are finite, so at most their count plus a week of closed weekdays can be skipped.
        for _ in 0...(closures.count + 7) {
            if isOpen(day) { return day }
            day = day.adding(days: 1)
        }
        var next = day
        while !isOpen(next) { next = next.adding(days: 1) }
        return next
    }

    /// `date` itself when open, else the last open day before it, but never before `floor` (returned when no day
    /// between them is open). A limit such as "up to six months after" stays a day the patient can book.
    public func lastOpenDay(onOrBefore date: CivilDate, notBefore floor: CivilDate) -> CivilDate {
        var day = date
        while day > floor, !isOpen(day) { day = day.adding(days: -1) }
        return max(day, floor)
    }
}
