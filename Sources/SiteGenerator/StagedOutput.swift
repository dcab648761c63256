import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An output folder being written: files go into a staging folder as the build produces them, and
/// `commit` swaps it in. Writing while later pages still render takes the file creation off the end of
/// the build. Nothing is visible in the output folder until `commit`; `abandon` removes the staging folder.
public final class StagedOutput: @unchecked Sendable {
    private let writer: OutputWriter
    private let staging: URL
    private let lock: BuildLock
    private let hasPrevious: Bool
    /// Creating files stays on one thread: threads creating files in one folder mostly wait on its lock.
    private let queue = DispatchQueue(label: "clinicsite.output")
    // Touched only on `queue`.
    private var createdFolders = Set<String>()
    private var report = OutputWriter.Report(written: 0, unchanged: 0, removed: 0)
    private var firstError: DiagnosticError?

    init(writer: OutputWriter, staging: URL, lock: BuildLock, hasPrevious: Bool) {
        self.writer = writer
        self.staging = staging
        self.lock = lock
        self.hasPrevious = hasPrevious
    }

    /// Adds a file; safe to call from any thread. A file identical to the previous output's is
    /// hard-linked from it (comparing runs on the calling thread), so it keeps its modification time.
    public func add(_ file: OutputFile) {
        let target: String
        do {
            target = try writer.safePath(for: file.path, in: staging.path)
        } catch {
            queue.async { if self.firstError == nil { self.firstError = error } }
            return
        }
        let previous = writer.output.path + "/" + file.path
        let unchanged = hasPrevious && FileReading.read(previous) == file.data
        queue.async {
            do {
                let folder = RelativePath.folder(of: file.path)
                if !folder.isEmpty && !self.createdFolders.contains(folder) {
                    try FileManager.default.createDirectory(atPath: self.staging.path + "/" + folder, withIntermediateDirectories: true)
                    self.createdFolders.insert(folder)
                }
                if unchanged && link(previous, target) == 0 {
                    self.report.unchanged += 1
                } else {
                    try FileWriting.write(file.data, to: target)
                    self.report.written += 1
                }
            } catch {
                if self.firstError == nil { self.firstError = self.writer.failure("\(error)") }
            }
        }
    }

    /// Waits for every added file, then swaps the staging folder in. `paths` are all the files of the site.
    public func commit(paths: [String]) throws(DiagnosticError) -> OutputWriter.Report {
        defer { lock.release() }
        var report = queue.sync { self.report }
        if let error = queue.sync(execute: { self.firstError }) {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        do {
            report.removed = try writer.finish(staging: staging, paths: paths)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        return report
    }

    /// Gives up: the staging folder is removed and the output stays as it was.
    public func abandon() {
        queue.sync {}
        try? FileManager.default.removeItem(at: staging)
        lock.release()
    }
}
