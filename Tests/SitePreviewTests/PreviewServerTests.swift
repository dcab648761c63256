import Foundation
import RecoverySchedule
import TestSupport
import Testing
@testable import SitePreview

@Suite(.serialized) struct PreviewServerTests {
    /// Runs a server on a free loopback port for the duration of `body`.
    static func withServer(subpath: String = "/", host: String = "127.0.0.1", idleSeconds: Int64 = 30, headSeconds: Int64 = 10,
                           maxConnections: Int? = nil, files: [String: Data] = [:],
                           _ body: (PreviewServer, UInt16, URL) async throws -> Void) async throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, data) in files { try data.write(to: root.appendingPathComponent(path)) }
        var options = PreviewServer.Options(root: root, host: host, port: 0, subpath: subpath, today: CivilDate(iso: "2026-11-26")!)
        options.idleSeconds = idleSeconds
        options.headSeconds = headSeconds
        if let maxConnections { options.maxConnections = maxConnections }
        let server = PreviewServer(options: options) { _ in }
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let port = try #require(await server.listeningPort())
        try await body(server, port, root)
        await server.stop()
        _ = await running.result
    }

    @Test func servesPagesAssetsAndTheSites404() async throws {
        try await Self.withServer(subpath: "/clinic/") { server, port, root in
            let page = try await LoopbackHTTP.get(port: port, "/clinic/en/healing.html")
            #expect(page.status == 200)
            #expect(page.headers.lowercased().contains("content-type: text/html; charset=utf-8"))
            #expect(page.body.contains("<h1 id=\"healing-after-skin-needling\">"))
            #expect(page.body.contains("new EventSource(\"/clinic/__clinicsite/events\")"))
            // The reload script is added as the page is served; the built file has none.
            let built = try String(contentsOf: server.siteFolder.appendingPathComponent("en/healing.html"), encoding: .utf8)
            #expect(!built.contains("EventSource"))
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))

            let cssPath = try #require(page.body.firstMatch(of: /href="\.\.\/(assets\/style\.[0-9a-f]+\.css)"/)?.1)
            let css = try await LoopbackHTTP.get(port: port, "/clinic/\(cssPath)")
            #expect(css.status == 200)
            #expect(css.headers.lowercased().contains("content-type: text/css; charset=utf-8"))
            #expect(css.body.contains("--brand"))

            let missing = try await LoopbackHTTP.get(port: port, "/clinic/en/no-such-page.html")
            #expect(missing.status == 404)
            #expect(missing.body.contains("Page not found"))
            #expect(try await LoopbackHTTP.get(port: port, "/en/healing.html").status == 404)
            #expect(try await LoopbackHTTP.get(port: port, "/clinic/").body.contains("Read this site in English"))
        }
    }

    @Test func requestsThatTryToLeaveTheSiteGetNothingOutsideIt() async throws {
        try await Self.withServer { _, port, root in
            try "secret".write(to: root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
            for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/en/..%2f..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                         "/..%5csecret.txt", "/../../../../etc/passwd", "//etc/passwd"] {
                let response = try await LoopbackHTTP.get(port: port, path)
                #expect(response.status == 400 || response.status == 404, "\(path): \(response.status)")
                #expect(!response.body.contains("secret") && !response.body.contains("root:"), "\(path)")
            }
        }
    }

    @Test func anEditRebuildsAndTellsTheReloadChannel() async throws {
        try await Self.withServer { _, port, root in
            let events = try await LoopbackHTTP.openEvents(port: port, path: "/__clinicsite/events")
            defer { close(events) }
            let page = root.appendingPathComponent("content/en/benefits.md")
            try (String(contentsOf: page, encoding: .utf8) + "\nA sentence added while previewing.\n").write(to: page, atomically: true, encoding: .utf8)
            #expect(await LoopbackHTTP.waitFor("event: reload\ndata: ok", on: events, seconds: 10))
            #expect(try await LoopbackHTTP.get(port: port, "/en/benefits.html").body.contains("A sentence added while previewing."))
        }
    }

    @Test func editsInQuickSuccessionGiveOneRebuild() async throws {
        try await Self.withServer { _, port, root in
            let events = try await LoopbackHTTP.openEvents(port: port, path: "/__clinicsite/events")
            defer { close(events) }
            for (index, name) in ["index.md", "benefits.md", "healing.md"].enumerated() {
                let page = root.appendingPathComponent("content/en/\(name)")
                try (String(contentsOf: page, encoding: .utf8) + "\nEdit \(index).\n").write(to: page, atomically: true, encoding: .utf8)
                try await Task.sleep(nanoseconds: 60_000_000)
            }
            let received = try await LoopbackHTTP.offThread { LoopbackHTTP.received(on: events, seconds: 4) }
            #expect(received.components(separatedBy: "event: reload").count - 1 == 1)
        }
    }

    @Test func aFailedBuildShowsItsErrorsAndKeepsServingTheLastGoodSite() async throws {
        try await Self.withServer { server, port, root in
            let events = try await LoopbackHTTP.openEvents(port: port, path: "/__clinicsite/events")
            defer { close(events) }
            let page = root.appendingPathComponent("content/en/benefits.md")
            let original = try String(contentsOf: page, encoding: .utf8)
            try (original + "\n[broken](nowhere.md)\n").write(to: page, atomically: true, encoding: .utf8)
            #expect(await LoopbackHTTP.waitFor("data: failed", on: events, seconds: 10))
            let shown = try await LoopbackHTTP.get(port: port, "/en/index.html")
            #expect(shown.status == 500)
            #expect(shown.body.contains("<code>content/en/benefits.md:"))
            #expect(shown.body.contains("nowhere.md"))
            #expect(shown.body.contains("EventSource"))
            // The last good site's files are still there for the pages that come back.
            let stylesheet = try #require(try FileManager.default.contentsOfDirectory(atPath: server.siteFolder.path + "/assets").first { $0.hasSuffix(".css") })
            #expect(try await LoopbackHTTP.get(port: port, "/assets/\(stylesheet)").status == 200)
            try original.write(to: page, atomically: true, encoding: .utf8)
            #expect(await LoopbackHTTP.waitFor("data: ok", on: events, seconds: 10))
            #expect(try await LoopbackHTTP.get(port: port, "/en/index.html").status == 200)
        }
    }
}
