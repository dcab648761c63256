import Foundation
@testable import SiteDisk
import SiteGenerator
import Synchronization
import Testing

/// The staging folder's writer: files created early (`expect`) and filled later, or never.
@Suite struct StagedOutputTests {
    private static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("staged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// An output folder that a first build filled with `en/a.html` ("A").
    private static func builtOnce(in parent: URL) throws -> URL {
        let output = parent.appendingPathComponent("public")
        let first = try OutputWriter(output: output).begin()
        first.add(OutputFile(path: "en/a.html", data: Data("A".utf8)))
        _ = try first.commit(paths: ["en/a.html"])
        return output
    }

    private static func listing(_ folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The byte-by-byte check of an output path says what splitting it at each "/" says, for every path made
    /// of the parts that matter ("", ".", "..", "...", ".a", "a.", "a..b", "é") up to three deep.
    @Test func onlyPathsBelowTheFolderAreWritten() {
        func splitting(_ path: String) -> Bool {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            return !path.isEmpty && !path.hasPrefix("/") && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
        }
        let parts = ["", ".", "..", "...", ".a", "a.", "..a", "a..b", "é", "en"]
        var paths = parts
        for first in parts { for second in parts { paths.append(first + "/" + second) } }
        for first in ["en", "..", ""] { for second in parts { for third in parts { paths.append([first, second, third].joined(separator: "/")) } } }
        paths += ["/", "//", "/etc/passwd", "en/", "en//a.html", "en/./a.html", "en/../../a.html"]
        for path in paths {
            #expect(OutputWriter.staysInside(path) == splitting(path), "\(path)")
        }
        #expect(OutputWriter.staysInside("en/page.html"))
        #expect(!OutputWriter.staysInside("../escape.html"))
    }

    /// Created files are kept open for their page up to a limit (`keepingOpen`); past it they are closed and
    /// opened again by name. Every way gives the same files.
    @Test(arguments: [0, 1, 100])
    func anExpectedFileThatIsNeverWrittenIsNotPublished(keepingOpen: Int) throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("public")
        let staged = try OutputWriter(output: output).begin(keepingOpen: keepingOpen)
        staged.expect("en/a.html")
        staged.expect("en/b.html")
        staged.expect("en/c.html")
        staged.expect("../escape.html")
        staged.add(OutputFile(path: "en/a.html", data: Data("A".utf8)))
        staged.add(OutputFile(path: "en/c.html", data: Data("C".utf8)))
        staged.add(OutputFile(path: "index.html", data: Data("I".utf8)))
        let report = try staged.commit(paths: ["en/a.html", "en/c.html", "index.html"])
        #expect(report.written == 3)
        #expect(Self.listing(output) == ["en", "en/a.html", "en/c.html", "index.html"])
        #expect(try String(contentsOf: output.appendingPathComponent("en/a.html"), encoding: .utf8) == "A")
        #expect(try String(contentsOf: output.appendingPathComponent("en/c.html"), encoding: .utf8) == "C")
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("escape.html").path))
        // The manifest's entries come from the writer, and equal what a walk of the output finds.
        let walked = (FileSystem.walk(below: output.path) ?? []).map { OutputManifest.Entry(path: $0.path, size: $0.size, modified: $0.modified) }
        #expect(staged.entries == walked)
    }

    /// Files kept open are closed whether they are written, never written, or the build is abandoned. Other
    /// suites open files at the same time, so the check is on 300 leaked descriptors, not on one.
    @Test func keptFilesAreClosed() throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let openBefore = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        for round in 0..<100 {
            let staged = try OutputWriter(output: parent.appendingPathComponent("public")).begin(keepingOpen: 10)
            staged.expect("written.html")
            staged.expect("never.html")
            staged.add(OutputFile(path: "written.html", data: Data("W".utf8)))
            if round.isMultiple(of: 2) {
                _ = try staged.commit(paths: ["written.html"])
            } else {
                staged.expect("abandoned.html")
                staged.abandon()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count < openBefore + 50)
    }

    @Test func anUnchangedFileIsLinkedEvenWhenItWasExpected() throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = try Self.builtOnce(in: parent)
        let old = Date(timeIntervalSince1970: 946_684_800)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: output.appendingPathComponent("en/a.html").path)
        let second = try OutputWriter(output: output).begin()
        second.expect("en/a.html")
        second.add(OutputFile(path: "en/a.html", data: Data("A".utf8)))
        let report = try second.commit(paths: ["en/a.html"])
        #expect(report.unchanged == 1 && report.written == 0)
        let date = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("en/a.html").path)[.modificationDate] as? Date
        #expect(date == old)
    }

    @Test func anAbandonedBuildLeavesTheOutputAsItWas() throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = try Self.builtOnce(in: parent)
        let failed = try OutputWriter(output: output).begin()
        failed.expect("en/b.html")
        failed.add(OutputFile(path: "en/a.html", data: Data("changed".utf8)))
        failed.abandon()
        #expect(Self.listing(output) == ["en", "en/a.html"])
        #expect(try String(contentsOf: output.appendingPathComponent("en/a.html"), encoding: .utf8) == "A")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.contains("staging") }.isEmpty)
    }

    /// The writer's jobs wait in batches: `settle` must do the ones waiting for a batch to fill, and every job
    /// given from any thread is done once, in the order its thread gave it.
    @Test func batchedJobsAreAllDoneBySettle() {
        let done = Mutex<[Int]>([])
        let jobs = BatchedJobs<Int>(label: "test", batch: 32) { job in done.withLock { $0.append(job) } }
        jobs.add(1, urgent: false)
        jobs.add(2, urgent: false)
        jobs.settle()
        #expect(done.withLock { $0 } == [1, 2])
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for index in 0..<1_000 { jobs.add(1_000 * (thread + 1) + index, urgent: index % 300 == 0) }
        }
        jobs.settle()
        let all = done.withLock { $0 }
        #expect(all.count == 4_002)
        for thread in 1...4 {
            #expect(all.filter { $0 / 1_000 == thread } == Array(1_000 * thread..<1_000 * (thread + 1)))
        }
    }
}
