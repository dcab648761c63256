/// An all-day event for a calendar file.
public struct CalendarEvent: Sendable, Hashable {
    /// A globally unique, stable id: the same patient and event must give the same UID on every run,
    /// so importing a file again updates events instead of duplicating them.
    public var uid: String
    /// The first day.
    public var start: CivilDate
    /// The last day (inclusive); written as the exclusive `DTEND` of RFC 5545.
    public var last: CivilDate
    /// The event's title.
    public var summary: String
    /// Longer text, optional.
    public var description: String?
    /// Where it happens (the clinic's address), optional.
    public var location: String?
    /// A reminder on the day, at this many hours after midnight (9 gives 9 am); nil for none.
    public var reminderHour: Int?

    /// Creates an event.
    public init(uid: String, start: CivilDate, last: CivilDate, summary: String, description: String? = nil,
                location: String? = nil, reminderHour: Int? = nil) {
        self.uid = uid
        self.start = start
        self.last = max(last, start)
        self.summary = summary
        self.description = description
        self.location = location
        self.reminderHour = reminderHour
    }
}
