/// Turns a request path into a file inside the served folder, or says why it cannot.
///
/// Decoding happens once, segment by segment; any segment that is `.` or `..`, or that decodes to something
/// holding `/`, `\` or a NUL, is refused, so no spelling (`/../`, `%2e%2e`, `%2f`) can reach outside the site.
public enum RequestPath {
    /// Where a request leads.
    public enum Resolution: Equatable, Sendable {
        /// A path relative to the served folder (`en/healing.html`); it may not exist.
        case file(String)
        /// The request tried to leave the site, or was malformed: answer 400.
        case refused
        /// Outside the subpath the site is served under: answer 404.
        case outsideSubpath
    }

    /// Resolves `path` (the part of the request target before `?`) for a site served under `subpath`
    /// (`/` or `/clinic/`). A path ending in `/` means its `index.html`.
    public static func resolve(_ path: String, subpath: String) -> Resolution {
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return .refused }
        let prefix = normalisedSubpath(subpath)
        let bare = String(prefix.dropLast())
        if path == bare { return .file("index.html") }
        guard path.hasPrefix(prefix) else { return .outsideSubpath }
        let rest = path.dropFirst(prefix.count)
        var segments: [String] = []
        for raw in rest.split(separator: "/", omittingEmptySubsequences: false) {
            guard let segment = percentDecoded(raw) else { return .refused }
            if segment.isEmpty { continue }
            if segment == "." || segment == ".." || segment.contains("/") || segment.contains("\\") || segment.contains("\u{0}") {
                return .refused
            }
            segments.append(segment)
        }
        if segments.isEmpty || rest.hasSuffix("/") { segments.append("index.html") }
        return .file(segments.joined(separator: "/"))
    }

    /// The one spelling of a subpath: starting and ending with `/` (`clinic` and `/clinic` become `/clinic/`).
    public static func normalisedSubpath(_ subpath: String) -> String {
        var prefix = subpath.hasPrefix("/") ? subpath : "/" + subpath
        if !prefix.hasSuffix("/") { prefix += "/" }
        return prefix
    }

    /// Decodes `%XX` escapes as UTF-8; nil for a malformed escape or invalid UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
