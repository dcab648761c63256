import Foundation
import SiteGenerator
import Synchronization
import TestSupport
import Testing

/// A full build hands its files over as it goes (`output:`), and names each page's file beforehand
/// (`expecting:`) so it can be created while pages are still read. The disk layer relies on both.
@Suite struct OutputHandOffTests {
    /// What the build told its two callbacks, in order.
    private final class Calls: Sendable {
        private let log = Mutex<[(kind: String, path: String)]>([])
        func add(_ kind: String, _ path: String) { log.withLock { $0.append((kind, path)) } }
        var all: [(kind: String, path: String)] { log.withLock { $0 } }
    }

    @Test func everyPageIsExpectedBeforeItIsHandedOver() throws {
        let sources = Fixture.site(pages: [
            "content/en/healing.md": "---\ntitle: Healing\n---\nText.\n",
            "content/en/later.md": "---\ntitle: Later\ndraft: true\n---\nNot yet.\n",
            "content/fr/guerison.md": "---\ntitle: Guérison\n---\nTexte.\n",
        ])
        let calls = Calls()
        let site = try SiteBuilder.build(sources, options: BuildOptions(baseURL: nil, today: Fixture.today),
                                         output: { calls.add("file", $0.path) }, expecting: { calls.add("expect", $0) })
        let all = calls.all
        let expected = all.filter { $0.kind == "expect" }.map(\.path)
        let handed = all.filter { $0.kind == "file" }.map(\.path)
        #expect(Set(expected) == ["en/index.html", "en/healing.html", "fr/index.html", "fr/guerison.html"])
        #expect(Set(handed) == Set(site.files.map(\.path)))
        for path in expected {
            let expectedAt = try #require(all.firstIndex { $0.kind == "expect" && $0.path == path })
            let handedAt = try #require(all.firstIndex { $0.kind == "file" && $0.path == path })
            #expect(expectedAt < handedAt, "\(path) was handed over before it was expected")
        }
    }
}
