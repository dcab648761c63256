import Foundation

/// What a build may take from the last one instead of doing again (see `SiteBuilder.rebuild`).
public struct Reuse: Sendable {
    /// The last successful build's cache; its `siteKey` must equal `SiteBuilder.siteKey` of the new sources.
    public var cache: BuildCache
    /// Content files whose bytes are what `cache` saw: the sources hold no bytes for them.
    public var unchanged: Set<String>
    /// Reads such a file after all, when a page that did not change must be laid out again (a page it
    /// links to lost a heading, its menu changed).
    public var read: @Sendable (String) -> Data?

    /// Creates what a rebuild may reuse.
    public init(cache: BuildCache, unchanged: Set<String>, read: @escaping @Sendable (String) -> Data?) {
        self.cache = cache
        self.unchanged = unchanged
        self.read = read
    }
}

extension SiteBuilder {
    /// The hash of every input all pages depend on: each file outside the language folders of `content/`
    /// (settings, rules, templates, strings, typography, assets), the options, and `tool` (the executable).
    public static func siteKey(of sources: SiteSources, options: BuildOptions, tool: String) -> UInt64 {
        var hash = ContentHash.value(ofText: "clinicsite-site-key-1\u{0}\(tool)\u{0}\(options.baseURL ?? "-")\u{0}")
        for path in sources.files.keys.filter({ !isContentFile($0) }).sorted() {
            hash = ContentHash.value(ofText: "\(path)\u{0}\(ContentHash.wordValue(of: sources.files[path]!))\u{0}", continuing: hash)
        }
        return hash
    }

    /// Whether a source path is in a language folder of `content/` (a page or an asset), as opposed to an
    /// input every page shares.
    public static func isContentFile(_ path: String) -> Bool {
        path.hasPrefix("content/") && path.utf8.dropFirst("content/".utf8.count).contains(UInt8(ascii: "/"))
    }
}
