import Foundation
import RecoverySchedule

/// Puts a timeline into words in one language, from the interface strings: "Day 1 to Day 3 (up to Day 4)",
/// "mardi 1 décembre 2026 au jeudi 3 décembre 2026". The browser script builds the same phrases.
struct TimelineWording: Sendable {
    let language: String
    let strings: [String: String]

    private func word(_ key: String) -> String { strings[key] ?? key }

    /// A step by day numbers.
    func days(_ step: RecoveryRules.Step) -> String {
        phrase(start: step.start, latestStart: step.latestStart, end: step.end, latestEnd: step.latestEnd) { "\(word("day")) \($0)" }
    }

    /// A step by calendar dates.
    func dates(_ step: Timeline.DatedStep) -> String {
        phrase(start: step.start, latestStart: step.latestStart, end: step.end, latestEnd: step.latestEnd) { $0.written(in: language) }
    }

    private func phrase<T: Equatable>(start: T, latestStart: T?, end: T?, latestEnd: T?, _ show: (T) -> String) -> String {
        var text = show(start)
        if let latestStart, latestStart != start { text += " \(word("or")) \(show(latestStart))" }
        if let end {
            if end != start { text += " \(word("to")) \(show(end))" }
            if let latestEnd, latestEnd != end { text += " (\(word("up_to")) \(show(latestEnd)))" }
        } else {
            text += ", \(word("and_after"))"
        }
        return text
    }

    /// The label of a step in this language.
    func label(_ step: RecoveryRules.Step) -> String {
        step.label[language] ?? step.label.values.sorted().first ?? step.id
    }
}
