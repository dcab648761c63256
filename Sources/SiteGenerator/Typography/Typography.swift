import Foundation
import Synchronization

/// The typographic rules of one language, applied to prose: the text clinicsite prints, never code, web
/// addresses or raw HTML. The rules are data (`templates/typography/LANG.yml`), so a new language brings its
/// own; a language without a file keeps its text as written.
public struct Typography: Sendable {
    /// One rule: where `find` matches, `replace` is put (`$1` for the first bracketed part).
    struct Rule: Sendable {
        var name: String
        /// The text must contain one of these for the rule to be tried; empty means always.
        var when: Set<Unicode.Scalar>
        var find: String
        var replace: String
        let expression: NSRegularExpression
    }

    let rules: [Rule]
    /// Every rule has a `when`: text with none of their characters is returned at once. A bit set, not a
    /// `Set`: hashing every character of every text took a tenth of a build.
    private let quickTriggers: QuickSet?
    /// Each rule's `when` in the same form; nil for a rule tried on every text.
    private let quickWhens: [QuickSet?]

    /// No rules: text stays as written.
    public static let none = Typography(rules: [])

    init(rules: [Rule]) {
        self.rules = rules
        quickTriggers = rules.allSatisfy { !$0.when.isEmpty } ? QuickSet(rules.reduce(into: Set()) { $0.formUnion($1.when) }) : nil
        quickWhens = rules.map { $0.when.isEmpty ? nil : QuickSet($0.when) }
    }

    /// A set of characters tested without hashing: a bit per ASCII character, a short list for the others.
    private struct QuickSet: Sendable {
        var ascii: (UInt64, UInt64) = (0, 0)
        var others: [Unicode.Scalar] = []

        init(_ scalars: Set<Unicode.Scalar>) {
            for scalar in scalars.sorted() {
                switch scalar.value {
                case 0..<64: ascii.0 |= 1 << UInt64(scalar.value)
                case 64..<128: ascii.1 |= 1 << UInt64(scalar.value - 64)
                default: others.append(scalar)
                }
            }
        }

        private func hasASCII(_ byte: UInt8) -> Bool {
            byte < 64 ? ascii.0 & (1 << UInt64(byte)) != 0 : ascii.1 & (1 << UInt64(byte - 64)) != 0
        }

        /// The members of this set that occur in `text`.
        func present(in text: String) -> QuickSet {
            var found = QuickSet([])
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0..<64: found.ascii.0 |= ascii.0 & (1 << UInt64(scalar.value))
                case 64..<128: found.ascii.1 |= ascii.1 & (1 << UInt64(scalar.value - 64))
                default: if others.contains(scalar) && !found.others.contains(scalar) { found.others.append(scalar) }
                }
            }
            return found
        }

        func intersects(_ other: QuickSet) -> Bool {
            ascii.0 & other.ascii.0 != 0 || ascii.1 & other.ascii.1 != 0 || others.contains { other.others.contains($0) }
        }

        func occurs(in text: String) -> Bool {
            if others.isEmpty { return text.utf8.contains { $0 < 128 && hasASCII($0) } }
            return text.unicodeScalars.contains { $0.value < 128 ? hasASCII(UInt8($0.value)) : others.contains($0) }
        }
    }

    /// `text` with every rule applied in order. Applying it twice gives the same text as once.
    public func apply(_ text: String) -> String {
        guard !rules.isEmpty else { return text }
        // Most pieces of text need nothing: one scan finds out, before any expression runs.
        if let quickTriggers, !quickTriggers.occurs(in: text) { return text }
        // Short texts come back again and again (dates, labels and phrases of every patient's timeline): the
        // expressions run once for each.
        guard text.utf8.count <= Memo.longest else { return typeset(text) }
        if let known = memo.result(for: text) { return known }
        let result = typeset(text)
        memo.keep(result, for: text)
        return result
    }

    private let memo = Memo()

    /// Results of `typeset` for short texts, shared by every thread; it stops growing at `capacity` entries.
    private final class Memo: Sendable {
        static let longest = 160
        private static let capacity = 50_000
        private let results = Mutex<[String: String]>([:])

        func result(for text: String) -> String? { results.withLock { $0[text] } }

        func keep(_ result: String, for text: String) {
            results.withLock { if $0.count < Self.capacity { $0[text] = result } }
        }
    }

    private func typeset(_ text: String) -> String {
        // One copy into the form the expressions work on, changed in place rule after rule, one copy back.
        let result = NSMutableString(string: text)
        var changed = false
        // Rules only add spaces and curly apostrophes, so what triggers a rule is read from the text as given.
        let present = quickTriggers.map { $0.present(in: text) }
        for (rule, when) in zip(rules, quickWhens) {
            if let present, let when, !when.intersects(present) { continue }
            let count = rule.expression.replaceMatches(in: result, options: [], range: NSRange(location: 0, length: result.length),
                                                       withTemplate: rule.replace)
            changed = changed || count > 0
        }
        return changed ? String(result) : text
    }

    /// The rules as the healing page's script needs them, to set the dates it writes the same way.
    var scriptRules: [[String: String]] {
        rules.map { ["when": String(String.UnicodeScalarView($0.when.sorted())), "find": $0.find, "replace": $0.replace] }
    }
}

extension String {
    /// The text with its first letter in upper case, for a phrase that starts a table cell ("Du jour 1…").
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
