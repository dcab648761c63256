/// Path arithmetic on the site's own `/`-separated relative paths. Every link clinicsite writes is relative,
/// so the same `public/` works at a domain root, under any subpath and opened from disk.
package enum RelativePath {
    /// The URL that leads from the page at `from` to the file at `to`, both relative to the output root:
    /// from `en/care/a.html` to `en/b.html` is `../b.html`.
    package static func url(from: String, to: String) -> String {
        // Most links stay in their folder: then the URL is the file name. Compared as bytes in place, since
        // every link of every page comes here.
        let fromSlash = from.utf8.lastIndex(of: UInt8(ascii: "/")), toSlash = to.utf8.lastIndex(of: UInt8(ascii: "/"))
        switch (fromSlash, toSlash) {
        case (nil, nil):
            return to
        case let (fromSlash?, toSlash?) where from.utf8[..<fromSlash].elementsEqual(to.utf8[..<toSlash]):
            return String(to[to.utf8.index(after: toSlash)...])
        default:
            return generalURL(from: from, to: to)
        }
    }

    private static func generalURL(from: String, to: String) -> String {
        let fromFolder = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let target = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromFolder.count, common < target.count - 1, fromFolder[fromFolder.startIndex + common] == target[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromFolder.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }

    /// The prefix that leads from the page at `path` back to the output root: `""`, `"../"`, `"../../"`.
    package static func toRoot(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// Resolves `relative` against the folder `folder` (no leading or trailing `/`), removing `.` and `..`.
    /// Returns nil when the result would climb above the root.
    package static func resolve(_ relative: String, inFolder folder: String) -> String? {
        // A plain file name needs no splitting.
        if !relative.utf8.contains(UInt8(ascii: "/")) && relative != "." && relative != ".." && !relative.isEmpty {
            return folder.isEmpty ? relative : folder + "/" + relative
        }
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The folder part of a path: `content/en` for `content/en/healing.md`.
    package static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }
}
