import Foundation

/// The files of `templates/assets/` (styles, scripts, icons), published under names that carry a hash of
/// their bytes, so browsers may cache them for ever and still see every change.
struct Assets: Sendable {
    static let folder = "templates/assets/"

    /// Output path of each asset by the name templates use: `style` for `style.css`.
    let paths: [String: String]
    /// The files to write.
    let files: [OutputFile]

    init(sources: SiteSources) throws(DiagnosticError) {
        var paths: [String: String] = [:]
        var files: [OutputFile] = []
        for (path, data) in sources.files(under: Self.folder) {
            let fileName = String(path.dropFirst(Self.folder.count))
            guard !fileName.contains("/"), let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else {
                throw DiagnosticError(Diagnostic(file: path, message: "assets must be files directly in templates/assets/ with an extension such as .css"))
            }
            let stem = String(fileName[..<dot])
            let ext = String(fileName[fileName.index(after: dot)...])
            guard Slug.isValid(stem), paths[stem] == nil else {
                throw DiagnosticError(Diagnostic(file: path, message: "asset names must be unique and use only a-z, 0-9 and hyphens before the extension"))
            }
            let output = "assets/\(stem).\(NameHash.hex(of: data)).\(ext)"
            paths[stem] = output
            files.append(OutputFile(path: output, data: data))
        }
        self.paths = paths
        self.files = files
    }

    /// The text of an asset, for pages that must work without loading other files (the 404 page).
    func inlineText(named stem: String) -> String {
        guard let path = paths[stem], let file = files.first(where: { $0.path == path }) else { return "" }
        return String(decoding: file.data, as: UTF8.self)
    }

    /// Asset URLs relative to the page at `pagePath`, keyed by stem for templates: `{{assets.style}}`.
    func urls(from pagePath: String) -> [String: String] {
        paths.mapValues { RelativePath.url(from: pagePath, to: $0) }
    }
}
