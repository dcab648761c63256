import Foundation
import SiteDisk
import TestSupport

/// The parts of a generated site shared beyond pages: the fictional second procedure, a block two pages include and
/// a translation record.
extension GeneratedSite {
    /// The fictional procedure's files as `procedure` says.
    func writeProcedure() throws {
        for (path, original) in FictionalProcedure.files {
            let url = root.appendingPathComponent(path)
            guard procedure > 0 else {
                try? FileManager.default.removeItem(at: url)
                continue
            }
            var text = original
            if procedure == 2, path.hasSuffix("en/moonlight-facial/healing.md") { text += "\nTODO(clinic): how long the glow lasts.\n" }
            if procedure == 3 {
                text = text.replacingOccurrences(of: "minimum_weeks: 3", with: "minimum_weeks: 2").replacingOccurrences(of: "Fictional.", with: "Fictional, edited.")
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if (try? String(contentsOf: url, encoding: .utf8)) != text { try text.write(to: url, atomically: true, encoding: .utf8) }
        }
    }

    /// The block as `block` says.
    func writeBlock() throws {
        let blockFile = root.appendingPathComponent("content/blocks/en/call.md")
        try FileManager.default.createDirectory(at: blockFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let blockText = [0: "Call the clinic.\n", 1: "## Call us\n\nCall the clinic.\n"][block]
        if let blockText, (try? String(contentsOf: blockFile, encoding: .utf8)) != blockText {
            try blockText.write(to: blockFile, atomically: true, encoding: .utf8)
        } else if blockText == nil {
            try? FileManager.default.removeItem(at: blockFile)
        }
    }

    /// The record of `fr/gen-3` and the French interface text, made when `translationRecorded` turned true (and
    /// not made when the page is gone); removed when false.
    func writeTranslationRecord() throws {
        let records = root.appendingPathComponent("content/translations")
        guard translationRecorded else {
            try? FileManager.default.removeItem(at: records)
            return
        }
        guard !FileManager.default.fileExists(atPath: records.path) else { return }
        _ = try? TranslationFiles.record(root: root, targets: ["fr/gen-3.md", "strings/fr"], onlyWording: false, today: Fixture.today)
    }
}
