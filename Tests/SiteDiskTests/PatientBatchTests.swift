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
            "b2,\"Ann \"\"Nan\"\" Lee\",2027-02-28,fr,\r\n" +
            "c_3,,2028-02-29,,1\r\n"
        let (report, output) = try Self.run(csv)
        #expect(report.problems.isEmpty)
        #expect(report.written == 3)
        #expect(Self.names(in: output) == ["a1.html", "a1.ics", "b2.html", "b2.ics", "c_3.html", "c_3.ics", "print-all.html"])
        let a1 = try String(contentsOf: output.appendingPathComponent("a1.html"), encoding: .utf8)
        #expect(a1.contains("<dd>Smith, Ann</dd>"))
        let b2 = try String(contentsOf: output.appendingPathComponent("b2.html"), encoding: .utf8)
        #expect(b2.contains("<html lang=\"fr\">"))
        #expect(b2.contains("<dd>Ann &quot;Nan&quot; Lee</dd>"))
        let c3 = try String(contentsOf: output.appendingPathComponent("c_3.html"), encoding: .utf8)
        #expect(c3.contains("<html lang=\"en\">"))
        #expect(!c3.contains("<dt>Name"))
    }

    @Test func badRowsAreReportedWithTheirLinesAndTheRestIsWritten() throws {
        let csv = """
        id,name,date,lang,sessions
        ok1,A,2026-12-01,en,1
        bad date,B,2026-12-01,en,1
        ok2,"Multi
        line, name",2026-12-01,en,1
        ok3,C,2026-02-30,de,1
        ok1,D,2026-12-01,en,1
        ../etc,E,2026-12-01,en,1
        ok4,F,2026-12-01,en,11
        ok5,G,2026-12-01,en,2

        """
        let (report, output) = try Self.run(csv)
        #expect(report.written == 2)
        #expect(report.problems.map(\.location) == ["patients.csv:3", "patients.csv:4", "patients.csv:6", "patients.csv:7", "patients.csv:8", "patients.csv:9"])
        #expect(report.problems[1].message.hasPrefix("column 2 holds a line break inside its quotes, so this row runs from line 4 to line 5"))
        #expect(report.problems[2].message == "'2026-02-30' is not a valid date (id ok3)")
        #expect(report.problems[3].message == "the id 'ok1' is already used on line 2")
        #expect(!report.problems.map(\.description).joined().contains("Multi"))
        #expect(Self.names(in: output) == ["ok1.html", "ok1.ics", "ok5.html", "ok5.ics", "print-all.html"])
    }

    @Test func theDaysHandoutsAreAlsoInOneFileInCSVOrder() throws {
        let csv = "id,name,date,lang\nzed,Zed Last,2026-12-01,en\nbad,B,2026-13-01,en\namy,Amy Second,2026-12-02,fr\nbob,Bob Third,2026-12-03,en\n"
        let (report, output) = try Self.run(csv)
        #expect(report.written == 3)
        let all = try String(contentsOf: output.appendingPathComponent("print-all.html"), encoding: .utf8)
        let sheets = all.components(separatedBy: "<article class=\"sheet\"").dropFirst()
        #expect(sheets.count == 3)
        #expect(sheets.map { $0.contains("Zed Last") } == [true, false, false])
        #expect(sheets.map { $0.contains("Amy Second") } == [false, true, false])
        #expect(sheets.map { $0.hasPrefix(" lang=\"fr\">") } == [false, true, false])
        #expect(all.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") && all.hasSuffix("</article>\n</body>\n</html>\n"))
        #expect(all.contains("<title>Recovery handouts</title>"))
        // Each sheet is exactly the sheet of that patient's own page.
        let zed = try String(contentsOf: output.appendingPathComponent("zed.html"), encoding: .utf8)
        #expect(all.contains(String(try #require(PersonalTimelines.sheet(in: zed)))))
        let mode = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("print-all.html").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!Self.names(in: output).contains { $0.hasSuffix(".tmp") })
        // A batch in which no row could be used writes no print-all.html.
        let (none, emptyOutput) = try Self.run("id,date\nx,2026-13-01\n")
        #expect(none.written == 0)
        #expect(Self.names(in: emptyOutput).isEmpty)
    }

    @Test func anUnclosedQuoteNamesTheLinesItSwallowed() throws {
        let header = "id,name,date,lang,sessions\n"
        let (toEnd, output) = try Self.run(header + "a1,A,2026-12-01,en,1\na2,\"Ann,2026-12-01,en,1\na3,C,2026-12-01,en,1\na4,D,2026-12-01,en,1\n")
        #expect(toEnd.problems.map(\.description) == [
            "patients.csv:3: error: the quote opened on line 3 is never closed, so every line from 3 to the end of the file was read as one row and not used\n" +
            "    hint: add the missing closing quote (\") in column 2 of line 3"])
        #expect(Self.names(in: output) == ["a1.html", "a1.ics", "print-all.html"])
        // Closed by the next row's quote: the two rows merge, and neither is used under the wrong name.
        let (merged, mergedOutput) = try Self.run(header + "a1,A,2026-12-01,en,1\na2,\"Ann,2026-12-01,en,1\na3,C\",2026-12-01,en,1\na4,D,2026-12-01,en,1\n")
        #expect(merged.problems.map(\.location) == ["patients.csv:3"])
        #expect(merged.problems.first?.message.hasSuffix("so lines 3–4 were read as one row and not used") == true)
        #expect(Self.names(in: mergedOutput) == ["a1.html", "a1.ics", "a4.html", "a4.ics", "print-all.html"])
    }

    static func runBytes(_ bytes: Data) throws -> (Result<PatientBatch.Report, DiagnosticError>, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("patients.csv")
        try bytes.write(to: file)
        let output = folder.appendingPathComponent("out")
        let timelines = try Fixture.timelines()
        do throws(DiagnosticError) {
            return (.success(try PatientBatch.run(csv: file, displayPath: "patients.csv", output: output, timelines: timelines)), output)
        } catch {
            return (.failure(error), output)
        }
    }

    /// Windows-1252, as Excel's plain "CSV" saves it (é is the single byte E9): read, with a warning at the
    /// first line that is not UTF-8.
    @Test func aWindows1252FileIsReadWithAWarning() throws {
        var bytes = Data("id,name,date,lang,sessions\na1,A,2026-12-01,en,1\na2,Ren".utf8)
        bytes.append(0xE9)
        bytes.append(Data(",2026-12-01,fr,1\r\na3,C,2026-12-01,en,1\n".utf8))
        let (result, output) = try Self.runBytes(bytes)
        let report = try result.get()
        #expect(report.written == 3 && report.problems.isEmpty)
        #expect(report.warnings.map(\.location) == ["patients.csv:3"])
        #expect(try String(contentsOf: output.appendingPathComponent("a2.html"), encoding: .utf8).contains("<dd>René</dd>"))
    }

    /// Bytes neither encoding allows, or UTF-8 accents beside bytes that are not UTF-8: refused before anything is written.
    @Test func aFileInNoKnownEncodingIsRefusedBeforeAnythingIsWritten() throws {
        for bad in [Data([0x81]), Data("é".utf8) + Data([0xE9])] {
            var bytes = Data("id,name,date,lang,sessions\na1,A,2026-12-01,en,1\na2,Ren".utf8)
            bytes.append(bad)
            bytes.append(Data(",2026-12-01,fr,1\r\na3,C,2026-12-01,en,1\n".utf8))
            let (result, output) = try Self.runBytes(bytes)
            guard case .failure(let error) = result else {
                Issue.record("read \(Array(bad))")
                continue
            }
            #expect(error.diagnostics.map(\.location) == ["patients.csv:3"])
            #expect(error.diagnostics.first?.message == "this line is neither UTF-8 nor Windows-1252 text")
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    /// The separator is the one that splits the header into known columns; dates follow `patient_dates`.
    @Test func separatorsAndDateOrdersAreThoseTheFileUses() throws {
        #expect(CSVTextCheck.separator(ofHeader: "id;name;date", columns: PatientBatch.columns) == ";")
        #expect(CSVTextCheck.separator(ofHeader: "id\tname\tdate;x", columns: PatientBatch.columns) == "\t")
        #expect(CSVTextCheck.separator(ofHeader: "\u{FEFF}ID , Date", columns: PatientBatch.columns) == ",")
        #expect(CSVTextCheck.separator(ofHeader: "a;b;c,d", columns: PatientBatch.columns) == ";")
        #expect(PatientDateFormat.dayMonthYear.date("06/12/2026") == CivilDate(year: 2026, month: 12, day: 6))
        #expect(PatientDateFormat.monthDayYear.date("06/12/2026") == CivilDate(year: 2026, month: 6, day: 12))
        #expect(PatientDateFormat.dayMonthYear.date("6.1.2027") == CivilDate(year: 2027, month: 1, day: 6))
        #expect(PatientDateFormat.dayMonthYear.date("2026-12-06") == CivilDate(year: 2026, month: 12, day: 6))
        #expect(PatientDateFormat.dayMonthYear.date("31/02/2026") == nil)
        #expect(PatientDateFormat.dayMonthYear.date("06/12/26") == nil)
        #expect(PatientDateFormat.iso.date("06/12/2026") == nil)
    }

    /// Excel writes a cell formatted as date and time with its time: the date is read, a time that is not one refused.
    @Test func aTimeAfterTheDateIsReadPast() {
        let day = CivilDate(year: 2026, month: 12, day: 6)
        for text in ["06/12/2026 00:00", "6/12/2026 0:00", "06/12/2026 14:30:59", "06/12/2026 12:00 AM", "6.12.2026 9:05 pm"] {
            #expect(PatientDateFormat.dayMonthYear.date(text) == day, "\(text)")
        }
        #expect(PatientDateFormat.monthDayYear.date("12/6/2026 0:00") == day)
        #expect(PatientDateFormat.iso.date("2026-12-06 00:00:00") == day)
        #expect(PatientDateFormat.iso.date("2026-12-06T08:00") == day)
        for text in ["06/12/2026 24:00", "06/12/2026 13:00 PM", "06/12/2026 0:60", "06/12/2026 noon", "06/12/2026 ", "06/12/2026 1:2",
                     "06/12/2026 00:00 extra", "31/02/2026 00:00", "06/12/26 00:00"] {
            #expect(PatientDateFormat.dayMonthYear.date(text) == nil, "\(text)")
        }
        #expect(PatientDateFormat.looksDayOrMonthFirst("06/12/2026 00:00"))
    }

    @Test func headerProblemsStopTheBatch() throws {
        #expect(throws: DiagnosticError.self) { try Self.run("id,name,when\nx,y,2026-01-01\n") }
        #expect(throws: DiagnosticError.self) { try Self.run("name,lang\nx,en\n") }
        #expect(throws: DiagnosticError.self) { try Self.run("") }
        // A file that cannot be used leaves no output folder behind.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        let output = folder.appendingPathComponent("out")
        #expect(throws: DiagnosticError.self) { try PatientBatch.run(csv: empty, displayPath: "empty.csv", output: output, timelines: Fixture.timelines()) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
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
