import Foundation
@testable import SiteDisk
@testable import SiteGenerator
import Testing
import TestSupport

/// A rebuild judges a translation again when its source, its record or a block it includes changed, and gives
/// what a full build gives: the same files, the same warnings, the same errors.
@Suite struct TranslationRebuildTests {
    private func edit(_ site: BuildComparison, _ path: String, _ old: String, _ new: String) throws {
        let url = site.root.appendingPathComponent("content/" + path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(path) holds \(old)")
        try site.write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// The errors of a clean build into a fresh folder.
    private func errors(_ site: BuildComparison) -> [String] {
        let fresh = site.root.appendingPathComponent("fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        do throws(DiagnosticError) {
            _ = try IncrementalBuild.run(root: site.root, output: fresh, baseURL: nil, today: Fixture.today)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }.map(\.location)
        }
    }

    @Test func blocksPagesAndRecordsEditedInTurn() throws {
        var site = try BuildComparison(baseURL: nil)
        defer { site.removeSite() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/blocks/en"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/blocks/fr"), withIntermediateDirectories: true)
        try site.write("blocks/en/care.md", "Keep it clean for 3 days.\n")
        try site.write("blocks/fr/care.md", "Gardez-la propre pendant 3 jours.\n")
        try edit(site, "en/healing.md", "## Redness\n", "## Redness\n\n<!-- include: care -->\n")
        try edit(site, "fr/healing.md", "## Rougeur\n", "## Rougeur\n\n<!-- include: care -->\n")
        _ = try site.rebuild()
        _ = try TranslationFiles.record(root: site.root, targets: ["fr"], onlyWording: false, today: Fixture.today)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/translations/blocks/fr/care.md.yml").path))
        #expect(errors(site) == [])
        #expect(try site.rebuild() == 0, "records written: nothing to lay out")

        // The English block's number: the French block is behind, through the French page that includes it.
        try edit(site, "blocks/en/care.md", "3 days", "5 days")
        #expect(try site.rebuild() == nil)
        #expect(errors(site) == ["content/blocks/fr/care.md:1"])
        try edit(site, "blocks/fr/care.md", "3 jours", "5 jours")
        #expect(try site.rebuild() == nil, "translated, not yet recorded")
        _ = try TranslationFiles.record(root: site.root, targets: ["blocks/fr/care.md"], onlyWording: false, today: Fixture.today)
        #expect(try site.rebuild() != nil)

        // A number in an English page; then its record removed, then written again after the French is fixed.
        try edit(site, "en/healing.md", "3 to 4 days", "3 to 6 days")
        #expect(try site.rebuild() == nil)
        #expect(errors(site) == ["content/fr/healing.md:16"])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/translations/fr/healing.md.yml"))
        #expect(try site.rebuild() != nil, "with no record the page is only a warning")
        _ = try TranslationFiles.record(root: site.root, targets: ["fr/healing.md"], onlyWording: false, today: Fixture.today)
        #expect(try site.rebuild() != nil)

        // Wording only: one page laid out (the French twin is judged, not laid out), a warning both ways.
        try edit(site, "en/healing.md", "Right after the treatment", "Just after the treatment")
        #expect(try site.rebuild() == 1)
        try edit(site, "en/healing.md", "Just after the treatment", "Right after the treatment")
        #expect(try site.rebuild() == 1)
    }
}
