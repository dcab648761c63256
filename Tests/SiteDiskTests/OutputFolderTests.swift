import Foundation
@testable import SiteDisk
import SiteGenerator
import Testing
import TestSupport

/// The output folder and its twin: a whole site written and exchanged, then brought up to date path by path.
@Suite struct OutputFolderTests {
    private static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func files(_ pairs: [String: String]) -> [OutputFile] {
        pairs.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value) }
    }

    /// The check of an output path says what splitting it at each "/" says, for every path made of the parts
    /// that matter ("", ".", "..", "...", ".a", "a.", "a..b", "é") up to three deep.
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
            #expect(OutputFolder.staysInside(path) == splitting(path), "\(path)")
        }
    }

    /// A whole site written over an older one: files with the old bytes are the old files (same inode and
    /// time), and the old site becomes the twin.
    @Test func aWholeSiteKeepsTheFilesThatDidNotChange() throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = OutputFolder(output: parent.appendingPathComponent("public"))
        _ = try folder.replace(with: Self.files(["en/a.html": "A", "en/b.html": "B"]))
        let old = Date(timeIntervalSince1970: 946_684_800)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.output.appendingPathComponent("en/a.html").path)
        let written = try folder.replace(with: Self.files(["en/a.html": "A", "fr/c.html": "C"]))
        #expect(written.report == OutputFolder.Report(written: 1, unchanged: 1, removed: 1))
        #expect(written.twinBehind == ["en/b.html", "fr/c.html"])
        let date = try FileManager.default.attributesOfItem(atPath: folder.output.appendingPathComponent("en/a.html").path)[.modificationDate] as? Date
        #expect(date == old)
        #expect(Self.visible(folder.output) == ["en/a.html": Data("A".utf8), "fr/c.html": Data("C".utf8)])
        #expect(Self.visible(URL(fileURLWithPath: folder.twin)) == ["en/a.html": Data("A".utf8), "en/b.html": Data("B".utf8)])
    }

    /// A whole site written where there was none leaves a twin beside it that is the same site, file for file the
    /// same inodes and nothing behind, so the first rebuild after it changes only what changed instead of linking
    /// every file again; that rebuild gives what it gives when the twin is gone and made from the output (the slow
    /// twin). A replacement given up leaves no twin.
    @Test func aFirstSiteLeavesItsTwinReady() throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = Self.files(Dictionary(uniqueKeysWithValues: (0..<30).map { ("\($0 % 2 == 0 ? "en" : "fr/deep")/p\($0).html", "page \($0)") }))
        var outcomes: [([String], [String: Data], [String: Data])] = []
        for twinKept in [true, false] {
            let folder = OutputFolder(output: parent.appendingPathComponent("public-\(twinKept)"))
            let replacement = SiteReplacement(folder)
            for file in site.prefix(20) { replacement.add(file) }
            let written = try replacement.finish(site)
            #expect(written.twinBehind.isEmpty)
            let output = Self.inodes(folder.output)
            #expect(output.count == 30 && Self.inodes(URL(fileURLWithPath: folder.twin)) == output)
            #expect(FileManager.default.fileExists(atPath: folder.twin + "/" + OutputFolder.marker))
            if !twinKept { FileSystem.removeTree(folder.twin) }
            let updated = try folder.update(Self.files(["en/p0.html": "changed"]), removed: [], behind: written.twinBehind)
            outcomes.append((updated.twinBehind, Self.visible(folder.output), Self.visible(URL(fileURLWithPath: folder.twin))))
            #expect(Self.inodes(folder.output).filter { $0.value != output[$0.key] }.map(\.key) == ["en/p0.html"])
        }
        #expect(outcomes[0].0 == ["en/p0.html"] && outcomes[1].0 == outcomes[0].0)
        #expect(outcomes[0].2 == Dictionary(uniqueKeysWithValues: site.map { ($0.path, $0.data) }) && outcomes[1].2 == outcomes[0].2)
        #expect(outcomes[0].1["en/p0.html"] == Data("changed".utf8) && outcomes[1].1 == outcomes[0].1)

        let other = OutputFolder(output: parent.appendingPathComponent("other"))
        let givenUp = SiteReplacement(other)
        for file in site { givenUp.add(file) }
        givenUp.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
                == [".public-false.twin", ".public-true.twin", "public-false", "public-true"])
    }

    /// Files handed over while the build still makes pages (`SiteReplacement.add`, from several threads) give
    /// the folder, report and twin that placing every file at the end gives; a replacement given up leaves the
    /// output as it was and nothing beside it.
    @Test func filesHandedOverEarlyGiveWhatTheSlowTwinGives() throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let old = Self.files(Dictionary(uniqueKeysWithValues: (0..<40).map { ("en/p\($0).html", "old \($0 % 3)") }))
        let new = Self.files(Dictionary(uniqueKeysWithValues: (0..<60).map { ("\($0 % 2 == 0 ? "en" : "fr/deep")/p\($0).html", "new \($0 % 3)") }))
        var outcomes: [(OutputFolder.Report, [String], [String: Data], [String: Data])] = []
        for early in [0, 30, 60] {
            let folder = OutputFolder(output: parent.appendingPathComponent("public-\(early)"))
            _ = try folder.replace(with: old)
            let replacement = SiteReplacement(folder)
            DispatchQueue.concurrentPerform(iterations: 3) { thread in
                for file in new.prefix(early).enumerated().filter({ $0.offset % 3 == thread }).map(\.element) { replacement.add(file) }
            }
            let written = try replacement.finish(new)
            outcomes.append((written.report, written.twinBehind, Self.visible(folder.output), Self.visible(URL(fileURLWithPath: folder.twin))))
            #expect(written.made.map(\.path) == new.map(\.path))
        }
        for outcome in outcomes.dropFirst() {
            #expect(outcome.0 == outcomes[0].0)
            #expect(outcome.1 == outcomes[0].1)
            #expect(outcome.2 == outcomes[0].2)
            #expect(outcome.3 == outcomes[0].3)
        }
        #expect(outcomes[0].2 == Dictionary(uniqueKeysWithValues: new.map { ($0.path, $0.data) }))
        #expect(outcomes[0].0 == OutputFolder.Report(written: 60, unchanged: 0, removed: 20))

        let folder = OutputFolder(output: parent.appendingPathComponent("public-0"))
        let before = Self.visible(folder.output)
        let givenUp = SiteReplacement(folder)
        for file in old { givenUp.add(file) }
        givenUp.abandon()
        #expect(Self.visible(folder.output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.contains("staging") }.isEmpty)
    }

    /// Updates at random (files added, changed, rewritten with the same bytes, removed, in new folders): after
    /// each, the output is the new site and the twin the one before, and files whose bytes stayed keep their inode.
    @Test(arguments: [UInt64(1), 2, 3])
    func everyUpdateLeavesTheNewSiteAndTheOneBeforeInTheTwin(seed: UInt64) throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = OutputFolder(output: parent.appendingPathComponent("public"))
        var generator = SeededGenerator(state: seed)
        var site = ["index.html": "root", "en/a.html": "A", "en/deep/b.html": "B"]
        var behind: [String]? = try folder.replace(with: Self.files(site)).twinBehind
        for step in 0..<25 {
            let before = site
            var made: [String: String] = [:]
            var removed: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let path = ["en/a.html", "en/deep/b.html", "fr/c.html", "fr/new/d.html", "index.html", "en/e.html"].randomElement(using: &generator)!
                switch Int.random(in: 0..<4, using: &generator) {
                case 0 where site[path] != nil: made[path] = site[path]
                case 1 where site[path] != nil && path != "index.html": removed.append(path); site[path] = nil; made[path] = nil
                default: made[path] = "\(path) \(step)"; site[path] = made[path]
                }
            }
            let inodes = Self.inodes(folder.output)
            let written = try folder.update(Self.files(made), removed: removed, behind: behind)
            behind = written.twinBehind
            #expect(Self.visible(folder.output) == site.mapValues { Data($0.utf8) }, "seed \(seed) step \(step)")
            #expect(Self.visible(URL(fileURLWithPath: folder.twin)) == before.mapValues { Data($0.utf8) }, "seed \(seed) step \(step)")
            for (path, inode) in inodes where before[path] == site[path] && site[path] != nil {
                #expect(Self.inodes(folder.output)[path] == inode, "seed \(seed) step \(step): \(path) was written again")
            }
        }
    }

    private static func visible(_ folder: URL) -> [String: Data] {
        Fixture.files(in: folder).filter { !$0.key.hasPrefix(".") }
    }

    private static func inodes(_ folder: URL) -> [String: UInt64] {
        var found: [String: UInt64] = [:]
        for path in FileSystem.files(below: folder.path) ?? [] {
            if let attributes = try? FileManager.default.attributesOfItem(atPath: folder.path + "/" + path),
               let inode = attributes[.systemFileNumber] as? UInt64 { found[path] = inode }
        }
        return found
    }
}
