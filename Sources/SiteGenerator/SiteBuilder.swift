import Foundation
import RecoverySchedule
import Synchronization

/// The build: sources in memory to output files in memory. It reads and writes no files, so every step can
/// be tested with a site described in a dictionary.
///
/// One way through: the inputs every output shares (`SiteBasics`); the files of `content/` sorted by path
/// (`ContentFiles`); the pages read (`PageReading`) and their facts put over those the last build recorded
/// (`SiteFacts`); the outputs to make (`OutputPlan`: all of them when nothing is recorded); each made by
/// `PageRenderer` through its own `Reads`, which records what it read. `IncrementalBuild` (in SiteDisk)
/// gives it the last build's record and puts the result on disk.
public enum SiteBuilder {
    /// Builds the whole site, or throws every error found (with the warnings) in one `DiagnosticError`.
    public static func build(_ sources: SiteSources, options: BuildOptions) throws(DiagnosticError) -> BuiltSite {
        try run(sources, options: options).site
    }

    /// Builds after a change: only what `previous` shows may have changed is read and made again.
    package static func build(_ sources: SiteSources, options: BuildOptions, previous: (any PreviousBuild)?) throws(DiagnosticError) -> BuiltSite {
        try run(sources, options: options, previous: previous).site
    }

    /// What a build made, with the settings and pages it read, for `clinicsite check`.
    struct Result {
        var site: BuiltSite
        var settings: Settings
        var pages: [LoadedPage]
    }

    /// The build. `reusesLayouts` chooses whether pages of one shape share their layout's rendering (see
    /// `LayoutCache`; a test compares both ways); `keepingProse` keeps each page's paragraphs.
    static func run(_ sources: SiteSources, options: BuildOptions, previous given: (any PreviousBuild)? = nil,
                    reusesLayouts: Bool = true, keepingProse: Bool = false) throws(DiagnosticError) -> Result {
        var log = DiagnosticLog()
        let withheld = Placeholders.withheld(sources)
        let basics = SiteBasics.load(sources, baseURL: options.baseURL, withheld: Set(withheld.keys), log: &log)
        let settings = basics.settings
        let assets = log.collect { () throws(DiagnosticError) in try Assets(sources: sources) }
        let shared = SharedInputs.fingerprint(of: sources, options: options, withheld: withheld)
        let previous = given?.shared == shared ? given : nil
        // Settings that could not be read are defaults: warnings judged against them (a language "not listed") would be false.
        var unheard = DiagnosticLog()
        let paths = withheld.isEmpty ? sources.paths : sources.paths.filter { path in !withheld.keys.contains { Placeholders.isPart(path, of: $0) } }
        let files = basics.settingsRead ? ContentFiles(paths: paths, settings: settings, log: &log)
                                        : ContentFiles(paths: paths, settings: settings, log: &unheard)
        var reading = PageReading(settings: settings, reservedIDs: basics.templates?.reservedIDs ?? [], typography: basics.typography,
                                  keepingProse: keepingProse)
        reading.calloutLabels = Dictionary(uniqueKeysWithValues: settings.languages.map { language in
            (language, CmarkDocument.calloutKinds.compactMapValues { basics.strings?[language][$0] })
        })
        let toRead = files.pages.filter { previous == nil || sources.files[$0.path] != nil }.sorted { $0.path < $1.path }
        let (read, failed) = reading.read(toRead, bytes: sources.bytes, log: &log)
        if previous != nil { log.add(contentsOf: blocksReached(read, sources: sources)) }
        log.add(contentsOf: translationProblems(read, sources: sources, settings: settings))
        PhaseClock.mark("content")
        let freshFacts = read.map(\.facts)
        let facts = SiteFacts(fresh: Dictionary(freshFacts.map { ($0.page.source, $0) }) { $1 }, failed: Set(failed),
                              gone: previous == nil ? [] : sources.removed, pageSources: Set(files.pages.map(\.path)),
                              publishedFiles: files.published, sourcePrints: printer(of: sources), imageSize: imageSizes(of: sources),
                              previous: previous, withheld: Set(withheld.keys))
        log.add(contentsOf: PlaceChecks.problems(facts: facts, read: read, files: files, settings: settings, templates: basics.templates))
        let renderer = basics.strings.flatMap { strings in basics.templates.flatMap { templates in assets.map { assets in
            PageRenderer(settings: settings, strings: strings, templates: templates, assets: assets,
                         procedures: basics.procedures,
                         typography: basics.typography, reusesLayouts: reusesLayouts)
        } } }
        let outputs = Dictionary((SiteOutputs.standard + options.outputs).compactMap { output in output.path(for: settings).map { ($0, output) } }) { $1 }
        let plan = OutputPlan(facts: facts, sources: sources, siteFiles: outputs.keys.sorted())
        let pages = pagesToLayOut(plan.pages, read: read, facts: facts, reading: reading, sources: sources, log: &log)
        guard !log.hasErrors, let renderer, let assets else {
            // Broken links are reported with the other errors, so one run lists everything to fix.
            log.add(contentsOf: pages.parallelMap { $0.resolvedHTML(reads: Reads(facts)).problems }.flatMap { $0 })
            throw log.failure
        }
        var made = try layOut(pages, siteFiles: plan.siteFiles.compactMap { path in outputs[path].map { (path, $0) } }, with: renderer,
                              facts: facts, handOver: options.made, log: &log)
        made += copies(plan.copies, sources: sources, log: &log)
        if plan.templateAssets { made += assets.files.map { ($0, TraceText.text([:]), []) } }
        log.add(contentsOf: keptWarnings(previous, made: made, removed: plan.removed))
        log.add(contentsOf: StalledRules.diagnostics(basics.typography, sources: sources))
        try addSiteProblems(facts: facts, settings: settings, sources: sources, today: options.today, to: &log)
        made.sort { $0.file.path < $1.file.path }
        let record = RecordChanges(startsOver: previous == nil, shared: shared, pages: freshFacts,
                                   removedPages: Array(sources.removed.union(failed)), traces: made.map { ($0.file.path, $0.trace, $0.warnings) },
                                   publishedCount: facts.publishedCount())
        let site = BuiltSite(files: made.map(\.file), removed: plan.removed, warnings: log.warnings, notes: log.notes,
                             withheld: withheld.values.flatMap { $0 }.sorted(), pageCount: record.publishedCount,
                             laidOut: pages.count, record: record)
        return Result(site: site, settings: settings, pages: read)
    }

    /// A translation whose source changed a number stops the build (`TranslationCheck`: its errors, found when its
    /// page was read; a failed build records nothing, so the next one reads the page again); the interface text's
    /// translations are judged by every build.
    private static func translationProblems(_ read: [LoadedPage], sources: SiteSources, settings: Settings) -> [Diagnostic] {
        read.flatMap(\.warnings).filter { $0.severity == .error } + StringsTranslation.diagnostics(sources, settings: settings)
    }

    /// For each block read again (it changed), the pages it reached, as a note.
    private static func blocksReached(_ read: [LoadedPage], sources: SiteSources) -> [Diagnostic] {
        sources.files.keys.filter { $0.hasPrefix("content/blocks/") }.sorted().map { block in
            let pages = read.filter { $0.markdown.blocks.contains(block) }.map(\.page.source).sorted()
            return Diagnostic(file: block, severity: .note, message: pages.isEmpty ? "this block changed; no page includes it"
                              : "this block changed; it reached \(pages.count) page\(pages.count == 1 ? "" : "s"): \(pages.joined(separator: ", "))")
        }
    }

    /// What concerns the whole site rather than one output: review dates after today (errors, thrown with every
    /// other error), overdue reviews, example contact details and a missing `base_url` (warnings).
    private static func addSiteProblems(facts: SiteFacts, settings: Settings, sources: SiteSources, today: CivilDate,
                                        to log: inout DiagnosticLog) throws(DiagnosticError) {
        func text(_ path: String) -> String? { sources.bytes(path).map { String(decoding: $0, as: UTF8.self) } }
        log.add(contentsOf: facts.reviewedAfter(today).map { page in
            ReviewAge.future(file: page.page.source, text: text(page.page.source), reviewed: page.page.reviewed!, today: today)
        })
        if log.hasErrors { throw log.failure }
        log.add(contentsOf: facts.reviewsDue(today: today, months: settings.reviewMonths).map {
            ReviewAge.warning(file: $0.page.source, reviewed: $0.page.reviewed!, months: settings.reviewMonths)
        })
        log.add(contentsOf: ExampleContact.warnings(settings, text: text(Settings.path)))
        log.add(contentsOf: TranslationCheck.grouped(facts.pageWarnings()))
        if settings.baseURL == nil {
            log.add(.warning(file: Settings.path, "no base_url is set, so sitemap.xml, canonical links and absolute language links were left out",
                             hint: "add base_url: https://your-clinic.example/ to site.yml, or pass --base-url", code: .missingBaseURL))
        }
    }

    /// The pages at `sources`, those not read yet read now (their bytes are those the last build read).
    private static func pagesToLayOut(_ sources: [String], read: [LoadedPage], facts: SiteFacts, reading: PageReading, sources files: SiteSources,
                                      log: inout DiagnosticLog) -> [LoadedPage] {
        let bySource = Dictionary(read.map { ($0.page.source, $0) }) { $1 }
        let unread = sources.filter { bySource[$0] == nil }.compactMap { source in facts.page(source).map { ContentFiles.PageFile(path: source, language: $0.page.language) } }
        let reread = reading.read(unread, bytes: files.bytes, log: &log).pages
        let again = Dictionary(reread.map { ($0.page.source, $0) }) { $1 }
        return sources.compactMap { bySource[$0] ?? again[$0] }
    }

    /// An output made, with what it read (`TraceText`) and the warnings that belong to it alone.
    typealias MadeOutput = (file: OutputFile, trace: String, warnings: [Diagnostic])

    /// What `layOut` makes: a page, or a site-wide output at its path.
    private enum Work: Sendable {
        case page(LoadedPage)
        case siteFile(String, any SiteOutput)
    }

    /// Makes the site-wide files and lays out each page after checking its links, on all cores, each with its
    /// own `Reads`; throws every broken link at once.
    private static func layOut(_ pages: [LoadedPage], siteFiles: [(String, any SiteOutput)], with renderer: PageRenderer, facts: SiteFacts,
                               handOver: (@Sendable (OutputFile) -> Void)?, log: inout DiagnosticLog) throws(DiagnosticError) -> [MadeOutput] {
        // The site-wide files first: the sitemap, the longest to make, does not wait for the pages.
        let work = siteFiles.map { Work.siteFile($0.0, $0.1) } + pages.map { Work.page($0) }
        let rendered = work.parallelMap { item -> Swift.Result<MadeOutput, DiagnosticError> in
            let reads = Reads(facts)
            let loaded: LoadedPage
            switch item {
            case .siteFile(let path, let output):
                let file = handedOver(OutputFile(path: path, data: output.make(with: renderer, reads: reads)), to: handOver)
                return .success((file, TraceText.text(reads.asked), []))
            case .page(let page):
                loaded = page
            }
            reads.source(loaded.page.source)
            let (html, problems) = loaded.resolvedHTML(reads: reads)
            guard problems.isEmpty else { return .failure(DiagnosticError(problems)) }
            let file = handedOver(renderer.render(loaded.page, content: html, reads: reads), to: handOver)
            return .success((file, TraceText.text(reads.asked), []))
        }
        var made: [MadeOutput] = []
        made.reserveCapacity(rendered.count + 8)
        for result in rendered {
            switch result {
            case .success(let output): made.append(output)
            case .failure(let error): log.add(contentsOf: error.diagnostics)
            }
        }
        if log.hasErrors { throw log.failure }
        PhaseClock.mark("links+render")
        return made
    }

    /// `file` as the build keeps it: given to `handOver` when there is one (`BuildOptions.made`), and then kept
    /// by its path alone, so 10,000 pages' bytes are not held until the end.
    private static func handedOver(_ file: OutputFile, to handOver: (@Sendable (OutputFile) -> Void)?) -> OutputFile {
        guard let handOver else { return file }
        handOver(file)
        return OutputFile(path: file.path, data: Data())
    }

    /// The files of `content/` published as they are (pictures without their metadata), each read and judged (an
    /// SVG's scripts, a picture's size): their warnings are recorded with them, for the builds that do not copy them again.
    private static func copies(_ paths: [String], sources: SiteSources, log: inout DiagnosticLog) -> [MadeOutput] {
        var made: [MadeOutput] = []
        for path in paths {
            guard let data = sources.bytes(path) else {
                log.add(Diagnostic(file: path, message: "cannot read this file", hint: "check that it is readable"))
                continue
            }
            switch ContentFiles.copied(path, data: data) {
            case .success(let published):
                let file = OutputFile(path: String(path.dropFirst("content/".count)), data: published.data)
                made.append((file, TraceText.text([.source(path): Fingerprint(of: data)]), published.warnings))
                log.add(contentsOf: published.notes + published.warnings)
            case .failure(let error): log.add(contentsOf: error.diagnostics)
            }
        }
        return made
    }

    /// The warnings the last build recorded with outputs this one neither makes nor removes.
    private static func keptWarnings(_ previous: (any PreviousBuild)?, made: [MadeOutput], removed: [String]) -> [Diagnostic] {
        guard let previous else { return [] }
        let redone = Set(made.map(\.file.path)).union(removed)
        return previous.outputWarnings().filter { !redone.contains($0.path) }.flatMap(\.warnings)
    }

    /// Each picture's size, read from its bytes the first time a page asks.
    private static func imageSizes(of sources: SiteSources) -> @Sendable (String) -> ImageSize? {
        let known = Mutex<[String: ImageSize?]>([:])
        return { path in
            if let size = known.withLock({ $0[path] }) { return size }
            let size = ImagePublishing.isPicture(path) ? sources.bytes(path).flatMap { ImageSize(of: [UInt8]($0)) } : nil
            known.withLock { $0[path] = size }
            return size
        }
    }

    /// Each input's fingerprint: made once for the files read, and from the bytes for a file left unread when
    /// asked (only a page laid out again asks, and it is read then anyway).
    private static func printer(of sources: SiteSources) -> @Sendable (String) -> Fingerprint? {
        let read = Dictionary(uniqueKeysWithValues: sources.files.filter { SiteSources.isContentFile($0.key) }.map { ($0.key, Fingerprint(of: $0.value)) })
        return { path in read[path] ?? sources.bytes(path).map { Fingerprint(of: $0) } }
    }
}
