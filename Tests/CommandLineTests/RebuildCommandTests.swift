import Foundation
import Testing
import TestSupport

/// What staff see when they build again: an edit lays out only what it reaches, and a new clinicsite, a
/// changed template or changed settings make a full build, whatever the cache beside the output says.
@Suite struct RebuildCommandTests {
    @Test func theCacheServesEditsAndIsSetAsideByANewExecutableTemplatesOrSettings() throws {
        let root = try Fixture.scratchSite()
        let tools = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-tool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: tools) }
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        // A copy of the executable, so a test can make it "new" without touching the one other tests run.
        let tool = tools.appendingPathComponent("clinicsite")
        try FileManager.default.copyItem(at: Executable.url, to: tool)
        func build() throws -> String {
            let process = Process()
            process.executableURL = tool
            process.arguments = ["build", "--root", root.path]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try build().hasPrefix("Built 8 pages:"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".public.record").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("public").path).filter { $0.hasPrefix(".") } == [".clinicsite-output"])
        let page = root.appendingPathComponent("content/en/benefits.md")
        try (String(contentsOf: page, encoding: .utf8) + "\nOne more sentence.\n").write(to: page, atomically: true, encoding: .utf8)
        #expect(try build().hasPrefix("Rebuilt 8 pages (1 laid out again, the rest unchanged): 1 files written"))
        // A new executable (here: the same bytes with a new time) does not trust what an old one cached.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: tool.path)
        try (String(contentsOf: page, encoding: .utf8) + "\nAnd another.\n").write(to: page, atomically: true, encoding: .utf8)
        #expect(try build().hasPrefix("Built 8 pages:"))
        let template = root.appendingPathComponent("templates/page.mustache")
        try (String(contentsOf: template, encoding: .utf8) + "\n").write(to: template, atomically: true, encoding: .utf8)
        #expect(try build().hasPrefix("Built 8 pages:"))
        let settings = root.appendingPathComponent("content/site.yml")
        try (String(contentsOf: settings, encoding: .utf8) + "\n# a comment\n").write(to: settings, atomically: true, encoding: .utf8)
        #expect(try build().hasPrefix("Built 8 pages:"))
        #expect(try build().hasPrefix("Up to date"))
    }

    /// A build takes today as this computer's calendar has it (review warnings and the cache depend on it):
    /// the same moment is the next day fourteen hours east of Greenwich and the day before twelve hours west.
    @Test func todayIsTheDateInTheComputersTimeZone() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        for (zone, offset) in [("Etc/GMT-14", 14), ("Etc/GMT+12", -12), ("UTC", 0)] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: offset * 3600)!
            let before = calendar.dateComponents([.year, .month, .day], from: Date())
            // An empty CLINICSITE_TODAY leaves the computer's clock in charge.
            let run = try Executable.run(["build", "--root", root.path], environment: ["TZ": zone, "CLINICSITE_TODAY": ""])
            let after = calendar.dateComponents([.year, .month, .day], from: Date())
            #expect(run.status == 0, "\(run.errors)")
            // The record's meta table holds the day the build took as today (SQLite keeps a row's text as it is).
            let record = try Data(contentsOf: root.appendingPathComponent(".public.record"))
            let days = [before, after].map { String(format: "%04d-%02d-%02d", $0.year!, $0.month!, $0.day!) }
            #expect(days.contains { record.range(of: Data("today\($0)".utf8)) != nil }, "TZ=\(zone): not \(days)")
            try FileManager.default.removeItem(at: root.appendingPathComponent(".public.record"))
        }
    }
}
