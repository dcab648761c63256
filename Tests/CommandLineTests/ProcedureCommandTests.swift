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
        let guerison = try Self.text(root, "fr/moonlight-facial/guerison.html")
        #expect(guerison.contains("La peau brille (fictif)") && guerison.contains("lang=\"fr\""))

        let home = try Self.text(root, "en/index.html")
        #expect(home.contains("<h2 id=\"procedures-title\">Our procedures</h2>"))
        #expect(home.contains("<li><a href=\"procedure.html\">Skin needling (micro-needling)</a></li>"))
        #expect(home.contains("<li><a href=\"moonlight-facial/index.html\">Moonlight facial (fictional)</a></li>"))
        #expect(try Self.text(root, "fr/index.html").contains("<li><a href=\"moonlight-facial/index.html\">Soin clair de lune (fictif)</a></li>"))
    }
}
