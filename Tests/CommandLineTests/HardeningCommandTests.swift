import Foundation
import TestSupport
import Testing

/// Command-line cases from the hostile pass of #11, run as staff run them, kept fixed.
@Suite struct HardeningCommandTests {
    /// Hands a scratch folder to `nobody`, for runs that must feel file permissions even when tests run as root.
    static func giveToNobody(_ folder: URL) throws {
        guard getuid() == 0 else { return }
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        chown(folder.path, Executable.nobody, Executable.nobody)
        while let relative = enumerator?.nextObject() as? String {
            lchown(folder.path + "/" + relative, Executable.nobody, Executable.nobody)
        }
    }

    @Test func aReadOnlyPublicFolderIsReplacedAndNothingPilesUp() throws {
        let root = try Fixture.scratchSite()
        defer { _ = chmodTree(root); try? FileManager.default.removeItem(at: root) }
        try Self.giveToNobody(root)
        let first = try Executable.run(["build", "--root", root.path], unprivileged: true)
        #expect(first.status == 0, "\(first.errors)")
        let public_ = root.appendingPathComponent("public")
        #expect(chmodTree(public_, writable: false))
        try "# Home again\n".write(to: root.appendingPathComponent("content/en/index.md"), atomically: true, encoding: .utf8)
        try Self.giveToNobody(root)
        let second = try Executable.run(["build", "--root", root.path], unprivileged: true)
        #expect(second.status == 0, "\(second.errors)")
        #expect(!second.errors.contains("nothing was changed"))
        let html = try String(contentsOf: public_.appendingPathComponent("en/index.html"), encoding: .utf8)
        #expect(html.contains("Home again"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("staging") || $0.contains(".old-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// A write that fails part way (a full disk; here a file size limit) names the file of the site and what to check,
    /// exits 1 and leaves the site as it was, in a rebuild (the twin) and in a full build (pages written as they are made).
    @Test func aWriteThatFailsLeavesTheSiteAsItWas() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Executable.run(["build", "--root", root.path]).status == 0)
        let output = root.appendingPathComponent("public")
        let before = Fixture.files(in: output)
        try "# Home again\n\n\(String(repeating: "Words. ", count: 200))\n".write(to: root.appendingPathComponent("content/en/index.md"), atomically: true, encoding: .utf8)
        let rebuild = try Executable.run(["build", "--root", root.path], fileBlocks: 2)
        #expect(rebuild.status == 1)
        #expect(rebuild.errors.contains("error: cannot write en/") && rebuild.errors.contains(".html: File too large"), "\(rebuild.errors)")
        #expect(rebuild.errors.contains("hint: check that the disk has free space"))
        #expect(Fixture.files(in: output) == before)
        // Other settings: nothing recorded is reused, and the pages go to a new folder as they are made.
        let settings = root.appendingPathComponent("content/site.yml")
        try (String(contentsOf: settings, encoding: .utf8) + "\n# a note\n").write(to: settings, atomically: true, encoding: .utf8)
        let full = try Executable.run(["build", "--root", root.path], fileBlocks: 2)
        #expect(full.status == 1)
        #expect(full.errors.contains("File too large"), "\(full.errors)")
        #expect(!full.errors.contains(".public.staging"), "\(full.errors)")
        #expect(Fixture.files(in: output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("staging") }.isEmpty)
        #expect(try Executable.run(["build", "--root", root.path]).status == 0)
        #expect(try String(contentsOf: output.appendingPathComponent("en/index.html"), encoding: .utf8).contains("Home again"))
    }

    @Test func aRefusedOutputGetsNoLockFileBesideIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("refused-\(UUID().uuidString)")
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: root) }
        let mine = folder.appendingPathComponent("my-documents")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try "letter".write(to: mine.appendingPathComponent("letter.txt"), atomically: true, encoding: .utf8)
        let run = try Executable.run(["build", "--root", root.path, "--output", mine.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("this folder was not made by clinicsite, so it will not be replaced"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["my-documents"])
    }
}

extension HardeningCommandTests {
    @Test func controlCharactersAreShownNotObeyedInTheTerminal() throws {
        let text = try Executable.run(["timeline", "--date", "2026-12-01", "--name", "Ann\u{1B}]0;owned\u{07}", "--format", "text"])
        #expect(text.status == 0)
        #expect(text.output.contains("Ann<U+001B>]0;owned<U+0007>\n"))
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try "x".write(to: root.appendingPathComponent("content/en/notes\u{1B}[2J.txt"), atomically: true, encoding: .utf8)
        let build = try Executable.run(["build", "--root", root.path])
        #expect(build.errors.contains("content/en/notes<U+001B>[2J.txt: warning: files of type .txt are not published"), "\(build.errors)")
        #expect(!build.errors.utf8.contains(0x1B))
    }
}

extension HardeningCommandTests {
    /// Unicode's line and paragraph separators and NEL from the settings reach a calendar as its escaped newline,
    /// and other C1 controls not at all, through the real executable.
    @Test func separatorsAndC1ControlsAreFoldedOutOfCalendarText() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let settings = root.appendingPathComponent("content/site.yml")
        let text = try String(contentsOf: settings, encoding: .utf8)
            .replacingOccurrences(of: "address: 12 Riverside Walk, Suite 3, Springfield",
                                  with: "address: \"12 Riverside Walk\\u2028Suite 3\\x85Springfield\\u2029Door\\x9B2\"")
        try text.write(to: settings, atomically: true, encoding: .utf8)
        let run = try Executable.run(["timeline", "--root", root.path, "--date", "2026-12-01", "--format", "ics"])
        #expect(run.status == 0, "\(run.errors)")
        let unfolded = run.output.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("LOCATION;LANGUAGE=en:12 Riverside Walk\\nSuite 3\\nSpringfield\\nDoor2\r\n"), "\(unfolded)")
        #expect(!run.output.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 })
    }
}

extension HardeningCommandTests {
    /// `new` refuses a language listed twice (the site would not build) and says in a sentence when its folder is a
    /// symbolic link that leads nowhere or a file; nothing is written.
    @Test func newRefusesALanguageTwiceAndAPlaceThatIsNoFolder() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let twice = try Executable.run(["new", parent.appendingPathComponent("a").path, "--lang", "en,fr,en"])
        #expect(twice.status == 1)
        #expect(twice.errors.contains("error: the language 'en' is listed twice in --lang"), "\(twice.errors)")
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("a").path))
        let link = parent.appendingPathComponent("site")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: parent.appendingPathComponent("gone").path)
        let dangling = try Executable.run(["new", link.path])
        #expect(dangling.status == 1)
        #expect(dangling.errors.contains("is a symbolic link to \(parent.appendingPathComponent("gone").path), which does not exist"), "\(dangling.errors)")
        #expect(!dangling.errors.contains("NSCocoaErrorDomain"))
        let file = parent.appendingPathComponent("notes.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let onFile = try Executable.run(["new", file.path])
        #expect(onFile.status == 1)
        #expect(onFile.errors.contains("notes.txt is a file, not a folder"), "\(onFile.errors)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }
}

extension HardeningCommandTests {
    /// A content file whose name is not UTF-8 is an error at build, as at check, never silently left out.
    @Test func aFileNameThatIsNotUTF8IsAnErrorAtBuild() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let bytes = Array(root.appendingPathComponent("content/en").path.utf8) + [0x2F, 0x62, 0xFF, 0x2E, 0x6D, 0x64, 0]
        let descriptor = bytes.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        #expect(descriptor >= 0)
        _ = "# B\n".withCString { write(descriptor, $0, 4) }
        close(descriptor)
        for command in ["build", "check"] {
            let run = try Executable.run([command, "--root", root.path])
            #expect(run.status == 1, "\(command)")
            #expect(run.errors.contains("content/en/b\u{FFFD}.md: error: this file's name is not UTF-8 text"), "\(command): \(run.errors)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }
}

extension HardeningCommandTests {
    /// Through the real executable: an SVG whose styles load from outside fails the build at its line, and the
    /// French text that crashed typesetting (a quote, a combining accent, then "?") builds.
    @Test func anSVGLoadingStylesIsRefusedAndTheTypographyCrashIsGone() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let svg = root.appendingPathComponent("content/en/logo.svg")
        try "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<style>@import url(https://evil.example/x.css);</style></svg>\n"
            .write(to: svg, atomically: true, encoding: .utf8)
        let refused = try Executable.run(["build", "--root", root.path])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("content/en/logo.svg:2: error: this SVG is not published: its styles import a style sheet (@import)"), "\(refused.errors)")
        try FileManager.default.removeItem(at: svg)
        try Data([0x22, 0xCC, 0x81, 0x3F, 0x64, 0x3F, 0x0A]).write(to: root.appendingPathComponent("content/fr/accent.md"))
        let built = try Executable.run(["build", "--root", root.path])
        #expect(built.status == 0, "\(built.errors)")
        #expect(!built.errors.contains("Fatal error"))
    }
}

/// Sets or clears write permission on every folder and file below `url`; true when all succeeded.
@discardableResult
private func chmodTree(_ url: URL, writable: Bool = true) -> Bool {
    var ok = true
    var paths = [url.path]
    if let enumerator = FileManager.default.enumerator(atPath: url.path) {
        while let relative = enumerator.nextObject() as? String { paths.append(url.path + "/" + relative) }
    }
    for path in paths {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { continue }
        let mode = writable ? info.st_mode | S_IWUSR : info.st_mode & ~(S_IWUSR | S_IWGRP | S_IWOTH)
        ok = chmod(path, mode & 0o7777) == 0 && ok
    }
    return ok
}
