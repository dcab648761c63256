import Foundation

/// The quickest rebuild, for the edits staff make most: the text of a few pages changed, and nothing other
/// pages or the site-wide files show of them (address, draft, menu entry, review date; headings only while
/// every link to them still holds), or a page added or removed that no other page shows (no menu entry, no
/// translation, not a home page, no link to it). Then only those pages are read and laid out, with the few
/// cached pages they show (their language's menu, their translations, the home pages, what their links point
/// at) decoded from the cache, and the sitemap is made again from the cache's lines; nothing else is touched.
///
/// Anything else, or any problem (which a full build must report in full), returns nil and the caller
/// takes the general rebuild, which gives the same bytes (`RebuildTests`).
public struct PageEdits: Sendable {
    /// The pages laid out again (and the sitemap, when pages came or went).
    public var files: [OutputFile]
    /// New lines for the cache, by line number: the pages' facts (content files' lines are the caller's).
    public var cacheLines: [Int: [UInt8]]
    /// Lines for the cache's new pages, each with its line break.
    public var newPageLines: [[UInt8]] = []
    /// The cache's lines of the pages removed.
    public var removedLines: [Int] = []
    /// The output files of the published pages removed.
    public var removedOutputs: [String] = []
    /// Published pages added, less those removed.
    public var publishedChange = 0
    /// The pages laid out again (the sitemap is not one).
    public var laidOut = 0

    /// Edits that lay out `files` and change the cache's `cacheLines`, with no page added or removed.
    public init(files: [OutputFile] = [], cacheLines: [Int: [UInt8]] = [:]) {
        self.files = files
        self.cacheLines = cacheLines
    }
}

extension SiteBuilder {
    /// Lays out again the pages at `changed` (their bytes in `sources`, with every input outside the language
    /// folders), of which `added` are new to the cache, and takes out the pages at `removed`; nil when the
    /// quick way does not apply.
    public static func relayOut(_ sources: SiteSources, changed: [String], added: Set<String> = [], removed: [String] = [],
                                index: CacheIndex, options: BuildOptions) -> PageEdits? {
        guard cacheServes(index, sources: sources, options: options) else { return nil }
        var log = DiagnosticLog()
        let basics = SiteBasics.load(sources, baseURL: options.baseURL, log: &log)
        let settings = basics.settings
        guard !log.hasErrors, let strings = basics.strings, let templates = basics.templates, let assets = try? Assets(sources: sources),
              (changed + removed).allSatisfy({ isPage($0, languages: settings.languages) }) else { return nil }
        let fresh = ContentSet.reread(changed, sources: sources, settings: settings, reservedIDs: templates.reservedIDs,
                                      typography: basics.typography, log: &log)
        guard !log.hasErrors, fresh.count == changed.count, fresh.allSatisfy({ templates.names.contains($0.page.layout) }) else { return nil }
        let (freshSources, gone) = (Set(changed), Set(removed))
        let removedPages = gone.isEmpty ? [] : index.pages(sources: gone, keys: [], menuLanguages: [])
        guard removedPages.count == gone.count else { return nil }
        let targets = Set(fresh.flatMap { loaded in loaded.markdown.links.compactMap { LinkResolver.targetPath(of: $0.destination, on: loaded.page) } })
        let keys = Set(fresh.map(\.page.key) + removedPages.map(\.page.page.key) + ["index"])
        // Removed pages come again by their keys, which also finds their translations.
        let cached = index.pages(sources: freshSources.union(targets), keys: keys, menuLanguages: Set(fresh.map(\.page.language)),
                                 outputs: Set(fresh.filter { added.contains($0.page.source) }.map(\.page.outputPath)))
        let kept = cached.filter { !gone.contains($0.page.page.source) }
        guard var edits = cacheEdits(fresh: fresh, added: added, removed: removedPages, cached: cached, kept: kept, index: index,
                                     settings: settings, today: options.today) else { return nil }
        let content = shownContent(fresh: fresh, kept: kept, targets: targets, index: index, settings: settings)
        let recovery = RecoveryContext(rules: basics.rules, settings: settings, strings: strings, typography: basics.typography)
        let renderer = PageRenderer(settings: settings, strings: strings, templates: templates, assets: assets, content: content, recovery: recovery,
                                    typography: basics.typography)
        for loaded in fresh where !loaded.page.draft {
            let (html, problems) = content.resolveLinks(of: loaded)
            guard problems.isEmpty else { return nil }
            edits.files.append(renderer.render(loaded.page, content: html))
            edits.laidOut += 1
        }
        // A typography rule stopped for taking too long goes the general way, which reports it.
        guard basics.typography.values.allSatisfy({ $0.stalls.isEmpty }) else { return nil }
        if let base = settings.baseURL, !added.isEmpty || !gone.isEmpty {
            guard let sitemap = sitemap(base: base, index: index, fresh: fresh, gone: gone, settings: settings) else { return nil }
            edits.files.append(sitemap)
        }
        return edits
    }

    /// Whether a cache was made for these shared inputs (settings, templates…), options, executable and date.
    public static func cacheServes(_ index: CacheIndex, sources: SiteSources, options: BuildOptions) -> Bool {
        siteKey(of: sources, options: options, tool: options.tool) == index.siteKey && options.today.iso == index.today
    }

    /// The fresh pages with the cached pages they show (stand-ins), and what their links may point at.
    private static func shownContent(fresh: [LoadedPage], kept: [(line: Int, page: CachedPage)], targets: Set<String>, index: CacheIndex,
                                     settings: Settings) -> ContentSet {
        let freshSources = Set(fresh.map(\.page.source))
        let others = kept.filter { !freshSources.contains($0.page.page.source) }.map(\.page.stub)
        let pages = (fresh + others).sorted { $0.page.source < $1.page.source }
        let assetTargets = targets.filter { !$0.lowercased().hasSuffix(".md") }
        let published = assetTargets.isEmpty ? []
            : Set(index.files.lazy.map(\.path).filter { assetTargets.contains($0) && ContentSet.isPublishedAsset($0, languages: settings.languages) })
        let resolver = LinkResolver(pages: Dictionary(uniqueKeysWithValues: pages.map {
            ($0.page.source, LinkResolver.Target(outputPath: $0.page.outputPath, anchors: $0.markdown.headings.map(\.id), draft: $0.page.draft))
        }), assets: published)
        return ContentSet(pages: pages, assetFiles: [], resolver: resolver)
    }

    /// Whether `path` is a page of one of `languages`: a Markdown file in its language's folder.
    private static func isPage(_ path: String, languages: [String]) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count > 2 && languages.contains(String(parts[1])) && path.hasSuffix(".md")
    }

    /// The sitemap again: the cache's published pages, less those removed, with the pages read now.
    private static func sitemap(base: String, index: CacheIndex, fresh: [LoadedPage], gone: Set<String>, settings: Settings) -> OutputFile? {
        guard var entries = index.sitemapEntries() else { return nil }
        for source in gone { entries[source] = nil }
        for loaded in fresh { entries[loaded.page.source] = loaded.page.draft ? nil : Sitemap.Entry(loaded.page) }
        // In source order, as the build lists its pages.
        let pages = entries.sorted { $0.key < $1.key }.map(\.value)
        return OutputFile(path: "sitemap.xml", text: Sitemap.xml(base: base, pages: pages, languages: settings.languages,
                                                                 defaultLanguage: settings.defaultLanguage))
    }
}
