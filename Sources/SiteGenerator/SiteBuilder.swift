import Foundation
import RecoverySchedule

/// What a build may override from the settings, and the date it treats as today.
public struct BuildOptions: Sendable {
    /// Overrides `base_url` from `site.yml` when set (already normalised with a trailing `/`).
    public var baseURL: String?
    /// Today's date, for the age of `reviewed` dates. Output never depends on it.
    public var today: CivilDate

    /// Creates options.
    public init(baseURL: String? = nil, today: CivilDate) {
        self.baseURL = baseURL
        self.today = today
    }
}

/// A finished build: every output file, and the warnings found on the way.
public struct BuiltSite: Sendable {
    /// The files of `public/`, sorted by path.
    public var files: [OutputFile]
    /// Problems that did not stop the build.
    public var warnings: [Diagnostic]
    /// The number of content pages written, all languages together.
    public var pageCount: Int
}

/// The build pipeline: sources in memory to output files in memory. It reads and writes no files,
/// so every step can be tested with a site described in a dictionary.
public enum SiteBuilder {
    /// Builds the site, or throws every error found (with the warnings) in one `DiagnosticError`.
    /// `output`, when given, receives each file as soon as it is made (from any thread), so writing can
    /// overlap rendering; it receives nothing when the build has errors.
    public static func build(_ sources: SiteSources, options: BuildOptions,
                             output: (@Sendable (OutputFile) -> Void)? = nil) throws(DiagnosticError) -> BuiltSite {
        var log = DiagnosticLog()
        let basics = SiteBasics.load(sources, baseURL: options.baseURL, log: &log)
        let (settings, strings, templates) = (basics.settings, basics.strings, basics.templates)
        let assets = log.collect { () throws(DiagnosticError) in try Assets(sources: sources) }
        PhaseClock.mark("basics+assets")
        let content = ContentSet.load(sources: sources, settings: settings, log: &log)
        if let templates {
            for page in content.pages where !templates.names.contains(page.page.layout) {
                log.add(Diagnostic(file: page.page.source, line: 1, message: "the layout '\(page.page.layout)' does not exist",
                                   hint: "use one of: \(templates.names.sorted().joined(separator: ", "))"))
            }
        }
        PhaseClock.mark("content")
        let (contentHTML, linkProblems) = content.resolveLinks()
        PhaseClock.mark("links")
        log.add(contentsOf: linkProblems)
        guard !log.hasErrors, let strings, let templates, let assets else { throw DiagnosticError(log.diagnostics) }

        let recovery = RecoveryContext(rules: basics.rules, calendar: basics.calendar, strings: strings, languages: settings.languages)
        let renderer = PageRenderer(settings: settings, strings: strings, templates: templates, assets: assets, content: content, recovery: recovery)
        var files = Array(zip(content.published, contentHTML)).parallelMap { pair in
            let file = renderer.render(pair.0.page, content: pair.1)
            output?(file)
            return file
        }
        PhaseClock.mark("render")
        let others = assets.files + content.assetFiles + renderer.siteFiles()
        PhaseClock.mark("sitefiles")
        for file in others { output?(file) }
        files += others
        files.sort { $0.path < $1.path }
        PhaseClock.mark("sort")

        log.add(contentsOf: content.reviewWarnings(today: options.today, months: settings.reviewMonths))
        if settings.baseURL == nil {
            log.add(.warning(file: SiteBasics.settingsFile, "no base_url is set, so sitemap.xml, canonical links and absolute language links were left out",
                             hint: "add base_url: https://your-clinic.example/ to site.yml, or pass --base-url"))
        }
        return BuiltSite(files: files, warnings: log.warnings, pageCount: content.published.count)
    }
}
