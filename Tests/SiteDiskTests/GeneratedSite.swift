import Foundation
@testable import SiteDisk
import SiteGenerator
import Testing
import TestSupport

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
    /// The picture's width (its height is three quarters of it), or nil when it is not there: 4032 is heavy (a warning).
    var imageWidth: Int? = 64
    /// Every page links to each language's home page: this one gets a slug of its own.
    var frenchHomeMoved = false
    /// The fictional second procedure: 0 absent, 1 as written, 2 with a placeholder left in a page (not published),
    /// 3 with other rules and a page edited.
    var procedure = 0
    /// The block two English pages include: 0 one line, 1 with a heading (their anchors change), 2 gone (their error).
    var block = 0
    /// Whether `fr/gen-3` and the French interface text are recorded as translated (recorded when this turns true).
    var translationRecorded = false
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
        if key == "en/gen-2" || key == "en/gen-9" { body += "<!-- include: call -->\n\n" }
        body += page.extra.joined(separator: "\n\n")
        return "---\n\(front)---\n\(body)\n"
    }

    static func anchor(_ heading: String) -> String {
        heading.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    /// Writes every page whose text changed, removes the pages gone, and the image as `imageWidth` says.
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
        try writeProcedure()
        try writeBlock()
        try writeTranslationRecord()
        let picture = content.appendingPathComponent("en/pic.png")
        if let width = imageWidth {
            // The photo as an editor left it (text, XMP and EXIF the build leaves out), its header's size changed.
            var bytes = [UInt8](TestPhotos.editedPNG)
            for (offset, value) in [(16, width), (20, width * 3 / 4)] {
                bytes.replaceSubrange(offset..<offset + 4, with: (0..<4).map { UInt8(value >> (24 - 8 * $0) & 0xFF) })
            }
            if width > 2000 { bytes += [UInt8](repeating: 0, count: 600_000) }
            if (try? Data(contentsOf: picture)) != Data(bytes) { try Data(bytes).write(to: picture) }
        } else {
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
        let kind = Int.random(in: 0..<20, using: &generator)
        return kind < 8 ? pageEdit(kind, key: key, language: language, name: name, linked: linked)
            : otherEdit(kind, key: key, language: language, name: name, linked: linked)
    }

    /// Edits of one page's text, title, headings, presence, draft state or address.
    private mutating func pageEdit(_ kind: Int, key: String, language: String, name: String, linked: Bool) -> Edit {
        switch kind {
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
        default:
            return otherEdit(kind, key: key, language: language, name: name, linked: linked)
        }
    }

    /// Edits of menus, images, anchors, translations, review dates, home pages, templates and settings.
    private mutating func otherEdit(_ kind: Int, key: String, language: String, name: String, linked: Bool) -> Edit {
        switch kind {
        case 8:
            pages[key]!.order = pages[key]!.order == nil ? counter : nil
            return Edit(description: "menu order of \(key)")
        case 9:
            pages[key]!.menuTitle = "Menu \(counter)"
            return Edit(description: "menu title of \(key)")
        case 10:
            imageWidth = [64: 4032, 4032: nil][imageWidth] ?? 64
            return Edit(description: "image width: \(imageWidth.map(String.init) ?? "none")")
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
        case 19:
            translationRecorded.toggle()
            return Edit(description: "translation of fr/gen-3 recorded: \(translationRecorded)")
        case 18:
            block = (block + 1) % 3
            return Edit(description: "block: state \(block)")
        case 17:
            procedure = (procedure + 1) % 4
            return Edit(description: "second procedure: state \(procedure)")
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
