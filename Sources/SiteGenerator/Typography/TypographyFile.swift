import Foundation

/// Reads `templates/typography/LANG.yml`: a list of rules, each with `name`, `find`, `replace` and an
/// optional `when`. A rule that does not compile is reported at its line.
enum TypographyFile {
    static func path(_ language: String) -> String { "templates/typography/\(language).yml" }

    /// The typography of each language; a language without a file gets `Typography.none`.
    static func load(sources: SiteSources, languages: [String], log: inout DiagnosticLog) -> [String: Typography] {
        var result: [String: Typography] = [:]
        for language in languages {
            let file = path(language)
            guard sources.files[file] != nil else {
                result[language] = Typography.none
                continue
            }
            let rules = log.collect { () throws(DiagnosticError) in try read(sources.text(file), file: file) }
            result[language] = Typography(rules: rules ?? [])
        }
        return result
    }

    private static func read(_ text: String, file: String) throws(DiagnosticError) -> [Typography.Rule] {
        guard let root = try YAMLValue.parse(text, file: file) else { return [] }
        var rules: [Typography.Rule] = []
        var log = DiagnosticLog()
        for item in try root.sequence(named: "the typography rules") {
            log.collect { () throws(DiagnosticError) in
                var fields: [String: String] = [:]
                var findValue = item
                for (key, value) in try item.mapping(named: "a typography rule", allowed: ["name", "when", "find", "replace"]) {
                    fields[key] = try value.string(named: key)
                    if key == "find" { findValue = value }
                }
                guard let find = fields["find"], let replace = fields["replace"] else {
                    throw item.error("a typography rule needs find and replace", hint: "see the notes at the top of this file")
                }
                let expression: NSRegularExpression
                do {
                    expression = try NSRegularExpression(pattern: find)
                } catch {
                    throw item.error("the pattern '\(find)' is not a valid regular expression", hint: "patterns use ICU's syntax")
                }
                if let shape = RuleShape.unboundedBacktracking(in: find) {
                    throw findValue.error("the pattern '\(find)' can take minutes on some text: \(shape)",
                               hint: "write the repeat inside the group only, or make it possessive (++, *+) or atomic (?>…)")
                }
                rules.append(Typography.Rule(name: fields["name"] ?? find, when: Set((fields["when"] ?? "").unicodeScalars),
                                             find: find, replace: replace, expression: expression, line: item.line))
            }
        }
        try log.throwIfErrors()
        return rules
    }
}
