import RecoverySchedule

/// Reads the clinic's calendar (`closed_weekdays`, `closures`) from `content/site.yml`.
enum ClinicCalendarSettings {
    static func load(sources: SiteSources, log: inout DiagnosticLog) -> ClinicCalendar {
        let file = "content/site.yml"
        var calendar = ClinicCalendar()
        guard sources.files[file] != nil,
              let text = try? sources.text(file), let root = try? YAMLValue.parse(text, file: file),
              case .mapping = root.node else { return calendar }
        var ignored = DiagnosticLog() // Unknown keys are reported by Settings.
        for (key, value) in root.mapping(named: "site.yml", allowed: ["closed_weekdays", "closures"], log: &ignored) {
            log.collect { () throws(DiagnosticError) in
                if key == "closed_weekdays" {
                    for item in try value.sequence(named: "closed_weekdays") {
                        let name = try item.string(named: "each closed weekday").lowercased()
                        guard let day = Weekday(rawValue: name) else {
                            throw item.error("'\(name)' is not a weekday", hint: "write weekdays in English: monday, tuesday, ... sunday")
                        }
                        calendar.closedWeekdays.insert(day)
                    }
                    if calendar.closedWeekdays.count == 7 { throw value.error("the clinic cannot be closed on every weekday") }
                } else {
                    for item in try value.sequence(named: "closures") {
                        calendar.closures.insert(try item.date(named: "each closure"))
                    }
                }
            }
        }
        return calendar
    }
}
