import Foundation
import RecoverySchedule
import Synchronization

/// The facts of every page of this build: those read now (`fresh`) over those the last build recorded,
/// less the pages gone. Only `Reads` hands them to what makes an output, so every use is recorded; the
/// rebuild compares a key's value now with what an output recorded through `fingerprint(of:)`, the one
/// function both sides use.
final class SiteFacts: Sendable {
    /// Pages read in this build, drafts included, by source.
    let fresh: [String: PageFacts]
    /// Pages whose source could not be read or parsed: they exist, but their address and anchors are unknown.
    let failed: Set<String>
    /// Sources of the last build that are gone.
    let gone: Set<String>
    /// Every source of a page, and every file of `content/` published as it is (by source path).
    let pageSources: Set<String>
    let publishedFiles: Set<String>
    /// Every input's fingerprint.
    let sourcePrints: @Sendable (String) -> Fingerprint?
    /// The size of each picture published from `content/`, read from its header once.
    let imageSize: @Sendable (String) -> ImageSize?
    let previous: (any PreviousBuild)?
    /// Procedures left out for their placeholders (`Placeholders`), for the error of a link to one of their pages.
    let withheld: Set<String>
    /// The published pages read in this build, by address.
    private let freshByOutput: [String: [PageFacts]]
    private let menus = Mutex<[String: [PageFacts]]>([:])
    private let menuEntries = Mutex<[String: [MenuEntry]]>([:])
    private let everyPublished = Mutex<[PageFacts]?>(nil)
    private let memo = Mutex<[ReadKey: Fingerprint]>([:])

    init(fresh: [String: PageFacts], failed: Set<String>, gone: Set<String>, pageSources: Set<String>, publishedFiles: Set<String>,
         sourcePrints: @escaping @Sendable (String) -> Fingerprint?, imageSize: @escaping @Sendable (String) -> ImageSize?,
         previous: (any PreviousBuild)?, withheld: Set<String> = []) {
        self.withheld = withheld
        (self.fresh, self.failed, self.gone, self.pageSources, self.publishedFiles) = (fresh, failed, gone, pageSources, publishedFiles)
        (self.sourcePrints, self.imageSize, self.previous) = (sourcePrints, imageSize, previous)
        freshByOutput = Dictionary(grouping: fresh.values.filter { !$0.page.draft }) { $0.page.outputPath }
    }

    /// The page read from `source`, drafts included; nil when there is none or it failed.
    func page(_ source: String) -> PageFacts? {
        if let page = fresh[source] { return page }
        guard let source = spelling(of: source) else { return nil }
        if gone.contains(source) || failed.contains(source) { return nil }
        return previous?.page(source)
    }

    /// The path of a page's file as it is spelled on disk, for a path written another way that Swift takes as the
    /// same (é composed in a link, decomposed in the file name, as macOS writes it); the record looks paths up by
    /// their bytes, and keys are recorded in this spelling so a change of the file finds them.
    func spelling(of source: String) -> String? {
        pageSources.firstIndex(of: source).map { pageSources[$0] }
    }

    /// The published pages of `language` with a menu position, by position, then title, then key.
    func menu(_ language: String) -> [PageFacts] {
        if let known = menus.withLock({ $0[language] }) { return known }
        let pages = (earlier(.menu(language)) + fresh.values).filter { $0.page.language == language && !$0.page.draft && $0.page.order != nil }
            .sorted { ($0.page.order ?? 0, $0.page.title, $0.page.key) < ($1.page.order ?? 0, $1.page.title, $1.page.key) }
        menus.withLock { $0[language] = pages }
        return pages
    }

    /// A language's menu as templates show it: each entry's source, name and address.
    func menuEntries(_ language: String) -> [MenuEntry] {
        if let known = menuEntries.withLock({ $0[language] }) { return known }
        let entries = menu(language).map { ($0.page.source, $0.page.menuTitle, $0.page.outputPath) }
        menuEntries.withLock { $0[language] = entries }
        return entries
    }

    /// Every published page, in source order: asked of the record once per build, for the sitemap and the list of pages.
    private func allPublished() -> [PageFacts] {
        if let known = everyPublished.withLock({ $0 }) { return known }
        let pages = published(in: earlier(.all) + fresh.values)
        everyPublished.withLock { $0 = pages }
        return pages
    }

    /// Every published page's sitemap entry, in source order.
    func sitemap() -> [Sitemap.Entry] {
        allPublished().map { Sitemap.Entry($0.page) }
    }

    /// Every published page's summary, in source order.
    func pages() -> [PageSummary] {
        allPublished().map(PageSummary.init)
    }

    /// The published pages whose address is `output`, in source order.
    func pages(writing output: String) -> [PageFacts] {
        published(in: earlier(.writing(output)) + (freshByOutput[output] ?? []))
    }

    /// The published pages whose review is overdue on `today`, in source order.
    func reviewsDue(today: CivilDate, months: Int) -> [PageFacts] {
        published(in: earlier(.reviewDue(today, months: months)) + fresh.values).filter {
            $0.page.reviewed.map { ReviewAge(reviewed: $0, today: today).isOverdue(after: months) } ?? false
        }
    }

    /// The published pages whose review date is after `today`, in source order.
    func reviewedAfter(_ today: CivilDate) -> [PageFacts] {
        published(in: earlier(.reviewedAfter(today)) + fresh.values).filter { $0.page.reviewed.map { $0 > today } ?? false }
    }

    /// Every page's own warnings (raw HTML left out), drafts included, in source order.
    func pageWarnings() -> [Diagnostic] {
        (earlier(.warned) + fresh.values).sorted { $0.page.source < $1.page.source }.flatMap(\.warnings)
    }

    /// The number of published pages.
    func publishedCount() -> Int {
        guard let previous else { return fresh.values.count { !$0.page.draft } }
        var count = previous.publishedCount
        for source in Set(fresh.keys).union(gone).union(failed) {
            if let earlier = previous.page(source), !earlier.page.draft { count -= 1 }
            if let now = fresh[source], !now.page.draft { count += 1 }
        }
        return count
    }

    /// The fingerprint of what `key` reads now: what `Reads` records, and what a rebuild compares with it.
    func fingerprint(of key: ReadKey) -> Fingerprint {
        switch key {
        case .source(let path):
            return sourcePrints(path) ?? Fingerprint(text: "")
        case .address(let path):
            if failed.contains(path) { return Self.failedPrint }
            return page(path)?.addressPrint ?? Self.nonePrint
        case .anchor(let path, let id):
            if failed.contains(path) { return Self.failedPrint }
            return page(path).map { $0.anchors.contains(id) ? Self.yesPrint : Self.noPrint } ?? Self.nonePrint
        case .anchors(let path):
            // Never recorded: a family of keys (`ReadKey.family`), whose members are compared one by one.
            return Fingerprint(text: "anchors " + path)
        case .asset(let path):
            guard publishedFiles.contains(path) else { return Self.nonePrint }
            return imageSize(path).map { Fingerprint(text: "yes \($0.width) \($0.height)") } ?? Self.yesPrint
        case .menu, .sitemap, .pages:
            if let known = memo.withLock({ $0[key] }) { return known }
            let text = if case .menu(let language) = key {
                menu(language).map { "\($0.page.source)\u{0}\($0.page.menuTitle)\u{0}\($0.page.outputPath)" }.joined(separator: "\u{1}")
            } else if key == .pages {
                pages().map { "\($0.source)\u{0}\($0.title)\u{0}\($0.description)\u{0}\($0.outputPath)" }.joined(separator: "\u{1}")
            } else {
                sitemap().map { "\($0.language)\u{0}\($0.key)\u{0}\($0.outputPath)\u{0}\($0.reviewed ?? "")" }.joined(separator: "\u{1}")
            }
            let print = Fingerprint(text: text)
            memo.withLock { $0[key] = print }
            return print
        }
    }

    private static let (failedPrint, nonePrint, yesPrint, noPrint) = (Fingerprint(text: "failed"), Fingerprint(text: "none"),
                                                                     Fingerprint(text: "yes"), Fingerprint(text: "no"))

    /// Whether the value of `key` may differ from the last build's, given that only the pages at `touched`
    /// were read again, came or went: the record is asked which outputs read a key only when it may. A page's
    /// address and anchors are compared with what the record holds for that page; a menu, the sitemap and the
    /// list of pages are made of what each page shows of itself there (`shown(in:by:)`): unless that changed
    /// for a touched page, the whole is the same, and the whole (every page's facts) need not be asked for.
    func mayDiffer(_ key: ReadKey, touched: Set<String>) -> Bool {
        guard let previous else { return true }
        switch key {
        case .menu, .sitemap, .pages:
            return touched.contains { source in
                failed.contains(source) || shown(in: key, by: previous.page(source)) != shown(in: key, by: page(source))
            }
        case .address(let path):
            return failed.contains(path) || previous.page(path)?.addressPrint != page(path)?.addressPrint
        case .anchors(let path), .anchor(let path, _):
            return failed.contains(path) || previous.page(path)?.anchors != page(path)?.anchors
        case .asset(let path):
            // Whether a file is published follows from its path, and a picture's size from its bytes: a file that
            // is not a page either way may have changed.
            return previous.page(path) == nil && !pageSources.contains(path)
        case .source:
            // Only the output made from a source reads it (`Reads.source`), and that output is made whenever its source is read.
            return false
        }
    }

    /// What a page shows of itself in a menu, the sitemap or the list of pages (nil for nothing).
    private func shown(in key: ReadKey, by facts: PageFacts?) -> String? {
        guard let page = facts?.page, !page.draft else { return nil }
        switch key {
        case .menu(let language):
            guard page.language == language, let order = page.order else { return nil }
            return "\(order)\u{0}\(page.title)\u{0}\(page.key)\u{0}\(page.menuTitle)\u{0}\(page.outputPath)"
        case .sitemap:
            return "\(page.language)\u{0}\(page.key)\u{0}\(page.outputPath)\u{0}\(page.reviewed?.iso ?? "")"
        default:
            return "\(page.language)\u{0}\(page.key)\u{0}\(page.title)\u{0}\(page.description)\u{0}\(page.outputPath)"
        }
    }

    /// The pages of the last build that `query` finds and that are still what this build has (not gone, failed
    /// or read again).
    private func earlier(_ query: PageQuery) -> [PageFacts] {
        (previous?.pages(query) ?? []).filter { fresh[$0.page.source] == nil && !gone.contains($0.page.source) && !failed.contains($0.page.source) }
    }

    private func published(in pages: [PageFacts]) -> [PageFacts] {
        pages.filter { !$0.page.draft }.sorted { $0.page.source < $1.page.source }
    }
}
