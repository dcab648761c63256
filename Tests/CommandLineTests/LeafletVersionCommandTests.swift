import Foundation
import TestSupport
import Testing

/// What a handout was made from, for the consent record, and reviews seen coming, through the real executable.
@Suite struct LeafletVersionCommandTests {
    /// The handout and its calendar name the clinic and the version and review date of the healing page, in the
    /// patient's language; without a version the review date alone is given.
    @Test func handoutsSayWhichInformationTheyCameFrom() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let base = ["timeline", "--root", root.path, "--date", "2026-12-01"]
        let english = try Executable.run(base + ["--format", "html"])
        #expect(english.output.contains("<p class=\"source\">From Riverside Skin Clinic’s information on healing (version 1.0, reviewed Thursday, November\u{00A0}26, 2026).</p>"),
                "\(english.output.suffix(600))")
        let french = try Executable.run(base + ["--format", "html", "--lang", "fr"])
        #expect(french.output.contains("D’après les informations de Riverside Skin Clinic sur la cicatrisation (version 1.0, relues le jeudi 26\u{00A0}novembre 2026)."),
                "\(french.output.suffix(600))")
        let calendar = try Executable.run(base + ["--format", "ics"]).output.replacingOccurrences(of: "\r\n ", with: "")
        #expect(calendar.contains("X-WR-CALDESC:From Riverside Skin Clinic’s information on healing (version 1.0\\, reviewed Thursday\\, November\u{00A0}26\\, 2026)."))

        let page = root.appendingPathComponent("content/en/healing.md")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "version: \"1.0\"\n", with: "").write(to: page, atomically: true, encoding: .utf8)
        #expect(try Executable.run(base + ["--format", "html"]).output.contains("(reviewed Thursday, November\u{00A0}26, 2026).</p>"))
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "reviewed: 2026-11-26\n", with: "version: |\n  two\n  lines\n")
            .write(to: page, atomically: true, encoding: .utf8)
        let broken = try Executable.run(["build", "--root", root.path])
        #expect(broken.status == 1 && broken.errors.contains("error: version must be a short text on one line, such as 2.1 or 2026-11"), "\(broken.errors)")
    }

    /// `check` warns of a review falling due within 30 days (today is 2026-12-07 for the tests), and its JSON gives the dates.
    @Test func checkSeesAReviewComing() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appendingPathComponent("content/en/benefits.md")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "reviewed: 2026-11-26", with: "reviewed: 2025-12-20")
            .write(to: page, atomically: true, encoding: .utf8)
        let text = try Executable.run(["check", "--root", root.path])
        #expect(text.output.contains("content/en/benefits.md:1: warning: the medical review falls due on 2026-12-20, in 13 days"), "\(text.output)")
        #expect(text.output.contains("medical review: 2025-12-20 (11 months ago); next due 2026-12-20"))
        let json = try Executable.run(["check", "--root", root.path, "--format", "json"])
        #expect(json.output.contains("\"reviewDue\" : \"2026-12-20\"") && json.output.contains("\"reviewed\" : \"2025-12-20\""))
        #expect(json.output.contains("\"reviewDue\" : \"2027-11-26\""))
    }
}
