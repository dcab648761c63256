import Foundation

/// The `TODO(clinic)` placeholders `clinicsite add procedure` writes for every medical statement and number of a
/// new procedure. A procedure with any left is not published: its file and pages are left out of the build, which
/// reports each placeholder at its line, while the rest of the site is built as usual.
enum Placeholders {
    static let marker = "TODO(clinic)"
    private static let markerBytes = Data(marker.utf8)

    /// The procedures (other than the main one) with placeholders left, by short name, with one error per placeholder
    /// in their files: `content/procedures/SLUG.yml` and everything below `content/LANG/SLUG/`.
    static func withheld(_ sources: SiteSources) -> [String: [Diagnostic]] {
        // Procedures' files are inputs every output shares, always read: a site without any is known at once.
        let files = sources.files.keys.filter { $0.hasPrefix(Procedures.folder) && $0.hasSuffix(".yml") }
        guard !files.isEmpty else { return [:] }
        let slugs = Set(files.map { String($0.dropFirst(Procedures.folder.count).dropLast(4)) })
        var found: [String: [Diagnostic]] = [:]
        for path in sources.paths.sorted() {
            guard let slug = owner(of: path, slugs: slugs), let data = sources.bytes(path),
                  data.firstRange(of: markerBytes) != nil else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // A YAML comment may name the marker without being one.
                guard let range = line.range(of: marker), !(path.hasSuffix(".yml") && line.trimmingSpaces.hasPrefix("#")) else { continue }
                let quotes = CharacterSet(charactersIn: " :\"'")
                let after = line[range.upperBound...].trimmingCharacters(in: quotes)
                let key = line[..<range.lowerBound].trimmingCharacters(in: quotes.union(CharacterSet(charactersIn: "-")))
                let what = after.isEmpty ? (key.isEmpty ? "" : " (\(key))") : ": \(after.prefix(80))"
                found[slug, default: []].append(Diagnostic(file: path, line: index + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1,
                    message: "a placeholder is left here\(what)",
                    hint: "replace it with the clinic's own words or number; '\(slug)' is published once none is left"))
            }
        }
        return found
    }

    /// Whether `path` is one of procedure `slug`'s files.
    static func isPart(_ path: String, of slug: String) -> Bool {
        owner(of: path, slugs: [slug]) != nil
    }

    /// The procedure a file is part of (`content/procedures/SLUG.yml`, `content/LANG/SLUG/…`), among `slugs`.
    private static func owner(of path: String, slugs: Set<String>) -> String? {
        if path.hasPrefix(Procedures.folder) {
            let slug = String(path.dropFirst(Procedures.folder.count).dropLast(4))
            return path.hasSuffix(".yml") && slugs.contains(slug) ? slug : nil
        }
        let parts = path.split(separator: "/", maxSplits: 3)
        guard parts.count > 3, parts[0] == "content", slugs.contains(String(parts[2])) else { return nil }
        return String(parts[2])
    }
}
