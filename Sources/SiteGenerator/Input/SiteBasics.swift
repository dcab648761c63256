import RecoverySchedule

/// What both the site build and personal timelines read first: settings, interface text, templates, the
/// timeline rules and the clinic calendar. Problems go to the log; what could not be read is nil.
struct SiteBasics {
    var settings: Settings
    var strings: UIStrings?
    var templates: Templates?
    /// The procedures and their rules; `rules` are the main procedure's.
    var procedures: Procedures
    var rules: RecoveryRules { procedures.main.rules }
    /// Each language's typography (`templates/typography/LANG.yml`); the strings above already have it.
    var typography: [String: Typography]
    /// Whether `site.yml` was read without an error; when not, `settings` are defaults and nothing is judged by them.
    var settingsRead: Bool

    /// Procedures in `withheld` (placeholders left) are not read.
    static func load(_ sources: SiteSources, baseURL: String? = nil, withheld: Set<String> = [], log: inout DiagnosticLog) -> SiteBasics {
        var settings = Settings()
        let errorsBefore = log.errorCount
        if let text = log.collect({ () throws(DiagnosticError) in try sources.text(Settings.path) }) {
            settings = Settings.parse(text, file: Settings.path, log: &log)
        }
        let settingsRead = log.errorCount == errorsBefore
        if let baseURL { settings.baseURL = baseURL }
        // With broken settings the languages are a guess: the files that depend on them are not judged by it.
        let typography = TypographyFile.load(sources: sources, languages: settings.languages, log: &log)
        let strings = settingsRead ? log.collect { () throws(DiagnosticError) in try UIStrings(sources: sources, settings: settings) }?.typeset(with: typography) : nil
        let templates = log.collect { () throws(DiagnosticError) in try Templates(sources: sources) }
        let procedures = Procedures.load(sources: sources, settings: settings, languages: settingsRead ? settings.languages : nil,
                                         withheld: withheld, log: &log)
        return SiteBasics(settings: settings, strings: strings, templates: templates, procedures: procedures, typography: typography,
                          settingsRead: settingsRead)
    }
}
