/// A page with its parsed Markdown.
///
/// A class, not a struct: the build hands each page from step to step and thread to thread many times, and
/// copying a struct of a dozen strings and arrays retained each of them every time (a tenth of a build).
final class LoadedPage: Sendable {
    let page: Page
    let markdown: MarkdownBody

    init(page: Page, markdown: MarkdownBody) {
        self.page = page
        self.markdown = markdown
    }
}
