import RecoverySchedule

/// The recovery timeline by day numbers, as templates see it (`{{#recovery.rows}}`), in every language,
/// computed once per build. The data for the browser script comes with it.
struct RecoveryContext: Sendable {
    /// Template values by language; built from plain strings only, so they are safe to share.
    let byLanguage: [String: [String: any Sendable]]

    init(rules: RecoveryRules, calendar: ClinicCalendar, strings: UIStrings, languages: [String], phone: String = "") {
        var result: [String: [String: any Sendable]] = [:]
        for language in languages {
            let words = TimelineWording(language: language, strings: strings[language])
            let rows: [[String: String]] = (rules.phases + rules.care).map { ["label": words.label($0), "when": words.days($0)] }
            let spacing = rules.spacing
            let weeksAfter = strings[language]["weeks_after"] ?? ""
            result[language] = [
                "rows": rows,
                "earliest": "\(spacing.minimumWeeks) \(weeksAfter)",
                "usual": "\(spacing.usualWeeks) \(weeksAfter)",
                "span": "\(spacing.spanFromMonths)–\(spacing.spanToMonths) \(strings[language]["months"] ?? "")",
                "json": TimelineScriptData(language: language, rules: rules, calendar: calendar, strings: strings[language], phone: phone).scriptJSON(),
            ]
        }
        byLanguage = result
    }
}
