import Foundation
import TestSupport
import Testing

/// A clinic's catalogue: the shipped skin-needling site with the fictional second procedure, built by the real executable.
@Suite struct ProcedureCommandTests {
    private static func text(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("public/" + path), encoding: .utf8)
    }

    /// Each procedure's pages use its own rules and name; the home pages list both; the menus show the main
    /// procedure's pages everywhere and another procedure's only on its own pages; every address of the
    /// one-procedure site still answers.
    @Test func twoProceduresEachWithItsOwnRules() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Executable.run(["build", "--root", root.path]).status == 0)
        let before = Set(Fixture.files(in: root.appendingPathComponent("public")).keys)
        try FictionalProcedure.install(in: root)
        let run = try Executable.run(["build", "--root", root.path])
        #expect(run.status == 0, "\(run.errors)")
        let after = Set(Fixture.files(in: root.appendingPathComponent("public")).keys)
        #expect(before.subtracting(after).isEmpty, "addresses gone: \(before.subtracting(after).sorted())")

        let moonlight = try Self.text(root, "en/moonlight-facial/healing.html")
        #expect(moonlight.contains("The skin glows (fictional)"))
        #expect(!moonlight.contains("cat scratches"))
        #expect(moonlight.contains("\"about\":{\"@type\":\"MedicalProcedure\",\"name\":\"Moonlight facial (fictional)\"}"))
        #expect(moonlight.contains("\"minimumWeeks\":3"), "the calculator's data is not the fictional rules'")
        let needling = try Self.text(root, "en/healing.html")
        #expect(needling.contains("cat scratches") && !needling.contains("fictional"))
        #expect(!needling.contains("moonlight-facial/"), "another procedure's pages are in skin needling's menu")
        #expect(moonlight.contains("href=\"../healing.html\""), "the main procedure's pages are not in the other's menu")
        #expect(moonlight.contains("<nav class=\"breadcrumbs\" aria-label=\"You are here\">\n<ol>\n<li><a href=\"../index.html\">Home</a></li>\n"
            + "<li><a href=\"index.html\">Moonlight facial (fictional)</a></li>"))
        #expect(!needling.contains("class=\"breadcrumbs\""), "the main procedure's pages are at the top: no trail")
        let guerison = try Self.text(root, "fr/moonlight-facial/guerison.html")
        #expect(guerison.contains("La peau brille (fictif)") && guerison.contains("lang=\"fr\""))

        let home = try Self.text(root, "en/index.html")
        #expect(home.contains("<h2 id=\"procedures-title\">Our procedures</h2>"))
        #expect(home.contains("<li><a href=\"procedure.html\">Skin needling (micro-needling)</a></li>"))
        #expect(home.contains("<li><a href=\"moonlight-facial/index.html\">Moonlight facial (fictional)</a></li>"))
        #expect(try Self.text(root, "fr/index.html").contains("<li><a href=\"moonlight-facial/index.html\">Soin clair de lune (fictif)</a></li>"))
    }
}

/// Personal timelines of a two-procedure site, made by the real executable: each patient's own rules, name and calendar.
@Suite struct ProcedureTimelineCommandTests {
    /// One patient: `--procedure` picks the rules (by short name or name), is required on a site with two, and an
    /// unknown name is refused with the names listed.
    @Test func oneTimelinePerProcedure() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try FictionalProcedure.install(in: root)
        let base = ["timeline", "--root", root.path, "--date", "2026-12-01", "--format", "json"]
        let moonlight = try Executable.run(base + ["--procedure", "Moonlight facial (fictional)"])
        #expect(moonlight.status == 0, "\(moonlight.errors)")
        #expect(moonlight.output.contains("\"procedureName\" : \"Moonlight facial (fictional)\""))
        #expect(moonlight.output.contains("\"label\" : \"The skin glows (fictional)\""))
        // Three weeks after Tuesday 1 December is Tuesday 22 December; skin needling's six would be 12 January.
        #expect(moonlight.output.contains("\"earliest\" : \"2026-12-22\""), "\(moonlight.output)")
        let needling = try Executable.run(base + ["--procedure", "skin-needling"])
        #expect(needling.output.contains("\"earliest\" : \"2027-01-12\"") && !needling.output.contains("fictional"), "\(needling.output)")
        let missing = try Executable.run(base)
        #expect(missing.status != 0)
        #expect(missing.errors.contains("clinicsite: --procedure: the procedure is missing, and this site has 2\n    hint: the procedures are: skin-needling, moonlight-facial"))
        let unknown = try Executable.run(base + ["--procedure", "peeling"])
        #expect(unknown.status != 0 && unknown.errors.contains("unknown procedure 'peeling'"))
        let calendar = try Executable.run(["timeline", "--root", root.path, "--date", "2026-12-01", "--format", "ics", "--lang", "fr",
                                           "--procedure", "moonlight-facial"])
        let unfolded = calendar.output.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("X-WR-CALNAME:Récupération après le soin clair de lune"), "\(unfolded)")
        #expect(unfolded.contains("pour votre prochain soin clair de lune"))
    }

    /// A CSV with a procedure column: each row gets its own procedure's handout and calendar, print-all.html keeps the
    /// CSV's order, and a row with an unknown or missing procedure is refused at its line, the others written.
    @Test func aPatientListMixesProcedures() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try FictionalProcedure.install(in: root)
        let csv = root.appendingPathComponent("patients.csv")
        try "id,name,date,lang,procedure\nann,Ann,2026-12-01,en,moonlight-facial\nbob,Bob,2026-12-01,fr,skin-needling\ncid,Cid,2026-12-01,en,peeling\ndee,Dee,2026-12-01,en,\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let output = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + "-timelines")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try Executable.run(["timeline", "--root", root.path, "--patients", csv.path, "--output", output.path])
        #expect(run.status != 0)
        #expect(run.errors.contains("patients.csv:4: error: unknown procedure 'peeling' (id cid)\n    hint: the procedures are: skin-needling, moonlight-facial"))
        #expect(run.errors.contains("patients.csv:5: error: the procedure is missing, and this site has 2 (id dee)"))
        let ann = try String(contentsOf: output.appendingPathComponent("ann.html"), encoding: .utf8)
        #expect(ann.contains("Your recovery after a moonlight facial (fictional)") && ann.contains("The skin glows (fictional)"))
        let bob = try String(contentsOf: output.appendingPathComponent("bob.ics"), encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        #expect(bob.contains("X-WR-CALNAME:Cicatrisation après le micro-needling"))
        let all = try String(contentsOf: output.appendingPathComponent("print-all.html"), encoding: .utf8)
        let annAt = try #require(all.range(of: "moonlight facial (fictional)")), bobAt = try #require(all.range(of: "Votre cicatrisation après le micro-needling"))
        #expect(annAt.lowerBound < bobAt.lowerBound)
    }
}

/// `clinicsite add procedure`, as staff use it: placeholders keep the new procedure out until they are all replaced.
@Suite struct AddProcedureCommandTests {
    /// The files written hold a placeholder for every statement and number; `build` lists each at its line, builds the rest of
    /// the site and fails; `check` lists them too; once they are replaced, the procedure is published with its own dates.
    @Test func aNewProcedureIsPublishedOnlyOnceFilledIn() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let added = try Executable.run(["add", "procedure", "chemical-peel", "--name", "Chemical peel", "--root", root.path])
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output.contains("  content/fr/chemical-peel/healing.md"))
        let again = try Executable.run(["add", "procedure", "chemical-peel", "--name", "Peel", "--root", root.path])
        #expect(again.status != 0 && again.errors.contains("content/procedures/chemical-peel.yml already exists"))
        let bad = try Executable.run(["add", "procedure", "Chemical Peel", "--name", "Peel", "--root", root.path])
        #expect(bad.status != 0 && bad.errors.contains("can hold only lower-case letters, digits and dashes"))

        let built = try Executable.run(["build", "--root", root.path])
        #expect(built.status == 1)
        #expect(built.errors.contains("content/procedures/chemical-peel.yml:39:21: error: a placeholder is left here (span_from_months)"), "\(built.errors)")
        #expect(built.errors.contains("content/fr/chemical-peel/healing.md:8:1: error: a placeholder is left here: l'aspect de la peau"))
        #expect(built.errors.contains("the rest of the site was built"))
        let public_ = root.appendingPathComponent("public")
        #expect(FileManager.default.fileExists(atPath: public_.appendingPathComponent("en/healing.html").path))
        #expect(!FileManager.default.fileExists(atPath: public_.appendingPathComponent("en/chemical-peel").path))
        #expect(try !String(contentsOf: public_.appendingPathComponent("en/index.html"), encoding: .utf8).contains("Chemical peel"))
        let check = try Executable.run(["check", "--root", root.path])
        #expect(check.status == 1 && check.output.contains("content/en/chemical-peel/index.md:7:1: error: a placeholder is left here"))
        // Handouts for the procedures that are ready are still made; the one being written is refused by name.
        let ready = try Executable.run(["timeline", "--root", root.path, "--date", "2026-12-01", "--format", "json"])
        #expect(ready.status == 0 && ready.output.contains("\"earliest\" : \"2027-01-12\""), "\(ready.errors)")
        let waiting = try Executable.run(["timeline", "--root", root.path, "--date", "2026-12-01", "--procedure", "chemical-peel"])
        #expect(waiting.status == 64)
        #expect(waiting.errors.contains("'chemical-peel' is not ready: 26 placeholders (TODO(clinic)) left in its files"), "\(waiting.errors)")
        let csv = root.appendingPathComponent("patients.csv")
        try "id,date,procedure\nann,2026-12-01,\nbob,2026-12-01,chemical-peel\n".write(to: csv, atomically: true, encoding: .utf8)
        let batch = try Executable.run(["timeline", "--root", root.path, "--patients", csv.path, "--output", root.appendingPathComponent("out").path])
        #expect(batch.status == 1)
        #expect(batch.errors.contains("patients.csv:3: error: 'chemical-peel' is not ready"), "\(batch.errors)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/ann.html").path))

        let numbers = ["start": "1", "end": "4", "minimum_weeks": "4", "usual_weeks": "6", "span_from_months": "1", "span_to_months": "3"]
        let files = FileManager.default.enumerator(atPath: root.appendingPathComponent("content").path)?.compactMap { $0 as? String } ?? []
        for path in files where path.contains("chemical-peel") && !path.hasSuffix("/") {
            let url = root.appendingPathComponent("content/" + path)
            guard var text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for (key, number) in numbers { text = text.replacingOccurrences(of: "\(key): TODO(clinic)", with: "\(key): \(number)") }
            try text.replacingOccurrences(of: "TODO(clinic): ", with: "").write(to: url, atomically: true, encoding: .utf8)
        }
        let filled = try Executable.run(["build", "--root", root.path])
        #expect(filled.status == 0, "\(filled.errors)")
        let healing = try String(contentsOf: public_.appendingPathComponent("en/chemical-peel/healing.html"), encoding: .utf8)
        #expect(healing.contains("what the skin looks like first") && healing.contains("\"minimumWeeks\":4"))
        #expect(try String(contentsOf: public_.appendingPathComponent("en/index.html"), encoding: .utf8)
            .contains("<li><a href=\"chemical-peel/index.html\">Chemical peel</a></li>"))
        let json = try Executable.run(["timeline", "--root", root.path, "--date", "2026-12-01", "--procedure", "chemical-peel", "--format", "json"])
        #expect(json.output.contains("\"earliest\" : \"2026-12-29\""), "\(json.output)")
    }
}
