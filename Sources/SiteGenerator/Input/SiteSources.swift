import Foundation

/// Every input file of a site, read once into memory and keyed by its path relative to the site root
/// (`content/en/healing.md`, `templates/page.mustache`).
///
/// The build works only on this value, so tests can describe a whole site in a dictionary literal and
/// never touch the disk.
public struct SiteSources: Sendable, Equatable {
    /// File contents by relative path, always with `/` separators.
    public var files: [String: Data]

    /// Wraps files already in memory.
    public init(files: [String: Data]) {
        self.files = files
    }

    /// Convenience for tests and tools: text files given as strings.
    public init(texts: [String: String]) {
        self.files = texts.mapValues { Data($0.utf8) }
    }

    /// The folders under the root that a build reads.
    public static let inputFolders = ["content", "templates"]

    /// Paths below `folder/` (for example "content/en/"), sorted.
    func paths(under folder: String) -> [String] {
        files(under: folder).map(\.path)
    }

    /// The files below `folder/`, sorted by path (`<`). Picked into an array, not a filtered dictionary (with
    /// 30,000 pages, hashing every path again took longer than sorting them), and put in the byte order of
    /// their paths, which is `<`'s but where a path holds a character `<` compares by its composed form (a
    /// decomposed é): checked pair by pair, and sorted by `<` only then.
    func files(under folder: String) -> [(path: String, data: Data)] {
        var found: [(path: String, data: Data)] = []
        for (path, data) in files where path.utf8.starts(with: folder.utf8) { found.append((path, data)) }
        var sorted = found.map(\.path).byteOrder().map { found[$0] }
        if !zip(sorted, sorted.dropFirst()).allSatisfy({ $0.path < $1.path }) { sorted.sort { $0.path < $1.path } }
        return sorted
    }

    /// The file as text with a byte-order mark removed and line endings made `\n`.
    func text(_ path: String) throws(DiagnosticError) -> String {
        guard let data = files[path] else {
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
        if text.withUTF8({ bytes in bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false }) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }
}
