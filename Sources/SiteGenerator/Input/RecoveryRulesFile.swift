import RecoverySchedule

/// Reads `content/recovery.yml`, the timeline rules staff can edit, reporting every problem with its line.
/// Without the file, the facts sheet's standard rules apply.
enum RecoveryRulesFile {
    static let path = "content/recovery.yml"

    /// Reads the rules. Every language in `languages` needs a label; labels in other languages are kept (a
    /// clinic may stop offering a language without editing the rules). `languages` is nil when the settings
    /// could not be read, so their errors are not repeated here as missing labels.
    static func load(sources: SiteSources, languages: [String]?, log: inout DiagnosticLog) -> RecoveryRules {
        guard sources.files[path] != nil else { return .standard }
        return load(path, sources: sources, languages: languages, log: &log).rules
    }

    /// Reads the rules at `path`; a procedure's file (`content/procedures/SLUG.yml`) also names it (`name`, once or
    /// per language), which `names` returns.
    static func load(_ path: String, sources: SiteSources, languages: [String]?, log: inout DiagnosticLog)
        -> (rules: RecoveryRules, names: [String: String], strings: [String: [String: String]]) {
        let file = String(path.split(separator: "/").last ?? "")
        let isProcedure = path.hasPrefix(Procedures.folder)
        guard let text = log.collect({ () throws(DiagnosticError) in try sources.text(path) }),
              let parsed = log.collect({ () throws(DiagnosticError) in try YAMLValue.parse(text, file: path) }) else { return (.standard, [:], [:]) }
        guard let root = parsed else {
            log.add(Diagnostic(file: path, line: 1, message: "\(file) is empty",
                               hint: isProcedure ? "write the procedure's name and rules in it" : "delete it to use the standard rules, or fill it in"))
            return (.standard, [:], [:])
        }
        var places: [String: YAMLValue] = [:]
        var rules = RecoveryRules(phases: [], care: [], spacing: RecoveryRules.standard.spacing)
        var names: [String: String] = [:]
        var strings: [String: [String: String]] = [:]
        let keys = (isProcedure ? ["name", "strings"] : []) + ["phases", "care", "next_session"]
        for (key, value) in root.mapping(named: file, allowed: keys, log: &log) {
            switch key {
            case "name": names = log.collect { () throws(DiagnosticError) in try Settings.textByLanguage(value, named: "name") } ?? [:]
            case "strings": strings = wording(value, log: &log)
            case "phases": rules.phases = steps(value, named: "phases", languages: languages, places: &places, log: &log)
            case "care": rules.care = steps(value, named: "care", languages: languages, places: &places, log: &log)
            default: rules.spacing = spacing(value, places: &places, log: &log)
            }
        }
        if isProcedure, names.isEmpty {
            log.add(contentsOf: root.error("the procedure has no name", hint: "add a line name: with its name, or one per language (en: …, fr: …)").diagnostics)
        }
        for problem in rules.problems() {
            let place = places["\(problem.step).\(problem.field)"] ?? places[problem.step] ?? root
            log.add(contentsOf: place.error(problem.message).diagnostics)
        }
        if isProcedure, let languages {
            for language in languages {
                let missing = Procedures.wordingKeys.filter { strings[language]?[$0] == nil }
                guard !missing.isEmpty else { continue }
                log.add(contentsOf: root.error("the procedure's wording in \(language) lacks \(missing.joined(separator: ", "))",
                    hint: "add them under strings: \(language): (they name the procedure on handouts and in calendars)").diagnostics)
            }
        }
        return (rules, names, strings)
    }

    /// A procedure's own interface strings (`strings: en: personal_title: …`), only those that name it.
    private static func wording(_ value: YAMLValue, log: inout DiagnosticLog) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        log.collect { () throws(DiagnosticError) in
            for (language, texts) in try value.languageMapping(named: "strings") {
                for (key, text) in try texts.mapping(named: "strings in \(language)", allowed: Procedures.wordingKeys) {
                    result[language, default: [:]][key] = try text.string(named: key)
                }
            }
        }
        return result
    }

    private static func steps(_ value: YAMLValue, named what: String, languages: [String]?, places: inout [String: YAMLValue], log: inout DiagnosticLog) -> [RecoveryRules.Step] {
        guard let items = log.collect({ () throws(DiagnosticError) in try value.sequence(named: what) }) else { return [] }
        var steps: [RecoveryRules.Step] = []
        let keys = ["id", "label", "calendar", "start", "latest_start", "end", "latest_end"]
        for item in items {
            var step = RecoveryRules.Step(id: "", label: [:], start: 1)
            var fields: [String: YAMLValue] = [:]
            for (key, field) in item.mapping(named: "each entry of \(what)", allowed: keys, log: &log) {
                fields[key] = field
                log.collect { () throws(DiagnosticError) in
                    switch key {
                    case "id":
                        step.id = try field.string(named: "id")
                        guard Slug.isValid(step.id) else { throw field.error("id must use only a-z, 0-9 and hyphens, found \(field.shown)") }
                    case "label":
                        for (language, text) in try field.languageMapping(named: "label") {
                            step.label[language] = try text.string(named: "label.\(language)")
                        }
                    case "calendar":
                        for (language, text) in try field.languageMapping(named: "calendar") {
                            step.calendarLabel[language] = try text.string(named: "calendar.\(language)")
                        }
                    case "start": step.start = try field.int(named: "start", in: -10_000...10_000)
                    case "latest_start": step.latestStart = try field.int(named: "latest_start", in: -10_000...10_000)
                    case "end": step.end = try field.int(named: "end", in: -10_000...10_000)
                    default: step.latestEnd = try field.int(named: "latest_end", in: -10_000...10_000)
                    }
                }
            }
            if fields["id"] == nil {
                log.add(contentsOf: item.error("each entry of \(what) needs an id, such as id: redness").diagnostics)
            }
            if fields["start"] == nil {
                log.add(contentsOf: item.error("the entry '\(step.id)' needs a start day (1 is the procedure day)").diagnostics)
            }
            for language in languages ?? [] where step.label[language] == nil && fields["id"] != nil {
                log.add(contentsOf: (fields["label"] ?? item).error("the entry '\(step.id)' has no label in '\(language)'",
                                                                    hint: "add it under label:, for example  \(language): ...").diagnostics)
            }
            places[step.id] = item
            for (key, field) in fields { places["\(step.id).\(key)"] = field }
            steps.append(step)
        }
        return steps
    }

    private static func spacing(_ value: YAMLValue, places: inout [String: YAMLValue], log: inout DiagnosticLog) -> RecoveryRules.SessionSpacing {
        var spacing = RecoveryRules.standard.spacing
        places["next_session"] = value
        let keys = ["minimum_weeks", "usual_weeks", "span_from_months", "span_to_months"]
        for (key, field) in value.mapping(named: "next_session", allowed: keys, log: &log) {
            places["next_session.\(key)"] = field
            log.collect { () throws(DiagnosticError) in
                let number = try field.int(named: key, in: 0...520)
                switch key {
                case "minimum_weeks": spacing.minimumWeeks = number
                case "usual_weeks": spacing.usualWeeks = number
                case "span_from_months": spacing.spanFromMonths = number
                default: spacing.spanToMonths = number
                }
            }
        }
        return spacing
    }
}
