import Foundation
import RecoverySchedule

/// All pages of all languages, read and parsed once, plus the other files published from `content/`.
struct ContentSet: Sendable {
    /// Every page, drafts included, sorted by source path.
    let pages: [LoadedPage]
    /// The pages that are published.
    let published: [LoadedPage]
    /// Published pages by language and key, for the language switcher.
    private let byLanguageAndKey: [String: Page]
    /// Menu entries per language: published pages that have an `order`.
    private let menus: [String: [Page]]
    /// Images and documents copied from `content/` as they are.
    let assetFiles: [OutputFile]
    /// Output paths of the images and documents an incremental build left as the last build wrote them.
    let keptAssetPaths: [String]
    /// Link targets for checking and rewriting.
    let resolver: LinkResolver

    /// What the set looks pages up by, made from its pages.
    struct Indexes: Sendable {
        var published: [LoadedPage]
        var byLanguageAndKey: [String: Page] = [:]
        var menus: [String: [Page]] = [:]

        init(of pages: [LoadedPage]) {
            published = pages.filter { !$0.page.draft }
            var menus: [String: [Page]] = [:]
            byLanguageAndKey.reserveCapacity(published.count)
            for loaded in published {
                byLanguageAndKey[loaded.page.language + "/" + loaded.page.key] = loaded.page
                if loaded.page.order != nil { menus[loaded.page.language, default: []].append(loaded.page) }
            }
            self.menus = menus.mapValues { pages in
                pages.sorted { ($0.order ?? 0, $0.title, $0.key) < ($1.order ?? 0, $1.title, $1.key) }
            }
        }
    }

    /// `indexes` must be made of `pages`; they are made apart so a build can make them beside other tables.
    init(pages: [LoadedPage], indexes: Indexes? = nil, assetFiles: [OutputFile], keptAssetPaths: [String] = [], resolver: LinkResolver) {
        let indexes = indexes ?? Indexes(of: pages)
        self.pages = pages
        self.published = indexes.published
        self.byLanguageAndKey = indexes.byLanguageAndKey
        self.menus = indexes.menus
        self.assetFiles = assetFiles
        self.keptAssetPaths = keptAssetPaths
        self.resolver = resolver
    }

    /// Checks every link of a published page and gives it its final Markdown HTML (UTF-8), with links
    /// between pages rewritten to output URLs, or the problems found.
    func resolveLinks(of loaded: LoadedPage) -> (html: [UInt8], problems: [Diagnostic]) {
        let markdown = loaded.markdown
        let anchors = resolver.pages[loaded.page.source]?.anchors ?? []
        let folder = RelativePath.folder(of: loaded.page.source)
        var problems: [Diagnostic] = []
        var urls: [Int: String] = [:]
        urls.reserveCapacity(markdown.placeholders.count)
        for index in markdown.placeholders {
            do throws(DiagnosticError) {
                urls[index] = try resolver.resolve(markdown.links[index], on: loaded.page, folder: folder, anchors: anchors)
            } catch {
                problems += error.diagnostics
            }
        }
        // Links kept as written are still checked: an anchor on this page, an empty or root-absolute link.
        for link in markdown.links where !LinkResolver.isRelative(link.destination) {
            do throws(DiagnosticError) {
                _ = try resolver.resolve(link, on: loaded.page, folder: folder, anchors: anchors)
            } catch {
                problems += error.diagnostics
            }
        }
        return (problems.isEmpty ? markdown.filled(with: urls) : [], problems)
    }

    /// Published pages of one language that have an `order`, by `order`, then title.
    func menu(language: String) -> [Page] { menus[language] ?? [] }

    /// The published page with the same key in another language.
    func translation(of page: Page, in language: String) -> Page? {
        translation(ofKey: page.key, in: language)
    }

    /// The published page with `key` in `language`.
    func translation(ofKey key: String, in language: String) -> Page? {
        byLanguageAndKey[language + "/" + key]
    }

    /// Warnings for pages whose medical review is older than `months`.
    func reviewWarnings(today: CivilDate, months: Int) -> [Diagnostic] {
        published.compactMap { loaded -> Diagnostic? in
            guard let reviewed = loaded.page.reviewed, ReviewAge(reviewed: reviewed, today: today).isOverdue(after: months) else { return nil }
            return ReviewAge.warning(file: loaded.page.source, reviewed: reviewed, months: months)
        }
    }
}
