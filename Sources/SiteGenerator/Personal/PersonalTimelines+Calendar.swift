import Foundation
import RecoverySchedule

/// The calendar file.
extension PersonalTimelines {
    /// The calendar file: for each care task, one event per day it is always needed and one event for the days
    /// that depend on the clinic's advice, each title starting with the action; and exactly one "call to book"
    /// event, on the next session's earliest date, with a reminder that morning. Later sessions get no event:
    /// their dates depend on when the next one really happens. Nothing here looks like a booked appointment.
    func ics(_ patient: Patient) -> String {
        let timeline = timeline(for: patient)
        let words = words(patient)
        let language = patient.language
        let text = texts(patient)
        let location = settings.address.isEmpty ? nil : settings.address
        let call = callClinic(patient, timeline, words: words).lines(colon: words.colon, strings: text).map(words.typeset).joined(separator: "\n")
        var events: [CalendarEvent] = []
        for step in timeline.care {
            let name = words.calendarLabel(step.rule)
            let details = words.label(step.rule) + ".\n" + call
            let days = step.days
            for entry in days where entry.certain {
                events.append(CalendarEvent(uid: "\(patient.uidBase)-\(step.rule.id)-day\(entry.day)@clinicsite", start: entry.date, last: entry.date,
                                            summary: words.filled("calendar_care", ["label": name, "day": "\(entry.day)"]),
                                            description: details, location: location))
            }
            let ifTold = days.filter { !$0.certain }
            if let first = ifTold.first, let last = ifTold.last {
                let summary = words.filled("calendar_care_if_told", ["label": name, "from": "\(first.day)", "to": "\(last.day)"])
                events.append(CalendarEvent(uid: "\(patient.uidBase)-\(step.rule.id)-days\(first.day)-\(last.day)@clinicsite",
                                            start: first.date, last: last.date, summary: summary, description: details, location: location))
            }
        }
        let next = timeline.nextSession
        let clinic = settings.clinicName.isEmpty ? (text["contact"] ?? "") : settings.clinicName
        let spacing = procedure(of: patient).rules.spacing
        let months = words.monthsRange(from: spacing.spanFromMonths, to: spacing.spanToMonths)
        // One date is given once, as on the handout: "not before" it, then the span.
        let window = next.usualIsLater ? words.filled("calendar_booking_details", [
            "earliest": next.earliest.written(in: language), "usual": next.usual.written(in: language),
            "months": months, "until": next.spanTo.written(in: language),
        ]) : words.typeset("\(text["not_before"] ?? "") \(next.earliest.written(in: language)). ")
            + words.filled("span_until", ["months": months]) + words.typeset(" \(next.spanTo.written(in: language)).")
        let booking = [window, words.laterSessions(timeline), words.typeset(text["new_sheet"] ?? ""), call].compactMap { $0 }.filter { !$0.isEmpty }
        // In the calendar's own description, never in an event: a review date beside the days to act on could be taken for one.
        let source = informationSource(patient, words: words)
        events.append(CalendarEvent(uid: "\(patient.uidBase)-next-session-book@clinicsite", start: next.earliest, last: next.earliest,
                                    summary: words.filled("calendar_booking", ["clinic": clinic]), description: booking.joined(separator: "\n"),
                                    location: location, reminderHour: 9))
        return CalendarFile.document(events: events, name: text["calendar_name"] ?? "", description: source, language: language, stamp: timeline.procedure)
    }
}
