import Foundation
import SiteGenerator
#if canImport(Glibc)
import Glibc
#endif

/// The output folder, written so that readers only ever see a whole site: the old one or the new one.
///
/// Beside it lives its twin (`.public.twin`), the site as it was one build earlier, sharing the files that did
/// not change (hard links). A rebuild brings the twin up to the new site, changing only the paths that differ
/// (those the last build changed and those this one changes), then exchanges the two folders in one
/// `renameat2(RENAME_EXCHANGE)`: a build stopped at any point leaves the old site whole, and nothing temporary
/// ever lies inside the output. A build with nothing to reuse writes a new folder and exchanges it the same way
/// (`SiteReplacement`; where there was no output, with a twin linked beside it as it is written).
/// Files whose bytes did not change keep their inode and time, so deploy tools such as rsync skip them.
public struct OutputFolder: Sendable {
    /// The output folder.
    public let output: URL
    /// Name of the file that marks a folder as made by clinicsite, so no other folder is ever replaced.
    public static let marker = ".clinicsite-output"

    /// Creates a writer for `output`.
    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// What a write did.
    public struct Report: Sendable, Equatable {
        /// Files whose bytes are new or changed.
        public var written: Int
        /// Files kept as they were.
        public var unchanged: Int
        /// Files of the previous output that are gone.
        public var removed: Int
    }

    var parent: String { output.deletingLastPathComponent().path }
    var name: String { output.lastPathComponent }
    /// The twin folder's path.
    var twin: String { parent + "/.\(name).twin" }

    /// Takes the lock beside the output after checking the folder may be replaced, and removes what killed
    /// builds left behind.
    func lock() throws(DiagnosticError) -> BuildLock {
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the folder \(parent): \(error.localizedDescription)")
        }
        // Judged before the lock is taken too, so a refused target does not get a lock file beside it.
        try checkOwnership()
        let lock = try BuildLock(path: parent + "/.\(name).lock", output: output.path)
        do throws(DiagnosticError) {
            try checkOwnership()
        } catch {
            lock.release()
            throw error
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(".\(self.name).staging-") {
            FileSystem.removeTree(parent + "/" + name)
        }
        FileSystem.removeAbandonedTemporaries(in: parent)
        return lock
    }

    /// Joins `path` to `folder`, refusing anything that could land outside it.
    func safePath(for path: String, in folder: String) throws(DiagnosticError) -> String {
        guard Self.staysInside(path) else {
            throw failure("refusing to write \(path): it would land outside the output folder")
        }
        return folder + "/" + path
    }

    /// Whether `path` names a file below a folder: relative, and no part of it empty, "." or "..".
    static func staysInside(_ path: String) -> Bool {
        !path.isEmpty && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    func failure(_ message: String, hint: String? = nil) -> DiagnosticError {
        DiagnosticError(Diagnostic(file: output.path, message: message, hint: hint))
    }

    /// Refuses to replace a folder that clinicsite did not make: a mistyped --output must never wipe a user's files.
    private func checkOwnership() throws(DiagnosticError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw failure("the output path exists and is not a folder") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        if !contents.isEmpty && !contents.contains(Self.marker) {
            throw failure("this folder was not made by clinicsite, so it will not be replaced",
                          hint: "choose an empty or new folder with --output, or delete this one yourself if it is only an old build")
        }
    }
}
