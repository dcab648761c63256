/// A page cut into the parts a translator works through: its title and description, the text before the first
/// heading, then one part per heading (down to the next heading of any level). A translation record keeps a
/// fingerprint and the text of each part of the source page, so `check` can say which part fell behind.
struct TextSections: Sendable, Equatable {
    /// One part of a page.
    struct Section: Sendable, Equatable {
        /// The heading as written (without its `#`s); `TextSections.frontMatter` for the title and description,
        /// `TextSections.opening` for the text before the first heading.
        var heading: String
        /// The Markdown of the part, heading line included, trailing blank lines left out.
        var text: String
        /// The file line where it starts.
        var line: Int

        /// Its fingerprint, as a record keeps it.
        var print: Fingerprint { Fingerprint(text: text) }
    }

    /// The heading given to the title, menu title and description.
    static let frontMatter = "(title and description)"
    /// The heading given to the text before the first heading.
    static let opening = "(opening text)"

    var sections: [Section]

    /// The sections of a Markdown file (normalised text). Headings are found by cmark, so a `#` in a code
    /// block or a heading underlined with `===` count as what they are.
    init(file: String, text: String) throws(DiagnosticError) {
        let split = try FrontMatter.split(text, file: file)
        let matter = split.frontMatter
        var shown: [String] = []
        if let title = matter.title { shown.append("title: " + title) }
        if let menuTitle = matter.menuTitle { shown.append("menu_title: " + menuTitle) }
        if let description = matter.description { shown.append("description: " + description) }
        sections = shown.isEmpty ? [] : [Section(heading: Self.frontMatter, text: shown.joined(separator: "\n"), line: 1)]
        let lines = split.body.split(separator: "\n", omittingEmptySubsequences: false)
        let headings = CmarkDocument(markdown: split.body, smart: false).headings
        var starts = headings.map { ($0.text, $0.line) }
        if starts.first?.1 != 1 { starts.insert((Self.opening, 1), at: 0) }
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].1 - 1 : lines.count
            guard start.1 <= end, start.1 >= 1 else { continue }
            var part = lines[(start.1 - 1)..<min(end, lines.count)].map(String.init)
            while let last = part.last, last.allSatisfy(\.isWhitespace) { part.removeLast() }
            while let first = part.first, first.allSatisfy(\.isWhitespace) { part.removeFirst() }
            if part.isEmpty && start.0 == Self.opening { continue }
            sections.append(Section(heading: start.0, text: part.joined(separator: "\n"), line: split.bodyLine + start.1 - 1))
        }
    }

    /// The sections as a record lists them.
    init(_ sections: [Section]) {
        self.sections = sections
    }

    /// The file line of the section at `index` in this page, or of the page's first heading (1 when it has none).
    func line(ofSectionAt index: Int) -> Int {
        index < sections.count ? sections[index].line : (sections.first?.line ?? 1)
    }
}
