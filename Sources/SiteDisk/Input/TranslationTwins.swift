import SiteGenerator

/// What a rebuild reads again because a translation is judged against it (`TranslationCheck`): a page is judged
/// when it is read, so when a page or block changes, came or went, its twins in the other language folders are
/// read again, and so is the translation whose record (`content/translations/…`) changed. Found from the paths
/// alone, on the inputs listed in byte order (`InputStamp.files`), without asking the record.
struct TranslationTwins {
    let listed: [InputStamp.File]
    /// The folders directly under `content/` (languages, `blocks`, `translations` and the like).
    let folders: [String]

    init(listed: [InputStamp.File]) {
        self.listed = listed
        var folders: [String] = []
        var index = Self.lowerBound("content/", in: listed)
        while index < listed.count, listed[index].path.hasPrefix("content/") {
            let rest = listed[index].path.dropFirst("content/".count)
            guard let slash = rest.firstIndex(of: "/") else { index += 1; continue }
            folders.append(String(rest[..<slash]))
            // "0" follows "/" in byte order: the first path past this folder.
            index = Self.lowerBound("content/" + rest[..<slash] + "0", in: listed)
        }
        self.folders = folders
    }

    /// The pages (`pages`) and blocks (`blocks`, whose including pages the caller finds) to judge again after
    /// the inputs at `touched` changed, came or went.
    func judgedAgain(after touched: Set<String>) -> (pages: Set<String>, blocks: Set<String>) {
        var (pages, blocks) = (Set<String>(), Set<String>())
        for path in touched {
            if let translated = TranslationRecord.translation(ofRecord: path) {
                if translated.hasPrefix("content/blocks/") { blocks.insert(translated) } else if contains(translated) { pages.insert(translated) }
                continue
            }
            guard path.hasSuffix(".md"), !path.hasPrefix(TranslationRecord.folder), TranslationCheck.language(of: path) != nil else { continue }
            let twins = folders.compactMap { TranslationCheck.twin(of: path, in: $0) }.filter { $0 != path }
            if path.hasPrefix("content/blocks/") { blocks.formUnion(twins) } else { pages.formUnion(twins.filter(contains)) }
        }
        return (pages, blocks)
    }

    private func contains(_ path: String) -> Bool {
        let index = Self.lowerBound(path, in: listed)
        return index < listed.count && listed[index].path == path
    }

    private static func lowerBound(_ path: String, in listed: [InputStamp.File]) -> Int {
        var (low, high) = (0, listed.count)
        while low < high {
            let middle = (low + high) / 2
            if listed[middle].path.utf8.lexicographicallyPrecedes(path.utf8) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
