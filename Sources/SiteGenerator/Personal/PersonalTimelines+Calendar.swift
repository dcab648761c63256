import Foundation
import RecoverySchedule

/// The calendar file.
extension PersonalTimelines {
    /// The calendar file: a daily event for each care day, and the earliest and usual date of each session.
    func ics(_ patient: Patient) -> String {
        let timeline = timeline(for: patient)
        let words = words(patient)
        let text = strings[patient.language]
        let day = text["day"] ?? "Day"
        var events: [CalendarEvent] = []
        for step in timeline.care {
            for entry in step.days {
                let note = entry.certain ? "" : ", \(text["if_needed"] ?? "")"
                events.append(CalendarEvent(uid: "\(patient.uidBase)-\(step.rule.id)-day\(entry.day)@clinicsite", start: entry.date, last: entry.date,
                                            summary: "\(words.label(step.rule)) (\(day) \(entry.day)\(note))"))
            }
        }
        // "Earliest:" reads well before a date; in an event title the colon goes.
        func bare(_ key: String) -> String {
            let word = text[key] ?? ""
            guard let last = word.lastIndex(where: { $0 != ":" && !$0.isWhitespace }) else { return "" }
            return String(word[...last])
        }
        let contact = "\(settings.clinicName) \(settings.phone)".trimmingSpaces
        for session in timeline.sessions {
            let title = bare("next_session") + (timeline.sessions.count > 1 ? " \(session.number)" : "")
            let details = "\(bare("earliest")): \(session.earliest.written(in: patient.language)). \(bare("usually")): \(session.usual.written(in: patient.language)).\n\(contact)"
            events.append(CalendarEvent(uid: "\(patient.uidBase)-session\(session.number)-earliest@clinicsite", start: session.earliest, last: session.earliest,
                                        summary: "\(title) – \(bare("earliest"))", description: details))
            if session.usual != session.earliest {
                events.append(CalendarEvent(uid: "\(patient.uidBase)-session\(session.number)-usual@clinicsite", start: session.usual, last: session.usual,
                                            summary: "\(title) – \(bare("usually"))", description: details))
            }
        }
        return CalendarFile.document(events: events, name: text["calendar_name"] ?? "", language: patient.language, stamp: timeline.procedure)
    }
}
