import Foundation
import RecoverySchedule
import TestSupport
import Testing
@testable import SitePreview

/// A tiny HTTP/1.1 client over a loopback socket, so the tests depend on nothing but the server.
enum LoopbackHTTP {
    struct Response {
        var status: Int
        var headers: String
        var body: String
    }

    /// `readTimeout` bounds each read; event streams use a short one so tests can poll them.
    static func connect(port: UInt16, readTimeout: Int = 10_000) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: readTimeout / 1000, tv_usec: (readTimeout % 1000) * 1000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
        return descriptor
    }

    static func send(_ descriptor: Int32, path: String) {
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { write(descriptor, $0, strlen($0)) }
    }

    static func get(port: UInt16, _ path: String) throws -> Response {
        let descriptor = try connect(port: port)
        defer { close(descriptor) }
        send(descriptor, path: path)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, headers: head, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Opens the server's event stream and waits until it says it is connected.
    static func openEvents(port: UInt16, path: String) throws -> Int32 {
        let descriptor = try connect(port: port, readTimeout: 500)
        send(descriptor, path: path)
        guard waitFor(": connected", on: descriptor, seconds: 5) else {
            close(descriptor)
            throw POSIXError(.ETIMEDOUT)
        }
        return descriptor
    }

    /// Reads an open event stream until `text` has arrived, or the time runs out.
    static func waitFor(_ text: String, on descriptor: Int32, seconds: Double) -> Bool {
        var received = ""
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { continue }
            received += String(decoding: buffer[0..<count], as: UTF8.self)
            if received.contains(text) { return true }
        }
        return false
    }
}

@Suite(.serialized) struct PreviewServerTests {
    /// Runs a server on a free loopback port for the duration of `body`.
    static func withServer(subpath: String = "/", _ body: (PreviewServer, UInt16, URL) async throws -> Void) async throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = PreviewServer.Options(root: root, port: 0, subpath: subpath, today: CivilDate(iso: "2026-11-26")!)
        let server = try PreviewServer(options: options) { _ in }
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let port = try #require(await server.listeningPort())
        try await body(server, port, root)
        await server.stop()
        _ = await running.result
    }

    @Test func servesPagesAssetsAndTheSites404() async throws {
        try await Self.withServer(subpath: "/clinic/") { server, port, root in
            let page = try LoopbackHTTP.get(port: port, "/clinic/en/healing.html")
            #expect(page.status == 200)
            #expect(page.headers.lowercased().contains("content-type: text/html; charset=utf-8"))
            #expect(page.body.contains("<h1 id=\"healing-after-skin-needling\">"))
            #expect(page.body.contains("new EventSource(\"/clinic/__clinicsite/events\")"))
            // The reload script is added as the page is served; the built file has none.
            let built = try String(contentsOf: server.siteFolder.appendingPathComponent("en/healing.html"), encoding: .utf8)
            #expect(!built.contains("EventSource"))
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))

            let cssPath = try #require(page.body.firstMatch(of: /href="\.\.\/(assets\/style\.[0-9a-f]+\.css)"/)?.1)
            let css = try LoopbackHTTP.get(port: port, "/clinic/\(cssPath)")
            #expect(css.status == 200)
            #expect(css.headers.lowercased().contains("content-type: text/css; charset=utf-8"))
            #expect(css.body.contains("--brand"))

            let missing = try LoopbackHTTP.get(port: port, "/clinic/en/no-such-page.html")
            #expect(missing.status == 404)
            #expect(missing.body.contains("Page not found"))
            #expect(try LoopbackHTTP.get(port: port, "/en/healing.html").status == 404)
            #expect(try LoopbackHTTP.get(port: port, "/clinic/").body.contains("Read this site in English"))
        }
    }

    @Test func requestsThatTryToLeaveTheSiteGetNothingOutsideIt() async throws {
        try await Self.withServer { _, port, root in
            try "secret".write(to: root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
            for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/en/..%2f..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                         "/..%5csecret.txt", "/../../../../etc/passwd", "//etc/passwd"] {
                let response = try LoopbackHTTP.get(port: port, path)
                #expect(response.status == 400 || response.status == 404, "\(path): \(response.status)")
                #expect(!response.body.contains("secret") && !response.body.contains("root:"), "\(path)")
            }
        }
    }

    @Test func anEditRebuildsAndTellsTheReloadChannel() async throws {
        try await Self.withServer { _, port, root in
            let events = try LoopbackHTTP.openEvents(port: port, path: "/__clinicsite/events")
            defer { close(events) }
            let page = root.appendingPathComponent("content/en/benefits.md")
            try (String(contentsOf: page, encoding: .utf8) + "\nA sentence added while previewing.\n").write(to: page, atomically: true, encoding: .utf8)
            #expect(LoopbackHTTP.waitFor("event: reload\ndata: ok", on: events, seconds: 10))
            #expect(try LoopbackHTTP.get(port: port, "/en/benefits.html").body.contains("A sentence added while previewing."))
        }
    }

    @Test func editsInQuickSuccessionGiveOneRebuild() async throws {
        try await Self.withServer { _, port, root in
            let events = try LoopbackHTTP.openEvents(port: port, path: "/__clinicsite/events")
            defer { close(events) }
            for (index, name) in ["index.md", "benefits.md", "healing.md"].enumerated() {
                let page = root.appendingPathComponent("content/en/\(name)")
                try (String(contentsOf: page, encoding: .utf8) + "\nEdit \(index).\n").write(to: page, atomically: true, encoding: .utf8)
                try await Task.sleep(nanoseconds: 60_000_000)
            }
            var received = ""
            let deadline = Date().addingTimeInterval(4)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while Date() < deadline {
                let count = read(events, &buffer, buffer.count)
                if count > 0 { received += String(decoding: buffer[0..<count], as: UTF8.self) }
            }
            #expect(received.components(separatedBy: "event: reload").count - 1 == 1)
        }
    }

    @Test func aFailedBuildShowsItsErrorsAndKeepsServingTheLastGoodSite() async throws {
        try await Self.withServer { server, port, root in
            let events = try LoopbackHTTP.openEvents(port: port, path: "/__clinicsite/events")
            defer { close(events) }
            let page = root.appendingPathComponent("content/en/benefits.md")
            let original = try String(contentsOf: page, encoding: .utf8)
            try (original + "\n[broken](nowhere.md)\n").write(to: page, atomically: true, encoding: .utf8)
            #expect(LoopbackHTTP.waitFor("data: failed", on: events, seconds: 10))
            let shown = try LoopbackHTTP.get(port: port, "/en/index.html")
            #expect(shown.status == 500)
            #expect(shown.body.contains("<code>content/en/benefits.md:"))
            #expect(shown.body.contains("nowhere.md"))
            #expect(shown.body.contains("EventSource"))
            // The last good site's files are still there for the pages that come back.
            let stylesheet = try #require(try FileManager.default.contentsOfDirectory(atPath: server.siteFolder.path + "/assets").first { $0.hasSuffix(".css") })
            #expect(try LoopbackHTTP.get(port: port, "/assets/\(stylesheet)").status == 200)
            try original.write(to: page, atomically: true, encoding: .utf8)
            #expect(LoopbackHTTP.waitFor("data: ok", on: events, seconds: 10))
            #expect(try LoopbackHTTP.get(port: port, "/en/index.html").status == 200)
        }
    }
}
