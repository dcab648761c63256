import Foundation

/// Which files are translations of which, and what the build says about them. A page of another language than
/// the site's `default_language` translates the page of the same name in that language (`content/fr/healing.md`
/// → `content/en/healing.md`), a shared block likewise (`content/blocks/fr/x.md`); a page with no such twin is not a
/// translation. Pages are judged when they are read, so a rebuild judges exactly the pages it reads again: the disk
/// layer reads a translation again when its source or its record changed (`twins(of:in:)`, `TranslationRecord`).
package enum TranslationCheck {
    /// The language folder of a page or block (`content/fr/x.md`, `content/blocks/fr/x.md` → `fr`).
    package static func language(of path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 2, parts[0] == "content" else { return nil }
        if parts[1] == "blocks" { return parts.count > 3 ? String(parts[2]) : nil }
        return String(parts[1])
    }

    /// The same file in `language`'s folder.
    package static func twin(of path: String, in other: String) -> String? {
        guard let own = language(of: path) else { return nil }
        let folder = path.hasPrefix("content/blocks/") ? "content/blocks/" : "content/"
        return folder + other + path.dropFirst(folder.count + own.count)
    }

    /// The command that records the translation at `file`, as a translator types it: a page or block by its path
    /// from `content/`, a language's interface text (`templates/strings/fr.yml`) as `strings/fr`.
    static func command(for file: String) -> String {
        if file.hasPrefix("templates/strings/") { return "clinicsite translated strings/" + file.dropFirst("templates/strings/".count).dropLast(".yml".count) }
        return "clinicsite translated " + file.dropFirst("content/".count)
    }

    /// The diagnostics of a translated page (`text` its normalised text) and of the translated blocks it
    /// includes; none for a page of the source language or with no source. `bytes` reads any input.
    static func diagnostics(page: String, text: String, blocks: [String], sourceLanguage: String,
                            bytes: (String) -> Data?) -> [Diagnostic] {
        guard language(of: page) != sourceLanguage else { return [] }
        var found = diagnostics(of: page, text: text, sourceLanguage: sourceLanguage, bytes: bytes)
        for block in blocks {
            guard let data = bytes(block), let blockText = try? SiteSources.normalisedText(data, file: block) else { continue }
            found += diagnostics(of: block, text: blockText, sourceLanguage: sourceLanguage, bytes: bytes)
        }
        return found
    }

    private static func diagnostics(of path: String, text: String, sourceLanguage: String, bytes: (String) -> Data?) -> [Diagnostic] {
        do throws(DiagnosticError) {
            return try status(of: path, text: text, sourceLanguage: sourceLanguage, bytes: bytes)?.diagnostics ?? []
        } catch {
            return unreadable(error, command: command(for: path))
        }
    }

    /// A record that cannot be read is reported as a warning, not trusted; what it is about is otherwise published as it is.
    static func unreadable(_ error: DiagnosticError, command: String) -> [Diagnostic] {
        error.diagnostics.map { problem in
            var warning = problem
            (warning.severity, warning.code) = (.warning, .translationUnrecorded)
            warning.hint = "remove \(problem.file), then run: \(command)"
            return warning
        }
    }

    /// Where the translated file at `path` stands; nil when it is not a translation (same language, no source).
    static func status(of path: String, text: String, sourceLanguage: String, bytes: (String) -> Data?) throws(DiagnosticError) -> TranslationStatus? {
        guard language(of: path) != sourceLanguage, let source = twin(of: path, in: sourceLanguage), let sourceData = bytes(source) else { return nil }
        // Most pages of a site that records nothing have no record: their source's text is not needed.
        guard let record = bytes(TranslationRecord.path(for: path)) else { return TranslationStatus(unrecorded: path, source: source) }
        return try TranslationStatus(translation: path, translationText: text, source: source,
                                     sourceText: SiteSources.normalisedText(sourceData, file: source),
                                     recordText: SiteSources.normalisedText(record, file: TranslationRecord.path(for: path)))
    }

    /// More than a few pages of one language with no record (a site that has never recorded its translations)
    /// make one warning with the one command to run, not one each.
    static func grouped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let unrecorded = diagnostics.filter { $0.code == .translationUnrecorded && !$0.file.hasPrefix(TranslationRecord.folder) }
        let byLanguage = Dictionary(grouping: unrecorded) { language(of: $0.file) ?? "" }.filter { Set($0.value.map(\.file)).count > 3 }
        guard !byLanguage.isEmpty else { return diagnostics }
        let folded = Set(byLanguage.values.joined().map(\.file))
        let summaries = byLanguage.sorted { $0.key < $1.key }.map { language, warnings in
            // A block several pages include is reported by each of them: counted once.
            let files = Set(warnings.map(\.file)).sorted()
            let named = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
            let kinds = files.contains { $0.hasPrefix("content/blocks/") } ? "pages and blocks" : "pages"
            return Diagnostic.warning(file: "content/\(language)/", "\(files.count) translated \(kinds) have no translation record (\(named)): nothing says which text of the source each translates",
                                      hint: "when they say what their sources say, run: clinicsite translated \(language)", code: .translationUnrecorded)
        }
        return diagnostics.filter { !($0.code == .translationUnrecorded && folded.contains($0.file)) } + summaries
    }
}
