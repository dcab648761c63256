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
        for path in sources.paths(under: Self.folder) {
            let fileName = String(path.dropFirst(Self.folder.count))
            guard !fileName.contains("/"), let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else {
                throw DiagnosticError(Diagnostic(file: path, message: "assets must be files directly in templates/assets/ with an extension such as .css"))
            }
            let stem = String(fileName[..<dot])
            let ext = String(fileName[fileName.index(after: dot)...])
            guard Slug.isValid(stem), paths[stem] == nil else {
                throw DiagnosticError(Diagnostic(file: path, message: "asset names must be unique and use only a-z, 0-9 and hyphens before the extension"))
            }
            let data = sources.files[path]!
            let output = "assets/\(stem).\(ContentHash.hex(of: data)).\(ext)"
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

/// A short, stable fingerprint of bytes for cache-busting file names (64-bit FNV-1a; not for security).
enum ContentHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of `data`, continuing from `hash` so several pieces can be hashed as one.
    static func value(of data: Data, continuing hash: UInt64 = seed) -> UInt64 {
        data.withUnsafeBytes { value(ofBytes: $0, continuing: hash) }
    }

    private static func value(ofBytes bytes: UnsafeRawBufferPointer, continuing hash: UInt64) -> UInt64 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// A hash of `data` that reads eight bytes at a time, for telling whether a file changed (the build
    /// fingerprint): several times faster than `value` on large inputs, and not the same value.
    static func wordValue(of data: Data) -> UInt64 {
        data.withUnsafeBytes { bytes in
            var hash = seed ^ UInt64(bytes.count)
            var offset = 0
            while offset + 8 <= bytes.count {
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01b3
                hash ^= hash >> 29
                offset += 8
            }
            while offset < bytes.count {
                hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01b3
                offset += 1
            }
            return hash ^ (hash >> 32)
        }
    }

    /// The hash of some integers' bytes (such as a file's size and times), continuing from `hash`.
    static func value(of numbers: [Int], continuing hash: UInt64 = seed) -> UInt64 {
        numbers.withUnsafeBytes { value(ofBytes: $0, continuing: hash) }
    }

    static func hex(of data: Data) -> String {
        let text = String(value(of: data), radix: 16)
        return String(String(repeating: "0", count: 16 - text.count) + text).prefix(10).description
    }
}

/// One file of the finished site: a path relative to the output folder, and its bytes.
public struct OutputFile: Sendable, Equatable {
    /// Relative path with `/` separators, such as `en/healing.html`.
    public var path: String
    /// The exact bytes to write.
    public var data: Data

    /// Creates an output file.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    /// Creates an output file from text, written as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
