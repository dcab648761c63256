import Foundation

/// Which published pages a build lays out: every one in a full build. In a rebuild, a page is laid out
/// again when its own source changed, or when something it shows of other pages changed (`FactChanges`):
/// its language's menu, the addresses of its translations or of a home page, or a page or file its links
/// point at. Everything else in a page comes from inputs every page shares, and a change there is a full
/// build (`BuildCache.siteKey`). `RebuildTests` edits sites at random and compares with full builds.
struct RenderPlan: Sendable {
    private let reuse: Reuse?
    private let settings: Settings
    /// Published pages to lay out, some of them not read yet (stubs).
    private let pages: [LoadedPage]
    /// Output paths of the published pages left as they are.
    let keptPaths: [String]

    init(content: ContentSet, settings: Settings, reuse: Reuse?) {
        self.reuse = reuse
        self.settings = settings
        guard let reuse else {
            pages = content.published
            keptPaths = []
            return
        }
        let changes = FactChanges(content: content, reuse: reuse)
        var pages: [LoadedPage] = []
        var kept: [String] = []
        for loaded in content.published {
            if changes.affect(loaded) { pages.append(loaded) } else { kept.append(loaded.page.outputPath) }
        }
        self.pages = pages
        keptPaths = kept
    }

    /// The pages to lay out, with the Markdown of those that were not read (they read as before: their bytes did not change).
    func pagesToRender(reservedIDs: Set<String>, typography: [String: Typography], log: inout DiagnosticLog) throws(DiagnosticError) -> [LoadedPage] {
        guard let reuse else { return pages }
        let unread = pages.filter { reuse.unchanged.contains($0.page.source) }.map(\.page.source)
        guard !unread.isEmpty else { return pages }
        let bytes = unread.parallelMap { reuse.read($0) }
        var files: [String: Data] = [:]
        for (path, data) in zip(unread, bytes) {
            guard let data else {
                log.add(Diagnostic(file: path, message: "cannot read this file", hint: "check that it is readable"))
                continue
            }
            files[path] = data
        }
        let read = ContentSet.reread(unread.filter { files[$0] != nil }, sources: SiteSources(files: files), settings: settings,
                                     reservedIDs: reservedIDs, typography: typography, log: &log)
        if log.hasErrors { throw DiagnosticError(log.diagnostics) }
        let bySource = Dictionary(uniqueKeysWithValues: read.map { ($0.page.source, $0) })
        return pages.map { bySource[$0.page.source] ?? $0 }
    }
}
