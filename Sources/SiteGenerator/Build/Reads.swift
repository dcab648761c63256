/// The only way the making of one output learns anything of other pages: each question records its key
/// and the fingerprint of the answer (`asked`), so a rebuild knows when this output must be made again.
/// One per output, used on one thread.
final class Reads {
    private let facts: SiteFacts
    /// Every question in the order asked, repeats included (`TraceText` keeps one line per key).
    private(set) var asked: [(key: ReadKey, print: Fingerprint)] = []

    init(_ facts: SiteFacts) {
        self.facts = facts
    }

    /// What a link to a page needs: its address, whether it is a draft, and whether it has a heading with an
    /// id (nil when the page failed to load, so its anchors are not judged).
    struct LinkTarget {
        var outputPath: String
        var draft: Bool
        var hasAnchor: (String) -> Bool?
        /// Every id, for the hint of a failed build (which records nothing).
        var anchorsForHint: [String]
    }

    /// Records that the output depends on the bytes of `path`: only the output made from it (its page, or the
    /// file copied) asks this, and a rebuild makes that output whenever `path` is read, without asking the record.
    func source(_ path: String) {
        record(.source(path))
    }

    /// The page at `source`, for a link; each anchor is recorded as it is asked for.
    func linkTarget(_ written: String) -> LinkTarget? {
        let source = facts.spelling(of: written) ?? written
        record(.address(source))
        if facts.failed.contains(source) {
            return LinkTarget(outputPath: "", draft: false, hasAnchor: { _ in nil }, anchorsForHint: [])
        }
        guard let page = facts.page(source) else { return nil }
        return LinkTarget(outputPath: page.page.outputPath, draft: page.page.draft, hasAnchor: { [self] id in
            record(.anchor(source, id))
            return page.anchors.contains(id)
        }, anchorsForHint: page.anchors)
    }

    /// The address of the published page with `key` in `language`.
    func translation(ofKey key: String, in language: String) -> String? {
        let source = "content/\(language)/\(key).md"
        record(.address(source))
        guard let page = facts.page(source), !page.page.draft else { return nil }
        return page.page.outputPath
    }

    /// A language's menu: each entry's source, name and address, in order.
    func menu(_ language: String) -> [MenuEntry] {
        record(.menu(language))
        return facts.menuEntries(language)
    }

    /// Every published page's sitemap entry, in source order.
    func sitemap() -> [Sitemap.Entry] {
        record(.sitemap)
        return facts.sitemap()
    }

    /// Every published page's source, language, key, title, description and address, in source order.
    func pages() -> [PageSummary] {
        record(.pages)
        return facts.pages()
    }

    /// Whether `path` (below `content/`) is published as it is.
    func isPublishedFile(_ path: String) -> Bool {
        record(.asset(path))
        return facts.publishedFiles.contains(path)
    }

    /// The size of the picture at `path` as the page shows it. Recorded by `isPublishedFile`, asked first by every
    /// link: the fingerprint of `ReadKey.asset` covers the size.
    func imageSize(of path: String) -> ImageSize? {
        facts.publishedFiles.contains(path) ? facts.imageSize(path) : nil
    }

    /// The published file whose path differs from `path` only in upper and lower case (`Week1.JPG` for
    /// `week1.jpg`), for a hint when a link is broken (a failed build records nothing).
    func publishedFile(spelledLike path: String) -> String? {
        let lowered = path.lowercased()
        return facts.publishedFiles.filter { $0.lowercased() == lowered }.min()
    }

    /// The procedure left out for its placeholders that `path` belongs to, for the error of a link to it (a failed
    /// build records nothing).
    func withheldProcedure(containing path: String) -> String? {
        facts.withheld.first { Placeholders.isPart(path, of: $0) }
    }

    /// The page sources in `folder`, for a hint when a link is broken (a failed build records nothing).
    func pageNames(in folder: String) -> [String] {
        facts.pageSources.filter { RelativePath.folder(of: $0) == folder }.map { String($0.dropFirst(folder.count + 1)) }
    }

    private func record(_ key: ReadKey) {
        asked.append((key, facts.fingerprint(of: key)))
    }
}
