import Foundation
import RecoverySchedule

/// The calendar file.
extension PersonalTimelines {
    /// The calendar file: one event per care day, titled with its context, and one "call to book" event per
    /// planned session on its earliest date, with a reminder that morning. Nothing here looks like a booked
    /// appointment: the patient books by calling the clinic.
    func ics(_ patient: Patient) -> String {
        let timeline = timeline(for: patient)
        let words = words(patient)
        let language = patient.language
        let text = strings[language]
        let fill = words.filled
        let contact = [settings.clinicName, settings.phone].filter { !$0.isEmpty }.joined(separator: ", ")
        let location = settings.address.isEmpty ? nil : settings.address
        var events: [CalendarEvent] = []
        for step in timeline.care {
            let usual = step.rule.end ?? step.rule.start, last = step.rule.lastDay ?? usual
            let range = usual == last ? "\(usual)" : "\(usual)–\(last)"
            for entry in step.days {
                let summary = fill("calendar_care", ["label": words.label(step.rule), "day": "\(entry.day)", "range": range])
                events.append(CalendarEvent(uid: "\(patient.uidBase)-\(step.rule.id)-day\(entry.day)@clinicsite", start: entry.date, last: entry.date,
                                            summary: words.typeset(summary), description: contact, location: location))
            }
        }
        let booking = fill("calendar_booking", ["clinic": settings.clinicName.isEmpty ? (text["contact"] ?? "") : settings.clinicName])
        for session in timeline.sessions {
            let details = fill("calendar_booking_details", [
                "earliest": session.earliest.written(in: language), "usual": session.usual.written(in: language),
                "from": "\(rules.spacing.spanFromMonths)", "to": "\(rules.spacing.spanToMonths)",
            ])
            let title = timeline.sessions.count > 1 ? "\(booking) (\(words.sessionLabel(session.number)))" : booking
            events.append(CalendarEvent(uid: "\(patient.uidBase)-session\(session.number)-book@clinicsite", start: session.earliest, last: session.earliest,
                                        summary: title, description: details + (contact.isEmpty ? "" : "\n" + contact),
                                        location: location, reminderHour: 9))
        }
        return CalendarFile.document(events: events, name: text["calendar_name"] ?? "", language: language, stamp: timeline.procedure)
    }
}
