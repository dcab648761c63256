import Foundation

/// Every input file of a site, keyed by its path relative to the site root (`content/en/healing.md`,
/// `templates/page.mustache`).
///
/// The build works only on this value, so tests can describe a whole site in a dictionary literal and
/// never touch the disk. For a rebuild the disk layer leaves out the bytes of the files of the language
/// folders that the last build read as they are (`unchanged`); the build reads
/// one of them through `read` only if it must make its output again.
public struct SiteSources: Sendable {
    /// File contents by relative path, always with `/` separators.
    public var files: [String: Data]
    /// Files of the language folders whose bytes are those the last build read.
    public var unchanged: Set<String>
    /// Files of the language folders the last build read and that are gone.
    public var removed: Set<String>
    /// Pages read again only to be judged against what they translate (`TranslationCheck`): their bytes are the
    /// last build's, so their outputs are not made again.
    public var judged: Set<String> = []
    /// Reads a file of `unchanged` (nil when it cannot be read).
    public var read: @Sendable (String) -> Data?

    /// Wraps files already in memory.
    public init(files: [String: Data]) {
        self.init(files: files, unchanged: [], removed: [], read: { _ in nil })
    }

    /// Sources for a rebuild: `files` read, the others `unchanged` or `removed` since the last build.
    public init(files: [String: Data], unchanged: Set<String>, removed: Set<String>, read: @escaping @Sendable (String) -> Data?) {
        (self.files, self.unchanged, self.removed, self.read) = (files, unchanged, removed, read)
    }

    /// Convenience for tests and tools: text files given as strings.
    public init(texts: [String: String]) {
        self.init(files: texts.mapValues { Data($0.utf8) })
    }

    /// The folders under the root that a build reads.
    public static let inputFolders = ["content", "templates"]

    /// Whether a source path is in a language folder of `content/` (a page or a file published as it is),
    /// as opposed to an input every output shares.
    public static func isContentFile(_ path: String) -> Bool {
        path.hasPrefix("content/") && !path.hasPrefix(Procedures.folder) && path.utf8.dropFirst("content/".utf8.count).contains(UInt8(ascii: "/"))
    }

    /// Every path, read or not.
    var paths: [String] {
        Array(files.keys) + unchanged
    }

    /// The bytes of `path`, read now if they were left out.
    func bytes(_ path: String) -> Data? {
        files[path] ?? (unchanged.contains(path) ? read(path) : nil)
    }

    /// Paths below `folder/` (for example "content/en/"), sorted.
    func paths(under folder: String) -> [String] {
        paths.filter { $0.hasPrefix(folder) }.sorted()
    }

    /// The files in memory below `folder/`, sorted by path.
    func files(under folder: String) -> [(path: String, data: Data)] {
        files.filter { $0.key.hasPrefix(folder) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The file as text with a byte-order mark removed and line endings made `\n`.
    func text(_ path: String) throws(DiagnosticError) -> String {
        guard let data = bytes(path) else {
            throw DiagnosticError(Diagnostic(file: path, message: "file not found"))
        }
        return try Self.normalisedText(data, file: path)
    }

    static func normalisedText(_ data: Data, file: String) throws(DiagnosticError) -> String {
        guard var text = String(validating: data, as: UTF8.self) else {
            throw DiagnosticError(Diagnostic(file: file, line: 1, message: "this file is not UTF-8 text",
                                             hint: "save it again choosing the UTF-8 encoding"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if data.withUnsafeBytes({ $0.baseAddress.map { memchr($0, 13, data.count) != nil } ?? false }) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }
}
