import Foundation
import TestSupport
import Testing
@testable import SitePreview

/// The preview against hostile or careless clients (#11): it answers what it should, refuses what it
/// should, and stays up.
@Suite(.serialized) struct PreviewHardeningTests {
    static func request(_ path: String, method: String = "GET", host: String? = "127.0.0.1", extra: String = "") -> String {
        "\(method) \(path) HTTP/1.1\r\n" + (host.map { "Host: \($0)\r\n" } ?? "") + extra + "Connection: close\r\n\r\n"
    }

    @Test func folderURLsServeTheirIndexAndAFolderWithoutSlashIsRedirected() async throws {
        try await PreviewServerTests.withServer(subpath: "/clinic/") { _, port, _ in
            let folder = try await LoopbackHTTP.get(port: port, "/clinic/en/")
            #expect(folder.status == 200)
            #expect(folder.body.contains("<html lang=\"en\""))
            let bare = try await LoopbackHTTP.get(port: port, "/clinic/en")
            #expect(bare.status == 301)
            #expect(bare.headers.lowercased().contains("location: /clinic/en/"))
        }
    }

    @Test func headAnswersCarryNoBodySoAPipelinedRequestIsReadRight() async throws {
        try await PreviewServerTests.withServer { _, port, _ in
            let pipelined = "HEAD /en/healing.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + Self.request("/en/benefits.html")
            let text = try await LoopbackHTTP.exchange(port: port, pipelined)
            let heads = text.components(separatedBy: "HTTP/1.1 200 OK")
            #expect(heads.count == 3, "\(text.prefix(800))")
            let headAnswer = heads[1]
            let length = try #require(headAnswer.firstMatch(of: /(?i)content-length: (\d+)/)?.1).description
            #expect(Int(length)! > 1000, "HEAD announces the page's real length")
            #expect(headAnswer.hasSuffix("\r\n\r\n"), "nothing follows the HEAD answer's head")
            #expect(heads[2].contains("<h1 id=\"benefits"))
        }
    }

    @Test func onlyLoopbackNamesAndTheListeningAddressAreAnswered() async throws {
        try await PreviewServerTests.withServer { _, port, _ in
            for host in ["127.0.0.1", "127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST", "[::1]:\(port)", "app.localhost"] {
                let answer = LoopbackHTTP.parse(try await LoopbackHTTP.exchange(port: port, Self.request("/en/", host: host)))
                #expect(answer.status == 200, "\(host)")
            }
            for host in ["evil.example", "evil.example:\(port)", "127.0.0.1.evil.example", "localhost.evil.example", "10.0.0.5", "", "[::1"] {
                let answer = LoopbackHTTP.parse(try await LoopbackHTTP.exchange(port: port, Self.request("/en/", host: host)))
                #expect(answer.status == 421 || answer.status == 400, "\(host): \(answer.status)")
                #expect(!answer.body.contains("<html"), "\(host)")
            }
            let noHost = LoopbackHTTP.parse(try await LoopbackHTTP.exchange(port: port, "GET /en/ HTTP/1.0\r\n\r\n", readTimeout: 1_000))
            #expect(noHost.status == 421 || noHost.status == 400)
        }
    }

    /// RFC 9112: a request naming its host twice is refused (400), and a request target in absolute form is for
    /// the target's host whatever `Host` says, so a foreign one gets 421 and a loopback one the page.
    @Test func twoHostsAreRefusedAndAnAbsoluteTargetNamesTheHost() async throws {
        try await PreviewServerTests.withServer { _, port, _ in
            for extra in ["Host: evil.example\r\n", "Host: 127.0.0.1\r\n"] {
                let twice = LoopbackHTTP.parse(try await LoopbackHTTP.exchange(port: port, Self.request("/en/", extra: extra)))
                #expect(twice.status == 400, "\(extra)")
                #expect(!twice.body.contains("<html"))
            }
            let foreign = LoopbackHTTP.parse(try await LoopbackHTTP.exchange(port: port, Self.request("http://evil.example/en/")))
            #expect(foreign.status == 421)
            #expect(!foreign.body.contains("<html"))
            let local = LoopbackHTTP.parse(try await LoopbackHTTP.exchange(port: port, Self.request("http://localhost:\(port)/en/", host: "evil.example")))
            #expect(local.status == 200)
            #expect(local.body.contains("<html lang=\"en\""))
        }
        #expect(AbsoluteFormTarget.split("http://a.example:8/x?y#z")! == ("a.example:8", "/x?y#z"))
        #expect(AbsoluteFormTarget.split("https://a.example")! == ("a.example", "/"))
        #expect(AbsoluteFormTarget.split("/en/a.html?u=http://x") == nil)
    }

    /// Files other than pages are streamed from disk in chunks (the bytes exactly as built, whatever their size), and
    /// one byte range is answered with 206, a range past the end with 416, several ranges with the whole file.
    @Test func filesAreStreamedAndByteRangesAnswered() async throws {
        let text = (0..<300_000).map { String(format: "%09d\n", $0) }.joined()
        try await PreviewServerTests.withServer(files: ["content/en/leaflet.pdf": Data(text.utf8)]) { _, port, _ in
            let whole = try await LoopbackHTTP.get(port: port, "/en/leaflet.pdf")
            #expect(whole.status == 200)
            #expect(whole.headers.lowercased().contains("content-length: 3000000"))
            #expect(whole.headers.lowercased().contains("accept-ranges: bytes"))
            #expect(whole.body == text)
            func ranged(_ range: String) async throws -> LoopbackHTTP.Response {
                LoopbackHTTP.parse(try await LoopbackHTTP.exchange(port: port, Self.request("/en/leaflet.pdf", extra: "Range: \(range)\r\n")))
            }
            let middle = try await ranged("bytes=1000000-1000019")
            #expect(middle.status == 206)
            #expect(middle.headers.lowercased().contains("content-range: bytes 1000000-1000019/3000000"))
            #expect(middle.body == "000100000\n000100001\n")
            let tail = try await ranged("bytes=-10")
            #expect(tail.status == 206 && tail.body == "000299999\n")
            let open = try await ranged("bytes=2999990-")
            #expect(open.status == 206 && open.body == "000299999\n")
            let past = try await ranged("bytes=3000000-")
            #expect(past.status == 416)
            #expect(past.headers.lowercased().contains("content-range: bytes */3000000"))
            let several = try await ranged("bytes=0-1,5-6")
            #expect(several.status == 200 && several.body == text)
        }
        #expect(ByteRange.parse("bytes=5-2", size: 10) == .whole)
        #expect(ByteRange.parse("items=0-1", size: 10) == .whole)
        #expect(ByteRange.parse("bytes=0-99", size: 10) == .part(0...9))
    }

    /// 600 connections that send nothing and 50 that send their request a byte at a time do not keep a new client
    /// from its page, and a connection that has not sent a whole request head is closed after `headSeconds`.
    @Test func idleAndSlowConnectionsDoNotLockPagesOut() async throws {
        try await PreviewServerTests.withServer(headSeconds: 2) { _, port, _ in
            let (idle, slow) = try await LoopbackHTTP.offThread { () -> ([Int32], [Int32]) in
                (try (0..<600).map { _ in try LoopbackHTTP.connect(port: port, readTimeout: 4_000) },
                 try (0..<50).map { _ in try LoopbackHTTP.connect(port: port, readTimeout: 4_000) })
            }
            defer { for descriptor in idle + slow { close(descriptor) } }
            for byte in "GET /en/ HTT".utf8 {
                for descriptor in slow { _ = withUnsafePointer(to: byte) { write(descriptor, $0, 1) } }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            let clock = ContinuousClock()
            var page: LoopbackHTTP.Response?
            let elapsed = try await clock.measure { page = try await LoopbackHTTP.get(port: port, "/en/") }
            #expect(page?.status == 200)
            #expect(elapsed < .seconds(2), "\(elapsed)")
            // The slow ones are closed by now or soon (2 s for a whole head): a read ends, with nothing.
            let ends = try await LoopbackHTTP.offThread { () -> [Int] in
                [slow[0], idle[0]].map { descriptor in
                    var byte: UInt8 = 0
                    return read(descriptor, &byte, 1)   // 0: closed by the server; -1: still open after 4 s
                }
            }
            #expect(ends == [0, 0])
        }
    }

    /// At the connection cap, connections that wait for a request give way, oldest first: with the cap at 20 and
    /// 40 connections that send nothing (and a head timeout far away), a new client still gets its page at once.
    @Test func theOldestIdleConnectionsGiveWayAtTheCap() async throws {
        try await PreviewServerTests.withServer(headSeconds: 30, maxConnections: 20) { _, port, _ in
            let idle = try await LoopbackHTTP.offThread { try (0..<40).map { _ in try LoopbackHTTP.connect(port: port, readTimeout: 3_000) } }
            defer { for descriptor in idle { close(descriptor) } }
            try await Task.sleep(nanoseconds: 300_000_000)
            let clock = ContinuousClock()
            var page: LoopbackHTTP.Response?
            let elapsed = try await clock.measure { page = try await LoopbackHTTP.get(port: port, "/en/") }
            #expect(page?.status == 200)
            #expect(elapsed < .seconds(3), "\(elapsed)")
        }
    }

    /// Open tabs (event streams) are capped apart: past the cap a tab is told why, and pages are still answered.
    @Test func eventStreamsAreCappedApartFromPages() async throws {
        try await PreviewServerTests.withServer { _, port, _ in
            var streams: [Int32] = []
            defer { for descriptor in streams { close(descriptor) } }
            for _ in 0..<ReloadHub.maxStreams { streams.append(try await LoopbackHTTP.openEvents(port: port, path: "/__clinicsite/events")) }
            let refused = LoopbackHTTP.parse(try await LoopbackHTTP.exchange(port: port, Self.request("/__clinicsite/events")))
            #expect(refused.status == 503)
            #expect(refused.body.contains("preview tabs are open already: this one will not reload by itself"))
            #expect(try await LoopbackHTTP.get(port: port, "/en/").status == 200)
        }
    }

    @Test func listeningOnEveryAddressAllowsIPAddressesButNotOtherNames() {
        let everywhere = HostCheck(listeningHost: "0.0.0.0")
        #expect(everywhere.listensBeyondLoopback)
        #expect(everywhere.allows("192.168.1.20:8000"))
        #expect(!everywhere.allows("rebound.example:8000"))
        let named = HostCheck(listeningHost: "clinic-laptop.local")
        #expect(named.allows("clinic-laptop.local:8000"))
        #expect(!named.allows("192.168.1.20"))
        #expect(!HostCheck(listeningHost: "127.0.0.1").listensBeyondLoopback)
        #expect(!HostCheck(listeningHost: "[::1]").listensBeyondLoopback)
    }

    @Test func oversizedRequestLinesAndHeadersAreRefusedAndTheServerStaysUp() async throws {
        try await PreviewServerTests.withServer { _, port, _ in
            let longHeader = Self.request("/en/", extra: "X-Padding: " + String(repeating: "a", count: 200_000) + "\r\n")
            #expect(LoopbackHTTP.parse(try await LoopbackHTTP.exchange(port: port, longHeader)).status == 400)
            let manyHeaders = Self.request("/en/", extra: (0..<2000).map { "X-\($0): 1\r\n" }.joined())
            #expect(LoopbackHTTP.parse(try await LoopbackHTTP.exchange(port: port, manyHeaders)).status == 400)
            let longPath = Self.request("/" + String(repeating: "a", count: 200_000))
            let answer = LoopbackHTTP.parse(try await LoopbackHTTP.exchange(port: port, longPath))
            #expect(answer.status == 400 || answer.status == 414 || answer.status == 404)
            #expect(try await LoopbackHTTP.get(port: port, "/en/").status == 200)
        }
    }

    @Test func idleConnectionsAreClosed() async throws {
        try await PreviewServerTests.withServer(idleSeconds: 1) { _, port, _ in
            let idle = try LoopbackHTTP.connect(port: port, readTimeout: 5_000)
            defer { close(idle) }
            let opened = Date()
            // read returns 0 when the server closes the connection; -1 would mean our own 5 s timeout.
            let result = try await LoopbackHTTP.offThread {
                var byte: UInt8 = 0
                return read(idle, &byte, 1)
            }
            #expect(result == 0)
            #expect(Date().timeIntervalSince(opened) < 4)
        }
    }

    @Test func theReloadScriptCannotBeBrokenOutOfBySubpath() {
        let script = LiveReload.script(eventsURL: "/a\"b</script><script>alert(1)//__clinicsite/events")
        #expect(script.contains("new EventSource(\"/a\\\"b\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)//__clinicsite/events\")"))
        #expect(script.components(separatedBy: "</script>").count == 2)
    }
}
