import Foundation

extension ContentSet {
    /// File types under `content/` that are published as they are.
    static let publishedExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "pdf"]

    /// The extension of a path, in lower case ("" when it has none).
    /// Read from the end of the path, without splitting it: every file of `content/` is asked. Trailing dots
    /// are passed over, and a name without a dot is its own extension, as splitting at every "." gave.
    static func fileExtension(of path: String) -> String {
        guard let last = path.utf8.lastIndex(where: { $0 != UInt8(ascii: ".") }) else { return "" }
        let trimmed = path[...last]
        let start = trimmed.utf8.lastIndex(of: UInt8(ascii: ".")).map { trimmed.utf8.index(after: $0) } ?? trimmed.startIndex
        return trimmed[start...].lowercased()
    }

    /// Whether a file under `content/` is published as it is: in the folder of a listed language, of a published type.
    static func isPublishedAsset(_ path: String, languages: [String]) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count > 2 && languages.contains(String(parts[1])) && publishedExtensions.contains(fileExtension(of: path))
    }

    /// A Markdown file to read as a page of `language`.
    private struct PageFile: Sendable {
        var path: String
        var language: String
    }

    /// Reads every page and asset of `content/`. `keepingProse` keeps each page's paragraphs for `check`.
    /// Each page's text is set in its language's `typography`. Files `reuse` names as unchanged are not read:
    /// a page stands in as its cached facts (`CachedPage.stub`), an asset is left where the last build put it.
    static func load(sources: SiteSources, settings: Settings, reservedIDs: Set<String> = [], keepingProse: Bool = false,
                     typography: [String: Typography] = [:], reuse: Reuse? = nil, expecting: (@Sendable (String) -> Void)? = nil,
                     log: inout DiagnosticLog) -> ContentSet {
        let unchanged = reuse?.unchanged ?? []
        let (pageFiles, assetFiles, keptAssets) = classify(sources: sources, settings: settings, unchanged: unchanged, log: &log)
        let reading = Reading(sources: sources, settings: settings, reservedIDs: reservedIDs, keepingProse: keepingProse,
                              typography: typography, expecting: expecting)
        let (read, failed) = read(pageFiles.filter { !unchanged.contains($0.path) }, with: reading, log: &log)
        let pages = reuse.map { merged(pageFiles, read: read, cached: $0.cache.pages, unchanged: unchanged) } ?? read
        // Three tables of every page, each made on one thread: made at once, on all cores.
        let places = Background { checkPlaces(of: pages, languages: settings.languages) }
        let indexes = Background { ContentSet.Indexes(of: pages) }
        var targets = Dictionary(uniqueKeysWithValues: pages.map {
            ($0.page.source, LinkResolver.Target(outputPath: $0.page.outputPath, anchors: $0.markdown.headings.map(\.id), draft: $0.page.draft))
        })
        // A page with its own errors still exists: links to it are not reported again.
        for path in failed { targets[path] = LinkResolver.Target(outputPath: "", anchors: nil, draft: false) }
        let assetSources = Set(assetFiles.map { "content/\($0.path)" } + keptAssets.map { "content/\($0)" })
        log.add(contentsOf: places.value)
        return ContentSet(pages: pages, indexes: indexes.value, assetFiles: assetFiles, keptAssetPaths: keptAssets,
                          resolver: LinkResolver(pages: targets, assets: assetSources))
    }

    /// The pages read and the stand-ins for those not read, in the order of `files` (by source path).
    private static func merged(_ files: [PageFile], read: [LoadedPage], cached: [String: CachedPage], unchanged: Set<String>) -> [LoadedPage] {
        var pages: [LoadedPage] = []
        pages.reserveCapacity(files.count)
        var next = read.makeIterator()
        var pending = next.next()
        for file in files {
            if unchanged.contains(file.path), let cached = cached[file.path] {
                pages.append(cached.stub)
            } else if let page = pending, page.page.source == file.path {
                pages.append(page)
                pending = next.next()
            }
        }
        return pages
    }

    /// Reads pages again whose sources did not change, to lay them out; `sources` holds their bytes.
    static func reread(_ paths: [String], sources: SiteSources, settings: Settings, reservedIDs: Set<String>,
                       typography: [String: Typography], log: inout DiagnosticLog) -> [LoadedPage] {
        let files = paths.map { PageFile(path: $0, language: String($0.split(separator: "/")[1])) }
        let reading = Reading(sources: sources, settings: settings, reservedIDs: reservedIDs, keepingProse: false, typography: typography)
        return read(files, with: reading, log: &log).0
    }

    /// What one file of `content/` is to the build.
    private enum Kind: Sendable {
        case page(PageFile)
        case asset(OutputFile)
        /// An asset a rebuild leaves where the last build put it (its path below `content/`).
        case kept(String)
        case refused(Diagnostic)
        case ignored
    }

    /// Sorts the files of `content/` into pages to read and files to publish as they are; warns about the rest.
    /// Each file is looked at on its own, on all cores.
    private static func classify(sources: SiteSources, settings: Settings, unchanged: Set<String>,
                                 log: inout DiagnosticLog) -> ([PageFile], [OutputFile], [String]) {
        let files = sources.files(under: "content/")
        let chunks = stride(from: 0, to: files.count, by: 256).map { files[$0..<min($0 + 256, files.count)] }
        let kinds = chunks.parallelMap { chunk in chunk.map { kind(of: $0.path, data: $0.data, settings: settings, unchanged: unchanged) } }
        var pageFiles: [PageFile] = []
        var assetFiles: [OutputFile] = []
        var keptAssets: [String] = []
        pageFiles.reserveCapacity(files.count)
        for kind in kinds.joined() {
            switch kind {
            case .page(let file): pageFiles.append(file)
            case .asset(let file): assetFiles.append(file)
            case .kept(let path): keptAssets.append(path)
            case .refused(let problem): log.add(problem)
            case .ignored: continue
            }
        }
        for language in settings.languages where !pageFiles.contains(where: { $0.language == language }) {
            log.add(Diagnostic(file: "content/\(language)/", message: "the language '\(language)' has no pages",
                               hint: "create content/\(language)/index.md, or remove \(language) from languages in site.yml"))
        }
        return (pageFiles, assetFiles, keptAssets)
    }

    private static func kind(of path: String, data: Data, settings: Settings, unchanged: Set<String>) -> Kind {
        let parts = path.split(separator: "/")
        let ext = fileExtension(of: path)
        if parts.count == 2 {
            guard ext == "md" else { return .ignored }
            return .refused(.warning(file: path, "this page is not inside a language folder, so it is not published",
                                     hint: "move it to content/\(settings.defaultLanguage)/", code: .notPublished))
        }
        let language = String(parts[1])
        guard settings.languages.contains(language) else {
            guard ext == "md" else { return .ignored }
            return .refused(.warning(file: path, "the language '\(language)' is not listed in site.yml, so this page is not published",
                                     hint: "add \(language) to languages in \(Settings.path)", code: .notPublished))
        }
        if ext == "md" { return .page(PageFile(path: path, language: language)) }
        guard publishedExtensions.contains(ext) else {
            return .refused(.warning(file: path, "files of type .\(ext) are not published",
                                     hint: "pages end in .md; images can be .png, .jpg, .svg or .webp", code: .notPublished))
        }
        if unchanged.contains(path) { return .kept(String(path.dropFirst("content/".count))) }
        if ext == "svg", let problem = SVGPolicy.problem(in: Array(data), file: path) { return .refused(problem) }
        return .asset(OutputFile(path: String(path.dropFirst("content/".count)), data: data))
    }

    /// What reading a page needs besides the page.
    private struct Reading: Sendable {
        var sources: SiteSources
        var settings: Settings
        var reservedIDs: Set<String>
        var keepingProse: Bool
        var typography: [String: Typography]
        var expecting: (@Sendable (String) -> Void)? = nil
    }

    /// Reads and renders the pages on all cores; returns them and the paths of those that failed.
    private static func read(_ files: [PageFile], with reading: Reading, log: inout DiagnosticLog) -> ([LoadedPage], [String]) {
        let (sources, settings, reservedIDs, keepingProse) = (reading.sources, reading.settings, reading.reservedIDs, reading.keepingProse)
        // Link placeholders carry a number drawn for this build, so no page text can forge one. It never
        // reaches the output, which stays the same from build to build.
        let nonce = String(UInt64.random(in: .min ... .max), radix: 36)
        let results = files.parallelMap { file -> Result<LoadedPage, DiagnosticError> in
            do throws(DiagnosticError) {
                let text = try sources.text(file.path)
                let typography = reading.typography[file.language] ?? .none
                var (page, markdown) = try Page.read(source: file.path, language: file.language, text: text, placed: reading.expecting) { body in
                    CmarkDocument(markdown: body, reservedIDs: reservedIDs, typography: typography)
                        .renderWithPlaceholders(allowRawHTML: settings.allowRawHTML, nonce: nonce, keepingProse: keepingProse)
                }
                page.title = typography.apply(page.title)
                page.menuTitle = typography.apply(page.menuTitle)
                page.description = typography.apply(page.description)
                return .success(LoadedPage(page: page, markdown: markdown))
            } catch {
                return .failure(error)
            }
        }
        var pages: [LoadedPage] = []
        var failed: [String] = []
        for (file, result) in zip(files, results) {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let error):
                log.add(contentsOf: error.diagnostics)
                failed.append(file.path)
            }
        }
        return (pages, failed)
    }

    /// Two pages may not land on one output file, and every language with pages needs a home page.
    private static func checkPlaces(of pages: [LoadedPage], languages: [String]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var byOutput: [String: String] = [:]
        for loaded in pages where !loaded.page.draft {
            if let other = byOutput[loaded.page.outputPath] {
                problems.append(Diagnostic(file: loaded.page.source, line: 1, message: "this page would be written to \(loaded.page.outputPath), like \(other)",
                                       hint: "give one of them a different slug: in its front matter"))
            }
            byOutput[loaded.page.outputPath] = loaded.page.source
        }
        for language in languages where pages.contains(where: { $0.page.language == language })
            && !pages.contains(where: { $0.page.language == language && $0.page.isHome && !$0.page.draft }) {
            problems.append(Diagnostic(file: "content/\(language)/index.md", message: "the home page of '\(language)' is missing",
                                       hint: "every language folder needs an index.md"))
        }
        return problems
    }
}
