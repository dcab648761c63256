import Foundation
import Testing
import TestSupport

/// A build killed at any moment (power cut, Ctrl-\, the machine running out of memory) leaves the old site
/// or the new one, never a mix, and nothing temporary inside it; the next build, using whatever the killed
/// one left (record, twin, staging folder), gives exactly what a clean build gives. Kills land at spread-out
/// moments of full builds and of rebuilds that change every English page.
@Suite struct CrashSafetyTests {
    @Test func aBuildKilledAtAnyMomentIsFollowedByACorrectOne() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content/en")
        for number in 0..<600 {
            let text = "---\ntitle: Page \(number)\n---\n# Page \(number)\n\nWords \(number). See [the next](page-\((number + 1) % 600).md#more).\n\n## More\n\nMore words.\n"
            try text.write(to: content.appendingPathComponent("page-\(number).md"), atomically: true, encoding: .utf8)
        }
        let index = content.appendingPathComponent("index.md")
        let original = try String(contentsOf: index, encoding: .utf8)
        var started = Date()
        #expect(try Executable.run(["build", "--root", root.path]).status == 0)
        let fullTime = Date().timeIntervalSince(started)
        var killed = 0
        for (round, moment) in [0.05, 0.15, 0.3, 0.45, 0.6, 0.8].enumerated() {
            // The home page's menu name is on every English page: a rebuild lays out and replaces them all.
            try original.replacingOccurrences(of: "menu_title: Home", with: "menu_title: Home \(round)").write(to: index, atomically: true, encoding: .utf8)
            if round % 3 == 2 { try? FileManager.default.removeItem(at: root.appendingPathComponent(".public.record.sum")) }
            let old = Fixture.files(in: root.appendingPathComponent("public"))
            let process = Process()
            process.executableURL = Executable.url
            process.arguments = ["build", "--root", root.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            started = Date()
            try process.run()
            Thread.sleep(forTimeInterval: fullTime * moment)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            let left = Fixture.files(in: root.appendingPathComponent("public"))
            let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-clean-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: fresh) }
            #expect(try Executable.run(["build", "--root", root.path, "--output", fresh.path]).status == 0)
            let new = Fixture.files(in: fresh)
            #expect(left == old || left == new, "round \(round): the killed build left a mix of old and new pages")
            #expect(left.keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } } == [".clinicsite-output"], "round \(round)")
            let next = try Executable.run(["build", "--root", root.path])
            #expect(next.status == 0, "\(next.errors)")
            #expect(Fixture.files(in: root.appendingPathComponent("public")) == new, "round \(round)")
            let beside = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("staging") || $0.contains(".old-") }
            #expect(beside.isEmpty, "\(beside)")
        }
        #expect(killed >= 3, "only \(killed) builds were still running when killed")
    }
}
