/// Where one translation stands, for `clinicsite check` (its JSON report and its text): a page, a block or a
/// language's interface text against its source, section by section (key by key for interface text).
public struct TranslationReport: Sendable, Codable, Equatable {
    /// One section (or interface text key) of the source that changed since the translation was recorded.
    public struct Section: Sendable, Codable, Equatable {
        /// The source's heading, or the key of an interface text.
        public var heading: String
        /// `changed`, `added` or `removed`.
        public var change: String
        /// Whether the change touches a number, date, duration, phone number or email (then the build stops).
        public var numbers: Bool
        /// Its line in the translation.
        public var line: Int
        /// The change, word by word: `…for [-7-]{+10+} days…`.
        public var diff: String
    }

    /// The translation (`content/fr/healing.md`, `templates/strings/fr.yml`) and its source.
    public var file: String
    /// The source it was translated from (`content/en/healing.md`).
    public var source: String
    /// `current`, `behind` or `unrecorded`.
    public var state: String
    /// The day it was last recorded as translated, `YYYY-MM-DD`.
    public var recorded: String?
    /// What changed in the source since.
    public var sections: [Section]

    /// Every translated page, block and interface text of the site, in path order.
    static func all(_ sources: SiteSources, settings: Settings) -> [TranslationReport] {
        let sourceLanguage = settings.defaultLanguage
        let files = sources.paths.filter { path in
            path.hasSuffix(".md") && !path.hasPrefix(TranslationRecord.folder) && TranslationCheck.language(of: path).map { $0 != sourceLanguage && settings.languages.contains($0) } == true
        }.sorted()
        var reports: [TranslationReport] = files.compactMap { path in
            guard let text = try? sources.text(path),
                  let status = try? TranslationCheck.status(of: path, text: text, sourceLanguage: sourceLanguage, bytes: sources.bytes) else { return nil }
            return TranslationReport(file: path, source: status.source, state: status.recorded == nil ? "unrecorded" : status.changes.isEmpty ? "current" : "behind",
                                     recorded: status.recorded?.recorded.iso, sections: status.changes.map { change in
                Section(heading: change.heading, change: change.kind.rawValue, numbers: change.diff.touchesNumbers, line: change.translationLine,
                        diff: change.diff.shown())
            })
        }
        for language in settings.languages where language != sourceLanguage {
            let found = try? StringsTranslation.compare(language, sources: sources, settings: settings)
            reports.append(TranslationReport(file: UIStrings.path(language), source: UIStrings.path(sourceLanguage),
                                             state: found == nil ? "unrecorded" : found?.changes.isEmpty == false ? "behind" : "current",
                                             recorded: found?.date.iso, sections: (found?.changes ?? []).map { change in
                Section(heading: change.key, change: change.isNew ? "added" : "changed", numbers: change.diff.touchesNumbers, line: change.line,
                        diff: change.diff.shown())
            }))
        }
        return reports
    }

    /// One line for people: `content/fr/healing.md: behind content/en/healing.md (recorded 2026-12-07): “Redness” (a number changed)`.
    public var summary: String {
        switch state {
        case "unrecorded": return "\(file): no translation record (run: \(TranslationCheck.command(for: file)))"
        case "current": return "\(file): up to date with \(source) (recorded \(recorded ?? "?"))"
        default:
            let parts = sections.map { "“\($0.heading)” (\($0.change)\($0.numbers ? ", a number changed" : ", wording"))" }
            return "\(file): behind \(source) (recorded \(recorded ?? "?")): " + parts.joined(separator: ", ")
        }
    }
}
