import Foundation
import RecoverySchedule

/// The data the healing page's script needs, embedded in the page as JSON so nothing is fetched.
struct TimelineScriptData: Encodable {
    let language: String
    let rules: RecoveryRules
    let closedWeekdays: [String]
    let closures: [String]
    let strings: [String: String]
    /// The clinic's phone number, for the calculator's "call to book" block; may be empty.
    let phone: String
    /// The `tel:` address of the phone number; may be empty.
    let phoneHref: String
    /// The opening hours and what to do outside them, typeset; may be empty.
    let hours, afterHours: String
    /// The language's typography rules, which the script applies to the dates it writes.
    let typography: [[String: String]]

    init(language: String, rules: RecoveryRules, calendar: ClinicCalendar, strings: [String: String], call: CallClinic,
         typography: Typography = .none) {
        self.language = language
        self.rules = rules
        self.closedWeekdays = calendar.closedWeekdays.map(\.rawValue).sorted()
        self.closures = calendar.closures.map(\.iso).sorted()
        self.strings = strings
        self.phone = call.phone
        self.phoneHref = call.phoneHref
        self.hours = call.hours
        self.afterHours = call.afterHours
        self.typography = typography.scriptRules
    }

    /// JSON safe to place inside `<script type="application/json">`: `<`, `>` and `&` are escaped, so no
    /// text from the rules can close the element.
    func scriptJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
