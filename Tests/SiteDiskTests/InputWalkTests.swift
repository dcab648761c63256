import Foundation
@testable import SiteDisk
import SiteGenerator
import TestSupport
import Testing

/// Builds stamp their inputs with `lstat` (`InputStamp.files`) and read them by path (`SiteSources.load`). The
/// two must agree exactly, or a build would redo everything, or call stale output up to date.
@Suite struct InputWalkTests {
    /// The shipped site with what a walk must skip: hidden files, editor backups, a FIFO, a nested folder, an empty
    /// file and a file whose name is in the other Unicode form.
    private static func awkwardSite() throws -> URL {
        let root = try Fixture.scratchSite()
        let content = root.appendingPathComponent("content")
        let english = content.appendingPathComponent("en")
        try FileManager.default.createDirectory(at: english.appendingPathComponent("deeper/still"), withIntermediateDirectories: true)
        try "# Nested\n".write(to: english.appendingPathComponent("deeper/still/nested.md"), atomically: true, encoding: .utf8)
        try "".write(to: english.appendingPathComponent("deeper/empty.md"), atomically: true, encoding: .utf8)
        try "# Hidden\n".write(to: english.appendingPathComponent(".draft.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: content.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "x".write(to: content.appendingPathComponent(".git/HEAD"), atomically: true, encoding: .utf8)
        try "# Backup\n".write(to: english.appendingPathComponent("healing.md~"), atomically: true, encoding: .utf8)
        try "# Caf\u{E9}\n".write(to: english.appendingPathComponent("caf\u{E9}.md"), atomically: true, encoding: .utf8)
        #expect(mkfifo(english.appendingPathComponent("pipe.md").path, 0o644) == 0)
        return root
    }

    @Test func theWalkSkipsWhatItMustAndReadingAgreesWithIt() throws {
        let root = try Self.awkwardSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let stamped = try #require(InputStamp.files(root: root))
        let read = try SiteSources.load(root: root)
        let paths = stamped.map(\.path)
        #expect(Set(read.files.keys) == Set(paths))
        #expect(paths.contains("content/en/deeper/still/nested.md") && paths.contains("content/en/deeper/empty.md"))
        #expect(read.files["content/en/deeper/empty.md"] == Data())
        #expect(!paths.contains { $0.contains("pipe") || $0.contains(".git") })
        #expect(!paths.contains { $0.hasSuffix("~") || $0.contains("/.draft") })
    }

    /// A symbolic link among the inputs (to a file outside the site, to a folder, to nothing) is never followed, and
    /// never left out in silence: the pages that need it would break with no word of why.
    @Test(arguments: ["/etc/passwd", "deeper", "nowhere"])
    func aSymbolicLinkIsRefusedByName(target: String) throws {
        let root = try Self.awkwardSite()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(symlink(target, root.appendingPathComponent("content/en/linked").path) == 0)
        #expect(try #require(InputStamp.files(root: root)).map(\.path).contains("content/en/linked"))
        #expect(throws: DiagnosticError.self) { try SiteSources.load(root: root) }
        do {
            _ = try SiteSources.load(root: root)
        } catch {
            #expect(error.diagnostics.map(\.description) == ["content/en/linked: error: this is a symbolic link, which clinicsite does not follow: "
                + "a link could publish files from outside the site\n    hint: put a copy of the file (or folder) here instead of the link"])
        }
    }

    /// A walk lists every file, in the byte order of its path, and reads what it lists: names alike for 16 bytes, a name that
    /// begins another, folders beside files of nearly the same name, accented names, 700 names in one folder.
    @Test func walksListEveryPathInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("walk-order-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "a", count: 16)
        var files = ["ab", "a-b.md", "a.md", "a0.md", "a/z.md", "a/a/b.md", "a-b/c.md", "b", "B.md", "\(long)", "\(long)-1.md",
                     "\(long)-0.md", "\(long).md", "\(long)0/x.md", "\(long)x/y/z.md", "\u{E9}.md", "e\u{301}.md", "z.md", "zz/\u{E9}/1.md"]
        files += (0..<700).map { "many/page-\(String(format: "%05d", (($0 * 7919) % 700))).md" }
        files.removeAll { $0 == long }
        for path in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(long + "/inner"), withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent(long + "/inner/last.md"))
        files.append(long + "/inner/last.md")
        let byteOrder = files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let walked = try #require(FileSystem.walk(below: folder.path, prefix: "p/"))
        #expect(walked.count == byteOrder.count)
        let misplaced = zip(walked.map(\.path), byteOrder.map { "p/" + $0 }).first { $0 != $1 }
        #expect(misplaced == nil, "listed \(misplaced?.0 ?? "") where \(misplaced?.1 ?? "") belongs")
    }

    /// What a walk lists, read on the bytes, is what splitting the path into its parts says.
    @Test func listedPathsAreThoseWithNoHiddenPartAndNoBackup() {
        let paths = ["a.html", ".a", "a/.b", "a~", "a~/b", "a/b~", "~a", "a/~b", "a.b/c", "a/b.", "é/.x", "é~", "x/é", "a//b", "", "/"]
        for path in paths {
            let expected = path.split(separator: "/").allSatisfy { !$0.hasPrefix(".") && !$0.hasSuffix("~") }
            #expect(FileSystem.isListed(path) == expected, "\(path)")
        }
    }

    @Test func aFirstBuildLeavesAStampTheNextBuildAgreesWith() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(!first.upToDate && first.pagesLaidOut == nil)
        let second = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(second.upToDate)
        // One page saved with new text: the cache the first build wrote knows every other file's stamp.
        let page = root.appendingPathComponent("content/en/healing.md")
        try (String(contentsOf: page, encoding: .utf8) + "\nOne more line.\n").write(to: page, atomically: false, encoding: .utf8)
        let third = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(third.pagesLaidOut == 1)
    }

    @Test func aMissingFolderIsNamed() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("templates"))
        #expect {
            _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.message.hasPrefix("the folder templates/ is missing") == true
        }
    }

    /// The output check (`FileSystem.holdsExactly`) stats the listed files and counts the folder's entries
    /// instead of walking it: after every kind of change someone could make by hand, it must say what
    /// comparing a fresh walk with the list says.
    /// An output folder of five files in three folders.
    private static func smallOutput() throws -> URL {
        let folder = try Fixture.scratchSite().appendingPathComponent("public")
        for path in ["index.html", "en/a.html", "en/b.html", "en/deeper/c.html", "fr/d.html"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try "<p>\(path)</p>".write(to: folder.appendingPathComponent(path), atomically: false, encoding: .utf8)
        }
        return folder
    }

    @Test func outputCheckSaysWhatAWalkSays() throws {
        let folder = try Self.smallOutput()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let manager = FileManager.default
        let listed = try #require(FileSystem.walk(below: folder.path)).map { OutputEntry(path: $0.path, size: $0.size, modified: $0.modified) }
        #expect(listed.count == 5)
        #expect(FileSystem.holdsExactly(listed, below: folder.path))
        #expect(FileSystem.holdsExactly(listed.reversed(), below: folder.path))
        func agrees(_ change: String) throws {
            let walked = try #require(FileSystem.walk(below: folder.path))
            let same = walked.count == listed.count && zip(walked, listed).allSatisfy {
                $0.path == $1.path && $0.size == $1.size && $0.modified == $1.modified
            }
            #expect(FileSystem.holdsExactly(listed, below: folder.path) == same, "\(change)")
        }
        let english = folder.appendingPathComponent("en")
        // Not listed by a walk: the check must not count them either.
        try "x".write(to: english.appendingPathComponent(".hidden"), atomically: false, encoding: .utf8)
        try "x".write(to: english.appendingPathComponent("a.html~"), atomically: false, encoding: .utf8)
        #expect(symlink("a.html", english.appendingPathComponent("link.html").path) == 0)
        try manager.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent(".git/HEAD"), atomically: false, encoding: .utf8)
        try agrees("hidden files, a backup, a link")
        #expect(FileSystem.holdsExactly(listed, below: folder.path))
        // Each of these makes the folder differ from the list.
        let changes: [(String, () throws -> Void, () throws -> Void)] = [
            ("a file added", { try "x".write(to: english.appendingPathComponent("new.html"), atomically: false, encoding: .utf8) },
             { try manager.removeItem(at: english.appendingPathComponent("new.html")) }),
            ("a file added deeper", { try "x".write(to: english.appendingPathComponent("deeper/new.html"), atomically: false, encoding: .utf8) },
             { try manager.removeItem(at: english.appendingPathComponent("deeper/new.html")) }),
            ("a file removed", { try manager.moveItem(at: english.appendingPathComponent("b.html"), to: folder.appendingPathComponent(".b")) },
             { try manager.moveItem(at: folder.appendingPathComponent(".b"), to: english.appendingPathComponent("b.html")) }),
            ("a folder swapped for a link to its copy", {
                try manager.moveItem(at: english.appendingPathComponent("deeper"), to: folder.appendingPathComponent(".deeper"))
                #expect(symlink("../.deeper", english.appendingPathComponent("deeper").path) == 0)
            }, {
                try manager.removeItem(at: english.appendingPathComponent("deeper"))
                try manager.moveItem(at: folder.appendingPathComponent(".deeper"), to: english.appendingPathComponent("deeper"))
            }),
        ]
        for (name, change, undo) in changes {
            try change()
            try agrees(name)
            #expect(!FileSystem.holdsExactly(listed, below: folder.path), "\(name)")
            try undo()
            #expect(FileSystem.holdsExactly(listed, below: folder.path), "\(name), undone")
        }
        // Edited in place, same size: only the modification time shows it.
        let page = english.appendingPathComponent("a.html")
        try "<p>en/A.html</p>".write(to: page, atomically: false, encoding: .utf8)
        try agrees("edited in place")
        #expect(!FileSystem.holdsExactly(listed, below: folder.path))
        #expect(!FileSystem.holdsExactly(Array(listed.dropLast()), below: folder.path))
        try "<p>en/a.html</p>".write(to: page, atomically: false, encoding: .utf8)
        let entries = try #require(FileSystem.walk(below: folder.path)).map { OutputEntry(path: $0.path, size: $0.size, modified: $0.modified) }
        #expect(FileSystem.holdsExactly(entries, below: folder.path))
    }
}
