import Foundation
import RecoverySchedule

/// Makes personal timelines (printable page, calendar file, JSON, plain text) from the site's own
/// settings, rules, interface strings and templates, so paper, calendar and website always agree.
public struct PersonalTimelines: Sendable {
    /// The output formats of a single timeline.
    public enum Format: String, Sendable, CaseIterable {
        case html, ics, json, text
    }

    let settings: Settings
    let strings: UIStrings
    let templates: Templates
    let rules: RecoveryRules
    let calendar: ClinicCalendar
    let printStyle: String
    private let layouts = LayoutCache()

    static let printTemplate = "timeline-print"
    static let printStylePath = "templates/timeline-print.css"

    /// Loads everything from the site's sources, reporting every problem at once.
    public init(sources: SiteSources) throws(DiagnosticError) {
        var log = DiagnosticLog()
        let basics = SiteBasics.load(sources, log: &log)
        let (settings, strings, templates, rules) = (basics.settings, basics.strings, basics.templates, basics.rules)
        let style = log.collect { () throws(DiagnosticError) in try sources.text(Self.printStylePath) }
        if let templates, !templates.names.contains(Self.printTemplate) {
            log.add(Diagnostic(file: "templates/\(Self.printTemplate).mustache", message: "the printed timeline template is missing"))
        }
        guard !log.hasErrors, let strings, let templates, let style else { throw DiagnosticError(log.diagnostics) }
        self.settings = settings
        self.strings = strings
        self.templates = templates
        self.rules = rules
        self.calendar = settings.calendar
        self.printStyle = style
    }

    /// The site's languages; a patient's language must be one of them.
    public var languages: [String] { settings.languages }
    /// The language used when a patient has none.
    public var defaultLanguage: String { settings.defaultLanguage }

    /// The timeline of a patient.
    public func timeline(for patient: Patient) -> Timeline {
        Timeline(procedure: patient.procedure, rules: rules, calendar: calendar, sessions: patient.sessions)
    }

    /// One patient's timeline in `format`.
    public func render(_ patient: Patient, as format: Format) -> String {
        switch format {
        case .html: return html(patient)
        case .ics: return ics(patient)
        case .json: return json(patient)
        case .text: return text(patient)
        }
    }

    private func words(_ patient: Patient) -> TimelineWording {
        TimelineWording(language: patient.language, strings: strings[patient.language])
    }

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
