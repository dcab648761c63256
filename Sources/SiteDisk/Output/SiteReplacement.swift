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
    private let oldTwinRemoved = DispatchGroup()
    /// One thread, in the order handed over: files created in one folder from two threads wait on the folder's lock.
    private let writer = DispatchQueue(label: "clinicsite.site-replacement")
    private let placed = Mutex<[String: Result<OutputFolder.Placed, DiagnosticError>]>([:])

    init(_ folder: OutputFolder) {
        self.folder = folder
        staging = folder.parent + "/.\(folder.name).staging-\(getpid())"
        FileSystem.removeTree(staging)
        previous = FileManager.default.fileExists(atPath: folder.output.path) ? folder.output.path : nil
        // The old twin is of no use to a whole new site: it is removed on another thread while the new one is written.
        let oldTwin = staging + "-old"
        if rename(folder.twin, oldTwin) == 0 {
            DispatchQueue.global().async(group: oldTwinRemoved) { FileSystem.removeTree(oldTwin) }
        }
    }

    /// Starts writing `file` into the new site.
    func add(_ file: OutputFile) {
        writer.async { [self] in
            let result = Result { () throws(DiagnosticError) in try folder.place(file, in: staging, from: previous, isNew: true) }
            placed.withLock { $0[file.path] = result }
        }
    }

    /// Places the files not handed over yet, then exchanges the new site with the output. The old output becomes
    /// the twin, behind at every path.
    func finish(_ files: [OutputFile]) throws(DiagnosticError) -> OutputFolder.Written {
        writer.sync {}
        let early = placed.withLock { $0 }
        let old = FileSystem.files(below: folder.output.path) ?? []
        let results = try files.map { file throws(DiagnosticError) in
            if let result = early[file.path] { return try result.get() }
            return try folder.place(file, in: staging, from: previous, isNew: true)
        }
        _ = try folder.write(Data(), at: staging + "/" + OutputFolder.marker)
        try folder.exchange(staging)
        oldTwinRemoved.wait()
        if previous != nil, rename(staging, folder.twin) != 0 { FileSystem.removeTree(staging) }
        let paths = Set(files.map(\.path))
        let removed = old.filter { !paths.contains($0) && $0 != OutputFolder.marker }
        let differing = zip(files, results).filter { !$0.1.linked }.map { $0.0.path }
        let report = OutputFolder.Report(written: differing.count, unchanged: files.count - differing.count, removed: removed.count)
        return OutputFolder.Written(report: report, made: results.map(\.entry), twinBehind: (differing + removed).sorted())
    }

    /// Gives the new site up (the build failed): the output stays as it was.
    func abandon() {
        writer.sync {}
        oldTwinRemoved.wait()
        FileSystem.removeTree(staging)
    }
}
