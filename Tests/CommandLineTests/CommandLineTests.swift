import Foundation
import TestSupport
import Testing

/// Runs the real `clinicsite` executable, as staff would, and checks exit status and messages.
@Suite struct CommandLineTests {
    @Test func versionAndHelp() throws {
        let version = try Executable.run(["--version"])
        #expect(version.status == 0)
        // The version names the memory allocator, and only when jemalloc really serves this process.
        #expect(version.output.hasPrefix("0.1.0 (cmark 0.30.2, jemalloc 5."))
        #expect(version.output.hasSuffix(")\n"))
        let help = try Executable.run(["build", "--help"])
        #expect(help.status == 0)
        for option in ["--root", "--output", "--base-url"] { #expect(help.output.contains(option)) }
    }

    @Test func successfulBuildExitsZeroAndSaysWhatItDid() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Executable.run(["build", "--root", root.path, "--base-url", "https://clinic.example/a"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("Built 8 pages: 16 files written, 0 unchanged, 0 removed."))
        let again = try Executable.run(["build", "--root", root.path, "--base-url", "https://clinic.example/a"])
        #expect(again.status == 0)
        #expect(again.output == "Up to date: nothing changed since the last build (8 pages, 16 files).\n")
        #expect(!run.errors.contains("error"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/sitemap.xml").path))
    }

    @Test func errorsArePrintedWithPlaceAndExitNonZero() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try "---\ntitle: [broken\n---\n# A\n".write(to: root.appendingPathComponent("content/en/benefits.md"), atomically: true, encoding: .utf8)
        try "{{#menu}}\n".write(to: root.appendingPathComponent("templates/page.mustache"), atomically: true, encoding: .utf8)
        let run = try Executable.run(["build", "--root", root.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("content/en/benefits.md:3:1: error: invalid YAML"))
        #expect(run.errors.contains("templates/page.mustache:2:1: error: template error:"))
        #expect(run.errors.contains("clinicsite: 2 errors; nothing was changed."))
        #expect(!run.errors.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    @Test func badBaseURLIsRejectedBeforeBuilding() throws {
        let problems = ["clinic.example/info": "--base-url must be a full address starting with https:// or http://",
                        "not a url": "--base-url must not hold spaces, quotes, < or > (write a space as %20)",
                        "https://admin:secret@clinic.example/": "--base-url must not hold a user name or password",
                        "https://clinic.example/?lang=fr": "--base-url must not have a ? or # part",
                        "https://clinique-élysée.example/": "--base-url must give a domain name with accents in its xn-- form"]
        for (given, message) in problems {
            let run = try Executable.run(["build", "--base-url", given])
            #expect(run.status == 64, "\(given)")
            #expect(run.errors.contains(message), "\(given): \(run.errors)")
        }
    }

    /// What a browser makes of the address is what the pages print: no `..` in a canonical link or the sitemap.
    @Test func theBaseURLIsPrintedAsABrowserResolvesIt() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Executable.run(["build", "--root", root.path, "--base-url", "https://clinic.example/old/../soins-été/./patients"])
        #expect(run.status == 0, "\(run.errors)")
        let sitemap = try String(contentsOf: root.appendingPathComponent("public/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://clinic.example/soins-%C3%A9t%C3%A9/patients/en/index.html</loc>"), "\(sitemap)")
        #expect(!sitemap.contains(".."))
    }
}

@Suite struct ParallelBuildTests {
    /// A site large enough that the work is really split between threads.
    static func largeSite() throws -> URL {
        let root = try Fixture.scratchSite()
        for index in 0..<400 {
            let next = (index + 1) % 400
            let text = "---\ntitle: Page \(index)\norder: \(index % 50 == 0 ? "1" : "")\n---\n# Page \(index) é\n\n## Part \(index % 5)\n\nSee [next](p\(next).md#part-\(next % 5)) and *more*.\n"
            try text.write(to: root.appendingPathComponent("content/en/p\(index).md"), atomically: true, encoding: .utf8)
            try text.write(to: root.appendingPathComponent("content/fr/p\(index).md"), atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func parallelOutputIsByteIdenticalToSerial() throws {
        let root = try Self.largeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let parallel = root.appendingPathComponent("parallel"), serial = root.appendingPathComponent("serial")
        let process = Process()
        process.executableURL = Executable.url
        process.arguments = ["build", "--root", root.path, "--output", serial.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["CLINICSITE_THREADS": "1"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try Executable.run(["build", "--root", root.path, "--output", parallel.path]).status == 0)
        let files = Fixture.files(in: parallel)
        #expect(files.count > 800)
        #expect(files == Fixture.files(in: serial))
    }
}

@Suite struct CheckCommandTests {
    @Test func jsonReportAndStrictExitStatus() throws {
        let root = try Fixture.scratchSite(translationRecords: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let example = try Executable.run(["check", "--root", root.path, "--strict"])
        #expect(example.status == 1)
        #expect(example.output.contains("content/site.yml:5: warning: the clinic's phone is still an example or a placeholder: +1 555 010 0199"))
        let settings = root.appendingPathComponent("content/site.yml")
        try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "+1 555 010 0199", with: "+44 20 7946 1234")
            .replacingOccurrences(of: "care@riverside-skin.example", with: "care@riverside-skin.co.uk")
            .replacingOccurrences(of: "12 Riverside Walk, Suite 3, Springfield", with: "3 Mill Lane, Bristol")
            .write(to: settings, atomically: true, encoding: .utf8)
        let clean = try Executable.run(["check", "--root", root.path, "--format", "json", "--strict"])
        #expect(clean.status == 0, "\(clean.output)")
        let json = try JSONSerialization.jsonObject(with: Data(clean.output.utf8)) as? [String: Any]
        let pages = try #require(json?["pages"] as? [[String: Any]])
        #expect(pages.count == 8)
        #expect(pages.allSatisfy { ($0["grade"] as? Double ?? 99) <= 8 })
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))

        let hard = "---\nreviewed: 2026-01-01\n---\n# Hard\n\n" + String(repeating: "Notwithstanding considerable methodological heterogeneity, dermatological investigations demonstrate significantly improved cicatricial morphology. ", count: 12) + "\n"
        try hard.write(to: root.appendingPathComponent("content/en/hard.md"), atomically: true, encoding: .utf8)
        let lenient = try Executable.run(["check", "--root", root.path])
        #expect(lenient.status == 0)
        #expect(lenient.output.contains("content/en/hard.md:1: warning: the reading level is grade"))
        #expect(lenient.output.contains("content/en/hard.md:1: warning: this page has no twin in fr (content/fr/hard.md is missing)"))
        let strict = try Executable.run(["check", "--root", root.path, "--strict"])
        #expect(strict.status == 1)
        try "# Broken\n\n[x](gone.md)\n".write(to: root.appendingPathComponent("content/en/hard.md"), atomically: true, encoding: .utf8)
        let broken = try Executable.run(["check", "--root", root.path])
        #expect(broken.status == 1)
        #expect(broken.errors.contains("content/en/hard.md:3:1: error:"))
    }
}

@Suite struct ServeCommandTests {
    /// Ctrl-C (SIGINT) and `kill` (SIGTERM) both stop the preview within 2 s, with status 0, even with a page
    /// open on its reload stream and an idle connection; its private build folder is gone.
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsTheServerCleanly(signal: Int32) async throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let temporary = root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let server = try ServeProcess(root: root, environment: ["TMPDIR": temporary.path])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).contains { $0.hasPrefix("clinicsite-preview-") })
        let events = try await LoopbackHTTP.openEvents(port: server.port, path: "/__clinicsite/events")
        defer { close(events) }
        let idle = try LoopbackHTTP.connect(port: server.port)
        defer { close(idle) }
        let sent = Date()
        let said = server.stop(with: signal)
        #expect(Date().timeIntervalSince(sent) < 2)
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        #expect(said.contains("Stopped."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    /// More idle connections than the process has file descriptors: the preview caps how many it takes
    /// at once, keeps running, and answers again once they go.
    @Test func manyIdleConnectionsDoNotEndThePreview() async throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(root: root, openFileLimit: 96)
        var idle: [Int32] = []
        // More than the 96 descriptors it may open, yet fewer than the listen backlog, so connecting never waits.
        for _ in 0..<220 {
            guard let descriptor = try? LoopbackHTTP.connect(port: server.port, readTimeout: 200) else { break }
            idle.append(descriptor)
        }
        #expect(idle.count == 220)
        try await Task.sleep(nanoseconds: 500_000_000)
        #expect(server.process.isRunning)
        for descriptor in idle { close(descriptor) }
        try await Task.sleep(nanoseconds: 500_000_000)
        #expect(try await LoopbackHTTP.get(port: server.port, "/en/").status == 200)
        let said = server.stop()
        #expect(server.process.terminationStatus == 0, "\(said)")
    }

    @Test func listeningOnTheNetworkIsAnnouncedAsAWarning() async throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(root: root, arguments: ["--host", "0.0.0.0"])
        let said = server.stop()
        #expect(said.contains("clinicsite: warning: listening on 0.0.0.0, so other computers on the network can open this preview."))
        let local = try ServeProcess(root: root)
        #expect(!local.stop().contains("warning: listening on"))
    }
}

@Suite struct NewCommandTests {
    @Test func aNewSiteBuildsAndPassesTheStrictCheckAtOnce() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("my-clinic")
        let made = try Executable.run(["new", folder.path, "--lang", "fr", "--clinic-name", "Clinique du Parc", "--phone", "01 23 45 67 89",
                                       "--email", "accueil@clinique-du-parc.fr", "--address", "2 rue du Parc, Lyon"])
        #expect(made.status == 0, "\(made.errors)")
        let settings = try String(contentsOf: folder.appendingPathComponent("content/site.yml"), encoding: .utf8)
        #expect(settings.contains("phone: \"01 23 45 67 89\"\nemail: \"accueil@clinique-du-parc.fr\"\naddress: \"2 rue du Parc, Lyon\""))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".gitignore").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/en").path))
        let built = try Executable.run(["build", "--root", folder.path])
        #expect(built.status == 0, "\(built.errors)")
        let home = try String(contentsOf: folder.appendingPathComponent("public/fr/index.html"), encoding: .utf8)
        #expect(home.contains("Clinique du Parc"))
        #expect(try Executable.run(["check", "--root", folder.path, "--strict"]).status == 0)
        let again = try Executable.run(["new", folder.path])
        #expect(again.status == 1)
        #expect(again.errors.contains("this folder is not empty, so no site was written into it"))
        // Not told the details: never the example's, but marked placeholders that build warns about and strict refuses.
        let unnamed = parent.appendingPathComponent("unnamed")
        let bare = try Executable.run(["new", unnamed.path])
        #expect(bare.output.contains("Before publishing, write the clinic's phone, email, address in content/site.yml (marked TO FILL IN)."))
        let bareSettings = try String(contentsOf: unnamed.appendingPathComponent("content/site.yml"), encoding: .utf8)
        #expect(!bareSettings.contains("555 010 0199") && !bareSettings.contains("care@riverside") && !bareSettings.contains("Riverside Walk"))
        let warned = try Executable.run(["build", "--root", unnamed.path])
        #expect(warned.status == 0)
        #expect(warned.errors.contains("content/site.yml:5: warning: the clinic's phone is still an example or a placeholder: TO FILL IN: the clinic's phone"))
        #expect(try Executable.run(["check", "--root", unnamed.path, "--strict"]).status == 1)
        // --force lists every file it replaces.
        let page = unnamed.appendingPathComponent("content/en/healing.md")
        try "edited by staff".write(to: page, atomically: true, encoding: .utf8)
        let forced = try Executable.run(["new", unnamed.path, "--force"])
        #expect(forced.status == 0)
        #expect(forced.output.contains("Replaced "))
        #expect(forced.output.contains("\n  content/en/healing.md\n"))
        let german = try Executable.run(["new", parent.appendingPathComponent("de").path, "--lang", "de"])
        #expect(german.status == 1)
        #expect(german.errors.contains("there are no interface words for 'de' yet"))
    }
}

@Suite struct TimelineCommandTests {
    @Test func aSingleTimelineFileIsPrivateAndDatesOutOfRangeAreRefused() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("ann.html")
        let run = try Executable.run(["timeline", "--root", root.path, "--date", "2026-12-01", "--output", file.path])
        #expect(run.status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        let far = try Executable.run(["timeline", "--root", root.path, "--date", "9999-12-31", "--format", "ics"])
        #expect(far.status == 64)
        #expect(far.errors.contains("from 1900-01-01 to 2999-12-31"))
        #expect(!far.errors.contains("Fatal error"))
    }
}
