import Foundation

/// What the last successful build learnt about the site, kept beside the output (`.public.cache`, never in
/// it) so the next build reads again only the files whose bytes changed and lays out again only the pages
/// whose output can have changed (`RenderPlan`).
///
/// It is only ever a shortcut: a build that finds no cache, or one made by another executable or for other
/// templates, settings or options (`siteKey`), builds everything, and the result is byte for byte the same.
public struct BuildCache: Sendable, Equatable {
    /// The hash of every input all pages depend on: settings, templates, interface strings, typography,
    /// the rules file, the options and the executable (`SiteBuilder.siteKey`). A cache is used only when it matches.
    public var siteKey: UInt64
    /// The date the build took as today (review warnings depend on it), as `YYYY-MM-DD`.
    public var today: String
    /// Every file of the language folders of `content/`, by source path.
    public var files: [String: FileState]
    /// Every page read (drafts too), by source path.
    var pages: [String: CachedPage]

    /// A content file as the build saw it.
    public struct FileState: Sendable, Equatable {
        /// The file's metadata (size, times, inode) as the disk layer stamps it: equal means unchanged, unread.
        public var stamp: UInt64
        /// The hash of its bytes: equal means a file that was saved again without a change.
        public var hash: UInt64

        /// Creates a file state.
        public init(stamp: UInt64, hash: UInt64) {
            self.stamp = stamp
            self.hash = hash
        }
    }

    init(siteKey: UInt64, today: String, files: [String: FileState], pages: [String: CachedPage]) {
        self.siteKey = siteKey
        self.today = today
        self.files = files
        self.pages = pages
    }

    /// The cache after a build: the last one's entries for what was not read again, new ones for the rest.
    /// Stamps are left at 0 for the disk layer to fill in.
    init(siteKey: UInt64, today: String, content: ContentSet, sources: SiteSources, reuse: Reuse?) {
        let read = sources.files.keys.filter { SiteBuilder.isContentFile($0) && reuse?.unchanged.contains($0) != true }
        let hashes = read.parallelMap { ContentHash.wordValue(of: sources.files[$0]!) }
        var files = reuse?.cache.files ?? [:]
        var pages = reuse?.cache.pages ?? [:]
        if let reuse {
            for path in reuse.cache.files.keys where sources.files[path] == nil { files[path] = nil }
            for path in reuse.cache.pages.keys where sources.files[path] == nil { pages[path] = nil }
        }
        files.reserveCapacity(files.count + read.count)
        for (path, hash) in zip(read, hashes) { files[path] = FileState(stamp: 0, hash: hash) }
        // Each new page's line is encoded here, on all cores, while the build lays pages out, rather than when
        // the cache is written at the end.
        let fresh = content.pages.filter { reuse?.unchanged.contains($0.page.source) != true }
        pages.reserveCapacity(pages.count + fresh.count)
        for page in fresh.parallelMap({ CachedPage($0).withLine() }) { pages[page.page.source] = page }
        self.init(siteKey: siteKey, today: today, files: files, pages: pages)
    }

    /// Whether a content file that did not change can be left unread: an asset, or a page this cache knows.
    public func canSkip(_ path: String) -> Bool {
        pages[path] != nil || !path.lowercased().hasSuffix(".md")
    }
}

/// What a page's source gives every other step, kept so an unchanged page is not read again: its front
/// matter and place, its heading ids (anchors other pages link to) and its link destinations.
struct CachedPage: Sendable, Equatable {
    let page: Page
    let anchors: [String]
    /// Every link and image destination, as written.
    let links: [String]
    /// The page's line in the cache file (as read, or as encoded for it), written as it is while the page does not change.
    var line: ArraySlice<UInt8>?
    init(page: Page, anchors: [String], links: [String], line: ArraySlice<UInt8>? = nil) {
        self.page = page
        self.anchors = anchors
        self.links = links
        self.line = line
    }

    /// A stand-in for the page: everything but its rendered Markdown.
    var stub: LoadedPage {
        let headings = anchors.map { CmarkDocument.Heading(level: 2, text: "", id: $0, line: 0) }
        let links = links.map { CmarkDocument.Link(destination: $0, isImage: false, line: 0, column: 0) }
        return LoadedPage(page: page, markdown: MarkdownBody(html: [], headings: headings, links: links, placeholderPrefix: "", placeholders: []))
    }

    /// This page with its cache line encoded.
    func withLine() -> CachedPage {
        var page = self
        page.line = BuildCache.line(for: self)[...]
        return page
    }

    init(_ loaded: LoadedPage) {
        self.init(page: loaded.page, anchors: loaded.markdown.headings.map(\.id), links: loaded.markdown.links.map(\.destination))
    }

    static func == (left: CachedPage, right: CachedPage) -> Bool {
        (left.page, left.anchors, left.links) == (right.page, right.anchors, right.links)
    }
}
