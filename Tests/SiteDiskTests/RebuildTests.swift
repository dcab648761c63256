import Foundation
@testable import SiteDisk
@testable import SiteGenerator
import Testing
import TestSupport

/// A rebuild that reuses the cache must leave exactly what a full build of the same sources makes, or fail
/// with exactly its errors. A site on disk is edited at random, many times over (bodies, titles, headings
/// other pages link to, pages added and removed, drafts, slugs, menus, images, a template, the settings),
/// and after every edit the incremental build is compared with a full build into a fresh folder. Every build
/// also makes `search.json`, an output added the way `docs/architecture.md` says (`SearchIndexFile`), which
/// shows every page's title: it too must be made again whenever a title changes, and only then.
@Suite struct RebuildTests {
    /// A search index of every page's title and address, added as a `SiteOutput` from outside the library.
    struct SearchIndexFile: SiteOutput {
        func path(for settings: Settings) -> String? { "search.json" }
        func make(with renderer: PageRenderer, reads: Reads) -> Data {
            let entries = reads.pages().map { "{\"title\":\"\($0.title)\",\"href\":\"\($0.outputPath)\"}" }
            return Data(("[" + entries.joined(separator: ",") + "]\n").utf8)
        }
    }

    static func build(_ root: URL, output: URL? = nil, baseURL: String?) throws(DiagnosticError) -> IncrementalBuild.Summary {
        var options = BuildOptions(baseURL: baseURL, today: Fixture.today)
        options.outputs = [SearchIndexFile()]
        return try IncrementalBuild.run(root: root, output: output, options: options)
    }

    @Test(arguments: Array(UInt64(1)...UInt64(8)))
    func randomEditsGiveWhatAFullBuildGives(seed: UInt64) throws {
        var site = try GeneratedSite(seed: seed)
        defer { site.remove() }
        try site.write()
        // One walk with a base URL, so the sitemap and absolute links are compared too.
        let baseURL = seed == 3 ? "https://clinic.example/info/" : nil
        _ = try Self.build(site.root, baseURL: baseURL)
        #expect(try String(contentsOf: site.output.appendingPathComponent("search.json"), encoding: .utf8).contains("\"title\":\"Generated 4\""))
        var rebuilt = 0
        var failed = 0
        var restored = false
        for step in 0..<30 {
            let saved = (site.pages, site.imageWidth, site.frenchHomeMoved, site.procedure, site.block, site.translationRecorded)
            let edit = site.randomEdit()
            try site.write()
            let before = Fixture.files(in: site.output)
            let incremental = Swift.Result { () throws(DiagnosticError) in try Self.build(site.root, baseURL: baseURL) }
            let fresh = site.scratch.appendingPathComponent("full-\(step)")
            let full = Swift.Result { () throws(DiagnosticError) in try Self.build(site.root, output: fresh, baseURL: baseURL) }
            if ProcessInfo.processInfo.environment["REBUILD_TRACE"] != nil { print("step \(step) \(edit): \((try? incremental.get()).map { "ok \($0.pagesLaidOut ?? -1)" } ?? "failed \(incremental)")") }
            switch (incremental, full) {
            case (.success(let summary), .success(let clean)):
                #expect(Fixture.files(in: site.output) == Fixture.files(in: fresh), "seed \(seed), step \(step): \(edit)")
                #expect(summary.warnings == clean.warnings && summary.pageCount == clean.pageCount && summary.withheld == clean.withheld,
                        "seed \(seed), step \(step): \(edit)")
                if summary.pagesLaidOut != nil { rebuilt += 1 }
                // After a failed build, this build also carries the step back to the last good site.
                if edit.isLocal && !restored { #expect(summary.pagesLaidOut == 1, "seed \(seed), step \(step): \(edit) laid out \(summary.pagesLaidOut ?? -1)") }
                restored = false
            case (.failure(let mine), .failure(let theirs)):
                #expect(mine.diagnostics.map(\.description) == theirs.diagnostics.map(\.description), "seed \(seed), step \(step): \(edit)")
                #expect(Fixture.files(in: site.output) == before, "a failed build changed the output (\(edit))")
                // Back to the last good site, so the walk goes on through builds that succeed.
                (site.pages, site.imageWidth, site.frenchHomeMoved, site.procedure, site.block, site.translationRecorded) = saved
                failed += 1
                restored = true
            default:
                Issue.record("seed \(seed), step \(step): \(edit): incremental \(incremental), full \(full)")
            }
            try? FileManager.default.removeItem(at: fresh)
        }
        #expect(rebuilt >= 15 && failed >= 1, "rebuilds: \(rebuilt), failures: \(failed)")
    }

    /// Found by the random walk: pages saved back to what the cache knows, together with a template change,
    /// once made the quick rebuild say "up to date" without looking at the template.
    @Test func aTemplateChangeIsSeenWhenPagesComeBackToTheirCachedBytes() throws {
        var site = try GeneratedSite(seed: 11)
        defer { site.remove() }
        try site.write()
        _ = try IncrementalBuild.run(root: site.root, output: nil, baseURL: nil, today: Fixture.today)
        let saved = site.pages
        site.pages["en/gen-3"]!.brokenAnchor = true
        try site.write()
        #expect(throws: DiagnosticError.self) { try IncrementalBuild.run(root: site.root, output: nil, baseURL: nil, today: Fixture.today) }
        site.pages = saved
        try site.write()
        let template = site.root.appendingPathComponent("templates/page.mustache")
        try (String(contentsOf: template, encoding: .utf8) + "<!-- new -->\n").write(to: template, atomically: true, encoding: .utf8)
        let summary = try IncrementalBuild.run(root: site.root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(!summary.upToDate)
        let page = try String(contentsOf: site.output.appendingPathComponent("en/gen-3.html"), encoding: .utf8)
        #expect(page.contains("<!-- new -->"))
    }

    @Test func aPageEditReadsAndLaysOutOnlyThatPage() throws {
        var site = try GeneratedSite(seed: 9)
        defer { site.remove() }
        try site.write()
        _ = try IncrementalBuild.run(root: site.root, output: nil, baseURL: nil, today: Fixture.today)
        let times = Fixture.modificationDates(in: site.output)
        site.pages["en/gen-3"]!.extra.append("One more sentence.")
        try site.write()
        let summary = try IncrementalBuild.run(root: site.root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(summary.pagesLaidOut == 1)
        #expect(summary.report.written == 1)
        let changed = Fixture.modificationDates(in: site.output).filter { times[$0.key] != $0.value }.map(\.key)
        #expect(changed == ["en/gen-3.html"])
    }

    /// A page's own warning (raw HTML left out) is still reported by a rebuild that does not read the page again.
    @Test func aPagesWarningOutlivesRebuildsThatDoNotReadIt() throws {
        var site = try GeneratedSite(seed: 4)
        defer { site.remove() }
        site.pages["en/gen-2"]!.extra.append("<div>boxed</div>")
        try site.write()
        let first = try IncrementalBuild.run(root: site.root, output: nil, baseURL: nil, today: Fixture.today)
        let warned = first.warnings.filter { $0.code == .rawHTMLLeftOut }
        #expect(warned.count == 1 && warned.first?.file.hasSuffix("gen-2.md") == true)
        site.pages["en/gen-3"]!.extra.append("One more sentence.")
        try site.write()
        let rebuilt = try IncrementalBuild.run(root: site.root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(rebuilt.pagesLaidOut == 1)
        #expect(rebuilt.warnings.filter { $0.code == .rawHTMLLeftOut } == warned)
    }

    /// A heading other pages link to, changed: only that page is laid out again when every link to it still
    /// finds its anchor (a link's address does not depend on the anchors), whether written plainly, from
    /// another language's folder or percent-encoded; when one link breaks, the build fails with a full
    /// build's errors and the output stays as it was.
    @Test func aChangedHeadingLaysOutOnlyItsPageWhileEveryLinkToItHolds() throws {
        var comparison = try BuildComparison(baseURL: nil)
        defer { comparison.removeSite() }
        func write(_ path: String, _ text: String) throws { try comparison.write(path, text) }
        func target(_ headings: [String], slug: String? = nil) throws {
            try write("en/target.md", "---\ntitle: Target\n\(slug.map { "slug: \($0)\n" } ?? "")---\n# Target\n\n"
                      + headings.map { "## \($0)\n\nWords.\n\n" }.joined())
        }
        try target(["Keep this", "Change me", "Only encoded", "In French"])
        try write("en/by-anchor.md", "---\ntitle: By anchor\n---\n# By anchor\n\nSee [it](target.md#keep-this).\n")
        try write("en/plain.md", "---\ntitle: Plain\n---\n# Plain\n\nSee [it](target.md).\n")
        try write("en/encoded.md", "---\ntitle: Encoded\n---\n# Encoded\n\nSee [it](targ%65t.md#only-encoded).\n")
        try write("fr/lien.md", "---\ntitle: Lien\n---\n# Lien\n\nVoir [la page](../en/target.md#in-french).\n")
        _ = try comparison.rebuild()
        func rebuild() throws -> Int? { try comparison.rebuild() }
        try target(["Keep this", "Changed now", "Only encoded", "In French"])
        #expect(try rebuild() == 1)
        for broken in [["Kept no more", "Changed now", "Only encoded", "In French"], ["Keep this", "Changed now", "Renamed", "In French"],
                       ["Keep this", "Changed now", "Only encoded", "En anglais"]] {
            try target(broken)
            #expect(try rebuild() == nil)
        }
        try target(["Keep this", "Changed again", "Only encoded", "In French"])
        #expect(try rebuild() == 1)
        // A new address: every page linking to it is laid out again, the percent-encoded link's too.
        try target(["Keep this", "Changed again", "Only encoded", "In French"], slug: "moved")
        #expect(try rebuild() == 5)
    }

    /// A page added or removed that no other page shows (no menu entry, no translation, no link to it) is
    /// laid out alone, and the sitemap made again from the cache; one another page links to cannot go, and
    /// the build says so as a full build does.
    @Test func aPageAddedOrRemovedThatNoPageShowsIsLaidOutAlone() throws {
        var comparison = try BuildComparison(baseURL: "https://clinic.example/care/")
        defer { comparison.removeSite() }
        func write(_ name: String, _ text: String) throws { try comparison.write("en/" + name, text) }
        func remove(_ name: String) throws { try comparison.remove("en/" + name) }
        _ = try comparison.rebuild()
        try write("aaa-one.md", "---\ntitle: One\nreviewed: 2026-10-01\n---\n# One\n\nSee [healing](healing.md).\n")
        try write("aaa-two.md", "---\ntitle: Two\n---\n# Two\n\nWords.\n")
        #expect(try comparison.rebuild() == 2)
        try remove("aaa-one.md")
        #expect(try comparison.rebuild() == 0)
        // A page another page links to: removing it is an error, found without laying the other page out.
        try write("aaa-three.md", "---\ntitle: Three\n---\n# Three\n\nSee [two](aaa-two.md).\n")
        #expect(try comparison.rebuild() == 1)
        try remove("aaa-two.md")
        #expect(try comparison.rebuild() == nil)
        try remove("aaa-three.md")
        #expect(try comparison.rebuild() == 0)
    }

    /// A link written with a composed é to a file whose name has it decomposed (as macOS writes it): the record looks
    /// paths up by their bytes, so the link's dependency must be recorded in the file's spelling, or a rebuild would
    /// miss that the heading it points at went (and a full build would not).
    @Test func aLinkInTheOtherUnicodeFormFollowsItsPage() throws {
        var comparison = try BuildComparison(baseURL: nil)
        defer { comparison.removeSite() }
        func target(_ heading: String, _ words: String = "Words.") throws {
            try comparison.write("en/se\u{301}ance.md", "---\ntitle: Session\n---\n# Session\n\n## \(heading)\n\n\(words)\n")
        }
        try target("Care")
        try comparison.write("en/link.md", "---\ntitle: Link\n---\n# Link\n\nSee [it](s\u{E9}ance.md#care).\n")
        _ = try comparison.rebuild()
        try target("Care", "Other words.")
        #expect(try comparison.rebuild() == 1)
        try target("Other")
        #expect(try comparison.rebuild() == nil)
        try target("Care")
        #expect(try comparison.rebuild() == 1)
    }

    /// A name in decomposed Unicode (as macOS writes "séance") beside one it sorts differently from by its bytes
    /// and as a string: an edit of either is still one page laid out, and the output a full build's.
    @Test func aDecomposedFileNameKeepsEditsToOnePage() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let english = root.appendingPathComponent("content/en")
        let decomposed = english.appendingPathComponent("se\u{301}ance.md")
        try "---\ntitle: Session\n---\n# Session\n\nWords.\n".write(to: decomposed, atomically: false, encoding: .utf8)
        let other = english.appendingPathComponent("sf-care.md")
        try "---\ntitle: Care\n---\n# Care\n\nWords.\n".write(to: other, atomically: false, encoding: .utf8)
        _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        for file in [other, decomposed] {
            try (String(contentsOf: file, encoding: .utf8) + "\nOther words.\n").write(to: file, atomically: false, encoding: .utf8)
            let summary = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
            #expect(summary.pagesLaidOut == 1)
        }
        let output = root.appendingPathComponent("public")
        let fresh = root.appendingPathComponent("full")
        defer { try? FileManager.default.removeItem(at: fresh) }
        _ = try IncrementalBuild.run(root: root, output: fresh, baseURL: nil, today: Fixture.today)
        #expect(Fixture.files(in: output) == Fixture.files(in: fresh))
    }
}

