import Foundation
import RecoverySchedule

/// Puts a timeline into words in one language, from the interface strings: "Day 1 to Day 3 (up to Day 4)",
/// "mardi 1 décembre 2026 au jeudi 3 décembre 2026". The browser script builds the same phrases.
struct TimelineWording: Sendable {
    let language: String
    let strings: [String: String]
    /// Applied to every phrase this makes (the strings themselves already have it).
    var typography: Typography = .none

    /// `text` set in this language's typography: for dates and other prose made outside the strings.
    func typeset(_ text: String) -> String { typography.apply(text) }

    private func word(_ key: String) -> String { strings[key] ?? key }

    /// A step by day numbers.
    func days(_ step: RecoveryRules.Step) -> String {
        typeset(phrase(start: step.start, latestStart: step.latestStart, end: step.end, latestEnd: step.latestEnd) { "\(word("day")) \($0)" })
    }

    /// A step by calendar dates.
    func dates(_ step: Timeline.DatedStep) -> String {
        typeset(phrase(start: step.start, latestStart: step.latestStart, end: step.end, latestEnd: step.latestEnd) { $0.written(in: language) })
    }

    /// A care task by day numbers: the days it is always needed, then the days that depend on the clinic's
    /// advice, worded apart ("Day 1 to Day 3; Day 4 to Day 7: only if the clinic told you to").
    func careDays(_ step: RecoveryRules.Step) -> String {
        typeset(carePhrase(start: step.start, end: step.end, dayAfterEnd: step.end.map { $0 + 1 }, latestEnd: step.latestEnd) { "\(word("day")) \($0)" })
    }

    /// A care task by calendar dates, worded as `careDays`.
    func careDates(_ step: Timeline.DatedStep) -> String {
        typeset(carePhrase(start: step.start, end: step.end, dayAfterEnd: step.end.map { $0.adding(days: 1) }, latestEnd: step.latestEnd) {
            $0.written(in: language)
        })
    }

    /// What the sessions after the next one are, each counted from the one before it; nil when none is planned.
    func laterSessions(_ timeline: Timeline) -> String? {
        guard let first = timeline.laterSessions.first else { return nil }
        let values = ["count": "\(timeline.laterSessions.count)", "minimum": "\(first.minimumWeeks)", "usual": "\(first.usualWeeks)"]
        return filled(timeline.laterSessions.count == 1 ? "later_one" : "later_many", values)
    }

    /// A step by short dates, the year given only where it is not `year` (a handout says it once).
    func briefDates(_ step: Timeline.DatedStep, year: Int) -> String {
        typeset(phrase(start: step.start, latestStart: step.latestStart, end: step.end, latestEnd: step.latestEnd) {
            $0.writtenBrief(in: language, sayingYearUnless: year)
        })
    }

    /// The text `key` with each `{name}` replaced by `values[name]`, in one pass, so a value that itself
    /// contains braces is never read as a placeholder.
    func filled(_ key: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(word(key))
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return typeset(result + rest)
    }

    /// A span of dates: "Mon, Feb 1, 2027 to Tue, Jun 1, 2027"; in French "du … au …".
    func span(_ from: CivilDate, _ to: CivilDate, year: Int) -> String {
        let first = from.writtenBrief(in: language, sayingYearUnless: year), last = to.writtenBrief(in: language, sayingYearUnless: year)
        return filled("span_dates", ["from": first, "to": last])
    }

    /// "2 to 6 months", "2 à 6 mois".
    func monthsRange(from: Int, to: Int) -> String {
        filled("months_range", ["from": "\(from)", "to": "\(to)"])
    }

    /// The colon after a label, as this language writes it.
    var colon: String { strings["colon"] ?? ":" }

    private func phrase<T: Equatable>(start: T, latestStart: T?, end: T?, latestEnd: T?, _ show: (T) -> String) -> String {
        var text = show(start)
        if let latestStart, latestStart != start { text += " \(word("or")) \(show(latestStart))" }
        if let end {
            if end != start {
                // "du … au …" in French: a range may open with a word of its own ("from_range", empty in English).
                let opening = strings["from_range"] ?? ""
                text = (opening.isEmpty ? "" : opening + " ") + text + " \(word("to")) \(show(end))"
            }
            if let latestEnd, latestEnd != end { text += " (\(word("up_to")) \(show(latestEnd)))" }
        } else {
            text += ", \(word("and_after"))"
        }
        return text
    }

    private func carePhrase<T: Equatable>(start: T, end: T?, dayAfterEnd: T?, latestEnd: T?, _ show: (T) -> String) -> String {
        let always = phrase(start: start, latestStart: nil, end: end, latestEnd: nil, show)
        guard let dayAfterEnd, let latestEnd, latestEnd != end else { return always }
        return always + "; " + phrase(start: dayAfterEnd, latestStart: nil, end: latestEnd, latestEnd: nil, show) + colon + " " + word("if_needed")
    }

    /// The short name a calendar title starts with: the step's `calendar` label, else its label.
    func calendarLabel(_ step: RecoveryRules.Step) -> String {
        step.calendarLabel[language].map(typeset) ?? label(step)
    }

    /// The label of a step in this language.
    func label(_ step: RecoveryRules.Step) -> String {
        typeset(step.label[language] ?? step.label.values.sorted().first ?? step.id)
    }
}
