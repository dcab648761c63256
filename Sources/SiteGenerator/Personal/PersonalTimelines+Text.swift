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

    /// Plain text for a terminal or an email.
    func text(_ patient: Patient) -> String {
        let timeline = timeline(for: patient)
        let words = words(patient)
        let text = strings[patient.language]
        var lines = [text["personal_title"] ?? ""]
        if let name = patient.name, !name.isEmpty { lines.append("\(text["patient"] ?? ""): \(name)") }
        lines.append("\(text["day"] ?? "Day") 1: \(timeline.procedure.written(in: patient.language))")
        lines.append(text["timeline_day_one"] ?? "")
        lines.append("")
        for step in timeline.phases + timeline.care {
            lines.append("- \(words.label(step.rule)): \(words.dates(step))")
        }
        lines.append("")
        for session in timeline.sessions {
            let number = timeline.sessions.count > 1 ? " \(session.number)" : ""
            lines.append("\(text["next_session"] ?? "")\(number): \(text["earliest"] ?? "") \(session.earliest.written(in: patient.language)); \(text["usually"] ?? "") \(session.usual.written(in: patient.language))")
        }
        lines.append("\(text["usual_span"] ?? ""): \(timeline.spanFrom.written(in: patient.language)) – \(timeline.spanTo.written(in: patient.language))")
        lines.append("")
        lines.append("\(text["questions_call"] ?? ""): \(settings.clinicName), \(settings.phone)")
        return lines.joined(separator: "\n") + "\n"
    }
}
