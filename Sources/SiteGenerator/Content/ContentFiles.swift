import Foundation

/// What each file of `content/` is to the build, judged from its path alone (no file is read): a page of a
/// language, a file published as it is, or something left out with a warning. Every build sorts every path.
struct ContentFiles: Sendable {
    /// File types under `content/` that are published as they are.
    static let publishedExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "pdf"]

    /// A Markdown file to read as a page of `language`.
    struct PageFile: Sendable {
        var path: String
        var language: String
    }

    /// The pages, in no particular order (a build sorts those it reads).
    private(set) var pages: [PageFile] = []
    /// Files published as they are (source paths).
    private(set) var published: Set<String> = []

    /// Sorts `paths` (every input path, in any order) and adds the warnings for files left out to `log`, in path order.
    init(paths: [String], settings: Settings, log: inout DiagnosticLog) {
        var warnings: [Diagnostic] = []
        // Blocks (`content/blocks/LANG/`) are read by the pages that include them, never published on their own;
        // translation records (`content/translations/`) are read by the translations they are about.
        for path in paths where path.hasPrefix("content/") && !path.hasPrefix("content/blocks/") && !path.hasPrefix(TranslationRecord.folder) {
            let ext = Self.fileExtension(of: path)
            let folder = path.utf8.dropFirst("content/".utf8.count)
            guard let slash = folder.firstIndex(of: UInt8(ascii: "/")) else {
                if ext == "md" {
                    warnings.append(.warning(file: path, "this page is not inside a language folder, so it is not published",
                                             hint: "move it to content/\(settings.defaultLanguage)/", code: .notPublished))
                }
                continue
            }
            let language = String(path[folder.startIndex..<slash])
            guard settings.languages.contains(language) else {
                if ext == "md" {
                    warnings.append(.warning(file: path, "the language '\(language)' is not listed in site.yml, so this page is not published",
                                             hint: "add \(language) to languages in \(Settings.path)", code: .notPublished))
                }
                continue
            }
            if ext == "md" {
                pages.append(PageFile(path: path, language: language))
            } else if Self.publishedExtensions.contains(ext) {
                published.insert(path)
            } else {
                let what = ext.isEmpty ? "files whose name has no type (such as .md, .jpg or .pdf)" : "files of type .\(ext)"
                warnings.append(.warning(file: path, "\(what) are not published", hint: Self.unpublishedHint(ext), code: .notPublished))
            }
        }
        log.add(contentsOf: warnings.sorted { $0.file < $1.file })
        for language in settings.languages where !pages.contains(where: { $0.language == language }) {
            log.add(Diagnostic(file: "content/\(language)/", message: "the language '\(language)' has no pages",
                               hint: "create content/\(language)/index.md, or remove \(language) from languages in site.yml"))
        }
    }

    /// What to do with a file of type `ext` that is not published: the format a browser shows instead.
    static func unpublishedHint(_ ext: String) -> String {
        if ["heic", "heif"].contains(ext) {
            return "most browsers cannot show HEIC pictures: save it as JPEG (on an iPhone, Settings > Camera > Formats > Most Compatible)"
        }
        if ["doc", "docx", "odt", "rtf", "pages", "xls", "xlsx", "ods", "ppt", "pptx", "odp"].contains(ext) {
            return "save it as PDF (.pdf), which is published as it is and opens in every browser"
        }
        return "pages end in .md; images can be .png, .jpg, .svg or .webp; documents .pdf"
    }

    /// The extension of a path's file name, in lower case ("" when the name has no dot). Trailing dots are passed over.
    static func fileExtension(of path: String) -> String {
        if path.utf8.reversed().starts(with: "dm.".utf8) { return "md" }
        guard let last = path.utf8.lastIndex(where: { $0 != UInt8(ascii: ".") }) else { return "" }
        let trimmed = path[...last]
        let name = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")).map { trimmed[trimmed.utf8.index(after: $0)...] } ?? trimmed
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return "" }
        return name[name.utf8.index(after: dot)...].lowercased()
    }

    /// The file published from `path` (a picture without its metadata, anything else as it is) with what the build
    /// says of it, or the problem that keeps it out (an SVG with scripts, a damaged picture).
    static func copied(_ path: String, data: Data) -> Result<ImagePublishing.Published, DiagnosticError> {
        if fileExtension(of: path) == "svg", let problem = SVGPolicy.problem(in: Array(data), file: path) {
            return .failure(DiagnosticError(problem))
        }
        return ImagePublishing.publish(path, data: data) ?? .success(ImagePublishing.Published(data: data))
    }
}
