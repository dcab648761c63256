@testable import SiteGenerator
import Foundation
import Testing
import TestSupport

/// The cache file must give back exactly what was put in, whatever the pages' titles hold.
@Suite struct BuildCacheTests {
    /// Content files are listed by the bytes of their paths, decomposed names included, as the disk layer
    /// walks them; `<` on strings would order "se\u{301}ance" after "sf".
    @Test func pathsCompareByTheirBytes() {
        let paths = ["", "a", "a/b", "a-b", "a.md", "ab", "B", "\u{E9}", "e\u{301}", "se\u{301}ance.md", "sf.md", "s\u{E9}ance.md", "z", "zz"]
        for first in paths {
            for second in paths {
                #expect(first.precedesInByteOrder(second) == Array(first.utf8).lexicographicallyPrecedes(Array(second.utf8)), "\(first) \(second)")
            }
        }
        #expect("se\u{301}ance.md".precedesInByteOrder("sf.md") && "sf.md" < "se\u{301}ance.md")
        let many = paths + (0..<300).map { "content/en/page-\($0 * 7919 % 300).md" } + (0..<300).map { "p\($0)\u{E9}" }
        for seed in 0..<5 {
            var generator = SeededGenerator(state: UInt64(seed))
            #expect(many.shuffled(using: &generator).sortedInByteOrder() == many.sorted { $0.precedesInByteOrder($1) })
        }
    }

    /// The files of a folder come sorted by `<` (as every build before listed them), though they are sorted by
    /// their bytes first: a decomposed "séance" sorts after "sf" by `<` and before it by bytes.
    @Test func filesUnderAFolderAreInTheOrderOfLessThan() {
        for names in [["a.md", "b.md", "c/d.md", "c.md"], ["se\u{301}ance.md", "sf.md", "s\u{E9}b.md", "sa.md"]] {
            var texts: [String: String] = ["templates/page.mustache": "x"]
            for name in names { texts["content/en/" + name] = "# \(name)" }
            let listed = SiteSources(texts: texts).files(under: "content/").map(\.path)
            #expect(listed == names.map { "content/en/" + $0 }.sorted())
        }
    }

    /// A quick rebuild picks the page lines it needs by four fields found where they lie (`WantedPages`); it
    /// must pick exactly what splitting each line into fields picks: short lines, empty fields, escapes,
    /// a value that only begins a field, and every combination of a source, key and menu language wanted.
    @Test func wantedPagesAreThoseTheirSplitFieldsName() {
        let lines = ["P\ten/a.md\ten\ta\ten/a.html\tA\t\t3\t\tpage", "P\ten/b.md\ten\tb\ten/b.html\tB\t\t\t\tpage",
                     "P\tfr/a.md\tfr\ta\tfr/a.html\tA\t\t1", "P\ten/a.md\ten\ta\ten/a.html\tA\t\t", "P\ten/a.md\ten\ta",
                     "P\ten/a.mdx\tenx\tab\t\t\t\t2\t", "P\t\t\t\t\t\t\t\t", "P", "", "P\ten\\ta.md\ten\ta\t\t\t\t\t"]
        let choices = [Set<String>(), ["en/a.md"], ["en/b.md", "fr/a.md"], ["en\ta.md"], [""]]
        for sources in choices {
            for keys in [Set<String>(), ["a"], ["b", "x"], [""]] {
                for languages in [Set<String>(), ["en"], ["fr", "de"]] {
                    for outputs in [Set<String>(), ["en/b.html"], ["fr/a.html", "x"]] {
                        let wanted = WantedPages(sources: sources, keys: keys, menuLanguages: languages, outputs: outputs)
                        for line in lines {
                            let bytes = Array(line.utf8)
                            let picked = bytes.withUnsafeBufferPointer { wanted.contains($0) }
                            let fields = bytes.withUnsafeBufferPointer { BuildCache.fields($0, limit: 8).map { Array($0) } }
                            let expected = fields.count == 8 && (sources.contains { Array($0.utf8) == fields[1] } || keys.contains { Array($0.utf8) == fields[3] }
                                || outputs.contains { Array($0.utf8) == fields[4] } || (!fields[7].isEmpty && languages.contains { Array($0.utf8) == fields[2] }))
                            #expect(picked == expected, "\(line) with \(sources), \(keys), \(languages), \(outputs)")
                        }
                    }
                }
            }
        }
    }

    /// The fingerprint that tells a changed file from one saved again unchanged: any one bit flipped, a word
    /// moved, a byte added or taken away must change it, at every length around its 8- and 32-byte steps.
    @Test func fileFingerprintSeesEveryChange() {
        for length in [0, 1, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let original = ContentHash.wordValue(of: bytes)
            #expect(ContentHash.wordValue(of: Data(bytes)) == original)
            var seen: Set<UInt64> = [original]
            for index in 0..<length {
                for bit in 0..<8 {
                    var changed = bytes
                    changed[index] ^= 1 << bit
                    seen.insert(ContentHash.wordValue(of: changed))
                }
            }
            #expect(seen.count == 1 + length * 8, "length \(length)")
            #expect(ContentHash.wordValue(of: bytes + [0]) != original && (length == 0 || ContentHash.wordValue(of: Array(bytes.dropLast())) != original))
            if length >= 16 {
                let swapped = Array(bytes[8..<16] + bytes[0..<8] + bytes[16...])
                #expect(ContentHash.wordValue(of: swapped) != original)
            }
        }
    }

    /// File lines write stamps and hashes in hexadecimal as `String(_:radix: 16)` does, for every length.
    @Test func hexadecimalIsWrittenAsTheStandardLibraryWritesIt() {
        var values: [UInt64] = [0, 1, 9, 10, 15, 16, 255, 256, .max, .max - 1, 1 << 63]
        for shift in 0..<64 { values += [1 << UInt64(shift), (1 << UInt64(shift)) - 1] }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<1000 { values.append(random.next() >> UInt64.random(in: 0..<64)) }
        for value in values {
            var bytes: [UInt8] = []
            CacheIndex.appendHex(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value, radix: 16))
        }
    }

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

    /// A quick rebuild appends its new lines as a journal instead of writing the file again: read back, a file
    /// with a journal is the file written whole with those lines, however many journals pile up.
    @Test func aJournalReadsAsTheFileWrittenWhole() throws {
        let sources = Fixture.site(pages: ["content/en/extra.md": "---\ntitle: Extra\norder: 2\n---\n# Extra\n\n[home](index.md)\n"])
        let cache = try Fixture.build(sources).cache
        var file = [UInt8](cache.encoded())
        let original = try #require(CacheIndex(bytes: file))
        #expect(original.journalStart == file.count)
        let fileLine = try #require(original.files.first { $0.path == "content/en/extra.md" })
        let pageLine = try #require(original.pages(sources: ["content/en/extra.md"], keys: [], menuLanguages: []).first)
        var current = original
        for round in 0..<3 {
            let replacements = [
                fileLine.line: CacheIndex.fileLine(path: fileLine.path, state: .init(stamp: UInt64(round + 1), hash: 42)),
                pageLine.line: Array(BuildCache.line(for: pageLine.page)),
            ]
            file += CacheIndex.journal(replacements)
            let journaled = try #require(CacheIndex(bytes: file))
            let whole = try #require(CacheIndex(current.compacted(replacements)))
            #expect(journaled.journalStart == original.journalStart)
            #expect(journaled.files.map(\.path) == whole.files.map(\.path))
            #expect(journaled.files.map(\.state) == whole.files.map(\.state))
            #expect(journaled.files.first { $0.path == "content/en/extra.md" }?.state.stamp == UInt64(round + 1))
            #expect(BuildCache.decoded(journaled) == BuildCache.decoded(whole))
            #expect(journaled.compacted([:]) == whole.compacted([:]))
            #expect(journaled.compacted([:]) == Data(whole.bytes))
            current = journaled
        }
        #expect(BuildCache.decoded(current)?.files["content/en/extra.md"]?.stamp == 3)
        // A journal that names the header, a line past the end, or is cut short is no cache at all.
        for bad in ["J\t0\tx\n", "J\t\(original.lines.count)\tx\n", "J\t1\n", "J\t1\tF", "X\t1\tx\n"] {
            #expect(CacheIndex(bytes: file + Array(bad.utf8)) == nil, "\(bad)")
        }
    }
}
