import Foundation
import RecoverySchedule
import TestSupport
import Testing
import SiteDisk
import SiteGenerator

@Suite struct PatientBatchTests {
    static func run(_ csv: String) throws -> (PatientBatch.Report, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("patients.csv")
        try Data(csv.utf8).write(to: file)
        let output = folder.appendingPathComponent("out")
        let report = try PatientBatch.run(csv: file, displayPath: "patients.csv", output: output, timelines: Fixture.timelines())
        return (report, output)
    }

    static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func readsBOMCRLFQuotesAndBlankLines() throws {
        let csv = "\u{FEFF}id,name,date,lang,sessions\r\n" +
            "a1,\"Smith, Ann\",2026-12-01,en,2\r\n" +
            "\r\n" +
            "b2,\"Line one\r\nline two\",2027-02-28,fr,\r\n" +
            "c_3,,2028-02-29,,1\r\n"
        let (report, output) = try Self.run(csv)
        #expect(report.problems.isEmpty)
        #expect(report.written == 3)
        #expect(Self.names(in: output) == ["a1.html", "a1.ics", "b2.html", "b2.ics", "c_3.html", "c_3.ics"])
        let a1 = try String(contentsOf: output.appendingPathComponent("a1.html"), encoding: .utf8)
        #expect(a1.contains("<dd>Smith, Ann</dd>"))
        let b2 = try String(contentsOf: output.appendingPathComponent("b2.html"), encoding: .utf8)
        #expect(b2.contains("<html lang=\"fr\">"))
        #expect(b2.contains("Line one\nline two"))
        let c3 = try String(contentsOf: output.appendingPathComponent("c_3.html"), encoding: .utf8)
        #expect(c3.contains("<html lang=\"en\">"))
        #expect(!c3.contains("<dd></dd>"))
    }

    @Test func badRowsAreReportedWithTheirLinesAndTheRestIsWritten() throws {
        let csv = """
        id,name,date,lang,sessions
        ok1,A,2026-12-01,en,1
        bad date,B,2026-12-01,en,1
        ok2,"Multi
        line, name",2026-02-30,en,1
        ok3,C,2026-12-01,de,1
        ok1,D,2026-12-01,en,1
        ../etc,E,2026-12-01,en,1
        ok4,F,2026-12-01,en,11
        ok5,G,2026-12-01,en,2

        """
        let (report, output) = try Self.run(csv)
        #expect(report.written == 2)
        #expect(report.problems.map(\.location) == ["patients.csv:3", "patients.csv:4", "patients.csv:6", "patients.csv:7", "patients.csv:8", "patients.csv:9"])
        #expect(report.problems[1].message == "'2026-02-30' is not a valid date (id ok2)")
        #expect(report.problems[2].message.hasPrefix("unknown language 'de'"))
        #expect(report.problems[3].message == "the id 'ok1' is already used on line 2")
        #expect(!report.problems.map(\.description).joined().contains("Multi"))
        #expect(Self.names(in: output) == ["ok1.html", "ok1.ics", "ok5.html", "ok5.ics"])
    }

    @Test func headerProblemsStopTheBatch() throws {
        #expect(throws: DiagnosticError.self) { try Self.run("id,name,when\nx,y,2026-01-01\n") }
        #expect(throws: DiagnosticError.self) { try Self.run("name,lang\nx,en\n") }
        #expect(throws: DiagnosticError.self) { try Self.run("") }
    }

    @Test func personalTimelinesNeverGoIntoTheWebsite() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        for bad in ["public", "public/patients", "content/x", "templates"] {
            #expect(throws: DiagnosticError.self) { try OutputLocation.checkPrivate(output: root.appendingPathComponent(bad), root: root) }
        }
        let elsewhere = root.appendingPathComponent("site-copy")
        _ = try IncrementalBuild.run(root: root, output: elsewhere, baseURL: nil, today: Fixture.today)
        #expect(throws: DiagnosticError.self) { try OutputLocation.checkPrivate(output: elsewhere.appendingPathComponent("p"), root: root) }
        try OutputLocation.checkPrivate(output: root.appendingPathComponent("timelines"), root: root)
    }
}
