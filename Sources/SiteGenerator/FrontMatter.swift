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

    static let keys = ["title", "description", "order", "slug", "draft", "reviewed", "layout"]

    /// The front matter and the Markdown after it. `bodyLine` is the file line where the body starts,
    /// so cmark's line numbers can be turned back into file line numbers.
    struct Split: Sendable, Equatable {
        var frontMatter: FrontMatter
        var body: String
        var bodyLine: Int
    }

    /// Splits normalised text (LF line endings, no BOM). A file without a leading `---` line is all body.
    static func split(_ text: String, file: String) throws(DiagnosticError) -> Split {
        guard text.hasPrefix("---\n") || text == "---" else {
            return Split(frontMatter: FrontMatter(), body: text, bodyLine: 1)
        }
        // Only the front matter is split into lines; the body, most of the file, is passed on untouched.
        let bytes = Array(text.utf8)
        var lineStart = 4 // after "---\n"
        var lineNumber = 2
        var close: (yamlEnd: Int, bodyStart: Int)?
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart && (bytes[trimmedEnd - 1] == UInt8(ascii: " ") || bytes[trimmedEnd - 1] == UInt8(ascii: "\t")) { trimmedEnd -= 1 }
            let line = bytes[lineStart..<trimmedEnd]
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                close = (lineStart, min(lineEnd + 1, bytes.count))
                break
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        guard let close else {
            throw DiagnosticError(Diagnostic(file: file, line: 1, column: 1, message: "the front matter that starts here is never closed",
                                             hint: "add a line with just --- after the last setting (title, description, ...)"))
        }
        let yaml = String(decoding: bytes[min(4, close.yamlEnd)..<close.yamlEnd], as: UTF8.self)
        let body = String(decoding: bytes[close.bodyStart...], as: UTF8.self)
        let frontMatter = try parse(yaml, file: file)
        return Split(frontMatter: frontMatter, body: body, bodyLine: lineNumber + 1)
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
