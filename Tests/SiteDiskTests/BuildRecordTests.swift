import Foundation
@testable import SiteDisk
import SiteGenerator
import Testing
import TestSupport

/// The record beside the output is used only as the build that wrote it left it: damaged, changed behind
/// the build's back, removed in part, or left by a killed build, the next build starts over and still gives
/// a clean build's bytes.
@Suite struct BuildRecordTests {
    private static func editAndBuild(_ root: URL, sentence: String) throws -> IncrementalBuild.Summary {
        let page = root.appendingPathComponent("content/en/benefits.md")
        try (String(contentsOf: page, encoding: .utf8) + "\n\(sentence)\n").write(to: page, atomically: true, encoding: .utf8)
        return try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
    }

    @Test(arguments: ["flip a byte", "truncate", "empty", "remove the sum", "garbage sum", "another record"])
    func aDamagedRecordMeansAFullBuild(damage: String) throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try IncrementalBuild.run(root: root, output: nil, baseURL: nil, today: Fixture.today)
        #expect(try Self.editAndBuild(root, sentence: "First.").pagesLaidOut == 1)
        let record = root.appendingPathComponent(".public.record")
        var bytes = try Data(contentsOf: record)
        switch damage {
        case "flip a byte": bytes[bytes.count / 2] ^= 0x20
        case "truncate": bytes = bytes.prefix(bytes.count / 2)
        case "empty": bytes = Data()
        default: break
        }
        try bytes.write(to: record)
        let sum = root.appendingPathComponent(".public.record.sum")
        if damage == "remove the sum" { try FileManager.default.removeItem(at: sum) }
        if damage == "garbage sum" { try "not a fingerprint".write(to: sum, atomically: true, encoding: .utf8) }
        if damage == "another record" {
            // A record that is intact but was made for another site: its fingerprint is right, its facts are not.
            let other = try Fixture.scratchSite()
            defer { try? FileManager.default.removeItem(at: other) }
            try "---\ntitle: Other\n---\n# Other\n".write(to: other.appendingPathComponent("content/en/benefits.md"), atomically: true, encoding: .utf8)
            _ = try IncrementalBuild.run(root: other, output: nil, baseURL: nil, today: Fixture.today)
            try FileManager.default.removeItem(at: record)
            try FileManager.default.removeItem(at: sum)
            try FileManager.default.copyItem(at: other.appendingPathComponent(".public.record"), to: record)
            try FileManager.default.copyItem(at: other.appendingPathComponent(".public.record.sum"), to: sum)
        }
        let summary = try Self.editAndBuild(root, sentence: "Second.")
        #expect(summary.pagesLaidOut == nil, "\(damage)")
        let fresh = root.appendingPathComponent("fresh")
        _ = try IncrementalBuild.run(root: root, output: fresh, baseURL: nil, today: Fixture.today)
        #expect(Fixture.files(in: root.appendingPathComponent("public")) == Fixture.files(in: fresh), "\(damage)")
        #expect(try Self.editAndBuild(root, sentence: "Third.").pagesLaidOut == 1, "\(damage): the record written after it is used again")
    }
}
