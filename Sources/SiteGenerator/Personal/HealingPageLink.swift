import RecoverySchedule

/// The healing page (`layout: healing`) of a procedure in each language: where it is published, for the QR code on
/// printed handouts, and which version of the information it holds, for the line that says what a handout was made from.
enum HealingPageLink {
    /// What a handout needs of a healing page: its address below the site's root, its review date and version.
    struct Page: Sendable {
        var outputPath: String
        var reviewed: CivilDate?
        var version: String?
    }

    /// The first published healing page of each procedure (by `procedure(ofSource:)`'s slug) in each language, read in
    /// one pass over the pages. Only the page's address goes into a QR code: never anything about the patient.
    static func pages(in sources: SiteSources, languages: [String], procedure: (String) -> String) -> [String: [String: Page]] {
        var pages: [String: [String: Page]] = [:]
        for language in languages {
            for path in sources.paths(under: "content/\(language)/") where path.hasSuffix(".md") {
                let slug = procedure(path)
                guard pages[slug]?[language] == nil, let text = try? sources.text(path),
                      let (page, _) = try? SiteGenerator.Page.read(source: path, language: language, text: text, markdown: { _ in .empty }),
                      page.layout == "healing", !page.draft else { continue }
                let front = try? FrontMatter.split(text, file: path).frontMatter
                pages[slug, default: [:]][language] = Page(outputPath: page.outputPath, reviewed: page.reviewed, version: front?.version)
            }
        }
        return pages
    }
}
