import Foundation
import RecoverySchedule

/// The build pipeline: sources in memory to output files in memory. It reads and writes no files,
/// so every step can be tested with a site described in a dictionary.
///
/// The steps, in order: settings, interface text, templates and rules (`SiteBasics`); pages and their
/// Markdown (`ContentSet`); links checked and filled in (`ContentSet.resolveLinks`); layouts applied
/// (`PageRenderer`); the site-wide files (`PageRenderer.siteFiles`). `IncrementalBuild` (in SiteDisk) puts it on disk.
public enum SiteBuilder {
    /// Builds the site, or throws every error found (with the warnings) in one `DiagnosticError`.
    /// `output`, when given, receives each file as soon as it is made (from any thread), so writing can
    /// overlap rendering; the files returned then carry only their paths, so no page's bytes are kept twice. Pages are rendered while links are still being checked, so `output` may have
    /// received files when the build then throws for a broken link: a caller that writes them must
    /// discard them then, as `IncrementalBuild.run` does.
    /// `expecting`, when given, is told each page's output path as soon as its front matter is read, long
    /// before the page is laid out (from any thread), so the file can be created while pages are still read.
    /// A path it is told may not be written after all (the build fails, or two pages claim it).
    /// `cacheMade`, when given, receives the build cache as soon as it is made, before the pages are all laid
    /// out (on another thread), so it can be encoded meanwhile; `build` returns only after it has returned.
    public static func build(_ sources: SiteSources, options: BuildOptions,
                             output: (@Sendable (OutputFile) -> Void)? = nil,
                             expecting: (@Sendable (String) -> Void)? = nil,
                             cacheMade: (@Sendable (BuildCache) -> Void)? = nil) throws(DiagnosticError) -> BuiltSite {
        let result = try run(sources, options: options, output: output, expecting: expecting, cacheMade: cacheMade)
        let site = result.site
        DeferredRelease.release(consume result)
        return site
    }

    /// Builds again after a change, taking from `reuse` what did not change: pages whose sources are
    /// unchanged are not read, and only pages whose output may have changed (`RenderPlan`) are laid out.
    /// The result lists only the files it made; `BuiltSite.keptPaths` are the others, whose bytes a full build
    /// would make exactly as the last build did. The caller must have checked `reuse.cache.siteKey`.
    public static func rebuild(_ sources: SiteSources, options: BuildOptions, reuse: Reuse) throws(DiagnosticError) -> BuiltSite {
        let result = try run(sources, options: options, reuse: reuse)
        let site = result.site
        DeferredRelease.release(consume result)
        return site
    }

    /// What a build made, with what it read on the way, for `clinicsite check` to reuse.
    struct Result {
        var site: BuiltSite
        var settings: Settings
        var content: ContentSet
    }

    /// The build. `reusesLayouts` chooses whether pages of one shape share their layout's rendering (see
    /// `LayoutCache`; a test compares the output both ways); `keepingProse` keeps each page's paragraphs.
    static func run(_ sources: SiteSources, options: BuildOptions, output: (@Sendable (OutputFile) -> Void)? = nil,
                    expecting: (@Sendable (String) -> Void)? = nil, cacheMade: (@Sendable (BuildCache) -> Void)? = nil, reuse: Reuse? = nil,
                    reusesLayouts: Bool = true, keepingProse: Bool = false) throws(DiagnosticError) -> Result {
        var log = DiagnosticLog()
        let basics = SiteBasics.load(sources, baseURL: options.baseURL, log: &log)
        let settings = basics.settings
        let assets = log.collect { () throws(DiagnosticError) in try Assets(sources: sources) }
        PhaseClock.mark("basics+assets")
        let content = ContentSet.load(sources: sources, settings: settings, reservedIDs: basics.templates?.reservedIDs ?? [],
                                      keepingProse: keepingProse, typography: basics.typography, reuse: reuse, expecting: expecting, log: &log)
        if let templates = basics.templates {
            for page in content.pages where !templates.names.contains(page.page.layout) {
                log.add(Diagnostic(file: page.page.source, line: 1, message: "the layout '\(page.page.layout)' does not exist",
                                   hint: "use one of: \(templates.names.sorted().joined(separator: ", "))"))
            }
        }
        PhaseClock.mark("content")
        let plan = RenderPlan(content: content, settings: settings, reuse: reuse)
        guard !log.hasErrors, let strings = basics.strings, let templates = basics.templates, let assets else {
            // Broken links are reported with the other errors, so one run lists everything to fix. Pages a
            // rebuild would not lay out again link to what they linked to when the last build succeeded.
            let pages = (try? plan.pagesToRender(reservedIDs: basics.templates?.reservedIDs ?? [], typography: basics.typography, log: &log)) ?? []
            log.add(contentsOf: pages.parallelMap { content.resolveLinks(of: $0).problems }.flatMap { $0 })
            throw DiagnosticError(log.diagnostics)
        }
        let recovery = RecoveryContext(rules: basics.rules, settings: settings, strings: strings, typography: basics.typography)
        let renderer = PageRenderer(settings: settings, strings: strings, templates: templates, assets: assets, content: content,
                                    recovery: recovery, typography: basics.typography, reusesLayouts: reusesLayouts)
        // What the next build reuses depends only on what was read: it is made while pages are laid out.
        let cache = Background {
            let made = BuildCache(siteKey: siteKey(of: sources, options: options, tool: options.tool), today: options.today.iso,
                                  content: content, sources: sources, reuse: reuse)
            cacheMade?(made)
            return made
        }
        // The site-wide files (sitemap, root, 404) depend on no page's layout: made while pages are laid out.
        let siteFiles = Background { renderer.siteFiles() }
        let pages = try plan.pagesToRender(reservedIDs: templates.reservedIDs, typography: basics.typography, log: &log)
        var files = try renderPages(pages, of: content, with: renderer, output: output, log: &log)
        let others = assets.files + content.assetFiles + siteFiles.value
        PhaseClock.mark("sitefiles")
        if let output {
            for file in others { output(file) }
            files += others.map { OutputFile(path: $0.path, data: Data()) }
        } else {
            files += others
        }
        files.sort { $0.path < $1.path }
        PhaseClock.mark("sort")
        log.add(contentsOf: StalledRules.diagnostics(basics.typography, sources: sources))
        if log.hasErrors { throw DiagnosticError(log.diagnostics) }
        log.add(contentsOf: content.reviewWarnings(today: options.today, months: settings.reviewMonths))
        if settings.baseURL == nil {
            log.add(.warning(file: Settings.path, "no base_url is set, so sitemap.xml, canonical links and absolute language links were left out",
                             hint: "add base_url: https://your-clinic.example/ to site.yml, or pass --base-url", code: .missingBaseURL))
        }
        let site = BuiltSite(files: files, keptPaths: plan.keptPaths + content.keptAssetPaths, warnings: log.warnings,
                             pageCount: content.published.count, cache: cache.value, laidOut: pages.count)
        return Result(site: site, settings: settings, content: content)
    }

    /// Checks each page's links and lays it out, on all cores; throws every broken link at once.
    private static func renderPages(_ pages: [LoadedPage], of content: ContentSet, with renderer: PageRenderer,
                                    output: (@Sendable (OutputFile) -> Void)?, log: inout DiagnosticLog) throws(DiagnosticError) -> [OutputFile] {
        let rendered = pages.parallelMap { loaded -> Swift.Result<OutputFile, DiagnosticError> in
            let (html, problems) = content.resolveLinks(of: loaded)
            guard problems.isEmpty else { return .failure(DiagnosticError(problems)) }
            let file = renderer.render(loaded.page, content: html)
            guard let output else { return .success(file) }
            output(file)
            return .success(OutputFile(path: file.path, data: Data()))
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
        return files
    }
}
