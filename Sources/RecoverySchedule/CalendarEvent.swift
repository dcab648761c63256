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

    /// Creates an event.
    public init(uid: String, start: CivilDate, last: CivilDate, summary: String, description: String? = nil) {
        self.uid = uid
        self.start = start
        self.last = max(last, start)
        self.summary = summary
        self.description = description
    }
}
