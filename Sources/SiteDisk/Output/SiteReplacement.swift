import Foundation
import SiteGenerator
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A whole new site on its way into the output folder: written into a folder beside the output, then exchanged
/// with it (`finish`). Files handed over early (`add`, from any thread, while the build still lays out pages) are
/// written on one thread of their own, so the disk works while the cores make pages; `finish` places the rest.
/// Handing nothing over early is the slow twin: the same folder, file by file (`OutputFolderTests`).
final class SiteReplacement: Sendable {
    private let folder: OutputFolder
    private let staging: String
    /// The output as it was, whose files with the same bytes are hard-linked instead of written; nil when there was none.
    private let previous: String?
    /// With no output before, the twin the next rebuild needs is made beside the new site, file by file as it is
    /// written (a hard link each), instead of by that rebuild linking the whole tree; nil when the old output becomes it.
    private let newTwin: String?
    /// The new twin's links, on a thread of their own behind the writer's: on a disk, the writer is the slower.
    private let twinner = DispatchQueue(label: "clinicsite.site-replacement.twin")
    private let twinComplete = Mutex(true)
    private let oldTwinRemoved = DispatchGroup()
    /// One thread, in the order handed over: files created in one folder from two threads wait on the folder's lock.
    private let writer = DispatchQueue(label: "clinicsite.site-replacement")
    private let placed = Mutex<[String: Result<OutputFolder.Placed, DiagnosticError>]>([:])

    init(_ folder: OutputFolder) {
        self.folder = folder
        staging = folder.parent + "/.\(folder.name).staging-\(getpid())"
        FileSystem.removeTree(staging)
        previous = FileManager.default.fileExists(atPath: folder.output.path) ? folder.output.path : nil
        newTwin = previous == nil ? staging + "-twin" : nil
        if let newTwin { FileSystem.removeTree(newTwin) }
        // The old twin is of no use to a whole new site: it is removed on another thread while the new one is written.
        let oldTwin = staging + "-old"
        if rename(folder.twin, oldTwin) == 0 {
            DispatchQueue.global().async(group: oldTwinRemoved) { FileSystem.removeTree(oldTwin) }
        }
    }

    /// Starts writing `file` into the new site.
    func add(_ file: OutputFile) {
        writer.async { [self] in
            placed.withLock { $0[file.path] = Result { () throws(DiagnosticError) in try place(file) } }
        }
    }

    /// Places the files not handed over yet, then exchanges the new site with the output. The old output becomes
    /// the twin, behind at every path where the two differ; with no output before, the new twin made beside the
    /// site is the twin, behind nowhere.
    func finish(_ files: [OutputFile]) throws(DiagnosticError) -> OutputFolder.Written {
        writer.sync {}
        let early = placed.withLock { $0 }
        let old = FileSystem.files(below: folder.output.path) ?? []
        let results = try files.map { file throws(DiagnosticError) in
            if let result = early[file.path] { return try result.get() }
            return try place(file)
        }
        _ = try folder.write(Data(), at: staging + "/" + OutputFolder.marker)
        twin(OutputFolder.marker)
        twinner.sync {}
        try folder.exchange(staging)
        oldTwinRemoved.wait()
        if previous != nil, rename(staging, folder.twin) != 0 { FileSystem.removeTree(staging) }
        if let newTwin, !twinComplete.withLock({ $0 }) || rename(newTwin, folder.twin) != 0 { FileSystem.removeTree(newTwin) }
        let paths = Set(files.map(\.path))
        let removed = old.filter { !paths.contains($0) && $0 != OutputFolder.marker }
        let differing = zip(files, results).filter { !$0.1.linked }.map { $0.0.path }
        let report = OutputFolder.Report(written: differing.count, unchanged: files.count - differing.count, removed: removed.count)
        return OutputFolder.Written(report: report, made: results.map(\.entry), twinBehind: newTwin == nil ? (differing + removed).sorted() : [])
    }

    private func place(_ file: OutputFile) throws(DiagnosticError) -> OutputFolder.Placed {
        let placed = try folder.place(file, in: staging, from: previous, isNew: true)
        twin(file.path)
        return placed
    }

    /// Links the new site's file at `path` into the new twin, when one is made. A twin that misses a file is not
    /// kept: the next rebuild makes it from the output.
    private func twin(_ path: String) {
        guard let newTwin else { return }
        twinner.async { [self] in
            let linked = (try? folder.link(staging + "/" + path, to: try folder.safePath(for: path, in: newTwin))) ?? false
            if !linked { twinComplete.withLock { $0 = false } }
        }
    }

    /// Gives the new site up (the build failed): the output stays as it was.
    func abandon() {
        writer.sync {}
        twinner.sync {}
        oldTwinRemoved.wait()
        FileSystem.removeTree(staging)
        if let newTwin { FileSystem.removeTree(newTwin) }
    }
}
