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
    /// Link targets for checking and rewriting.
    let resolver: LinkResolver

    /// File types under `content/` that are published as they are.
    static let publishedExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "pdf"]

    static func load(sources: SiteSources, settings: Settings, log: inout DiagnosticLog) -> ContentSet {
        var markdownFiles: [(path: String, language: String)] = []
        var assetFiles: [OutputFile] = []
        for path in sources.paths(under: "content/") {
            let parts = path.split(separator: "/")
            let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if parts.count == 2 {
                if ext == "md" {
                    log.add(.warning(file: path, "this page is not inside a language folder, so it is not published",
                                     hint: "move it to content/\(settings.defaultLanguage)/"))
                }
                continue
            }
            let language = String(parts[1])
            guard settings.languages.contains(language) else {
                if ext == "md" {
                    log.add(.warning(file: path, "the language '\(language)' is not listed in site.yml, so this page is not published",
                                     hint: "add \(language) to languages in content/site.yml"))
                }
                continue
            }
            if ext == "md" {
                markdownFiles.append((path, language))
            } else if publishedExtensions.contains(ext) {
                assetFiles.append(OutputFile(path: String(path.dropFirst("content/".count)), data: sources.files[path]!))
            } else {
                log.add(.warning(file: path, "files of type .\(ext) are not published", hint: "pages end in .md; images can be .png, .jpg, .svg or .webp"))
            }
        }
        for language in settings.languages where !markdownFiles.contains(where: { $0.language == language }) {
            log.add(Diagnostic(file: "content/\(language)/", message: "the language '\(language)' has no pages",
                               hint: "create content/\(language)/index.md, or remove \(language) from languages in site.yml"))
        }

        // Link placeholders carry a number drawn for this build, so no page text can forge one. It never
        // reaches the output, which stays the same from build to build.
        let nonce = String(UInt64.random(in: .min ... .max), radix: 36)
        let results = markdownFiles.parallelMap { file -> Result<LoadedPage, DiagnosticError> in
            do throws(DiagnosticError) {
                let text = try sources.text(file.path)
                let (page, markdown) = try Page.read(source: file.path, language: file.language, text: text) { body in
                    CmarkDocument(markdown: body).renderWithPlaceholders(allowRawHTML: settings.allowRawHTML, nonce: nonce)
                }
                return .success(LoadedPage(page: page, markdown: markdown))
            } catch {
                return .failure(error)
            }
        }
        var pages: [LoadedPage] = []
        var failed: [String] = []
        for (file, result) in zip(markdownFiles, results) {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let error):
                log.add(contentsOf: error.diagnostics)
                failed.append(file.path)
            }
        }
        var byOutput: [String: String] = [:]
        for loaded in pages where !loaded.page.draft {
            if let other = byOutput[loaded.page.outputPath] {
                log.add(Diagnostic(file: loaded.page.source, line: 1, message: "this page would be written to \(loaded.page.outputPath), like \(other)",
                                   hint: "give one of them a different slug: in its front matter"))
            }
            byOutput[loaded.page.outputPath] = loaded.page.source
        }
        for language in settings.languages where pages.contains(where: { $0.page.language == language })
            && !pages.contains(where: { $0.page.language == language && $0.page.isHome && !$0.page.draft }) {
            log.add(Diagnostic(file: "content/\(language)/index.md", message: "the home page of '\(language)' is missing",
                               hint: "every language folder needs an index.md"))
        }
        var targets = Dictionary(uniqueKeysWithValues: pages.map {
            ($0.page.source, LinkResolver.Target(outputPath: $0.page.outputPath, anchors: Set($0.markdown.headings.map(\.id)), draft: $0.page.draft))
        })
        // A page with its own errors still exists: links to it are not reported again.
        for path in failed { targets[path] = LinkResolver.Target(outputPath: "", anchors: nil, draft: false) }
        let assetSources = Set(assetFiles.map { "content/\($0.path)" })
        return ContentSet(pages: pages, assetFiles: assetFiles, resolver: LinkResolver(pages: targets, assets: assetSources))
    }

    private init(pages: [LoadedPage], assetFiles: [OutputFile], resolver: LinkResolver) {
        self.pages = pages
        self.published = pages.filter { !$0.page.draft }
        self.assetFiles = assetFiles
        self.resolver = resolver
        var index: [String: Page] = [:]
        var menus: [String: [Page]] = [:]
        for loaded in published {
            index[loaded.page.language + "/" + loaded.page.key] = loaded.page
            if loaded.page.order != nil { menus[loaded.page.language, default: []].append(loaded.page) }
        }
        self.byLanguageAndKey = index
        self.menus = menus.mapValues { pages in
            pages.sorted { ($0.order ?? 0, $0.title, $0.key) < ($1.order ?? 0, $1.title, $1.key) }
        }
    }

    /// Checks every link of a published page and gives it its final Markdown HTML (UTF-8), with links
    /// between pages rewritten to output URLs, or the problems found.
    func resolveLinks(of loaded: LoadedPage) -> (html: [UInt8], problems: [Diagnostic]) {
        let markdown = loaded.markdown
        let anchors = resolver.pages[loaded.page.source]?.anchors ?? []
        var problems: [Diagnostic] = []
        var urls: [Int: String] = [:]
        for index in markdown.placeholders {
            do throws(DiagnosticError) {
                urls[index] = try resolver.resolve(markdown.links[index], on: loaded.page, anchors: anchors)
            } catch {
                problems += error.diagnostics
            }
        }
        // Links kept as written are still checked: an anchor on this page, an empty or root-absolute link.
        for link in markdown.links where !LinkResolver.isRelative(link.destination) {
            do throws(DiagnosticError) {
                _ = try resolver.resolve(link, on: loaded.page, anchors: anchors)
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

    /// Warnings for pages whose medical review is older than `months`, or missing.
    func reviewWarnings(today: CivilDate, months: Int) -> [Diagnostic] {
        published.compactMap { loaded -> Diagnostic? in
            let page = loaded.page
            guard let reviewed = page.reviewed else { return nil }
            if reviewed.adding(months: months) < today {
                return .warning(file: page.source, line: 1, "the last medical review was on \(reviewed.iso), more than \(months) months ago",
                                hint: "have the page reviewed, then update reviewed: in its front matter")
            }
            return nil
        }
    }
}
