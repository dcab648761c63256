import Foundation

extension CacheIndex {
    /// Every published page the cache knows, by source, with what the sitemap shows of it, read from the
    /// lines' first fourteen fields on all cores; nil when a line does not read.
    func sitemapEntries() -> [String: Sitemap.Entry]? {
        let read = readPageLines { _, text -> PageLineResult<(source: String, entry: Sitemap.Entry?)> in
            // P, source, language, key, address, title, description, order, reviewed, layout, procedure,
            // menu title, body line, draft.
            let fields = BuildCache.fields(text, limit: 14)
            guard fields.count == 14, fields[13].count == 1 else { return .unreadable }
            let source = BuildCache.text(fields[1])
            guard fields[13][0] == UInt8(ascii: "0") else { return .found((source, nil)) }
            let reviewed = fields[8].isEmpty ? nil : BuildCache.text(fields[8])
            return .found((source, Sitemap.Entry(language: BuildCache.text(fields[2]), key: BuildCache.text(fields[3]),
                                                 outputPath: BuildCache.text(fields[4]), reviewed: reviewed)))
        }
        guard let read else { return nil }
        var entries: [String: Sitemap.Entry] = [:]
        entries.reserveCapacity(read.count)
        for page in read { entries[page.source] = page.entry }
        return entries
    }
}
