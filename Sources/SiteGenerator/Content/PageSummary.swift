/// What a site-wide output (a search index, a list of every page) may show of each page.
struct PageSummary: Sendable {
    var source: String
    var language: String
    var key: String
    var title: String
    var description: String
    var outputPath: String

    init(_ facts: PageFacts) {
        let page = facts.page
        (source, language, key, title, description, outputPath) = (page.source, page.language, page.key, page.title, page.description, page.outputPath)
    }
}
