import RecoverySchedule

/// The YAML block between `---` lines at the top of a Markdown file, split from the body.
struct FrontMatter: Sendable, Equatable {
    var title: String?
    var description: String?
    var order: Int?
    var slug: String?
    var draft = false
    var reviewed: CivilDate?
    var layout: String?
    /// The procedure the page is about (its structured data's `about`), when not the site's.
    var procedure: String?
    /// The information's version, for the consent record (`version: 2.1`); printed on handouts made from the page.
    var version: String?
    /// A shorter title for the menu, when the page's own is long.
    var menuTitle: String?

    static let keys = ["title", "menu_title", "description", "order", "slug", "draft", "reviewed", "layout", "procedure", "version"]

    /// The front matter and the Markdown after it. `bodyLine` is the file line where the body starts,
    /// so cmark's line numbers can be turned back into file line numbers.
    struct Split: Sendable, Equatable {
        var frontMatter: FrontMatter
        /// The Markdown after the front matter: a view into the file's text, not a copy.
        var body: Substring
        var bodyLine: Int
    }

    /// Splits normalised text (LF line endings, no BOM). A file without a leading `---` line is all body.
    static func split(_ text: String, file: String) throws(DiagnosticError) -> Split {
        guard text.hasPrefix("---\n") || text == "---" else {
            return Split(frontMatter: FrontMatter(), body: text[...], bodyLine: 1)
        }
        // Only the front matter is split into lines; the body, most of the file, is not copied.
        let utf8 = text.utf8
        var lineStart = utf8.index(utf8.startIndex, offsetBy: 4, limitedBy: utf8.endIndex) ?? utf8.endIndex
        var lineNumber = 2
        var close: (yamlEnd: String.Index, bodyStart: String.Index)?
        while text != "---" {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            var line = utf8[lineStart..<lineEnd]
            while let last = line.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { line = line.dropLast() }
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                close = (lineStart, lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd))
                break
            }
            if lineEnd == utf8.endIndex { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        guard let close else {
            throw DiagnosticError(Diagnostic(file: file, line: 1, column: 1, message: "the front matter that starts here is never closed",
                                             hint: "add a line with just --- after the last setting (title, description, ...)"))
        }
        let yamlStart = utf8.index(utf8.startIndex, offsetBy: 4, limitedBy: close.yamlEnd) ?? close.yamlEnd
        let frontMatter = try parse(String(text[yamlStart..<close.yamlEnd]), file: file)
        return Split(frontMatter: frontMatter, body: text[close.bodyStart...], bodyLine: lineNumber + 1)
    }

    private static func parse(_ yaml: String, file: String) throws(DiagnosticError) -> FrontMatter {
        var result = FrontMatter()
        guard let root = try YAMLValue.parse(yaml, file: file, lineOffset: 1) else { return result }
        var log = DiagnosticLog()
        let entries = root.mapping(named: "the front matter", allowed: keys, log: &log)
        for (key, value) in entries where !value.isNull {
            log.collect { () throws(DiagnosticError) in
                switch key {
                case "title": result.title = try value.string(named: "title").trimmingSpaces
                case "description": result.description = try value.string(named: "description").trimmingSpaces
                case "order": result.order = try value.int(named: "order")
                case "slug":
                    let slug = try value.string(named: "slug")
                    guard Slug.isValid(slug) else {
                        throw value.error("slug must use only lowercase letters a-z, digits and single hyphens, found \(value.shown)",
                                          hint: "for example: slug: \(Slug.make(from: slug, fallback: "my-page"))")
                    }
                    result.slug = slug
                case "draft": result.draft = try value.bool(named: "draft")
                case "reviewed": result.reviewed = try value.date(named: "reviewed")
                case "procedure": result.procedure = try value.string(named: "procedure").trimmingSpaces
                case "version":
                    let version = try value.string(named: "version").trimmingSpaces
                    guard (1...40).contains(version.count), !version.contains(where: \.isNewline) else {
                        throw value.error("version must be a short text on one line, such as 2.1 or 2026-11")
                    }
                    result.version = version
                case "menu_title": result.menuTitle = try value.string(named: "menu_title").trimmingSpaces
                case "layout":
                    let layout = try value.string(named: "layout")
                    guard Slug.isValid(layout) else { throw value.error("layout must be the name of a template in templates/, such as page") }
                    result.layout = layout
                default: break
                }
            }
        }
        try log.throwIfErrors()
        return result
    }
}
