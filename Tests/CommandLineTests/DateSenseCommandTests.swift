import Foundation
import TestSupport
import Testing

/// Dates that are most likely typos stop the tool before a patient gets a handout for the wrong days, or a page
/// says it was reviewed in the future: run as staff run it, with the day fixed by `CLINICSITE_TODAY`.
@Suite struct DateSenseCommandTests {
    /// A new folder holding `today.csv` with `text`, and where its timelines go.
    private static func patientList(_ text: String) throws -> (folder: URL, csv: URL, out: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = folder.appendingPathComponent("today.csv")
        try text.write(to: csv, atomically: true, encoding: .utf8)
        return (folder, csv, folder.appendingPathComponent("out"))
    }

    @Test func aProcedureDateFarFromTodayIsRefusedUnlessConfirmed() throws {
        let today = ["CLINICSITE_TODAY": "2026-12-07"]
        for (date, words) in [("2062-12-01", "2062-12-01 is more than a year after today (2026-12-07)"),
                              ("2026-10-07", "2026-10-07 is more than 60 days before today (2026-12-07)")] {
            let refused = try Executable.run(["timeline", "--date", date, "--format", "text"], environment: today)
            #expect(refused.status == 64)
            #expect(refused.errors.contains("clinicsite: --date \(words): is it right?"))
            #expect(refused.errors.contains("hint: check the year and the day; if the date is right, run again with --confirm-dates"))
            #expect(refused.output.isEmpty)
            let confirmed = try Executable.run(["timeline", "--date", date, "--format", "text", "--confirm-dates"], environment: today)
            #expect(confirmed.status == 0)
        }
        // The edges are inside: 60 days back, a year ahead.
        for date in ["2026-10-08", "2027-12-07"] {
            #expect(try Executable.run(["timeline", "--date", date, "--format", "text"], environment: today).status == 0, "\(date)")
        }
        #expect(try Executable.run(["timeline", "--date", "2027-12-08", "--format", "text"], environment: today).status == 64)
    }

    @Test func aBatchNamesEachRowWithAnUnlikelyDate() throws {
        let (folder, csv, out) = try Self.patientList("id,date\nok,2026-12-08\nold,2019-03-01\nfar,2062-12-01\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Executable.run(["timeline", "--patients", csv.path, "--output", out.path], environment: ["CLINICSITE_TODAY": "2026-12-07"])
        #expect(run.status == 1)
        #expect(run.errors.contains("today.csv:3: error: the date 2019-03-01 is more than 60 days before today (2026-12-07) (id old)"))
        #expect(run.errors.contains("today.csv:4: error: the date 2062-12-01 is more than a year after today (2026-12-07) (id far)"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("ok.html").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("far.html").path))
        let confirmed = try Executable.run(["timeline", "--patients", csv.path, "--output", out.path, "--confirm-dates"],
                                           environment: ["CLINICSITE_TODAY": "2026-12-07"])
        #expect(confirmed.status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("far.html").path))
    }

    @Test func aReviewDateInTheFutureStopsTheBuildAtItsLine() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appendingPathComponent("content/fr/healing.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("reviewed:") }) + 1
        let built = try Executable.run(["build", "--root", root.path], environment: ["CLINICSITE_TODAY": "2026-12-07"])
        #expect(built.status == 0, "\(built.errors)")
        try text.replacingOccurrences(of: #"reviewed: \d{4}-\d{2}-\d{2}"#, with: "reviewed: 2062-11-26", options: .regularExpression)
            .write(to: page, atomically: true, encoding: .utf8)
        let future = try Executable.run(["build", "--root", root.path], environment: ["CLINICSITE_TODAY": "2026-12-07"])
        #expect(future.status == 1)
        #expect(future.errors.contains("content/fr/healing.md:\(line): error: reviewed: 2062-11-26 is in the future (today is 2026-12-07)"))
        // A page the record holds, built on a later day, is judged again when the clock says an earlier one.
        let later = try Executable.run(["build", "--root", root.path], environment: ["CLINICSITE_TODAY": "2062-12-01"])
        #expect(later.status == 0, "\(later.errors)")
        let earlier = try Executable.run(["build", "--root", root.path], environment: ["CLINICSITE_TODAY": "2062-11-20"])
        #expect(earlier.status == 1)
        #expect(earlier.errors.contains("content/fr/healing.md:\(line): error: reviewed: 2062-11-26 is in the future (today is 2062-11-20)"))
    }

    /// A procedure date on a day the clinic is closed (the shipped site closes on Sundays and on 2026-12-25) is made as
    /// asked, with a warning: more often a typo, or day and month swapped, than a treatment on a closed day.
    @Test func aProcedureDateOnAClosedDayIsMadeWithAWarning() throws {
        let today = ["CLINICSITE_TODAY": "2026-12-07"]
        let sunday = try Executable.run(["timeline", "--date", "2026-12-06", "--format", "text"], environment: today)
        #expect(sunday.status == 0)
        #expect(sunday.errors.contains("clinicsite: warning: --date 2026-12-06 is a Sunday, a day the clinic is closed (content/site.yml): is it right?\n"
            + "    hint: check the day and the month; the timeline was made as asked"), "\(sunday.errors)")
        #expect(sunday.output.contains("Treatment date (Day\u{A0}1): Sunday, December\u{A0}6, 2026"), "\(sunday.output)")
        let open = try Executable.run(["timeline", "--date", "2026-12-07", "--format", "text"], environment: today)
        #expect(open.status == 0 && open.errors.isEmpty, "\(open.errors)")

        let (folder, csv, out) = try Self.patientList("id,date\nmon,2026-12-07\nxmas,2026-12-25\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let batch = try Executable.run(["timeline", "--patients", csv.path, "--output", out.path], environment: today)
        #expect(batch.status == 0)
        #expect(batch.errors.contains("today.csv:3: warning: the date 2026-12-25 is one of the clinic's closures (content/site.yml) (id xmas)"), "\(batch.errors)")
        #expect(!batch.errors.contains("(id mon)"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("xmas.html").path))
    }
}
