/// A day of the week, Monday first as in ISO 8601.
public enum Weekday: String, Sendable, Hashable, CaseIterable, Codable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
}
