import Foundation
import RecoverySchedule

/// What the quick rebuild (`relayOut`) must know before it may leave the other pages as they are.
extension SiteBuilder {
    /// The cache's new and changed lines for the pages read (`fresh`, of which `added` are new) and those
    /// `removed`, with the outputs that go; nil when another page shows one of them in a way the quick
    /// rebuild does not redo. `cached` are the cached pages that may show them, `kept` those not removed.
    static func cacheEdits(fresh: [LoadedPage], added: Set<String>, removed: [(line: Int, page: CachedPage)], cached: [(line: Int, page: CachedPage)],
                           kept: [(line: Int, page: CachedPage)], index: CacheIndex, settings: Settings, today: CivilDate) -> PageEdits? {
        var edits = PageEdits()
        var newAnchors: [String: [String]] = [:]
        for loaded in fresh {
            let new = CachedPage(loaded)
            if added.contains(loaded.page.source) {
                guard mayAdd(loaded, among: kept, fresh: fresh, settings: settings, today: today) else { return nil }
                edits.newPageLines.append(BuildCache.line(for: new))
                if !loaded.page.draft { edits.publishedChange += 1 }
                continue
            }
            guard let (line, old) = cached.first(where: { $0.page.page.source == loaded.page.source }), showsTheSame(old, new) else { return nil }
            if old.anchors != new.anchors { newAnchors[loaded.page.source] = new.anchors }
            edits.cacheLines[line] = BuildCache.line(for: new)
        }
        for (line, page) in removed {
            guard mayRemove(page.page, among: kept) else { return nil }
            edits.removedLines.append(line)
            if !page.page.draft {
                edits.removedOutputs.append(page.page.outputPath)
                edits.publishedChange -= 1
            }
        }
        let gone = Set(removed.map(\.page.page.source))
        guard (newAnchors.isEmpty && gone.isEmpty)
                || linksStillHold(anchors: newAnchors, gone: gone, index: index, laidOut: Set(fresh.map(\.page.source))) else { return nil }
        return edits
    }

    /// Whether two versions of a page look the same from every other page and from the site-wide files, but
    /// for their anchors (see `linksStillHold`).
    static func showsTheSame(_ old: CachedPage, _ new: CachedPage) -> Bool {
        let (a, b) = (old.page, new.page)
        return a.outputPath == b.outputPath && a.draft == b.draft && a.key == b.key && a.language == b.language && a.order == b.order
            && (a.order == nil || (a.title == b.title && a.menuTitle == b.menuTitle)) && a.reviewed == b.reviewed
    }

    /// Whether a new page changes nothing any other page shows: no menu entry, not a home page, no other
    /// page with its key (a translation, which would link to it), no page at its address, no review warning.
    static func mayAdd(_ loaded: LoadedPage, among cached: [(line: Int, page: CachedPage)], fresh: [LoadedPage], settings: Settings, today: CivilDate) -> Bool {
        let page = loaded.page
        guard page.order == nil, !page.isHome,
              !cached.contains(where: { $0.page.page.key == page.key }),
              !fresh.contains(where: { $0.page.source != page.source && $0.page.key == page.key }),
              page.reviewed.map({ ReviewAge(reviewed: $0, today: today).isOverdue(after: settings.reviewMonths) }) != true else { return false }
        return page.draft || !(cached.map(\.page.page) + fresh.map(\.page)).contains {
            $0.source != page.source && !$0.draft && $0.outputPath == page.outputPath
        }
    }

    /// Whether a page removed was shown by no other page but through links (checked by `linksStillHold`):
    /// no menu entry, not a home page, no translation.
    static func mayRemove(_ page: Page, among kept: [(line: Int, page: CachedPage)]) -> Bool {
        page.draft || (page.order == nil && !page.isHome && !kept.contains { $0.page.page.key == page.key })
    }

    /// Whether every published page not laid out again still finds what its links point at: each anchor it
    /// asks of a page in `anchors` (by source: that page's new headings), and no page in `gone`. Nothing else
    /// of a page's output depends on them (the address is written as it was), so a page whose links still
    /// hold is left as it is; one whose link now breaks sends the rebuild the general way, which reports it.
    static func linksStillHold(anchors: [String: [String]], gone: Set<String>, index: CacheIndex, laidOut: Set<String>) -> Bool {
        guard let names = LinkNames(of: Array(anchors.keys) + gone), let linking = index.pages(mentioning: names) else { return false }
        for cached in linking where !cached.page.draft && !laidOut.contains(cached.page.source) && !gone.contains(cached.page.source) {
            for destination in cached.links {
                guard let target = LinkResolver.targetPath(of: destination, on: cached.page) else { continue }
                if gone.contains(target) { return false }
                guard let anchor = LinkResolver.anchor(of: destination), let headings = anchors[target] else { continue }
                if !headings.contains(anchor) { return false }
            }
        }
        return true
    }
}
