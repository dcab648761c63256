import Foundation

/// What changed, between the last build and this one, in what pages show of each other. Only pages whose
/// sources were read again (or that are gone) are compared, so a rebuild after one edit looks at one page,
/// not ten thousand.
///
/// A page shows of other pages: its language's menu (entries' names, order and addresses); for each
/// language, its translation's address or that language's home page (language links, `x-default`); and,
/// for each link, the target's address, whether it is a draft, its anchors, or that a file is there.
struct FactChanges {
    private let unchanged: Set<String>
    /// Languages whose menu changed: each of their pages shows it.
    private var menus: Set<String> = []
    /// Page keys (`healing`) whose translations changed: pages with that key link to them.
    private var keys: Set<String> = []
    /// A home page moved, appeared or went: every page links to each language's home.
    private var homes = false
    /// Sources (pages and files) whose link facts changed, appeared or went.
    private var targets: Set<String> = []
    /// Their file names: every page's links are asked about, and most are passed over without being resolved.
    private var targetNames: LinkNames?
    private let resolver: LinkResolver

    init(content: ContentSet, reuse: Reuse) {
        unchanged = reuse.unchanged
        resolver = content.resolver
        var now: [String: Page] = [:]
        for loaded in content.pages where !reuse.unchanged.contains(loaded.page.source) { now[loaded.page.source] = loaded.page }
        var anchorsNow: [String: [String]] = [:]
        for loaded in content.pages where now[loaded.page.source] != nil { anchorsNow[loaded.page.source] = loaded.markdown.headings.map(\.id) }
        let present = Set(content.pages.lazy.map(\.page.source))
        var compared = Set(now.keys)
        for source in reuse.cache.pages.keys where !present.contains(source) { compared.insert(source) }
        for source in compared {
            let before = reuse.cache.pages[source]
            note(before: before?.page, after: now[source], anchorsBefore: before?.anchors, anchorsAfter: anchorsNow[source])
        }
        // Files other than pages matter to links only by being there.
        let assetsNow = content.resolver.assets
        for path in reuse.cache.files.keys where reuse.cache.pages[path] == nil && !path.lowercased().hasSuffix(".md") && !assetsNow.contains(path) {
            targets.insert(path)
        }
        for path in assetsNow where reuse.cache.files[path] == nil { targets.insert(path) }
        targetNames = LinkNames(of: targets)
    }

    private mutating func note(before: Page?, after: Page?, anchorsBefore: [String]?, anchorsAfter: [String]?) {
        let source = (before ?? after)!.source
        if before?.outputPath != after?.outputPath || before?.draft != after?.draft || anchorsBefore != anchorsAfter {
            targets.insert(source)
        }
        if Self.published(before) != Self.published(after) {
            for page in [before, after].compactMap({ $0 }) {
                keys.insert(page.key)
                if page.isHome { homes = true }
            }
        }
        if Self.menuEntry(before) != Self.menuEntry(after) {
            for page in [before, after].compactMap({ $0 }) { menus.insert(page.language) }
        }
    }

    /// Where a published page is, as its translations and every page's language links see it.
    private static func published(_ page: Page?) -> String? {
        guard let page, !page.draft else { return nil }
        return "\(page.language)\u{1}\(page.key)\u{1}\(page.outputPath)"
    }

    /// A page as its language's menu shows and sorts it; nil when it is not in the menu.
    private static func menuEntry(_ page: Page?) -> String? {
        guard let page, !page.draft, let order = page.order else { return nil }
        return "\(order)\u{1}\(page.title)\u{1}\(page.key)\u{1}\(page.menuTitle)\u{1}\(page.outputPath)"
    }

    /// Whether `loaded`'s output may differ from the last build's.
    func affect(_ loaded: LoadedPage) -> Bool {
        let page = loaded.page
        if !unchanged.contains(page.source) || homes || menus.contains(page.language) || keys.contains(page.key) { return true }
        guard !targets.isEmpty else { return false }
        let names = targetNames
        return loaded.markdown.links.contains { link in
            names?.mayBeNamed(by: link.destination) != false
                && (LinkResolver.targetPath(of: link.destination, on: page).map(targets.contains) ?? false)
        }
    }
}
