/// A page with its parsed Markdown.
///
/// A class, not a struct: the build hands each page from step to step and thread to thread many times, and
/// copying a struct of a dozen strings and arrays retained each of them every time.
final class LoadedPage: Sendable {
    let page: Page
    let markdown: MarkdownBody
    /// What reading it found that did not stop it.
    let warnings: [Diagnostic]

    init(page: Page, markdown: MarkdownBody, warnings: [Diagnostic] = []) {
        self.page = page
        self.markdown = markdown
        self.warnings = warnings
    }

    /// What other pages may know of this one, with its own warnings.
    var facts: PageFacts {
        PageFacts(page: page, anchors: markdown.headings.map(\.id), warnings: warnings, blocks: markdown.blocks)
    }

    /// Checks every link and gives the final Markdown HTML (UTF-8), links between pages rewritten to output
    /// URLs, or the problems found. What it learns of other pages comes through `reads`.
    func resolvedHTML(reads: Reads) -> (html: [UInt8], problems: [Diagnostic]) {
        let anchors = markdown.headings.map(\.id)
        let folder = RelativePath.folder(of: page.source)
        var problems: [Diagnostic] = []
        var urls: [Int: String] = [:]
        var sizes: [Int: ImageSize] = [:]
        urls.reserveCapacity(markdown.placeholders.count)
        for index in markdown.placeholders {
            let link = markdown.links[index]
            do throws(DiagnosticError) {
                urls[index] = try LinkResolver.resolve(link, on: page, in: markdown, folder: folder, anchors: anchors, reads: reads)
                if link.isImage, let target = LinkResolver.targetPath(of: link.destination, on: page) { sizes[index] = reads.imageSize(of: target) }
            } catch {
                problems += error.diagnostics
            }
        }
        // Links kept as written are still checked: an anchor on this page, an empty or root-absolute link.
        for link in markdown.links where !LinkResolver.isRelative(link.destination) {
            do throws(DiagnosticError) {
                _ = try LinkResolver.resolve(link, on: page, in: markdown, folder: folder, anchors: anchors, reads: reads)
            } catch {
                problems += error.diagnostics
            }
        }
        return (problems.isEmpty ? markdown.filled(with: urls, sizes: sizes) : [], problems)
    }
}
