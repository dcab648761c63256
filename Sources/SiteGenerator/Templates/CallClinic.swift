import RecoverySchedule

/// "Call the clinic if…", shown beside every piece of aftercare (the healing page, the calculator's result,
/// the handout, the calendar and text output): when to call, from the facts only (redness that lasts past its
/// last day, or anything that worries), with the number, the opening hours and what to do outside them.
struct CallClinic: Sendable {
    /// "Call the clinic if".
    let title: String
    /// Each reason to call, typeset: "your skin is still red after Day 4", "anything about your skin worries you".
    let reasons: [String]
    /// The number as written in the settings; "" when there is none.
    let phone: String
    /// `tel:` and the number's digits; "" when there is no number.
    let phoneHref: String
    /// The opening hours in this language, typeset; "" when none are set.
    let hours: String
    /// What to do outside opening hours, typeset; "" when not set.
    let afterHours: String

    /// The block in `words`' language; `redAfter` names the last day redness is expected ("Day 4", or a date
    /// on a patient's own timeline), nil when the rules have no redness phase.
    init(settings: Settings, words: TimelineWording, redAfter: String?) {
        title = words.typeset(words.strings["call_title"] ?? "")
        reasons = [redAfter.map { words.filled("call_red", ["day": $0]) }, words.typeset(words.strings["call_worry"] ?? "")]
            .compactMap { $0 }.filter { !$0.isEmpty }
        phone = settings.phone
        phoneHref = settings.phoneHref
        hours = OpeningHours.typeset(words.typeset(settings.hours(in: words.language)))
        afterHours = OpeningHours.typeset(words.typeset(settings.afterHours(in: words.language)))
    }

    /// The last day of redness in the rules (its latest end), which is when a patient should call if it lasts.
    static func lastRedDay(_ rules: RecoveryRules) -> Int? {
        rules.phases.first { $0.id == "redness" }?.lastDay
    }

    /// Template values (`{{#call.phone}}` …); empty texts are left out, since swift-mustache opens a section
    /// for an empty string.
    var context: [String: any Sendable] {
        var values: [String: any Sendable] = ["title": title, "reasons": reasons]
        for (key, value) in ["phone": phone, "phoneHref": phoneHref, "hours": hours, "afterHours": afterHours] where !value.isEmpty {
            values[key] = value
        }
        return values
    }

    /// The block as plain lines, for text output and calendar descriptions.
    func lines(colon: String, strings: [String: String]) -> [String] {
        var lines = ["\(title)\(colon) " + reasons.joined(separator: "; ") + "."]
        if !phone.isEmpty { lines.append("\(strings["phone"] ?? "")\(colon) \(phone)") }
        if !hours.isEmpty { lines.append("\(strings["hours"] ?? "")\(colon) \(hours)") }
        if !afterHours.isEmpty { lines.append("\(strings["after_hours"] ?? "")\(colon) \(afterHours)") }
        return lines
    }
}
