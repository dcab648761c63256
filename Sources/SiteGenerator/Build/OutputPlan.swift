/// Which outputs a build makes and which of the last build's it removes. With nothing recorded, all of them;
/// after a change, those whose recorded reads now have another value (verifying traces with early cutoff: a
/// page whose text changed but not its title or address makes no other page again), the outputs of the files
/// read again, and the outputs of pages and files that went or moved are removed.
struct OutputPlan {
    /// Sources of the published pages to lay out, in source order.
    var pages: [String] = []
    /// Site-wide files to make (`PageRenderer.siteFilePaths`).
    var siteFiles: [String] = []
    /// Files of `content/` to publish as they are (source paths).
    var copies: [String] = []
    /// Whether the template assets are written.
    var templateAssets = false
    /// Output paths of the last build to remove.
    var removed: [String] = []

    init(facts: SiteFacts, sources: SiteSources, siteFiles: [String]) {
        let published = { (page: PageFacts) in !page.page.draft }
        guard let previous = facts.previous else {
            pages = facts.fresh.values.filter(published).map(\.page.source).sorted()
            self.siteFiles = siteFiles
            copies = facts.publishedFiles.sorted()
            templateAssets = true
            return
        }
        let read = Set(sources.files.keys.filter(SiteSources.isContentFile))
        let touched = read.union(sources.removed).union(facts.failed)
        let keys = Set(touched.flatMap { ReadKey.touched(by: $0, language: Self.language(of: $0)) }).filter { facts.mayDiffer($0, touched: touched) }
        var stale: Set<String> = []
        var staleSources: Set<String> = []
        for (output, trace) in previous.outputs(reading: keys) {
            guard trace.contains(where: { keys.contains($0.key.family) && facts.fingerprint(of: $0.key) != $0.value }) else { continue }
            stale.insert(output)
            for case .source(let source) in trace.keys where source.hasSuffix(".md") { staleSources.insert(source) }
        }
        let pageSources = staleSources.union(facts.fresh.keys.filter { !sources.judged.contains($0) })
        pages = pageSources.filter { facts.page($0).map(published) ?? false }.sorted()
        self.siteFiles = siteFiles.filter { stale.contains($0) }
        copies = read.filter { facts.publishedFiles.contains($0) }.sorted()
        removed = Self.removed(touched: touched, facts: facts, previous: previous)
    }

    /// The outputs of the last build that no page or file makes any more.
    private static func removed(touched: Set<String>, facts: SiteFacts, previous: any PreviousBuild) -> [String] {
        var gone: Set<String> = []
        for source in touched {
            if let earlier = previous.page(source), !earlier.page.draft, facts.pages(writing: earlier.page.outputPath).isEmpty,
               !facts.publishedFiles.contains("content/" + earlier.page.outputPath) {
                gone.insert(earlier.page.outputPath)
            }
            if !source.hasSuffix(".md"), !source.hasPrefix(TranslationRecord.folder), !facts.publishedFiles.contains(source), previous.page(source) == nil {
                let output = String(source.dropFirst("content/".count))
                if facts.pages(writing: output).isEmpty { gone.insert(output) }
            }
        }
        return gone.sorted()
    }

    /// The language folder of a source path (`content/fr/x.md` → `fr`).
    private static func language(of path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.count > 2 ? String(parts[1]) : ""
    }
}
