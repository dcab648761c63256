@testable import SiteGenerator
import Foundation
import Testing
import TestSupport

/// The cache file must give back exactly what was put in, whatever the pages' titles hold.
@Suite struct BuildCacheTests {
    @Test func encodingAndDecodingGiveTheSameCacheEvenWithTabsAndBackslashes() throws {
        let hostile = "Tab\there, line\nbreak, back\\slash, unit\u{1F}separator, \\t written out, café"
        let sources = Fixture.site(pages: [
            "content/en/odd.md": "---\ntitle: \"\(hostile.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\u{1F}", with: "\\x1F"))\"\norder: 3\nreviewed: 2026-01-05\n---\n# Heading one\n\n[x](index.md) [y](../fr/index.md#accueil)\n",
        ])
        let site = try Fixture.build(sources)
        let cache = site.cache
        #expect(cache.pages["content/en/odd.md"]?.page.title == hostile)
        let decoded = try #require(BuildCache.decoded(cache.encoded()))
        #expect(decoded == cache)
        #expect(decoded.encoded() == cache.encoded())
        // Indexed, a page is found by its fields and decoded alone.
        let index = try #require(CacheIndex(cache.encoded()))
        let found = index.pages(sources: ["content/en/odd.md"], keys: [], menuLanguages: [])
        #expect(found.map(\.page) == [cache.pages["content/en/odd.md"]!])
        #expect(index.files.map(\.path) == cache.files.keys.sorted())
        // The menu pages of a language, and pages by key, are found the same way.
        #expect(index.pages(sources: [], keys: [], menuLanguages: ["en"]).map(\.page.page.source) == ["content/en/odd.md"])
        #expect(index.pages(sources: [], keys: ["index"], menuLanguages: []).map(\.page.page.source) == ["content/en/index.md", "content/fr/index.md"])
    }

    @Test func aDamagedCacheIsNotUsed() throws {
        let data = try Fixture.build(Fixture.site()).cache.encoded()
        #expect(BuildCache.decoded(data.dropLast()) == nil)
        #expect(BuildCache.decoded(Data("clinicsite-cache 1\t0\n".utf8)) == nil)
        var damaged = data
        damaged.replaceSubrange(damaged.count - 3..<damaged.count - 1, with: Data("\t\t".utf8))
        #expect(BuildCache.decoded(damaged) == nil)
    }
}
