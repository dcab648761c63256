import Foundation
import TestSupport
import Testing
@testable import SiteDisk
@testable import SiteGenerator

/// Builds the site that ships in the repository, on disk, and checks what a visitor and a web host would.
@Suite(.serialized) struct ShippedSiteTests {
    @Test func everyPageIsWrittenInBothLanguages() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let summary = try IncrementalBuild.run(root: root, output: nil, baseURL: "https://clinic.example/info/", today: Fixture.today)
        let files = Fixture.files(in: root.appendingPathComponent("public"))
        #expect(summary.pageCount == 8)
        for path in ["index.html", "404.html", "robots.txt", "sitemap.xml", "en/index.html", "en/procedure.html", "en/benefits.html",
                     "en/healing.html", "fr/index.html", "fr/intervention.html", "fr/bienfaits.html", "fr/guerison.html"] {
            #expect(files[path] != nil, "missing \(path)")
        }
        #expect(files.keys.contains { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        let french = String(decoding: files["fr/guerison.html"]!, as: UTF8.self)
        #expect(french.contains("<html lang=\"fr\">"))
        #expect(french.contains("<link rel=\"canonical\" href=\"https://clinic.example/info/fr/guerison.html\">"))
        #expect(french.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://clinic.example/info/en/healing.html\">"))
        let sitemap = String(decoding: files["sitemap.xml"]!, as: UTF8.self)
        #expect(sitemap.contains("<loc>https://clinic.example/info/en/healing.html</loc>"))
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://clinic.example/info/fr/guerison.html\"/>"))
        #expect(String(decoding: files["robots.txt"]!, as: UTF8.self).contains("Sitemap: https://clinic.example/info/sitemap.xml"))
    }

    @Test func everyInternalLinkAndAnchorResolvesToAFile() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        let files = Fixture.files(in: root.appendingPathComponent("public"))
        #expect(files["sitemap.xml"] == nil)
        let attribute = try Regex(#"(?:href|src)="([^"]*)""#)
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            for match in html.matches(of: attribute) {
                let url = String(match.output[1].substring ?? "")
                if url.hasPrefix("https:") || url.hasPrefix("mailto:") || url.hasPrefix("tel:") { continue }
                #expect(!url.hasPrefix("/"), "\(path): root-absolute link \(url)")
                let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].isEmpty ? path : RelativePath.resolve(String(parts[0]).removingPercentEncoding!, inFolder: RelativePath.folder(of: path))
                let targetPath = try #require(target, "\(path): \(url) leaves the site")
                let targetData = try #require(files[targetPath], "\(path): \(url) points to a missing file")
                if parts.count == 2 {
                    #expect(String(decoding: targetData, as: UTF8.self).contains("id=\"\(parts[1])\""), "\(path): missing anchor \(url)")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func buildsAreByteIdenticalAndUnchangedFilesKeepTheirTime() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        let first = Fixture.files(in: output)
        let old = Date(timeIntervalSince1970: 946_684_800)
        for path in first.keys {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: output.appendingPathComponent(path).path)
        }
        let benefits = root.appendingPathComponent("content/en/benefits.md")
        try (String(contentsOf: benefits, encoding: .utf8) + "\nOne more sentence.\n").write(to: benefits, atomically: true, encoding: .utf8)
        let summary = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        let dates = Fixture.modificationDates(in: output)
        #expect(dates["en/healing.html"] == old)
        #expect(dates["fr/guerison.html"] == old)
        #expect(dates["en/benefits.html"] != old)
        #expect(summary.report.written > 0 && summary.report.unchanged > 0)
        let afterEdit = Fixture.files(in: output)
        #expect(afterEdit != first)

        // A second build of the same sources, run again from scratch, writes nothing and gives the same bytes.
        try FileManager.default.removeItem(at: root.appendingPathComponent(".public.record"))
        let again = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(again.report.written == 0)
        #expect(Fixture.files(in: output) == afterEdit)
        let copy = root.appendingPathComponent("second")
        _ = try IncrementalBuild.run(root: root, output: copy, baseURL: nil, today: Fixture.today)
        #expect(Fixture.files(in: copy) == Fixture.files(in: output))
    }

    @Test func unchangedInputsSkipTheBuildButNotHandEditsOrANewDay() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let first = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(first.report.written == 15)
        let again = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(again.report == OutputFolder.Report(written: 0, unchanged: 15, removed: 0))
        #expect(again.warnings == first.warnings && again.pageCount == 8)
        #expect(!first.upToDate && again.upToDate)
        // A file saved again with the same bytes: its stamp changes but nothing needs rebuilding.
        let index = root.appendingPathComponent("content/en/index.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: index.path)
        let touched = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(touched.report == OutputFolder.Report(written: 0, unchanged: 15, removed: 0))
        #expect(touched.upToDate)
        #expect(try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today).upToDate)
        // An edit that keeps the size is still seen.
        let text = try String(contentsOf: index, encoding: .utf8)
        try text.replacingOccurrences(of: "plain words", with: "clear words").write(to: index, atomically: false, encoding: .utf8)
        let edited = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(edited.report.written >= 1 && !edited.upToDate)
        #expect(try String(contentsOf: output.appendingPathComponent("en/index.html"), encoding: .utf8).contains("clear words"))
        // Someone edits the published copy: the next build puts it right.
        let page = output.appendingPathComponent("en/index.html")
        try "tampered".write(to: page, atomically: false, encoding: .utf8)
        let repaired = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(repaired.report.written == 1)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("<html lang=\"en\">"))
        // The published copy edited and a page's text changed at once: the quick rebuild works out the page in
        // the background of the output check, and must see the edit before it writes anything.
        let french = output.appendingPathComponent("fr/index.html")
        try "tampered again".write(to: french, atomically: false, encoding: .utf8)
        try (try String(contentsOf: index, encoding: .utf8)).replacingOccurrences(of: "clear words", with: "simple words")
            .write(to: index, atomically: false, encoding: .utf8)
        let both = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(both.pagesLaidOut == nil, "a full build, not a rebuild in place")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("simple words"))
        #expect(try String(contentsOf: french, encoding: .utf8).contains("<html lang=\"fr\">"))
        // A new day can make a review overdue: the warnings are new, and nothing is rewritten.
        let tomorrow = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today.adding(days: 400))
        #expect(tomorrow.report.written == 0 && tomorrow.report.unchanged == 15)
        #expect(tomorrow.warnings.contains { $0.message.contains("medical review") })
        // Another base URL changes the output.
        let moved = try IncrementalBuild.run(root: root, output: nil, baseURL: "https://a.example/", today: Fixture.today)
        #expect(moved.report.written > 0)
    }

    @Test func failedBuildLeavesPreviousOutputExactlyAsItWas() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        let before = Fixture.files(in: output)
        let datesBefore = Fixture.modificationDates(in: output)
        let cacheFile = root.appendingPathComponent(".public.record")
        let cacheBefore = try Data(contentsOf: cacheFile)
        try "# Broken\n\n[x](nowhere.md)\n".write(to: root.appendingPathComponent("content/en/benefits.md"), atomically: true, encoding: .utf8)
        try "clinic_name: C\nlanguages: [en, fr]\ncolour: red\n".write(to: root.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        do {
            _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
            Issue.record("the build should fail")
        } catch {
            let locations = error.diagnostics.map(\.location)
            #expect(locations.contains("content/en/benefits.md:3:1"))
            #expect(locations.contains("content/site.yml:3:1"))
        }
        #expect(Fixture.files(in: output) == before)
        #expect(Fixture.modificationDates(in: output) == datesBefore)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
        // The new cache is written under a temporary name while pages are laid out; a failed build removes it,
        // possibly after returning (it may still be being made), and keeps the last good cache.
        try Self.waitForNoTemporaries(in: root)
        #expect(try Data(contentsOf: cacheFile) == cacheBefore)

        // A broken link alone is found while the other pages are already being written: still nothing changes.
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/site.yml"))
        try FileManager.default.copyItem(at: Fixture.repository.appendingPathComponent("content/site.yml"), to: root.appendingPathComponent("content/site.yml"))
        do {
            _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
            Issue.record("the build should fail")
        } catch {
            #expect(error.diagnostics.filter { $0.severity == .error }.map(\.location) == ["content/en/benefits.md:3:1"])
        }
        #expect(Fixture.files(in: output) == before)
        #expect(Fixture.modificationDates(in: output) == datesBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("staging") }.isEmpty)
        try Self.waitForNoTemporaries(in: root)
        #expect(try Data(contentsOf: cacheFile) == cacheBefore)

        // The same broken link in a full build (the settings changed): it fails while the new cache is made.
        let settings = root.appendingPathComponent("content/site.yml")
        try (String(contentsOf: settings, encoding: .utf8) + "# a comment\n").write(to: settings, atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticError.self) { try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today) }
        #expect(Fixture.files(in: output) == before)
        // Its other pages were written beside the output as they were made: given up with the build.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("staging") }.isEmpty)
        try Self.waitForNoTemporaries(in: root)
        #expect(try Data(contentsOf: cacheFile) == cacheBefore)
    }

    /// Waits up to five seconds for `.clinicsite-….tmp` files to be gone from `folder`; fails if they stay.
    private static func waitForNoTemporaries(in folder: URL) throws {
        for _ in 0..<50 {
            if try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy({ !$0.hasPrefix(".clinicsite-") }) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("temporary files left in \(folder.path): \(try FileManager.default.contentsOfDirectory(atPath: folder.path))")
    }

    @Test func removedPagesDisappear() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try "# Extra\n".write(to: root.appendingPathComponent("content/fr/extra.md"), atomically: true, encoding: .utf8)
        _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(Fixture.files(in: root.appendingPathComponent("public"))["fr/extra.html"] != nil)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/fr/extra.md"))
        let procedure = root.appendingPathComponent("content/fr/procedure.md")
        try String(contentsOf: procedure, encoding: .utf8).replacingOccurrences(of: "slug: intervention\n", with: "")
            .write(to: procedure, atomically: true, encoding: .utf8)
        let summary = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        let files = Fixture.files(in: root.appendingPathComponent("public"))
        #expect(files["fr/extra.html"] == nil)
        #expect(files["fr/intervention.html"] == nil)
        #expect(files["fr/procedure.html"] != nil)
        #expect(summary.report.removed == 2)
    }

    @Test func outputFoldersThatHoldSourcesAreRefused() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        for bad in [root, root.appendingPathComponent("content"), root.appendingPathComponent("templates/x"), root.deletingLastPathComponent()] {
            #expect(throws: DiagnosticError.self) { try IncrementalBuild.run(root: root, output: bad, baseURL: nil, today: Fixture.today) }
        }
        let foreign = root.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try "keep me".write(to: foreign.appendingPathComponent("letter.txt"), atomically: true, encoding: .utf8)
        do {
            _ = try IncrementalBuild.run(root: root, output: foreign, baseURL: nil, today: Fixture.today)
            Issue.record("a folder clinicsite did not make must not be replaced")
        } catch {
            #expect(error.diagnostics[0].message.contains("not made by clinicsite"))
        }
        #expect(try String(contentsOf: foreign.appendingPathComponent("letter.txt"), encoding: .utf8) == "keep me")
    }

    @Test func aSecondBuildWaitsForNoOneAndSaysSo() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let lock = try BuildLock(path: root.appendingPathComponent(".public.lock").path, output: "public")
        defer { lock.release() }
        do {
            _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
            Issue.record("the build should refuse while another holds the lock")
        } catch {
            #expect(error.diagnostics[0].message == "another clinicsite build is writing to this folder right now")
        }
    }
}
