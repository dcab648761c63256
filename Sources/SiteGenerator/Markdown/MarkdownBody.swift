import Foundation

/// A page's Markdown rendered to HTML, with its headings and links, and placeholders where relative
/// links go until every page has been read and the links can be checked and rewritten.
struct MarkdownBody: Sendable {
    /// UTF-8 HTML with `"<placeholderPrefix><link index>"` where each relative link's destination goes.
    let html: [UInt8]
    /// The headings, with their ids.
    let headings: [CmarkDocument.Heading]
    /// Every link and image, as written.
    let links: [CmarkDocument.Link]
    /// Starts every placeholder; it carries a number drawn for the build, so page text cannot forge one.
    let placeholderPrefix: String
    /// Indexes (into `links`) of the links that have a placeholder.
    let placeholders: [Int]
    /// The prose of the page, one string per paragraph, when the build was asked to keep it (for `check`).
    var prose: [String] = []
    /// The line (in the Markdown body) of the first pipe table, which is refused; nil when there is none.
    var tableLine: Int?
    /// Raw HTML in the body (comments left out): its line in the body and its first line of text.
    var rawHTML: [(line: Int, text: String)] = []
    /// Link syntax cmark read as text (an address with a space): its line in the body and the text.
    var unreadLinks: [(line: Int, text: String)] = []
    /// Where each line of the body was written, when it includes blocks (`BlockIncludes`); empty otherwise.
    var origins: [BlockIncludes.Origin] = []
    /// The block files the page includes, in path order.
    var blocks: [String] = []
    /// Includes that could not be followed.
    var includeProblems: [BlockIncludes.Problem] = []
}

extension MarkdownBody {
    /// The file and line where line `line` of the body (1-based, as cmark counts) was written: the page's own file
    /// (whose body starts at `bodyLine`), or a block it includes.
    func place(ofLine line: Int, source: String, bodyLine: Int) -> (file: String, line: Int) {
        guard line >= 1, line <= origins.count else { return (source, bodyLine + max(line, 1) - 1) }
        return origins[line - 1].place(source: source, bodyLine: bodyLine)
    }
}

extension MarkdownBody {
    /// No content: for reading a page's front matter and address without rendering it.
    static let empty = MarkdownBody(html: [], headings: [], links: [], placeholderPrefix: "", placeholders: [])
}
