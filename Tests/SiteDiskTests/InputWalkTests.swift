import Foundation
@testable import SiteDisk
import SiteGenerator
import TestSupport
import Testing

/// A first build reads and stamps its inputs in one walk (`SiteSources.loadStamped`); every later build
/// stamps them with `lstat` (`InputStamp.files`) and reads them by path (`SiteSources.load`). The two must
/// agree exactly, or a build would redo everything, or call stale output up to date.
@Suite struct InputWalkTests {
    /// The shipped site with what a walk must skip or refuse: hidden files, editor backups, a symbolic link,
    /// a FIFO, a nested folder, an empty file and a file whose name is in the other Unicode form.
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
        #expect(symlink("/etc/passwd", english.appendingPathComponent("outside.md").path) == 0)
        #expect(symlink("deeper", english.appendingPathComponent("linked-folder").path) == 0)
        #expect(mkfifo(english.appendingPathComponent("pipe.md").path, 0o644) == 0)
        return root
    }

    @Test func readingWhileStampingGivesWhatStampingThenReadingGives() throws {
        let root = try Self.awkwardSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let loaded = try SiteSources.loadStamped(root: root)
        let stamped = try #require(InputStamp.files(root: root))
        let read = try SiteSources.load(root: root)
        #expect(loaded.stamps == stamped)
        #expect(loaded.sources.files == read.files)
        let paths = loaded.stamps.map(\.path)
        #expect(paths.contains("content/en/deeper/still/nested.md") && paths.contains("content/en/deeper/empty.md"))
        #expect(loaded.sources.files["content/en/deeper/empty.md"] == Data())
        #expect(!paths.contains { $0.contains("outside") || $0.contains("linked-folder") || $0.contains("pipe") || $0.contains(".git") })
        #expect(!paths.contains { $0.hasSuffix("~") || $0.contains("/.draft") })
        #expect(loaded.sources.files.count == paths.count)
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
}
