/// The interface words of each language ("Skip to content", "Call us"), from `templates/strings/LANG.yml`,
/// so a clinic can reword them or add a language without touching code.
struct UIStrings: Sendable {
    /// Strings by language, then by key.
    let byLanguage: [String: [String: String]]

    static func path(_ language: String) -> String { "templates/strings/\(language).yml" }

    /// Keys every language file must define.
    static let requiredKeys = ["language_name", "skip_to_content", "menu", "languages", "contact", "phone", "email",
                               "address", "reviewed", "not_found_title", "not_found_text", "back_home", "choose_language",
                               "disclaimer", "timeline_title", "timeline_day_one", "day", "or", "to", "up_to", "and_after",
                               "next_session", "earliest", "usually", "usual_span", "weeks_after", "months",
                               "your_dates", "procedure_date", "show_dates", "private_note", "invalid_date", "personal_title",
                               "patient", "what_to_expect", "when", "tick_ointment", "dashed_boxes", "if_needed", "calendar_name",
                               "you_will_see", "you_will_do", "book_title", "not_before", "usually_from",
                               "earliest_note", "usual_note", "span_until", "later_one", "later_many", "new_sheet",
                               "months_range", "booked_for", "treated_areas", "ointment_to_use", "ointment_how_often", "ointment_until",
                               "hours", "scan_to_read", "your_day_one", "print_all_title", "calendar_booking",
                               "calendar_booking_details", "calendar_care", "calendar_care_if_told", "call_title", "call_red", "call_worry",
                               "after_hours", "calculator_link", "colon", "result_title", "span_dates"]

    init(sources: SiteSources, settings: Settings) throws(DiagnosticError) {
        var result: [String: [String: String]] = [:]
        var log = DiagnosticLog()
        for language in settings.languages {
            let file = Self.path(language)
            guard sources.files[file] != nil else {
                log.add(Diagnostic(file: file, message: "the interface text for '\(language)' is missing",
                                   hint: "copy templates/strings/en.yml to \(file) and translate the values"))
                continue
            }
            log.collect { () throws(DiagnosticError) in
                guard let root = try YAMLValue.parse(try sources.text(file), file: file) else {
                    throw DiagnosticError(Diagnostic(file: file, line: 1, message: "this file is empty"))
                }
                guard case .mapping(let mapping) = root.node.content else { throw root.error("this file must be a list of 'key: text' lines") }
                var strings: [String: String] = [:]
                var problems: [Diagnostic] = []
                for pair in mapping {
                    let item = YAMLValue(node: pair.value, file: file, lineOffset: 0)
                    guard let name = pair.key.string else { continue }
                    do throws(DiagnosticError) { strings[name] = try item.string(named: name) } catch { problems += error.diagnostics }
                }
                for key in Self.requiredKeys where strings[key] == nil {
                    problems.append(Diagnostic(file: file, line: 1, message: "the text '\(key)' is missing",
                                               hint: "add a line '\(key): ...' (see templates/strings/en.yml)"))
                }
                if !problems.isEmpty { throw DiagnosticError(problems) }
                result[language] = strings
            }
        }
        try log.throwIfErrors()
        byLanguage = result
    }

    subscript(language: String) -> [String: String] { byLanguage[language] ?? [:] }

    private init(byLanguage: [String: [String: String]]) {
        self.byLanguage = byLanguage
    }

    /// The same strings with each language's typography applied (they are all prose).
    func typeset(with typography: [String: Typography]) -> UIStrings {
        UIStrings(byLanguage: byLanguage.reduce(into: [:]) { result, entry in
            let rules = typography[entry.key] ?? .none
            result[entry.key] = entry.value.mapValues(rules.apply)
        })
    }
}
