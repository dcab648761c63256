import Foundation
import TestSupport
import Testing

/// Patient lists as clinics really have them, run through the real executable: French Excel's plain "CSV"
/// (Windows-1252, semicolons, CR LF, day-first dates), and the mistakes a spreadsheet makes.
@Suite struct PatientListCommandTests {
    /// A site with `extra` added to its `site.yml`, and a CSV of `bytes` beside it.
    static func site(settings extra: String = "", csv bytes: [UInt8]) throws -> (root: URL, csv: URL) {
        let root = try Fixture.scratchSite()
        let settings = root.appendingPathComponent("content/site.yml")
        try (String(contentsOf: settings, encoding: .utf8) + extra).write(to: settings, atomically: true, encoding: .utf8)
        let csv = root.deletingLastPathComponent().appendingPathComponent("\(root.lastPathComponent)-patients.csv")
        try Data(bytes).write(to: csv)
        return (root, csv)
    }

    static func timeline(_ site: (root: URL, csv: URL)) throws -> Executable.Run {
        try Executable.run(["timeline", "--root", site.root.path, "--patients", site.csv.path,
                            "--output", site.root.deletingLastPathComponent().appendingPathComponent("\(site.root.lastPathComponent)-out").path])
    }

    static func output(of site: (root: URL, csv: URL)) -> URL {
        site.root.deletingLastPathComponent().appendingPathComponent("\(site.root.lastPathComponent)-out")
    }

    /// French Excel's "CSV (séparateur : point-virgule)": Windows-1252 bytes (é is E9, ’ is 92), `;`, CR LF, 06/12/2026.
    static let frenchExcel: [UInt8] = Array("id;name;date;lang;sessions\r\nrenee;Ren".utf8) + [0xE9, 0x65] + Array(" d".utf8) + [0x92]
        + Array("Aubign".utf8) + [0xE9] + Array(";06/12/2026;fr;2\r\nann;Ann Smith;31/12/2026;en;1\r\n".utf8)

    @Test func frenchExcelsFileIsReadWithItsSettingAndAWarning() throws {
        let site = try Self.site(settings: "patient_dates: DD/MM/YYYY\n", csv: Self.frenchExcel)
        defer { for url in [site.root, site.csv, Self.output(of: site)] { try? FileManager.default.removeItem(at: url) } }
        let run = try Self.timeline(site)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("-patients.csv:2: warning: this file is not UTF-8, so it was read as Windows-1252"))
        #expect(run.output.contains("Wrote 2 personal timelines"))
        let renee = try String(contentsOf: Self.output(of: site).appendingPathComponent("renee.html"), encoding: .utf8)
        #expect(renee.contains("Renée d’Aubigné"))
        // 06/12/2026 is the 6th of December: Day 1 printed in French.
        let spaced = renee.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        #expect(spaced.contains("dimanche 6 décembre 2026"))
        let ann = try String(contentsOf: Self.output(of: site).appendingPathComponent("ann.ics"), encoding: .utf8)
        #expect(ann.contains("DTSTART;VALUE=DATE:20261231"))
    }

    @Test func dayFirstDatesWithoutTheSettingNameIt() throws {
        let site = try Self.site(csv: Self.frenchExcel)
        defer { for url in [site.root, site.csv, Self.output(of: site)] { try? FileManager.default.removeItem(at: url) } }
        let run = try Self.timeline(site)
        #expect(run.status == 1)
        #expect(run.errors.contains("-patients.csv:2: error: '06/12/2026' could be day/month or month/day, and clinicsite cannot tell which (id renee)"))
        #expect(run.errors.contains("hint: add patient_dates: DD/MM/YYYY (or MM/DD/YYYY) to content/site.yml, or write dates as YYYY-MM-DD"))
        #expect(run.errors.contains("clinicsite: 2 rows could not be used; all other rows were written, and no print-all.html was written."))
    }

    @Test func spreadsheetMistakesGetTheirOwnHints() throws {
        let csv = "id,name,date\nok,A,2026-12-01\ntrail,B,2026-12-01,\nbreak,\"Ann\nSmith\",2026-12-01\nlast,C,2026-12-02\n"
        let site = try Self.site(csv: Array(csv.utf8))
        defer { for url in [site.root, site.csv, Self.output(of: site)] { try? FileManager.default.removeItem(at: url) } }
        let run = try Self.timeline(site)
        #expect(run.status == 1)
        #expect(run.errors.contains("-patients.csv:3: error: this row ends with 1 ',' more than the header has\n    hint: remove the ',' at the end of line 3"))
        #expect(run.errors.contains("-patients.csv:4: error: column 2 holds a line break inside its quotes, so this row runs from line 4 to line 5"))
        #expect(!run.errors.contains("missing closing quote"))
        #expect(run.errors.contains("2 rows could not be used; all other rows were written, and print-all.html holds the 2 patients written, not the 2 rows with problems."))
        let all = try String(contentsOf: Self.output(of: site).appendingPathComponent("print-all.html"), encoding: .utf8)
        #expect(all.components(separatedBy: "<article class=\"sheet\"").count == 3)
    }

    /// A list whose header a French clinic wrote in French (Windows-1252: the é of séances is E9, the header in capitals).
    @Test func frenchColumnNamesAreRead() throws {
        let csv = Array("ID;Nom;Date;Langue;S".utf8) + [0xE9] + Array("ances\r\nrenee;Ren".utf8) + [0xE9]
            + Array("e Roy;07/12/2026;Fran".utf8) + [0xE7] + Array("ais;3\r\nann;Ann Lee;07/12/2026;Anglais;1\r\n".utf8)
        let site = try Self.site(settings: "patient_dates: DD/MM/YYYY\n", csv: csv)
        defer { for url in [site.root, site.csv, Self.output(of: site)] { try? FileManager.default.removeItem(at: url) } }
        let run = try Self.timeline(site)
        #expect(run.status == 0, "\(run.errors)")
        let renee = try String(contentsOf: Self.output(of: site).appendingPathComponent("renee.html"), encoding: .utf8)
        #expect(renee.contains("Renée Roy"))
        #expect(renee.contains("<html lang=\"fr\""))
        #expect(renee.contains("2 autres séances suivront") || renee.contains("2\u{A0}autres séances suivront"), "\(renee)")
        let ann = try String(contentsOf: Self.output(of: site).appendingPathComponent("ann.html"), encoding: .utf8)
        #expect(ann.contains("<html lang=\"en\""))
        let wrong = try Self.site(csv: Array("id;nom;naissance\r\nx;A;1990\r\n".utf8))
        defer { for url in [wrong.root, wrong.csv, Self.output(of: wrong)] { try? FileManager.default.removeItem(at: url) } }
        let refused = try Self.timeline(wrong)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("-patients.csv:1: error: unknown column 'naissance'\n"
            + "    hint: the columns are: id, name, date, lang, sessions, procedure (id and date are required; in French: id, nom, date, langue, séances, soin)"))
    }

    /// The workbook itself instead of a CSV saved from it: one error that says so and how to save it, not a line of
    /// noise per binary line; and a date cell that Excel writes with its time is read.
    @Test func aWorkbookIsNamedAndADateWithATimeIsRead() throws {
        let workbooks: [([UInt8], String)] = [([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xFF, 0xFE], "a spreadsheet workbook (Excel .xlsx or LibreOffice .ods)"),
                                              ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x9F], "an Excel workbook (.xls)")]
        for (bytes, kind) in workbooks {
            let site = try Self.site(csv: bytes + Array(repeating: 0x80, count: 4000))
            defer { for url in [site.root, site.csv, Self.output(of: site)] { try? FileManager.default.removeItem(at: url) } }
            let run = try Self.timeline(site)
            #expect(run.status == 1)
            #expect(run.errors.contains("-patients.csv: error: this is \(kind), not a CSV file\n    hint: open it and save it as CSV (in Excel: File › Save As › CSV UTF-8"), "\(run.errors)")
            #expect(run.errors.contains("clinicsite: 1 error; nothing was changed."))
            #expect(!FileManager.default.fileExists(atPath: Self.output(of: site).path))
        }
        let site = try Self.site(settings: "patient_dates: DD/MM/YYYY\n", csv: Array("id;date\r\nann;06/12/2026 00:00\r\n".utf8))
        defer { for url in [site.root, site.csv, Self.output(of: site)] { try? FileManager.default.removeItem(at: url) } }
        let run = try Self.timeline(site)
        #expect(run.status == 0, "\(run.errors)")
        let ann = try String(contentsOf: Self.output(of: site).appendingPathComponent("ann.ics"), encoding: .utf8)
        #expect(ann.contains("DTSTART;VALUE=DATE:20261206"))
    }
}
