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
        for step in 0..<30 {
            let saved = (site.pages, site.hasImage, site.frenchHomeMoved)
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
                #expect(summary.warnings == clean.warnings && summary.pageCount == clean.pageCount, "seed \(seed), step \(step): \(edit)")
                if summary.pagesLaidOut != nil { rebuilt += 1 }
                if edit.isLocal { #expect(summary.pagesLaidOut == 1, "seed \(seed), step \(step): \(edit) laid out \(summary.pagesLaidOut ?? -1)") }
            case (.failure(let mine), .failure(let theirs)):
                #expect(mine.diagnostics.map(\.description) == theirs.diagnostics.map(\.description), "seed \(seed), step \(step): \(edit)")
                #expect(Fixture.files(in: site.output) == before, "a failed build changed the output (\(edit))")
                // Back to the last good site, so the walk goes on through builds that succeed.
                (site.pages, site.hasImage, site.frenchHomeMoved) = saved
                failed += 1
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

/// A site on disk: the shipped templates and pages, plus generated pages in English and French that link
/// to each other's headings, some in the menu, some translated, one with an image.
struct GeneratedSite {
    struct PageModel: Equatable {
        var title: String
        var heading: String
        var order: Int?
        var menuTitle: String?
        var draft = false
        var slug: String?
        var extra: [String] = []
        /// Keys (same language) this page links to, at their heading.
        var links: [String] = []
        var image = false
        var brokenAnchor = false
        /// The anchor other pages write for it, when they were not updated after its heading changed.
        var linkedAs: String?
        var reviewed: String?
    }

    /// The kind of edit, for messages; `isLocal` edits change one page's own text only.
    struct Edit: CustomStringConvertible {
        var description: String
        var isLocal = false
    }

    let root: URL
    let scratch: URL
    var output: URL { root.appendingPathComponent("public") }
    var pages: [String: PageModel] = [:]
    var hasImage = true
    /// Every page links to each language's home page: this one gets a slug of its own.
    var frenchHomeMoved = false
    var generator: SeededGenerator
    private var counter = 0

    init(seed: UInt64) throws {
        root = try Fixture.scratchSite()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        generator = SeededGenerator(state: seed)
        for number in 0..<24 {
            for language in number % 3 == 0 ? ["en", "fr"] : ["en"] {
                var page = PageModel(title: "Generated \(number)", heading: "Topic \(number)")
                page.order = number % 5 == 0 ? 50 + number : nil
                page.links = ["gen-\((number + 1) % 24)", "gen-\((number + 7) % 24)"].filter { language == "en" || pages["fr/\($0)"] != nil || $0 == "gen-0" }
                page.image = number == 4 && language == "en"
                pages["\(language)/gen-\(number)"] = page
            }
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: scratch)
    }

    /// The page's Markdown.
    func text(of key: String, _ page: PageModel) -> String {
        var front = "title: \"\(page.title)\"\n"
        if let order = page.order { front += "order: \(order)\n" }
        if let menuTitle = page.menuTitle { front += "menu_title: \"\(menuTitle)\"\n" }
        if page.draft { front += "draft: true\n" }
        if let slug = page.slug { front += "slug: \(slug)\n" }
        if let reviewed = page.reviewed { front += "reviewed: \(reviewed)\n" }
        var body = "# \(page.title)\n\nSome words for \(key).\n\n## \(page.heading)\n\n"
        let language = String(key.split(separator: "/")[0])
        for target in page.links {
            let anchor = pages["\(language)/\(target)"].map { $0.linkedAs ?? Self.anchor($0.heading) } ?? "gone"
            body += "See [\(target)](\(target).md#\(page.brokenAnchor ? "nowhere" : anchor)).\n\n"
        }
        if page.image { body += "![A picture](pic.png)\n\n" }
        body += page.extra.joined(separator: "\n\n")
        return "---\n\(front)---\n\(body)\n"
    }

    static func anchor(_ heading: String) -> String {
        heading.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    /// Writes every page whose text changed, removes the pages gone, and the image as `hasImage` says.
    func write() throws {
        let content = root.appendingPathComponent("content")
        for (key, page) in pages {
            let url = content.appendingPathComponent("\(key).md")
            let text = text(of: key, page)
            if (try? String(contentsOf: url, encoding: .utf8)) != text { try text.write(to: url, atomically: true, encoding: .utf8) }
        }
        for language in ["en", "fr"] {
            let folder = content.appendingPathComponent(language)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("gen-") {
                if pages["\(language)/\(name.dropLast(3))"] == nil { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
            }
        }
        let home = content.appendingPathComponent("fr/index.md")
        let text = try String(contentsOf: home, encoding: .utf8)
        if text.contains("slug: accueil-fr\n") != frenchHomeMoved {
            let moved = frenchHomeMoved ? text.replacingOccurrences(of: "\ntitle:", with: "\nslug: accueil-fr\ntitle:")
                : text.replacingOccurrences(of: "slug: accueil-fr\n", with: "")
            try moved.write(to: home, atomically: true, encoding: .utf8)
        }
        let picture = content.appendingPathComponent("en/pic.png")
        if hasImage, !FileManager.default.fileExists(atPath: picture.path) {
            try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: picture)
        } else if !hasImage {
            try? FileManager.default.removeItem(at: picture)
        }
    }

    mutating func randomEdit() -> Edit {
        counter += 1
        let keys = pages.keys.sorted()
        let key = keys.randomElement(using: &generator)!
        let language = String(key.split(separator: "/")[0])
        let name = String(key.split(separator: "/")[1])
        let linked = pages.contains { $0.key.hasPrefix(language + "/") && $0.value.links.contains(name) }
        switch Int.random(in: 0..<17, using: &generator) {
        case 0, 1:
            pages[key]!.extra.append("A new sentence, number \(counter).")
            return Edit(description: "body of \(key)", isLocal: pages[key]!.order == nil && !pages[key]!.draft)
        case 2:
            pages[key]!.title = "Retitled \(counter)"
            return Edit(description: "title of \(key)")
        case 3:
            // Half the time the pages that link to it are not updated, and their links break.
            let stale = Bool.random(using: &generator)
            if stale { pages[key]!.linkedAs = pages[key]!.linkedAs ?? Self.anchor(pages[key]!.heading) }
            pages[key]!.heading = "Subject \(counter)"
            return Edit(description: "heading of \(key), linked from others: \(linked), links not updated: \(stale)")
        case 4:
            let new = "\(language)/gen-\(100 + counter)"
            pages[new] = PageModel(title: "Added \(counter)", heading: "New \(counter)", links: [name])
            if Bool.random(using: &generator) { pages[key]!.links.append("gen-\(100 + counter)") }
            return Edit(description: "added \(new)")
        case 5:
            pages[key] = nil
            for other in pages.keys where other.hasPrefix(language + "/") { pages[other]!.links.removeAll { $0 == name } }
            return Edit(description: "removed \(key)")
        case 6:
            pages[key]!.draft.toggle()
            return Edit(description: "draft of \(key) now \(pages[key]!.draft), linked: \(linked)")
        case 7:
            pages[key]!.slug = pages[key]!.slug == nil ? "moved-\(counter)" : nil
            return Edit(description: "slug of \(key)")
        case 8:
            pages[key]!.order = pages[key]!.order == nil ? counter : nil
            return Edit(description: "menu order of \(key)")
        case 9:
            pages[key]!.menuTitle = "Menu \(counter)"
            return Edit(description: "menu title of \(key)")
        case 10:
            hasImage.toggle()
            return Edit(description: "image present: \(hasImage)")
        case 11:
            pages[key]!.brokenAnchor.toggle()
            return Edit(description: "broken anchor on \(key): \(pages[key]!.brokenAnchor)")
        case 12:
            let translation = (language == "en" ? "fr/" : "en/") + name
            if pages[translation] == nil { pages[translation] = PageModel(title: "Traduit \(counter)", heading: "Sujet \(counter)") } else { pages[translation] = nil }
            for other in pages.keys where other.hasPrefix(String(translation.prefix(3))) && pages[translation] == nil {
                pages[other]!.links.removeAll { $0 == name }
            }
            return Edit(description: "translation \(translation) toggled")
        case 16:
            // Long ago (a warning) or recently: the page shows it, the sitemap dates it.
            pages[key]!.reviewed = pages[key]!.reviewed == "2020-01-15" ? "2026-10-01" : "2020-01-15"
            return Edit(description: "review date of \(key): \(pages[key]!.reviewed!)")
        case 15:
            frenchHomeMoved.toggle()
            return Edit(description: "French home page moved: \(frenchHomeMoved)")
        case 13:
            append(to: "templates/page.mustache", "<!-- edit \(counter) -->\n")
            return Edit(description: "template")
        default:
            append(to: "content/site.yml", "# edit \(counter)\n")
            return Edit(description: "site.yml")
        }
    }

    private func append(to path: String, _ text: String) {
        let url = root.appendingPathComponent(path)
        let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        try? (old + text).write(to: url, atomically: true, encoding: .utf8)
    }
}

/// A copy of the shipped site, edited by a test and built in place and into a fresh folder each time, to
/// check that both succeed alike (the same files) or fail alike (the same errors, the output left as it was).
struct BuildComparison {
    let root: URL
    let baseURL: String?
    private var step = 0

    init(baseURL: String?) throws {
        root = try Fixture.scratchSite()
        self.baseURL = baseURL
    }

    /// Writes `text` to the file at `path` below `content/`.
    func write(_ path: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent("content/" + path), atomically: false, encoding: .utf8)
    }

    /// Removes the file at `path` below `content/`.
    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/" + path))
    }

    func removeSite() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Builds both ways; the pages the build in place laid out again, nil when both failed.
    mutating func rebuild() throws -> Int? {
        step += 1
        let output = root.appendingPathComponent("public")
        let before = Fixture.files(in: output)
        let fresh = root.appendingPathComponent("full-\(step)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        let (root, baseURL) = (root, baseURL)
        let incremental = Swift.Result { () throws(DiagnosticError) in try IncrementalBuild.run(root: root, output: nil, baseURL: baseURL, today: Fixture.today) }
        let full = Swift.Result { () throws(DiagnosticError) in try IncrementalBuild.run(root: root, output: fresh, baseURL: baseURL, today: Fixture.today) }
        switch (incremental, full) {
        case (.success(let summary), .success(let clean)):
            #expect(Fixture.files(in: output) == Fixture.files(in: fresh), "step \(step)")
            #expect(summary.warnings == clean.warnings && summary.pageCount == clean.pageCount, "step \(step)")
            return summary.pagesLaidOut
        case (.failure(let mine), .failure(let theirs)):
            #expect(mine.diagnostics.map(\.description) == theirs.diagnostics.map(\.description), "step \(step)")
            #expect(Fixture.files(in: output) == before, "step \(step): a failed build changed the output")
            return nil
        default:
            Issue.record("step \(step): incremental \(incremental), full \(full)")
            return nil
        }
    }
}
