import Foundation
import TestSupport
import Testing

/// Mistakes staff make outside the pages, answered in their words by the real executable.
@Suite struct StaffMistakeCommandTests {
    /// An editor's tab at the start of a line of `site.yml`: the error says "tab", and no warning follows from
    /// settings that could not be read (French pages "not listed", when fr is listed on the broken file's line 2).
    @Test func aTabInSettingsIsNamedAndNothingFalseFollows() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try "clinic_name: Test\nlanguages: [en, fr]\n\tphone: 1\n".write(to: root.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        let run = try Executable.run(["build", "--root", root.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("content/site.yml:3: error: line 3 is indented with a tab, and YAML indents with spaces only"))
        #expect(!run.errors.contains("warning"), "\(run.errors)")
        #expect(run.errors.contains("clinicsite: 1 error; nothing was changed."))
    }

    /// A port another preview holds: said as such, with another port to try, and a failing exit status.
    @Test func aBusyPortIsSaidPlainly() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try ServeProcess(root: root, arguments: ["--port", "0"])
        defer { _ = first.stop() }
        let second = try Executable.run(["serve", "--root", root.path, "--port", String(first.port)])
        #expect(second.status == 1)
        #expect(second.errors.contains("clinicsite: port \(first.port) is already in use on 127.0.0.1"))
        #expect(second.errors.contains("hint: stop that one, or choose another port: clinicsite serve --port \(Int(first.port) + 1)"))
        #expect(!second.errors.contains("errno"))
    }
}
