import Foundation

/// Reads pages: front matter, Markdown through cmark (headings given ids, relative links left as
/// placeholders), titles and descriptions set in the language's typography. On all cores.
struct PageReading: Sendable {
    var settings: Settings
    var reservedIDs: Set<String>
    var typography: [String: Typography]
    /// Whether each page keeps its paragraphs, for `clinicsite check`.
    var keepingProse = false
    /// Each language's labels of the callout kinds (`NOTE`: "Note"), from its interface strings.
    var calloutLabels: [String: [String: String]] = [:]

    /// The pages at `files` that read without a problem, in their order, and the sources of the others;
    /// every problem goes to `log`. `bytes` gives a file's bytes (nil when it cannot be read).
    func read(_ files: [ContentFiles.PageFile], bytes: @Sendable (String) -> Data?,
              log: inout DiagnosticLog) -> (pages: [LoadedPage], failed: [String]) {
        // Link placeholders carry a number drawn for this build, so no page text can forge one. It never
        // reaches the output, which stays the same from build to build.
        let nonce = String(UInt64.random(in: .min ... .max), radix: 36)
        let results = files.parallelMap { file -> Result<LoadedPage, DiagnosticError> in
            do throws(DiagnosticError) {
                guard let data = bytes(file.path) else {
                    throw DiagnosticError(Diagnostic(file: file.path, message: "cannot read this file", hint: "check that it is readable"))
                }
                return .success(try page(file, text: SiteSources.normalisedText(data, file: file.path), nonce: nonce, bytes: bytes))
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

    private func page(_ file: ContentFiles.PageFile, text: String, nonce: String, bytes: (String) -> Data?) throws(DiagnosticError) -> LoadedPage {
        let typography = typography[file.language] ?? .none
        var (page, markdown) = try Page.read(source: file.path, language: file.language, text: text) { body in
            let expanded = BlockIncludes.expand(body, language: file.language) { path in
                bytes(path).map { (try? SiteSources.normalisedText($0, file: path)) ?? String(decoding: $0, as: UTF8.self) }
            }
            var markdown = CmarkDocument(markdown: expanded.text, reservedIDs: reservedIDs, typography: typography,
                                         calloutLabels: calloutLabels[file.language] ?? [:])
                .renderWithPlaceholders(allowRawHTML: settings.allowRawHTML, nonce: nonce, keepingProse: keepingProse)
            (markdown.origins, markdown.blocks, markdown.includeProblems) = (expanded.origins, expanded.blocks, expanded.problems)
            return markdown
        }
        page.title = typography.apply(page.title)
        page.menuTitle = typography.apply(page.menuTitle)
        page.description = typography.apply(page.description)
        var warnings: [Diagnostic] = settings.allowRawHTML ? [] : markdown.rawHTML.map { html in
            let place = markdown.place(ofLine: html.line, source: file.path, bodyLine: page.bodyLine)
            return .warning(file: place.file, line: place.line, "raw HTML is left out of the published page: \(html.text)",
                     hint: "write it in Markdown (a boxed note is a quote starting with > [!NOTE]), or set allow_raw_html: true in site.yml",
                     code: .rawHTMLLeftOut)
        }
        warnings += TranslationCheck.diagnostics(page: file.path, text: text, blocks: markdown.blocks, sourceLanguage: settings.defaultLanguage,
                                                 bytes: bytes)
        return LoadedPage(page: page, markdown: markdown, warnings: warnings)
    }
}
