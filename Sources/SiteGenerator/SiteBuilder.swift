import Foundation
import RecoverySchedule

/// The build pipeline: sources in memory to output files in memory. It reads and writes no files,
/// so every step can be tested with a site described in a dictionary.
public enum SiteBuilder {
    /// Builds the site, or throws every error found (with the warnings) in one `DiagnosticError`.
    /// `output`, when given, receives each file as soon as it is made (from any thread), so writing can
    /// overlap rendering. Pages are rendered while links are still being checked, so `output` may have
    /// received files when the build then throws for a broken link: a caller that writes them must
    /// discard them then, as `IncrementalBuild.run` does.
    public static func build(_ sources: SiteSources, options: BuildOptions,
                             output: (@Sendable (OutputFile) -> Void)? = nil) throws(DiagnosticError) -> BuiltSite {
        try build(sources, options: options, output: output, reusesLayouts: true)
    }

    /// `build`, choosing whether pages of one shape share their layout's rendering (see `PageRenderer`);
    /// a test compares the output both ways.
    static func build(_ sources: SiteSources, options: BuildOptions, output: (@Sendable (OutputFile) -> Void)?,
                      reusesLayouts: Bool) throws(DiagnosticError) -> BuiltSite {
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
        guard !log.hasErrors, let strings, let templates, let assets else {
            // Broken links are reported with the other errors, so one run lists everything to fix.
            log.add(contentsOf: content.published.parallelMap { content.resolveLinks(of: $0).problems }.flatMap { $0 })
            throw DiagnosticError(log.diagnostics)
        }

        let recovery = RecoveryContext(rules: basics.rules, calendar: basics.calendar, strings: strings, languages: settings.languages)
        let renderer = PageRenderer(settings: settings, strings: strings, templates: templates, assets: assets, content: content,
                                    recovery: recovery, reusesLayouts: reusesLayouts)
        let rendered = content.published.parallelMap { loaded -> Result<OutputFile, DiagnosticError> in
            let (html, problems) = content.resolveLinks(of: loaded)
            guard problems.isEmpty else { return .failure(DiagnosticError(problems)) }
            let file = renderer.render(loaded.page, content: html)
            output?(file)
            return .success(file)
        }
        var files: [OutputFile] = []
        files.reserveCapacity(rendered.count + 8)
        for result in rendered {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): log.add(contentsOf: error.diagnostics)
            }
        }
        if log.hasErrors { throw DiagnosticError(log.diagnostics) }
        PhaseClock.mark("links+render")
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
