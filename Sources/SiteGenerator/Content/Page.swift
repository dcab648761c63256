import Foundation
import RecoverySchedule

/// One Markdown file of one language, with its front matter read and its output place decided.
package struct Page: Sendable, Equatable {
    /// Path of the source, such as `content/fr/healing.md`.
    package var source: String
    /// The language folder it lives in.
    package var language: String
    /// The path inside the language folder without `.md` (`healing`, `care/ointment`): the same key in two
    /// languages means the two pages translate each other.
    package var key: String
    /// The output path, such as `fr/guerison.html`.
    package var outputPath: String
    package var title: String
    package var description: String
    /// Menu position; pages without one are published but left out of the menu.
    package var order: Int?
    package var reviewed: CivilDate?
    package var layout: String
    /// The procedure the page is about, from its front matter; nil means the site's (`procedure:` in site.yml).
    package var procedure: String?
    /// The page's name in the menu: `menu_title` from its front matter, or its title.
    package var menuTitle: String
    /// The file line on which the Markdown body starts (after the front matter).
    package var bodyLine: Int
    /// Drafts are read and checked but not published; a link to one is an error.
    package var draft: Bool

    package var isHome: Bool { key == "index" }

    /// A page as recorded by an earlier build.
    package init(source: String, language: String, key: String, outputPath: String, title: String, description: String, order: Int?,
                 reviewed: CivilDate?, layout: String, procedure: String?, menuTitle: String, bodyLine: Int, draft: Bool) {
        (self.source, self.language, self.key, self.outputPath, self.title, self.description) = (source, language, key, outputPath, title, description)
        (self.order, self.reviewed, self.layout, self.procedure, self.menuTitle, self.bodyLine, self.draft) = (order, reviewed, layout, procedure, menuTitle, bodyLine, draft)
    }

    /// Reads a page. The title falls back to the first `#` heading, then to the file name.
    static func read(source: String, language: String, text: String,
                     markdown render: (Substring) -> MarkdownBody) throws(DiagnosticError) -> (Page, MarkdownBody) {
        if let line = ControlCharacter.firstLine(in: text) {
            throw DiagnosticError(Diagnostic(file: source, line: line.number, message: "this line contains an invisible control character (\(line.code))",
                                             hint: "delete it: it often comes from text pasted from another program"))
        }
        let split = try FrontMatter.split(text, file: source)
        let front = split.frontMatter
        let key = String(source.dropFirst("content/\(language)/".count).dropLast(".md".count))
        let parts = key.split(separator: "/").map(String.init)
        let fileName = parts.last ?? key
        // Output names are slugs, so a file called "After Care.md" is published as after-care.html;
        // two files that end up with the same name are reported by the caller.
        let folder = parts.dropLast().map { Slug.make(from: $0, fallback: "folder") + "/" }.joined()
        let outputName = front.slug ?? Slug.make(from: fileName, fallback: "page")
        let outputPath = "\(language)/\(folder)\(outputName).html"
        let markdown = render(split.body)
        if !markdown.includeProblems.isEmpty {
            throw DiagnosticError(markdown.includeProblems.map { problem in
                let place = problem.origin.place(source: source, bodyLine: split.bodyLine)
                return Diagnostic(file: place.file, line: place.line, message: problem.message, hint: problem.hint)
            })
        }
        if !markdown.unreadLinks.isEmpty {
            throw DiagnosticError(markdown.unreadLinks.map { unread in
                let place = markdown.place(ofLine: unread.line, source: source, bodyLine: split.bodyLine)
                let address = unread.text.components(separatedBy: "](").last?.dropLast() ?? ""
                return Diagnostic(file: place.file, line: place.line, message: "\(unread.text) was not read as a link: its address has a space in it",
                                  hint: "rename the file without spaces (\(address.replacingOccurrences(of: " ", with: "-"))) and write that name, "
                                      + "or put the address in angle brackets: \(unread.text.replacingOccurrences(of: "](", with: "](<").dropLast())>)")
            })
        }
        if let table = markdown.tableLine {
            let place = markdown.place(ofLine: table, source: source, bodyLine: split.bodyLine)
            throw DiagnosticError(Diagnostic(file: place.file, line: place.line,
                                             message: "this is a table, and tables are not supported (they would be published as lines of bars and dashes)",
                                             hint: "write it as a list, one item per row, for example:\n  - **Days 1–2**: the skin is red, like a sunburn.\n  - **Days 3–5**: it feels dry and tight."))
        }
        let title = front.title ?? markdown.headings.first { $0.level == 1 }?.text ?? Self.title(fromFileName: fileName)
        let page = Page(source: source, language: language, key: key,
                        outputPath: outputPath,
                        title: title, description: front.description ?? "", order: front.order,
                        reviewed: front.reviewed, layout: front.layout ?? "page", procedure: front.procedure, menuTitle: front.menuTitle ?? title,
                        bodyLine: split.bodyLine, draft: front.draft)
        return (page, markdown)
    }

    static func title(fromFileName name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
