import Foundation
import RecoverySchedule

/// The printed handout.
extension PersonalTimelines {
    /// The printable page: self-contained, `noindex`, every value escaped.
    ///
    /// Pages of the same shape (language, number of sessions, with or without a name) differ only in their
    /// text values, so the template is rendered once per shape with placeholders, and each patient's values
    /// are escaped into a copy. The result is byte-for-byte what rendering the template directly gives (a
    /// test checks it); it is what makes 10,000 printed pages take seconds instead of tens of seconds.
    func html(_ patient: Patient) -> String {
        String(decoding: templates.transformsValues ? LayoutCache.renderDirect(printRequest(patient)) : layouts.render(printRequest(patient)),
               as: UTF8.self)
    }

    /// The printable page rendered straight through the template, for checking the fast path.
    func htmlDirect(_ patient: Patient) -> String {
        String(decoding: LayoutCache.renderDirect(printRequest(patient)), as: UTF8.self)
    }

    private func printRequest(_ patient: Patient) -> (inout LayoutValues) -> LayoutCache.Request {
        { values in
            let (shape, context) = printContext(patient, values: &values)
            return LayoutCache.Request(shape: shape) { templates.render(Self.printTemplate, context) }
        }
    }

    /// The template values of a patient's page, with every per-patient text passed through `values`.
    private func printContext(_ patient: Patient, values: inout LayoutValues) -> (key: String, context: [String: Any]) {
        let timeline = timeline(for: patient)
        let words = words(patient)
        let language = patient.language
        let text = strings[language]
        let rows: [[String: String]] = (timeline.phases + timeline.care).map { ["label": words.label($0.rule), "when": values.text(words.dates($0))] }
        var shape = "\(language)|\(timeline.sessions.count)|\(patient.name?.isEmpty == false)"
        let care: [[String: Any]] = timeline.care.map { step in
            shape += "|" + step.days.map { $0.certain ? "c" : "n" }.joined()
            return [
                "label": words.label(step.rule),
                "hasIfNeeded": step.days.contains { !$0.certain },
                "days": step.days.map { entry -> [String: Any] in
                    ["day": "\(text["day"] ?? "Day") \(entry.day)", "date": values.text(entry.date.writtenBrief(in: language)),
                     "iso": values.text(entry.date.iso), "ifNeeded": !entry.certain]
                },
            ]
        }
        let sessions: [[String: String]] = timeline.sessions.map { session in
            ["number": "\(session.number)", "earliest": values.text(session.earliest.written(in: language)),
             "usual": values.text(session.usual.written(in: language)),
             "earliestISO": values.text(session.earliest.iso), "usualISO": values.text(session.usual.iso)]
        }
        var context: [String: Any] = [
            "lang": language,
            "title": text["personal_title"] ?? "",
            "style": printStyle,
            "strings": text,
            "clinic": ["name": settings.clinicName, "phone": settings.phone, "email": settings.email, "address": settings.address],
            "procedure": values.text(timeline.procedure.written(in: language)),
            "procedureISO": values.text(timeline.procedure.iso),
            "rows": rows,
            "care": care,
            "sessions": sessions,
            "manySessions": sessions.count > 1,
            "span": values.text("\(timeline.spanFrom.written(in: language)) – \(timeline.spanTo.written(in: language))"),
        ]
        if let name = patient.name, !name.isEmpty { context["name"] = values.text(name) }
        return (shape, context)
    }
}
