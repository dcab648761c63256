import SiteGenerator
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a rebuild into the output folder itself: only files whose bytes changed, each written beside its
/// old version and renamed over it (a reader gets the old page or the new one, never half of one), then the
/// files the site no longer has are removed. Everything was built and checked in memory before, so a
/// build that fails changes nothing. The manifest is removed before the first change and written after
/// the last, so a build killed in between is followed by a full build, which swaps in a complete folder.
struct InPlaceUpdate {
    let output: URL

    /// What changed on disk.
    struct Changes {
        var report: OutputWriter.Report
        var written: [String]
        var removed: Set<String>
    }

    /// Writes `files` where they differ from the output, and removes the paths of `previous` not in `paths`.
    func apply(files: [OutputFile], paths: Set<String>, previous: [String], keepingOthers: Bool = false) throws(DiagnosticError) -> Changes {
        let writer = OutputWriter(output: output)
        let parent = output.deletingLastPathComponent()
        let lock = try BuildLock(path: parent.appendingPathComponent(".\(output.lastPathComponent).lock").path, output: output.path)
        defer { lock.release() }
        let differs = files.parallelMap { FileSystem.read(output.path + "/" + $0.path) != $0.data }
        let changed = zip(files, differs).filter(\.1).map(\.0)
        let removed = keepingOthers ? [] : Set(previous).subtracting(paths)
        var changes = Changes(report: .init(written: changed.count, unchanged: paths.count - changed.count, removed: removed.count),
                              written: changed.map(\.path), removed: removed)
        guard !changed.isEmpty || !removed.isEmpty else { return changes }
        OutputManifest.forget(for: output)
        for file in changed {
            let target = try writer.safePath(for: file.path, in: output.path)
            do {
                let folder = RelativePath.folder(of: target)
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try FileSystem.replace(path: target, with: file.data)
            } catch {
                throw DiagnosticError(Diagnostic(file: output.path, message: "cannot write \(file.path): \(error)", code: .outputNotWritable))
            }
        }
        for path in removed.sorted() {
            let target = try writer.safePath(for: path, in: output.path)
            guard unlink(target) == 0 || errno == ENOENT else {
                let reason = String(cString: strerror(errno))
                throw DiagnosticError(Diagnostic(file: output.path, message: "cannot remove \(path): \(reason)", code: .outputNotWritable))
            }
            removeEmptyFolders(above: target)
        }
        changes.report.unchanged = paths.count - changed.count
        return changes
    }

    /// Writes `files`, all of which the output already has, where their bytes differ; returns those written.
    func replace(_ files: [OutputFile]) throws(DiagnosticError) -> [String] {
        try apply(files: files, paths: [], previous: [], keepingOthers: true).written
    }

    /// Removes the folders a removed file leaves empty, up to the output folder; a full build would not make them.
    private func removeEmptyFolders(above path: String) {
        var folder = RelativePath.folder(of: path)
        while folder.count > output.path.count, folder.hasPrefix(output.path + "/"), rmdir(folder) == 0 {
            folder = RelativePath.folder(of: folder)
        }
    }
}

extension DiagnosticError {
    /// Whether the error is an output file that could not be written in place.
    var isWriteFailure: Bool { diagnostics.contains { $0.code == .outputNotWritable } }
}
