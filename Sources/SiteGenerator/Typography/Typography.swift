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
        /// The rule's line in its file, for an error about it; 0 when it has none.
        var line = 0
    }

    /// How long one rule may search one text. A rule that takes longer is stopped, left out for the rest of
    /// the build, and reported (`stalls`), so no text can slow a build by more than this per rule.
    static let budget: Duration = .milliseconds(300)
    /// The rules stopped for taking too long, with the text each was stopped on.
    let stalls = StalledRules()

    let rules: [Rule]
    /// Every rule has a `when`: text with none of their characters is returned at once. A bit set, not a
    /// `Set`: hashing every character of every text took a tenth of a build.
    private let quickTriggers: QuickSet?
    /// Each rule's `when` in the same form; nil for a rule tried on every text.
    private let quickWhens: [QuickSet?]
    /// Each rule's `RequiredText`: text holding none of them cannot match, so the expression is not run.
    /// Most text that has a digit has no "Day" or "week", and running an expression costs a microsecond or two.
    private let needs: [[[UInt8]]?]
    /// For each byte, the rules (one bit each) whose `when` holds that character or one whose UTF-8 form
    /// starts with that byte; nil past 64 rules.
    private let triggerTable: [UInt64]?
    /// The rules with no `when`, tried on every text.
    private let alwaysTried: UInt64

    /// No rules: text stays as written.
    public static let none = Typography(rules: [])

    init(rules: [Rule]) {
        self.rules = rules
        quickTriggers = rules.allSatisfy { !$0.when.isEmpty } ? QuickSet(rules.reduce(into: Set()) { $0.formUnion($1.when) }) : nil
        quickWhens = rules.map { $0.when.isEmpty ? nil : QuickSet($0.when) }
        needs = rules.map { RequiredText.anyOf(pattern: $0.find) }
        if rules.count <= 64 {
            var table = [UInt64](repeating: 0, count: 256)
            for (index, rule) in rules.enumerated() {
                for scalar in rule.when { table[Int(String(scalar).utf8.first!)] |= 1 << UInt64(index) }
            }
            triggerTable = table
            alwaysTried = rules.indices.reduce(0) { rules[$1].when.isEmpty ? $0 | 1 << UInt64($1) : $0 }
        } else {
            triggerTable = nil
            alwaysTried = 0
        }
    }

    /// A set of characters tested on UTF-8 bytes without hashing: a bit per ASCII character, the UTF-8
    /// bytes of the others.
    private struct QuickSet: Sendable {
        var ascii: (UInt64, UInt64) = (0, 0)
        var others: [[UInt8]] = []

        init(_ scalars: Set<Unicode.Scalar>) {
            for scalar in scalars.sorted() {
                switch scalar.value {
                case 0..<64: ascii.0 |= 1 << UInt64(scalar.value)
                case 64..<128: ascii.1 |= 1 << UInt64(scalar.value - 64)
                default: others.append(Array(String(scalar).utf8))
                }
            }
        }

        private func hasASCII(_ byte: UInt8) -> Bool {
            byte < 64 ? ascii.0 & (1 << UInt64(byte)) != 0 : ascii.1 & (1 << UInt64(byte - 64)) != 0
        }

        func occurs(in bytes: Span<UInt8>) -> Bool {
            for index in bytes.indices where bytes[index] < 128 && hasASCII(bytes[index]) { return true }
            return others.contains { Typography.contains($0, in: bytes) }
        }
    }

    /// Whether `piece` occurs in `bytes` (an empty piece always does).
    static func contains(_ piece: [UInt8], in bytes: Span<UInt8>) -> Bool {
        guard let first = piece.first else { return true }
        guard bytes.count >= piece.count else { return false }
        for start in 0...(bytes.count - piece.count) where bytes[start] == first {
            if piece.indices.allSatisfy({ bytes[start + $0] == piece[$0] }) { return true }
        }
        return false
    }

    /// Whether rule number `index` can change text with these UTF-8 bytes.
    private func mayApply(_ index: Int, to bytes: Span<UInt8>) -> Bool {
        if let when = quickWhens[index], !when.occurs(in: bytes) { return false }
        if let pieces = needs[index], !pieces.contains(where: { Self.contains($0, in: bytes) }) { return false }
        return true
    }

    /// Whether any rule can change text with these UTF-8 bytes: when not, `apply` returns the text as it is.
    func mayChange(_ bytes: Span<UInt8>) -> Bool {
        guard !rules.isEmpty else { return false }
        guard let triggerTable else {
            if let quickTriggers, !quickTriggers.occurs(in: bytes) { return false }
            return rules.indices.contains { mayApply($0, to: bytes) }
        }
        // One pass finds every rule the text may need; testing each rule's characters in turn took up to one
        // pass per rule, and text with an apostrophe but no digit made all of them.
        var candidates = alwaysTried
        for index in bytes.indices { candidates |= triggerTable[Int(bytes[index])] }
        while candidates != 0 {
            let index = candidates.trailingZeroBitCount
            if mayApply(index, to: bytes) { return true }
            candidates &= candidates - 1
        }
        return false
    }

    private func mayChange(_ text: String) -> Bool {
        var text = text
        text.makeContiguousUTF8()
        return mayChange(text.utf8.span)
    }

    /// `text` with every rule applied in order. Applying it twice gives the same text as once.
    public func apply(_ text: String) -> String {
        // Most pieces of text need nothing: a scan of their bytes finds out, before any expression runs.
        guard mayChange(text) else { return text }
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
        var current = text
        for (index, rule) in rules.enumerated() {
            // Each rule is checked against the text as the rules before it left it.
            current.makeContiguousUTF8()
            guard mayApply(index, to: current.utf8.span) else { continue }
            guard !stalls.has(index) else { continue }
            switch RegexReplacement.replacing(rule.expression, in: current, with: rule.replace, budget: Self.budget) {
            case .replaced(let result): current = result
            case .unchanged: break
            case .stalled: stalls.record(index, text: current)
            }
        }
        return current
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
