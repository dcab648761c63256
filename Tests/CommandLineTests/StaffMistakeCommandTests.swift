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

    /// What staff write in pages, built by the real executable: a boxed note is published with its French label, raw
    /// HTML left out is a warning at its line, and a pipe table stops the build at its line, leaving public/ as it was.
    @Test func calloutsRawHTMLAndTablesInARealBuild() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appendingPathComponent("content/fr/notes.md")
        try "---\ntitle: Notes\n---\n# Notes\n\n> [!WARNING]\n> Appelez la clinique.\n\n<div class=\"box\">Encadré</div>\n"
            .write(to: page, atomically: true, encoding: .utf8)
        let built = try Executable.run(["build", "--root", root.path])
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.errors.contains("content/fr/notes.md:9: warning: raw HTML is left out of the published page: <div class=\"box\">Encadré</div>"))
        let html = try String(contentsOf: root.appendingPathComponent("public/fr/notes.html"), encoding: .utf8)
        #expect(html.contains("<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-label\">Important</p>\n<p>Appelez la clinique.</p>"))
        #expect(!html.contains("Encadré"))
        let before = Fixture.files(in: root.appendingPathComponent("public"))
        try "---\ntitle: Notes\n---\n# Notes\n\n| Jour | Peau |\n|---|---|\n| 1 | rouge |\n".write(to: page, atomically: true, encoding: .utf8)
        let table = try Executable.run(["build", "--root", root.path])
        #expect(table.status == 1)
        #expect(table.errors.contains("content/fr/notes.md:6: error: this is a table, and tables are not supported"))
        #expect(Fixture.files(in: root.appendingPathComponent("public")) == before)
    }

    /// Files a clinic has that browsers cannot take: a phone's HEIC photo, a Word leaflet, a file with no type. Each is
    /// a warning with what to save it as, and a link to one says so, not that the file "does not exist".
    @Test func filesThatAreNotPublishedAreNamedAsSuch() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["IMG_1234.HEIC", "consent.docx", "README"] {
            try Data("x".utf8).write(to: root.appendingPathComponent("content/en/\(name)"))
        }
        try "---\ntitle: Forms\n---\n# Forms\n\n![Week 1](IMG_1234.HEIC)\n\n[Consent form](consent.docx)\n"
            .write(to: root.appendingPathComponent("content/en/forms.md"), atomically: true, encoding: .utf8)
        let run = try Executable.run(["build", "--root", root.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("content/en/IMG_1234.HEIC: warning: files of type .heic are not published\n"
            + "    hint: most browsers cannot show HEIC pictures: save it as JPEG (on an iPhone, Settings > Camera > Formats > Most Compatible)"))
        #expect(run.errors.contains("content/en/README: warning: files whose name has no type (such as .md, .jpg or .pdf) are not published"))
        #expect(run.errors.contains("content/en/forms.md:6:1: error: the image 'IMG_1234.HEIC' points to content/en/IMG_1234.HEIC, "
            + "and files of type .heic are not published"), "\(run.errors)")
        #expect(run.errors.contains("content/en/forms.md:8:1: error: the link 'consent.docx' points to content/en/consent.docx, "
            + "and files of type .docx are not published\n    hint: save it as PDF (.pdf), which is published as it is and opens in every browser"))
        #expect(!run.errors.contains("does not exist"))
    }

    /// A picture shared between languages by a symbolic link: the build names the link and changes nothing, where it
    /// used to leave the link out and report the French page's picture as missing.
    @Test func aSymbolicLinkStopsTheBuildByName() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Executable.run(["build", "--root", root.path]).status == 0)
        let before = Fixture.files(in: root.appendingPathComponent("public"))
        try Data("jpeg".utf8).write(to: root.appendingPathComponent("content/en/week1.jpg"))
        #expect(symlink("../en/week1.jpg", root.appendingPathComponent("content/fr/week1.jpg").path) == 0)
        #expect(symlink("../en/week2.jpg", root.appendingPathComponent("content/fr/week2.jpg").path) == 0)
        let run = try Executable.run(["build", "--root", root.path])
        #expect(run.status == 1)
        // Every link at once, not one per build.
        for name in ["week1", "week2"] {
            #expect(run.errors.contains("content/fr/\(name).jpg: error: this is a symbolic link, which clinicsite does not follow"), "\(run.errors)")
        }
        #expect(run.errors.contains("clinicsite: 2 errors; nothing was changed."))
        #expect(!run.errors.contains("does not exist"))
        #expect(Fixture.files(in: root.appendingPathComponent("public")) == before)
    }
}
