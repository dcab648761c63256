import Foundation

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

    /// No rules: text stays as written.
    public static let none = Typography(rules: [])

    init(rules: [Rule]) {
        self.rules = rules
    }

    /// `text` with every rule applied in order. Applying it twice gives the same text as once.
    public func apply(_ text: String) -> String {
        guard !rules.isEmpty else { return text }
        var result = text
        for rule in rules {
            if !rule.when.isEmpty && !result.unicodeScalars.contains(where: rule.when.contains) { continue }
            let range = NSRange(result.startIndex..., in: result)
            result = rule.expression.stringByReplacingMatches(in: result, options: [], range: range, withTemplate: rule.replace)
        }
        return result
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
