import RecoverySchedule

/// What `clinicsite translated` records: for each translation named, the source's sections as they are now
/// (pages and blocks), or each key's texts (interface strings). It refuses, recording nothing, when a source
/// changed a number, date or contact since the last record and either `onlyWording` says the translation needs
/// no change, or the translation has not changed since: a translator cannot wave such a change through.
package enum TranslationRecording {
    /// One record to write.
    package struct Record: Sendable, Equatable {
        /// Where it goes and what it holds.
        package var path: String
        package var text: String
        /// What it says, for the translator: `content/fr/healing.md translates content/en/healing.md (6 sections)`.
        package var summary: String
    }

    /// The records for `targets`, each a page or block (`fr/healing.md`, `content/blocks/fr/x.md`), a language's
    /// interface text (`strings/fr`) or a whole language (`fr`: its pages, blocks and interface text). Throws every
    /// refusal and every target that is not a translation, with nothing to write.
    package static func records(for targets: [String], sources: SiteSources, onlyWording: Bool, today: CivilDate) throws(DiagnosticError) -> [Record] {
        let settings = try Settings.parse(try sources.text(Settings.path), file: Settings.path)
        var (files, languages) = ([String](), [String]())
        var log = DiagnosticLog()
        for target in targets {
            var name = target.hasPrefix("./") ? String(target.dropFirst(2)) : target
            if name.hasPrefix("content/") { name.removeFirst("content/".count) }
            if name.hasSuffix("/") { name.removeLast() }
            let stringsLanguage = name.hasPrefix("strings/") ? String(name.dropFirst("strings/".count))
                : name.hasPrefix("templates/strings/") ? String(name.dropFirst("templates/strings/".count).dropLast(".yml".count)) : nil
            if let language = stringsLanguage ?? (settings.languages.contains(name) ? name : nil) {
                guard language != settings.defaultLanguage, settings.languages.contains(language) else {
                    log.add(Diagnostic(file: target, message: language == settings.defaultLanguage
                        ? "'\(language)' is the source language (default_language in site.yml): the other languages translate it"
                        : "'\(language)' is not one of the site's languages (\(settings.languages.joined(separator: ", ")))"))
                    continue
                }
                languages.append(language)
                if stringsLanguage == nil { files += translations(in: language, sources: sources, sourceLanguage: settings.defaultLanguage) }
            } else {
                let path = "content/" + name
                guard sources.bytes(path) != nil, path.hasSuffix(".md") else {
                    log.add(Diagnostic(file: path, message: "there is no such page or block", hint: "name it from content/, such as fr/healing.md, or give a language, such as fr"))
                    continue
                }
                guard let language = TranslationCheck.language(of: path), language != settings.defaultLanguage,
                      let source = TranslationCheck.twin(of: path, in: settings.defaultLanguage), sources.bytes(source) != nil else {
                    log.add(Diagnostic(file: path, message: "this is not a translation: it has no twin in the source language (\(settings.defaultLanguage))",
                                       hint: "a translation has the name of the page it translates, in its own language folder"))
                    continue
                }
                files.append(path)
            }
        }
        var records: [Record] = []
        for path in Set(files).sorted() { log.collect { () throws(DiagnosticError) in if let record = try record(of: path, sources: sources, settings: settings, onlyWording: onlyWording, today: today) { records.append(record) } } }
        for language in Set(languages).sorted() { log.collect { () throws(DiagnosticError) in if let record = try stringsRecord(language, sources: sources, settings: settings, onlyWording: onlyWording, today: today) { records.append(record) } } }
        try log.throwIfErrors()
        return records
    }

    /// Every page and block of `language` that has a twin in the source language.
    private static func translations(in language: String, sources: SiteSources, sourceLanguage: String) -> [String] {
        (sources.paths(under: "content/\(language)/") + sources.paths(under: "content/blocks/\(language)/")).filter { path in
            path.hasSuffix(".md") && TranslationCheck.twin(of: path, in: sourceLanguage).flatMap(sources.bytes) != nil
        }
    }

    /// The record of one page or block, or nil when the one on disk already says the same.
    private static func record(of path: String, sources: SiteSources, settings: Settings, onlyWording: Bool, today: CivilDate) throws(DiagnosticError) -> Record? {
        let text = try sources.text(path)
        let source = TranslationCheck.twin(of: path, in: settings.defaultLanguage)!
        let sourceText = try sources.text(source)
        let (sourcePrint, translationPrint) = (Fingerprint(text: sourceText), Fingerprint(text: text))
        let earlier = try? TranslationCheck.status(of: path, text: text, sourceLanguage: settings.defaultLanguage, bytes: sources.bytes)
        if let earlier, let recorded = earlier.recorded {
            if recorded.sourcePrint == sourcePrint && recorded.translationPrint == translationPrint { return nil }
            try refuse(earlier.diagnostics.filter { $0.severity == .error }, onlyWording: onlyWording,
                       unchanged: recorded.translationPrint == translationPrint, what: "this page")
        }
        let sections = try TextSections(file: source, text: sourceText).sections
        let record = TranslationRecord(translation: path, source: source, recorded: today, sourcePrint: sourcePrint,
                                       translationPrint: translationPrint, sections: sections)
        return Record(path: TranslationRecord.path(for: path), text: record.yaml,
                      summary: "\(path) translates \(source) (\(sections.count) section\(sections.count == 1 ? "" : "s"))")
    }

    /// The record of `language`'s interface text.
    private static func stringsRecord(_ language: String, sources: SiteSources, settings: Settings, onlyWording: Bool, today: CivilDate) throws(DiagnosticError) -> Record? {
        let (sourceFile, file) = (UIStrings.path(settings.defaultLanguage), UIStrings.path(language))
        let source = try StringsTranslation.entries(sources, sourceFile)
        let translated = try StringsTranslation.entries(sources, file)
        if let comparison = try? StringsTranslation.compare(language, sources: sources, settings: settings) {
            if comparison.changes.isEmpty && !comparison.translationEdited { return nil }
            let refused = StringsTranslation.diagnostics(comparison, language: language, settings: settings).filter { $0.severity == .error }
            try refuse(refused, onlyWording: onlyWording,
                       unchanged: comparison.changes.contains { $0.diff.touchesNumbers && $0.translationUnchanged }, what: "these texts")
        }
        return Record(path: StringsTranslation.recordPath(language),
                      text: StringsTranslation.recordText(source: source, translated: translated, language: language,
                                                          sourceLanguage: settings.defaultLanguage, today: today),
                      summary: "\(file) translates \(sourceFile) (\(translated.count) texts)")
    }

    /// Throws the changes of numbers (`changed`, errors from the check) as refusals when the translator said the
    /// wording only changed, or when the translation is as it was when last recorded.
    private static func refuse(_ changed: [Diagnostic], onlyWording: Bool, unchanged: Bool, what: String) throws(DiagnosticError) {
        guard !changed.isEmpty, onlyWording || unchanged else { return }
        throw DiagnosticError(changed.map { problem in
            var refusal = problem
            refusal.hint = onlyWording
                ? "--only-wording is for changes of wording: bring this change into the translation, then run the command without --only-wording"
                : "\(what) did not change since the last record: bring this change into it first, then run the command again"
            return refusal
        })
    }
}
