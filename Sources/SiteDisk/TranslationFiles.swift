import Foundation
import RecoverySchedule
import SiteGenerator

/// `clinicsite translated`: records what each named translation was translated from (`TranslationRecording`),
/// each record written whole (beside, then renamed), all or none: a refusal writes nothing.
public enum TranslationFiles {
    /// Writes the records for `targets` below `root` and returns one line for each written.
    public static func record(root: URL, targets: [String], onlyWording: Bool, today: CivilDate) throws(DiagnosticError) -> [String] {
        let records = try TranslationRecording.records(for: targets, sources: SiteSources.load(root: root), onlyWording: onlyWording, today: today)
        for record in records {
            let url = root.appendingPathComponent(record.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileSystem.replace(url, with: record.text)
            } catch {
                throw DiagnosticError(Diagnostic(file: record.path, message: "cannot write this translation record: \(error.localizedDescription)",
                                                 hint: "check that the folder content/translations/ can be written"))
            }
        }
        return records.map { "\($0.path): \($0.summary)" }
    }
}
