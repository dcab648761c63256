/// A page with its parsed Markdown.
struct LoadedPage: Sendable {
    var page: Page
    let markdown: MarkdownBody
}
