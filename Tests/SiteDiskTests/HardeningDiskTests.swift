import Foundation
import SiteDisk
import SiteGenerator
import TestSupport
import Testing

/// Disk-side cases from the hostile pass of #11, kept fixed.
@Suite struct HardeningDiskTests {
    @Test func aFIFOWhereAPageWasDoesNotHangTheBuild() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        let page = root.appendingPathComponent("public/en/index.html")
        try FileManager.default.removeItem(at: page)
        #expect(mkfifo(page.path, 0o644) == 0)
        let summary = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(summary.pageCount == 8)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("<html"))
    }

    @Test func namesThatDifferOnlyInUnicodeFormAreAnError() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("content/en")
        try "# A\n".write(toFile: folder.path + "/caf\u{E9}.md", atomically: true, encoding: .utf8)
        try "# B\n".write(toFile: folder.path + "/cafe\u{301}.md", atomically: true, encoding: .utf8)
        // Both names are given in byte order (the decomposed one first), whichever was listed first.
        let message = "two files have this name, written with different Unicode forms (19 and 18 characters)"
        #expect(throws: DiagnosticError.self) { try SiteSources.load(root: root) }
        do {
            _ = try SiteSources.load(root: root)
        } catch {
            #expect(error.diagnostics.first?.message == message)
            #expect(error.diagnostics.first?.file == "content/en/caf\u{E9}.md")
        }
        // A first build reads and stamps in one walk: the same error.
        do {
            _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.first?.message == message)
            #expect(error.diagnostics.first?.file == "content/en/caf\u{E9}.md")
        }
    }

    @Test func badDatesAndCaseTwinIDsAreRowErrorsAndTheRestIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = folder.appendingPathComponent("p.csv")
        try "id,date\nann,2026-12-01\nfar,9999-12-31\nANN,2026-12-02\nbob,2026-12-03\n".write(to: csv, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let report = try PatientBatch.run(csv: csv, displayPath: "p.csv", output: output, timelines: Fixture.timelines())
        #expect(report.written == 2)
        #expect(report.problems.map(\.location) == ["p.csv:3", "p.csv:4"])
        #expect(report.problems[0].message.contains("outside the supported range 1900-01-01 to 2999-12-31"))
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(names == ["ann.html", "ann.ics", "bob.html", "bob.ics", "print-all.html"])
        for name in names {
            let mode = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(name).path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test func temporaryFilesOfAKilledBatchAreRemovedByTheNextOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        // A process that has ended, and one that is running (init), each with a temporary file left behind.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = ".clinicsite-\(ended.processIdentifier)-42.tmp", live = ".clinicsite-1-42.tmp"
        for name in [abandoned, live] { try "Ann Smith".write(to: output.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        let csv = folder.appendingPathComponent("p.csv")
        try "id,date\nann,2026-12-01\n".write(to: csv, atomically: true, encoding: .utf8)
        let report = try PatientBatch.run(csv: csv, displayPath: "p.csv", output: output, timelines: Fixture.timelines())
        #expect(report.written == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == [live, "ann.html", "ann.ics", "print-all.html"])
    }
}
