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

    /// The published healing page of each language among the pages whose source `belongs` (a procedure's own).
    /// Only the page's address goes into a QR code: never anything about the patient.
    static func pages(in sources: SiteSources, languages: [String], belongs: (String) -> Bool = { _ in true }) -> [String: Page] {
        var pages: [String: Page] = [:]
        for language in languages {
            for path in sources.paths(under: "content/\(language)/") where path.hasSuffix(".md") && belongs(path) {
                guard let text = try? sources.text(path),
                      let (page, _) = try? SiteGenerator.Page.read(source: path, language: language, text: text, markdown: { _ in .empty }),
                      page.layout == "healing", !page.draft else { continue }
                let front = try? FrontMatter.split(text, file: path).frontMatter
                pages[language] = Page(outputPath: page.outputPath, reviewed: page.reviewed, version: front?.version)
                break
            }
        }
        return pages
    }
}
