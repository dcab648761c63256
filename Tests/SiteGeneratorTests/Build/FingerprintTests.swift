import Foundation
@testable import SiteGenerator
import Testing

/// Fingerprints are XXH3-128 from Debian's libxxhash; these are the reference values (the `xxhash` Python
/// package, `xxh3_128_hexdigest`), so a wrong binding or a home-made stand-in cannot pass.
@Suite struct FingerprintTests {
    @Test(arguments: [
        ("", "99aa06d3014798d86001c324468d497f"),
        ("abc", "06b05ab6733a618578af5f94892f3950"),
        ("clinicsite", "7634107c0a1ba6875d1e8568d7a46e66"),
    ])
    func textsHaveTheReferenceValues(text: String, hex: String) {
        #expect(Fingerprint(text: text).description == hex)
        #expect(Fingerprint(of: Data(text.utf8)).description == hex)
        #expect(Fingerprint(hex: hex) == Fingerprint(text: text))
    }

    @Test func longerBytesHaveTheReferenceValue() {
        let bytes = Data((0..<1280).map { UInt8($0 % 256) })
        #expect(Fingerprint(of: bytes).description == "d92ab3a1cb0542a74844b009e164352e")
    }

    @Test func onlyThirtyTwoHexadecimalDigitsReadBack() {
        #expect(Fingerprint(hex: "06b05ab6733a618578af5f94892f395") == nil)
        #expect(Fingerprint(hex: "06b05ab6733a618578af5f94892f3950a") == nil)
        #expect(Fingerprint(hex: "g6b05ab6733a618578af5f94892f3950") == nil)
    }

    /// Every one-byte change of a page-sized text (each position, a few values) gives a new fingerprint.
    @Test func everySmallChangeGivesAnotherFingerprint() {
        let page = Array("---\ntitle: Healing\n---\n# Healing\n\nKeep the skin clean for two days.\n".utf8)
        let original = Fingerprint(of: Data(page))
        var seen: Set<Fingerprint> = [original]
        for index in page.indices {
            for delta: UInt8 in [1, 32, 128] {
                var changed = page
                changed[index] &+= delta
                seen.insert(Fingerprint(of: Data(changed)))
            }
        }
        #expect(seen.count == 1 + page.count * 3)
    }
}
