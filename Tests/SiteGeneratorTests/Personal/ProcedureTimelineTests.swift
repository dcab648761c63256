import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// What a printed handout points to on a two-procedure site.
@Suite struct ProcedureTimelineTests {
    /// Each procedure's handout carries the QR code of its own healing page, in the patient's language.
    @Test func theQRCodeLeadsToTheProceduresOwnHealingPage() throws {
        var files = try Fixture.shippedSources().files
        for (path, text) in FictionalProcedure.files { files[path] = Data(text.utf8) }
        let base = "https://clinic.example/info/"
        let timelines = try PersonalTimelines(sources: SiteSources(files: files), baseURL: base)
        let label = try #require(timelines.strings["fr"]["scan_to_read"])
        #expect(timelines.qrCodes["moonlight-facial"]?["fr"] == QRCode.svg(for: base + "fr/moonlight-facial/guerison.html", label: label))
        #expect(timelines.qrCodes["skin-needling"]?["fr"] == QRCode.svg(for: base + "fr/guerison.html", label: label))
        let patient = Patient(procedure: try #require(.init(iso: "2026-12-01")), language: "fr", procedureName: "moonlight-facial")
        #expect(timelines.render(patient, as: .html).contains(try #require(timelines.qrCodes["moonlight-facial"]?["fr"])))
    }
}
