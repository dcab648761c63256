import SiteGenerator
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a built site to its output folder so that readers only ever see a complete site.
///
/// The files go into a staging folder beside the output; only when all are written is it swapped in
/// (an atomic exchange where the kernel offers one). A build that fails or is interrupted leaves the
/// previous output untouched. Files whose bytes did not change are hard-linked from the previous
/// output, so they keep their modification time and deploy tools such as rsync skip them.
public struct OutputWriter: Sendable {
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

    /// Starts a write: takes the lock, checks the folder may be replaced and creates the staging folder.
    /// Files can then be added from any thread while the build is still producing them.
    public func begin() throws(DiagnosticError) -> StagedOutput {
        try begin(keepingOpen: StagedOutput.descriptorBudget)
    }

    /// `begin` with at most `keepingOpen` created files held open (tests use a small number).
    func begin(keepingOpen: Int) throws(DiagnosticError) -> StagedOutput {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the folder \(parent.path): \(error.localizedDescription)")
        }
        // Judged before the lock is taken too, so a refused target does not get a lock file beside it.
        try checkOwnership()
        let lock = try BuildLock(path: parent.appendingPathComponent(".\(name).lock").path, output: output.path)
        do throws(DiagnosticError) {
            try checkOwnership()
            removeLeftovers(in: parent, prefix: ".\(name).staging-")
            removeLeftovers(in: parent, prefix: ".\(name).old-")
            // The cache and the manifest are written beside the output under temporary names first.
            FileSystem.removeAbandonedTemporaries(in: parent.path)
            let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
            do {
                try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            } catch {
                throw failure("cannot create \(staging.path): \(error.localizedDescription)")
            }
            let hasPrevious = manager.fileExists(atPath: output.appendingPathComponent(Self.marker).path)
            return StagedOutput(writer: self, staging: staging, lock: lock, hasPrevious: hasPrevious, keepingOpen: keepingOpen)
        } catch {
            lock.release()
            throw error
        }
    }

    /// Swaps a complete staging folder in; called by `StagedOutput.commit`.
    func finish(staging: URL, paths: [String]) throws(DiagnosticError) -> Int {
        do {
            try FileSystem.write(Data(), to: staging.appendingPathComponent(Self.marker).path)
            let removed = previousFiles().subtracting(paths).count
            try swap(staging)
            return removed
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw failure("cannot write the site: \(error.localizedDescription)")
        }
    }

    /// Joins `path` to `folder`, refusing anything that could land outside it.
    func safePath(for path: String, in folder: String) throws(DiagnosticError) -> String {
        guard Self.staysInside(path) else {
            throw failure("refusing to write \(path): it would land outside the output folder")
        }
        return folder + "/" + path
    }

    /// Whether `path` names a file below a folder: relative, and no part of it empty, "." or "..".
    /// Looked at byte by byte, without splitting, since every file of a build passes here.
    static func staysInside(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var partStart = 0
            for index in 0...bytes.count {
                guard index == bytes.count || bytes[index] == UInt8(ascii: "/") else { continue }
                let length = index - partStart
                if length == 0 { return false }
                if length <= 2 && bytes[partStart] == UInt8(ascii: ".") && (length == 1 || bytes[partStart + 1] == UInt8(ascii: ".")) {
                    return false
                }
                partStart = index + 1
            }
            return true
        }
    }

    func failure(_ message: String, hint: String? = nil) -> DiagnosticError {
        DiagnosticError(Diagnostic(file: output.path, message: message, hint: hint))
    }

    /// Refuses to replace a folder that clinicsite did not make: a mistyped --output must never wipe a user's files.
    private func checkOwnership() throws(DiagnosticError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw failure("the output path exists and is not a folder") }
        let contents = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
        if !contents.isEmpty && !contents.contains(Self.marker) {
            throw failure("this folder was not made by clinicsite, so it will not be replaced",
                          hint: "choose an empty or new folder with --output, or delete this one yourself if it is only an old build")
        }
    }

    private func previousFiles() -> Set<String> {
        Set(FileSystem.files(below: output.path) ?? [])
    }

    private func swap(_ staging: URL) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: output.path) {
            try manager.moveItem(at: staging, to: output)
            return
        }
        // Once the new site is in place the build has succeeded; an old copy that cannot be removed now
        // (someone made it read-only and it resists) is removed by the next build, not reported as failure.
        if AtomicExchange.exchange(staging.path, output.path) {
            FileSystem.removeTree(staging.path)
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        try manager.moveItem(at: output, to: old)
        try manager.moveItem(at: staging, to: output)
        FileSystem.removeTree(old.path)
    }

    /// Removes staging folders left by builds that were killed.
    private func removeLeftovers(in parent: URL, prefix: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let pid = Int32(name.dropFirst(prefix.count)) ?? 0
            if pid > 0 && kill(pid, 0) == 0 && pid != getpid() { continue }
            FileSystem.removeTree(parent.appendingPathComponent(name).path)
        }
    }
}
