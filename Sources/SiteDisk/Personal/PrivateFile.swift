import Foundation
import SiteGenerator

/// A file holding patient data: readable by its owner only (mode 0600), written beside its place under a
/// name no one can guess and renamed into place, so no one sees half of it.
public enum PrivateFile {
    /// Writes `text` to `url`, replacing what is there.
    public static func write(_ text: String, to url: URL) throws(DiagnosticError) {
        FileSystem.removeAbandonedTemporaries(in: url.deletingLastPathComponent().path)
        do {
            try FileSystem.replace(path: url.path, with: text, mode: 0o600, mayExist: true)
        } catch {
            throw DiagnosticError(Diagnostic(file: url.path, message: "cannot write the file: \(error)"))
        }
    }
}
