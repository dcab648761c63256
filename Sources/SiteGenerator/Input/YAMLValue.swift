import RecoverySchedule
import Yams

/// A YAML node that remembers which file and line it came from, so every type error can say where it is.
///
/// All YAML in clinicsite (settings, front matter, timeline rules) is read through this type: Yams
/// parses, and this type turns a wrong type or an unknown key into a `Diagnostic`.
struct YAMLValue {
    let node: YAMLNode
    let file: String
    /// Added to Yams' line numbers, for YAML that starts part-way into a file (front matter).
    let lineOffset: Int

    /// Yams' `.default` builds a new constructor, with its tables, on every call: one for every front matter.
    /// A constructor only ever reads the tables it was made with, so one can serve every thread.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Parses `text`; nil for an empty document. Syntax errors become a diagnostic with the line and column.
    static func parse(_ text: String, file: String, lineOffset: Int = 0) throws(DiagnosticError) -> YAMLValue? {
        if let found = YAMLAnchors.first(in: text) {
            let what = found.isAlias ? "an alias (*name)" : "an anchor (&name)"
            throw DiagnosticError(Diagnostic(file: file, line: found.line + lineOffset, column: found.column,
                                             message: "YAML anchors and aliases are not accepted, found \(what)",
                                             hint: "write the value out in full; if the text itself starts with & or *, put it in quotes"))
        }
        do {
            // Types are decided here, by the reader of each key, so Yams need not resolve tags with its
            // regular expressions; passing the encoding stops it reading the environment on every parse.
            if let flat = FlatYAML.compose(text) { return YAMLValue(node: flat, file: file, lineOffset: lineOffset) }
            guard let node = try Yams.compose(yaml: text, .basic, Self.constructor, .utf8) else { return nil }
            return YAMLValue(node: YAMLNode(node), file: file, lineOffset: lineOffset)
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error, in: text, file: file, lineOffset: lineOffset))
        } catch {
            throw DiagnosticError(Diagnostic(file: file, line: lineOffset + 1, message: "cannot read YAML: \(error)"))
        }
    }

    private static func diagnostic(for error: YamlError, in text: String, file: String, lineOffset: Int) -> Diagnostic {
        let hint = "YAML is indentation-sensitive: check the spaces at the start of the line, and put text containing ': ' or '#' in quotes"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // A tab where the indentation is: what editors insert unseen, and what libyaml names only as "a character".
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if let tabbed = lines.indices.first(where: { lines[$0].prefix { $0 == " " || $0 == "\t" }.contains("\t") }), tabbed + 1 <= mark.line {
                return Diagnostic(file: file, line: tabbed + 1 + lineOffset, message: "line \(tabbed + 1 + lineOffset) is indented with a tab, and YAML indents with spaces only",
                                  hint: "replace the tab at the start of the line with spaces (or remove it)")
            }
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return Diagnostic(file: file, line: mark.line + lineOffset, column: mark.column, message: "invalid YAML: \(what)", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(file: file, line: context.mark.line + lineOffset, column: context.mark.column,
                              message: "the key '\(duplicates.joined(separator: "', '"))' appears more than once",
                              hint: "keep one of them and delete the other")
        case let .reader(problem, _, _, _):
            return Diagnostic(file: file, line: lineOffset + 1, message: "cannot read YAML: \(problem)", hint: "save the file as UTF-8 text")
        default:
            return Diagnostic(file: file, line: lineOffset + 1, message: "invalid YAML: \(error)", hint: hint)
        }
    }

    var line: Int { node.line + lineOffset }

    /// The line (from 1) where `key:` starts a line of `text`, or 1: for a problem found after the YAML was read,
    /// when only the text is at hand (the settings, a page's source with its front matter).
    static func line(ofKey key: String, in text: String?) -> Int {
        (text ?? "").split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("\(key):") }.map { $0 + 1 } ?? 1
    }
    var column: Int { node.column }

    func error(_ message: String, hint: String? = nil) -> DiagnosticError {
        DiagnosticError(Diagnostic(file: file, line: line, column: column, message: message, hint: hint))
    }

    private func child(_ node: YAMLNode) -> YAMLValue {
        YAMLValue(node: node, file: file, lineOffset: lineOffset)
    }

    /// Describes the node for error messages: "the text 'abc'", "a list".
    var shown: String {
        switch node.content {
        case .scalar(let text, _): return text.isEmpty ? "nothing" : "'\(text)'"
        case .mapping: return "a group of settings"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    var isNull: Bool {
        guard case .scalar(let text, plain: true) = node.content else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// The entries of a mapping in file order; every key outside `allowed` is reported, with a suggestion.
    /// The known entries are still returned through `log`, so one run reports the other problems too.
    func mapping(named what: String, allowed: [String], log: inout DiagnosticLog) -> [(key: String, value: YAMLValue)] {
        do throws(DiagnosticError) {
            return try mapping(named: what, allowed: allowed)
        } catch {
            log.add(contentsOf: error.diagnostics)
            guard case .mapping(let pairs) = node.content else { return [] }
            return pairs.compactMap { pair in
                pair.key.string.flatMap { allowed.contains($0) ? ($0, child(pair.value)) : nil }
            }
        }
    }

    /// The entries of a mapping in file order; throws for every key outside `allowed`, with a suggestion.
    func mapping(named what: String, allowed: [String]) throws(DiagnosticError) -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let pairs) = node.content else {
            throw error("\(what) must be a group of 'key: value' lines, found \(shown)")
        }
        var entries: [(key: String, value: YAMLValue)] = []
        var problems: [Diagnostic] = []
        for pair in pairs {
            let (keyNode, valueNode) = (pair.key, pair.value)
            let key = child(keyNode)
            guard let name = keyNode.string else {
                problems.append(contentsOf: key.error("a key in \(what) must be plain text").diagnostics)
                continue
            }
            guard allowed.contains(name) else {
                var hint = "known keys are: \(allowed.joined(separator: ", "))"
                if let near = Spelling.nearest(name, in: allowed) { hint = "did you mean '\(near)'? " + hint }
                problems.append(contentsOf: key.error("unknown key '\(name)' in \(what)", hint: hint).diagnostics)
                continue
            }
            entries.append((name, child(valueNode)))
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return entries
    }

    /// The entries of a mapping keyed by language codes (`en: …`, `fr: …`), in file order.
    func languageMapping(named what: String) throws(DiagnosticError) -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let pairs) = node.content else {
            throw error("\(what) must be a group of 'language: text' lines, found \(shown)")
        }
        var entries: [(key: String, value: YAMLValue)] = []
        for pair in pairs {
            let (keyNode, valueNode) = (pair.key, pair.value)
            guard let code = keyNode.string, (2...3).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
                throw child(keyNode).error("each key of \(what) must be a language code such as en or fr")
            }
            entries.append((code, child(valueNode)))
        }
        return entries
    }

    func sequence(named what: String) throws(DiagnosticError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node.content else {
            throw error("\(what) must be a list (lines starting with '- '), found \(shown)")
        }
        return sequence.map(child)
    }

    func string(named what: String) throws(DiagnosticError) -> String {
        guard case .scalar(let text, _) = node.content, !isNull else {
            throw error("\(what) must be text, found \(shown)")
        }
        return text
    }

    func int(named what: String, in range: ClosedRange<Int>? = nil) throws(DiagnosticError) -> Int {
        guard case .scalar(let text, plain: true) = node.content, let value = Int(text) else {
            throw error("\(what) must be a whole number, found \(shown)")
        }
        if let range, !range.contains(value) {
            throw error("\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
        }
        return value
    }

    func bool(named what: String) throws(DiagnosticError) -> Bool {
        guard case .scalar(let text, plain: true) = node.content else {
            throw error("\(what) must be true or false, found \(shown)")
        }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("\(what) must be true or false, found \(shown)")
        }
    }

    func date(named what: String) throws(DiagnosticError) -> CivilDate {
        guard case .scalar(let text, _) = node.content, let date = CivilDate(iso: text.trimmingSpaces) else {
            throw error("\(what) must be a date written YYYY-MM-DD (for example 2026-03-31), found \(shown)")
        }
        guard date.isSupported else {
            throw error("\(what) must be a date from \(CivilDate.supportedRangeText), found \(shown)")
        }
        return date
    }
}
