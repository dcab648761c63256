import RecoverySchedule
import Yams

/// Translations of the interface text (`templates/strings/LANG.yml`) against the source language's, key by key:
/// the record (`content/translations/strings/LANG.yml`) keeps each key's source text and translation as they
/// were when recorded. Checked by every build (three small files): a key whose source text changed a number
/// is an error, a reworded one a warning, as for pages.
enum StringsTranslation {
    /// One key's texts.
    struct Entry: Sendable, Equatable {
        var source: String
        var translation: String
    }

    /// Where the record of `language`'s strings lives.
    static func recordPath(_ language: String) -> String { TranslationRecord.folder + "strings/\(language).yml" }

    /// One key whose source text changed since the record (or is not in it).
    struct Change: Sendable {
        var key: String
        var diff: WordDiff
        var isNew: Bool
        /// Its line in the translated file (1 when it has none there).
        var line: Int
        /// Whether the translated text is still the one recorded.
        var translationUnchanged: Bool
    }

    /// A language's strings against their record.
    struct Comparison: Sendable {
        /// The day the record was made.
        var date: CivilDate
        /// The keys whose source text changed since.
        var changes: [Change]
        /// Whether any translated text differs from the one recorded.
        var translationEdited: Bool
    }

    /// The diagnostics of every translated strings file; none for files that cannot be read (`UIStrings` says why).
    static func diagnostics(_ sources: SiteSources, settings: Settings) -> [Diagnostic] {
        settings.languages.filter { $0 != settings.defaultLanguage }.flatMap { language -> [Diagnostic] in
            let command = TranslationCheck.command(for: UIStrings.path(language))
            do throws(DiagnosticError) {
                if let comparison = try compare(language, sources: sources, settings: settings) {
                    return diagnostics(comparison, language: language, settings: settings)
                }
            } catch {
                return TranslationCheck.unreadable(error, command: command)
            }
            let (file, sourceFile) = (UIStrings.path(language), UIStrings.path(settings.defaultLanguage))
            guard sources.bytes(file) != nil, sources.bytes(recordPath(language)) == nil else { return [] }
            return [.warning(file: file, line: 1, "no translation record: nothing says which text of \(sourceFile) this file translates",
                             hint: "when it says what the source says, run: \(command)", code: .translationUnrecorded)]
        }
    }

    /// An error for each key whose source text changed a number since the record, a warning for each reworded one.
    static func diagnostics(_ comparison: Comparison, language: String, settings: Settings) -> [Diagnostic] {
        let (file, sourceFile) = (UIStrings.path(language), UIStrings.path(settings.defaultLanguage))
        let command = TranslationCheck.command(for: UIStrings.path(language))
        return comparison.changes.map { change in
            let what = change.isNew ? "the text '\(change.key)' is new" : "the text '\(change.key)' changed"
            let message = "\(what) in \(sourceFile) since this translation was recorded on \(comparison.date.iso): \(change.diff.shown())"
            if change.diff.touchesNumbers {
                return Diagnostic(file: file, line: change.line, message: message + " (a number, date or contact changed)",
                                  hint: "bring the change into '\(change.key)' here, then run: \(command)", code: .translationBehind)
            }
            return .warning(file: file, line: change.line, message,
                            hint: "update '\(change.key)' if the meaning changed, then run: \(command) (add --only-wording if it needs no change)",
                            code: .translationBehind)
        }
    }

    /// `language`'s strings against their record; nil when there is no record or a strings file cannot be read.
    /// Throws when the record cannot be read.
    static func compare(_ language: String, sources: SiteSources, settings: Settings) throws(DiagnosticError) -> Comparison? {
        // Most sites record nothing: the strings files are then not read again here.
        guard let data = sources.bytes(recordPath(language)),
              let source = try? entries(sources, UIStrings.path(settings.defaultLanguage)),
              let translated = try? entries(sources, UIStrings.path(language)) else { return nil }
        let recorded = try record(String(decoding: data, as: UTF8.self), file: recordPath(language))
        let now = Dictionary(translated.map { ($0.key, ($0.text, $0.line)) }) { first, _ in first }
        let changes = source.compactMap { key, text, _ -> Change? in
            let entry = recorded.entries[key]
            guard entry?.source != text else { return nil }
            return Change(key: key, diff: WordDiff(from: entry?.source ?? "", to: text), isNew: entry == nil, line: now[key]?.1 ?? 1,
                          translationUnchanged: entry != nil && now[key]?.0 == entry?.translation)
        }
        let edited = translated.contains { item in recorded.entries[item.key].map { $0.translation != item.text } ?? false }
        return Comparison(date: recorded.date, changes: changes, translationEdited: edited)
    }

    /// Each key of a strings file with its text and line, in file order.
    static func entries(_ sources: SiteSources, _ file: String) throws(DiagnosticError) -> [(key: String, text: String, line: Int)] {
        guard let root = try YAMLValue.parse(try sources.text(file), file: file), case .mapping(let pairs) = root.node.content else { return [] }
        return pairs.compactMap { pair in
            guard let key = pair.key.string, case .scalar(let text, _) = pair.value.content else { return nil }
            return (key, text, pair.key.line)
        }
    }

    /// Reads a record: the day it was made and each key's texts.
    static func record(_ text: String, file: String) throws(DiagnosticError) -> (date: CivilDate, entries: [String: Entry]) {
        guard let root = try YAMLValue.parse(text, file: file) else {
            throw DiagnosticError(Diagnostic(file: file, line: 1, message: "this translation record is empty"))
        }
        var date: CivilDate?
        var entries: [String: Entry] = [:]
        for (key, value) in try root.mapping(named: "a translation record", allowed: ["source", "translation", "recorded", "strings"]) {
            switch key {
            case "recorded": date = try value.date(named: "recorded")
            case "strings":
                guard case .mapping(let pairs) = value.node.content else { throw value.error("strings must be a group of keys") }
                for pair in pairs {
                    guard let name = pair.key.string else { continue }
                    let item = YAMLValue(node: pair.value, file: file, lineOffset: 0)
                    var texts: [String: String] = [:]
                    for (part, text) in try item.mapping(named: "'\(name)'", allowed: ["source", "translation"]) { texts[part] = try text.string(named: part) }
                    guard let source = texts["source"], let translation = texts["translation"] else { throw item.error("'\(name)' needs a source and a translation") }
                    entries[name] = Entry(source: source, translation: translation)
                }
            default: break
            }
        }
        guard let date else { throw root.error("this translation record has no recorded: date") }
        return (date, entries)
    }

    /// The record of `language`'s strings as they are now.
    static func recordText(source: [(key: String, text: String, line: Int)], translated: [(key: String, text: String, line: Int)],
                           language: String, sourceLanguage: String, today: CivilDate) -> String {
        let translations = Dictionary(translated.map { ($0.key, $0.text) }) { first, _ in first }
        let items = source.compactMap { entry in
            translations[entry.key].map { (Node(entry.key), Node.mapping(Node.Mapping([("source", text(entry.text)), ("translation", text($0))]))) }
        }
        let root = Node.mapping(Node.Mapping([("source", Node(UIStrings.path(sourceLanguage))), ("translation", Node(UIStrings.path(language))),
                                              ("recorded", Node(today.iso)), ("strings", Node.mapping(Node.Mapping(items)))]))
        return "# What \(UIStrings.path(language)) was translated from, recorded by `clinicsite translated`: `clinicsite check` compares\n"
            + "# \(UIStrings.path(sourceLanguage)) with it. Written by that command; not published.\n"
            + ((try? Yams.serialize(node: root, width: -1, allowUnicode: true)) ?? "")
    }

    /// A text as YAML reads it back: quoted when plain YAML would read it as nothing.
    private static func text(_ value: String) -> Node {
        .scalar(Node.Scalar(value, .implicit, ["", "~", "null", "Null", "NULL"].contains(value) ? .doubleQuoted : .any))
    }
}
