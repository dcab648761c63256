import Foundation

/// The quickest rebuild, for the edit staff make most: the text of a few pages changed, and nothing other
/// pages or the site-wide files show of them (address, draft, menu entry, anchors, review date). Then only
/// those pages are read and laid out, with the few cached pages they show (their language's menu, their
/// translations, the home pages, what their links point at) decoded from the cache; nothing else is touched.
///
/// Anything else, or any problem (which a full build must report in full), returns nil and the caller
/// takes the general rebuild, which gives the same bytes (`RebuildTests`).
public struct PageEdits: Sendable {
    /// The pages laid out again.
    public var files: [OutputFile]
    /// New lines for the cache, by line number: the pages' facts (content files' lines are the caller's).
    public var cacheLines: [Int: [UInt8]]
}

extension SiteBuilder {
    /// Lays out again the pages at `changed` (their bytes in `sources`, with every input outside the language
    /// folders); nil when the quick way does not apply.
    public static func relayOut(_ sources: SiteSources, changed: [String], index: CacheIndex, options: BuildOptions) -> PageEdits? {
        guard cacheServes(index, sources: sources, options: options) else { return nil }
        var log = DiagnosticLog()
        let basics = SiteBasics.load(sources, baseURL: options.baseURL, log: &log)
        let settings = basics.settings
        guard !log.hasErrors, let strings = basics.strings, let templates = basics.templates,
              let assets = try? Assets(sources: sources),
              changed.allSatisfy({ settings.languages.contains(String($0.split(separator: "/")[1])) && $0.split(separator: "/").count > 2 }) else { return nil }
        let fresh = ContentSet.reread(changed, sources: sources, settings: settings, reservedIDs: templates.reservedIDs,
                                      typography: basics.typography, log: &log)
        guard !log.hasErrors, fresh.count == changed.count, fresh.allSatisfy({ templates.names.contains($0.page.layout) }) else { return nil }
        let freshSources = Set(changed)
        let targets = Set(fresh.flatMap { loaded in loaded.markdown.links.compactMap { LinkResolver.targetPath(of: $0.destination, on: loaded.page) } })
        let keys = Set(fresh.map(\.page.key) + ["index"])
        let languages = Set(fresh.map(\.page.language))
        let cached = index.pages(sources: freshSources.union(targets), keys: keys, menuLanguages: languages)
        var lines: [Int: [UInt8]] = [:]
        var newAnchors: [LoadedPage] = []
        for loaded in fresh {
            let new = CachedPage(loaded)
            guard let (line, old) = cached.first(where: { $0.page.page.source == loaded.page.source }), showsTheSame(old, new) else { return nil }
            if old.anchors != new.anchors { newAnchors.append(loaded) }
            lines[line] = BuildCache.line(for: new)
        }
        guard newAnchors.isEmpty || linksStillHold(to: newAnchors, index: index, laidOut: freshSources) else { return nil }
        let others = cached.filter { !freshSources.contains($0.page.page.source) }.map(\.page.stub)
        let pages = (fresh + others).sorted { $0.page.source < $1.page.source }
        let assetTargets = targets.filter { !$0.lowercased().hasSuffix(".md") }
        let published = assetTargets.isEmpty ? []
            : Set(index.files.lazy.map(\.path).filter { assetTargets.contains($0) && ContentSet.isPublishedAsset($0, languages: settings.languages) })
        let resolver = LinkResolver(pages: Dictionary(uniqueKeysWithValues: pages.map {
            ($0.page.source, LinkResolver.Target(outputPath: $0.page.outputPath, anchors: $0.markdown.headings.map(\.id), draft: $0.page.draft))
        }), assets: published)
        let content = ContentSet(pages: pages, assetFiles: [], resolver: resolver)
        let recovery = RecoveryContext(rules: basics.rules, calendar: settings.calendar, strings: strings, languages: settings.languages,
                                       phone: settings.phone, typography: basics.typography)
        let renderer = PageRenderer(settings: settings, strings: strings, templates: templates, assets: assets, content: content, recovery: recovery)
        var files: [OutputFile] = []
        for loaded in fresh where !loaded.page.draft {
            let (html, problems) = content.resolveLinks(of: loaded)
            guard problems.isEmpty else { return nil }
            files.append(renderer.render(loaded.page, content: html))
        }
        return PageEdits(files: files, cacheLines: lines)
    }

    /// Whether a cache was made for these shared inputs (settings, templates…), options, executable and date.
    public static func cacheServes(_ index: CacheIndex, sources: SiteSources, options: BuildOptions) -> Bool {
        siteKey(of: sources, options: options, tool: options.tool) == index.siteKey && options.today.iso == index.today
    }

    /// Whether two versions of a page look the same from every other page and from the site-wide files, but
    /// for their anchors (see `linksStillHold`).
    private static func showsTheSame(_ old: CachedPage, _ new: CachedPage) -> Bool {
        let (a, b) = (old.page, new.page)
        return a.outputPath == b.outputPath && a.draft == b.draft && a.key == b.key && a.language == b.language && a.order == b.order
            && (a.order == nil || (a.title == b.title && a.menuTitle == b.menuTitle)) && a.reviewed == b.reviewed
    }

    /// Whether every published page not laid out again that links to one of `pages` with an anchor still
    /// finds that anchor among the page's new headings. Nothing else of a page's output depends on the
    /// anchors of the pages it links to (the address is written as it was), so a page whose links still hold
    /// is left as it is; one whose link now breaks sends the rebuild the general way, which reports it.
    private static func linksStillHold(to pages: [LoadedPage], index: CacheIndex, laidOut: Set<String>) -> Bool {
        let anchors = Dictionary(uniqueKeysWithValues: pages.map { ($0.page.source, $0.markdown.headings.map(\.id)) })
        let names = pages.map { String($0.page.source.split(separator: "/").last!) }
        // A link is found by the file name it holds as bytes; a non-ASCII name may be written in the other
        // Unicode form, which the bytes would not show.
        guard names.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }), let linking = index.pages(mentioningAny: names) else { return false }
        for cached in linking where !cached.page.draft && !laidOut.contains(cached.page.source) {
            for destination in cached.links {
                guard let anchor = LinkResolver.anchor(of: destination), let target = LinkResolver.targetPath(of: destination, on: cached.page),
                      let headings = anchors[target] else { continue }
                if !headings.contains(anchor) { return false }
            }
        }
        return true
    }
}
