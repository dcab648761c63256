/// Where pages land: each page read needs a layout that exists, two published pages may not share an output
/// file, and every language with pages needs a home page. Asked of the pages read in this build; the others
/// passed these checks when the last build succeeded, and only a page read now can break them.
enum PlaceChecks {
    static func problems(facts: SiteFacts, read: [LoadedPage], files: ContentFiles, settings: Settings, templates: Templates?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for output in Set(read.filter { !$0.page.draft }.map(\.page.outputPath)).sorted() {
            let writers = facts.pages(writing: output)
            for (earlier, later) in zip(writers, writers.dropFirst()) {
                problems.append(Diagnostic(file: later.page.source, line: 1, message: "this page would be written to \(output), like \(earlier.page.source)",
                                           hint: "give one of them a different slug: in its front matter"))
            }
        }
        problems.sort { $0.file < $1.file }
        // A home page that failed to read is there: its own errors say what is wrong with it.
        for language in settings.languages where files.pages.contains(where: { $0.language == language })
            && !facts.failed.contains("content/\(language)/index.md") && facts.page("content/\(language)/index.md").map({ !$0.page.draft }) != true {
            problems.append(Diagnostic(file: "content/\(language)/index.md", message: "the home page of '\(language)' is missing",
                                       hint: "every language folder needs an index.md"))
        }
        if let templates {
            for loaded in read where !templates.names.contains(loaded.page.layout) {
                problems.append(Diagnostic(file: loaded.page.source, line: 1, message: "the layout '\(loaded.page.layout)' does not exist",
                                           hint: "use one of: \(templates.names.sorted().joined(separator: ", "))"))
            }
        }
        return problems
    }
}
