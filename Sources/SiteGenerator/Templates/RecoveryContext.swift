import RecoverySchedule

/// The recovery timeline by day numbers, as templates see it (`{{#recovery.rows}}`), in every language,
/// computed once per build. The data for the browser script comes with it.
struct RecoveryContext: Sendable {
    /// Template values by language; built from plain strings only, so they are safe to share.
    let byLanguage: [String: [String: any Sendable]]

    init(rules: RecoveryRules, settings: Settings, strings: UIStrings, typography: [String: Typography] = [:]) {
        var result: [String: [String: any Sendable]] = [:]
        for language in settings.languages {
            let words = TimelineWording(language: language, strings: strings[language], typography: typography[language] ?? .none)
            let rows: [[String: String]] = rules.phases.map { ["label": words.label($0), "when": words.days($0).capitalizedFirst] }
                + rules.care.map { ["label": words.label($0), "when": words.careDays($0).capitalizedFirst] }
            let spacing = rules.spacing
            let day = strings[language]["day"] ?? "Day"
            let call = CallClinic(settings: settings, words: words, redAfter: CallClinic.lastRedDay(rules).map { "\(day) \($0)" })
            let weeksAfter = strings[language]["weeks_after"] ?? ""
            result[language] = [
                "rows": rows,
                "earliest": words.typeset("\(spacing.minimumWeeks) \(weeksAfter)"),
                "usual": words.typeset("\(spacing.usualWeeks) \(weeksAfter)"),
                "span": words.monthsRange(from: spacing.spanFromMonths, to: spacing.spanToMonths),
                "call": call.context,
                "json": TimelineScriptData(language: language, rules: rules.typeset(with: words), calendar: settings.calendar,
                                           strings: strings[language], call: call, typography: typography[language] ?? .none).scriptJSON(),
            ]
        }
        byLanguage = result
    }
}

private extension RecoveryRules {
    /// The rules with the labels of `words`' language typeset, for the browser script.
    func typeset(with words: TimelineWording) -> RecoveryRules {
        func typeset(_ step: Step) -> Step {
            var step = step
            if step.label[words.language] != nil { step.label[words.language] = words.label(step) }
            return step
        }
        var copy = self
        copy.phases = phases.map(typeset)
        copy.care = care.map(typeset)
        return copy
    }
}
