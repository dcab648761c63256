import Foundation
import RecoverySchedule

/// JSON for tools and plain text for a terminal or an email.
extension PersonalTimelines {
    /// Machine-readable dates and labels.
    func json(_ patient: Patient) -> String {
        struct Output: Encodable {
            struct Step: Encodable { var id, label: String; var start: String; var latestStart, end, latestEnd: String? }
            struct Session: Encodable { var number: Int; var earliest, usual: String }
            var language: String
            var name: String?
            var procedure: String
            var phases: [Step]
            var care: [Step]
            var sessions: [Session]
            var spanFrom, spanTo: String
        }
        let timeline = timeline(for: patient)
        let words = words(patient)
        func step(_ s: Timeline.DatedStep) -> Output.Step {
            Output.Step(id: s.rule.id, label: words.label(s.rule), start: s.start.iso, latestStart: s.latestStart?.iso, end: s.end?.iso, latestEnd: s.latestEnd?.iso)
        }
        let output = Output(language: patient.language, name: patient.name, procedure: timeline.procedure.iso,
                            phases: timeline.phases.map(step), care: timeline.care.map(step),
                            sessions: timeline.sessions.map { Output.Session(number: $0.number, earliest: $0.earliest.iso, usual: $0.usual.iso) },
                            spanFrom: timeline.spanFrom.iso, spanTo: timeline.spanTo.iso)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Plain text for a terminal or an email: the handout's parts, in the same words.
    func text(_ patient: Patient) -> String {
        let timeline = timeline(for: patient)
        let words = words(patient)
        let language = patient.language
        let text = strings[language]
        let colon = text["colon"] ?? ":"
        var lines = [text["personal_title"] ?? ""]
        if let name = patient.name, !name.isEmpty { lines.append("\(text["patient"] ?? "")\(colon) \(name)") }
        lines.append("\(text["procedure_date"] ?? "")\(colon) \(timeline.procedure.written(in: language))")
        lines.append(text["timeline_day_one"] ?? "")
        for (title, steps) in [("you_will_see", timeline.phases), ("you_will_do", timeline.care)] {
            lines.append("")
            lines.append(text[title] ?? "")
            for step in steps { lines.append("- \(words.dates(step))\(colon) \(words.label(step.rule))") }
        }
        lines.append("")
        lines.append(text["book_title"] ?? "")
        for session in timeline.sessions {
            lines.append("- \(words.sessionLabel(session.number))\(colon) \(text["not_before"] ?? "") \(session.earliest.written(in: language)); "
                + "\(text["usually_from"] ?? "") \(session.usual.written(in: language))")
        }
        let gap = words.monthsRange(from: rules.spacing.spanFromMonths, to: rules.spacing.spanToMonths)
        lines.append("\(text["usual_span"] ?? "")\(colon) \(gap) (\(words.span(timeline.spanFrom, timeline.spanTo, year: timeline.procedure.year)))")
        lines.append("")
        lines.append("\(text["questions_call"] ?? "")\(colon) " + [settings.clinicName, settings.phone].filter { !$0.isEmpty }.joined(separator: ", "))
        return lines.map(words.typeset).joined(separator: "\n") + "\n"
    }
}
