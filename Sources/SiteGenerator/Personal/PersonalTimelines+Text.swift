import Foundation
import RecoverySchedule

/// JSON for tools and plain text for a terminal or an email.
extension PersonalTimelines {
    /// Machine-readable dates and labels. Only the next session has dates; later sessions carry their spacing
    /// after the session before them.
    func json(_ patient: Patient) -> String {
        struct Output: Encodable {
            struct Step: Encodable { var id, label: String; var start: String; var latestStart, end, latestEnd: String? }
            struct Next: Encodable { var earliest, usual, spanFrom, spanTo: String }
            var language: String
            var name: String?
            var procedure: String
            /// The procedure's name in the patient's language.
            var procedureName: String
            var phases: [Step]
            var care: [Step]
            var nextSession: Next
            var laterSessions: [Timeline.LaterSession]
            var callClinicIf: [String]
        }
        let timeline = timeline(for: patient)
        let words = words(patient)
        func step(_ s: Timeline.DatedStep) -> Output.Step {
            Output.Step(id: s.rule.id, label: words.label(s.rule), start: s.start.iso, latestStart: s.latestStart?.iso, end: s.end?.iso, latestEnd: s.latestEnd?.iso)
        }
        let next = timeline.nextSession
        let output = Output(language: patient.language, name: patient.name, procedure: timeline.procedure.iso,
                            procedureName: procedure(of: patient).name(in: patient.language),
                            phases: timeline.phases.map(step), care: timeline.care.map(step),
                            nextSession: Output.Next(earliest: next.earliest.iso, usual: next.usual.iso, spanFrom: next.spanFrom.iso, spanTo: next.spanTo.iso),
                            laterSessions: timeline.laterSessions, callClinicIf: callClinic(patient, timeline, words: words).reasons)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Plain text for a terminal or an email: the handout's parts, in the same words.
    func text(_ patient: Patient) -> String {
        let timeline = timeline(for: patient)
        let words = words(patient)
        let language = patient.language
        let text = texts(patient)
        let colon = words.colon
        var lines = [text["personal_title"] ?? ""]
        if let name = patient.name, !name.isEmpty { lines.append("\(text["patient"] ?? "")\(colon) \(name)") }
        lines.append("\(text["procedure_date"] ?? "")\(colon) \(timeline.procedure.written(in: language))")
        lines.append(text["timeline_day_one"] ?? "")
        lines += ["", text["you_will_see"] ?? ""] + timeline.phases.map { "- \(words.label($0.rule))\(colon) \(words.dates($0))" }
        lines += ["", text["you_will_do"] ?? ""] + timeline.care.map { "- \(words.label($0.rule))\(colon) \(words.careDates($0))" }
        lines += ["", text["book_title"] ?? ""]
        let next = timeline.nextSession, spacing = procedure(of: patient).rules.spacing
        lines.append("- \(text["not_before"] ?? "") \(next.earliest.written(in: language)) "
                     + words.filled("earliest_note", ["weeks": "\(spacing.minimumWeeks)"]))
        if next.usualIsLater {
            lines.append("- \(text["usually_from"] ?? "") \(next.usual.written(in: language)) " + words.filled("usual_note", ["weeks": "\(spacing.usualWeeks)"]))
        }
        lines.append("- " + words.filled("span_until", ["months": words.monthsRange(from: spacing.spanFromMonths, to: spacing.spanToMonths)])
                     + " \(next.spanTo.written(in: language)).")
        if let later = words.laterSessions(timeline) { lines.append(later) }
        lines.append(text["new_sheet"] ?? "")
        lines.append("")
        lines += callClinic(patient, timeline, words: words).lines(colon: colon, strings: text)
        return lines.map(words.typeset).joined(separator: "\n") + "\n"
    }
}
