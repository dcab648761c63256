import SiteGenerator
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An output folder being written: files go into a staging folder as the build produces them, and
/// `commit` swaps it in. Writing while later pages still render takes the file creation off the end of
/// the build. Nothing is visible in the output folder until `commit`; `abandon` removes the staging folder.
///
/// `@unchecked Sendable` because `add` is called from every build thread: the list of waiting files is
/// touched only under `pendingLock`, and everything else that changes only on `queue` (checked with
/// `dispatchPrecondition` where it is written).
public final class StagedOutput: @unchecked Sendable {
    private let writer: OutputWriter
    private let staging: URL
    private let lock: BuildLock
    private let hasPrevious: Bool
    /// Creating files stays on one thread: threads creating files in one folder mostly wait on its lock.
    private let queue = DispatchQueue(label: "clinicsite.output")
    private let pendingLock = NSLock()
    // Touched only under `pendingLock`.
    private var pending: [Job] = []
    private var drainScheduled = false
    // Touched only on `queue`.
    private var createdFolders = Set<String>()
    private var report = OutputWriter.Report(written: 0, unchanged: 0, removed: 0)
    private var firstError: DiagnosticError?
    private var written: [OutputManifest.Entry] = []
    /// Files created empty by `expect` and not written yet, with their descriptors while they are kept open
    /// (-1 once closed), so filling one later costs no second `open`.
    private var expected: [String: Int32] = [:]
    private var openCount = 0

    private let descriptorBudget: Int

    init(writer: OutputWriter, staging: URL, lock: BuildLock, hasPrevious: Bool, keepingOpen: Int) {
        descriptorBudget = keepingOpen
        self.writer = writer
        self.staging = staging
        self.lock = lock
        self.hasPrevious = hasPrevious
    }

    /// Creates the (empty) file a page will be written to, as soon as its address is known and before it is
    /// laid out; safe to call from any thread. Creating 10,000 files in one folder is most of the writing,
    /// and the writer has nothing else to do while pages are still being read.
    public func expect(_ path: String) {
        guard let target = try? writer.safePath(for: path, in: staging.path) else { return }
        enqueue(.expect(path: path, target: target))
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
        let unchanged = hasPrevious && FileSystem.read(previous) == file.data
        enqueue(.write(file: file, target: target, previous: previous, unchanged: unchanged))
    }

    private func enqueue(_ job: Job) {
        // Waking the writer for every file cost more than writing some of them: files wait in a list, and
        // the writer is woken only when it has gone idle.
        let wake = pendingLock.withLock { () -> Bool in
            pending.append(job)
            defer { drainScheduled = true }
            return !drainScheduled
        }
        if wake { queue.async { self.drain() } }
    }

    private enum Job {
        case expect(path: String, target: String)
        case write(file: OutputFile, target: String, previous: String, unchanged: Bool)
    }

    /// Writes waiting files until none are left; runs on `queue`.
    private func drain() {
        dispatchPrecondition(condition: .onQueue(queue))
        while true {
            let jobs = pendingLock.withLock { () -> [Job] in
                if pending.isEmpty { drainScheduled = false }
                defer { pending = [] }
                return pending
            }
            if jobs.isEmpty { return }
            for job in jobs { write(job) }
        }
    }

    private func write(_ job: Job) {
        do {
            switch job {
            case .expect(let path, let target):
                try makeFolder(of: path)
                var descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                if descriptor >= 0 {
                    if openCount < descriptorBudget {
                        openCount += 1
                    } else {
                        close(descriptor)
                        descriptor = -1
                    }
                    expected[path] = descriptor
                }
            case .write(let file, let target, let previous, let unchanged):
                try makeFolder(of: file.path)
                var created = expected.removeValue(forKey: file.path)
                if unchanged {
                    // Replaced by a link to the previous output's file: the empty one is closed and removed first.
                    closeIfOpen(created)
                    if (created == nil || unlink(target) == 0) && link(previous, target) == 0 {
                        report.unchanged += 1
                        if let stamp = OutputManifest.stat(of: target) { record(file.path, size: stamp.size, modified: stamp.modified) }
                        return
                    }
                    created = nil
                }
                let written: FileSystem.Written
                if let descriptor = created, descriptor >= 0 {
                    defer { closeIfOpen(descriptor) }
                    written = try file.data.withUnsafeBytes { try FileSystem.write($0, to: descriptor, path: target) }
                } else {
                    written = try FileSystem.write(file.data, to: target)
                }
                report.written += 1
                record(file.path, size: written.size, modified: written.modified)
            }
        } catch {
            if firstError == nil { firstError = writer.failure("\(error)") }
        }
    }

    private func record(_ path: String, size: Int, modified: Int) {
        written.append(OutputManifest.Entry(path: path, size: size, modified: modified))
    }

    private func closeIfOpen(_ descriptor: Int32?) {
        if let descriptor, descriptor >= 0 {
            close(descriptor)
            openCount -= 1
        }
    }

    /// How many created files the writer keeps open until their page arrives: most of the open-file limit
    /// (first raised to its hard maximum, as Go's runtime does), leaving room for all else the process opens.
    static let descriptorBudget: Int = {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        let ceiling: rlim_t = 1 << 20
        if limit.rlim_cur < min(limit.rlim_max, ceiling) {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, ceiling)
            if setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return max(0, Int(min(limit.rlim_cur, ceiling)) - 1024)
    }()

    private func makeFolder(of path: String) throws {
        let folder = RelativePath.folder(of: path)
        if !folder.isEmpty && !createdFolders.contains(folder) {
            try FileManager.default.createDirectory(atPath: staging.path + "/" + folder, withIntermediateDirectories: true)
            createdFolders.insert(folder)
        }
    }

    /// The files written, as a walk of the output would list them (sorted by path, hidden names left out);
    /// complete once `commit` has returned.
    var entries: [OutputManifest.Entry] {
        let written = queue.sync { self.written }
        let visible = Dictionary(written.filter { FileSystem.isListed($0.path) }.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        return visible.values.sorted { $0.path < $1.path }
    }

    /// Waits for every added file, then swaps the staging folder in. `paths` are all the files of the site.
    public func commit(paths: [String]) throws(DiagnosticError) -> OutputWriter.Report {
        defer { lock.release() }
        // A page expected but never written (none, in a build that succeeds) leaves no empty file behind.
        var report = queue.sync { () -> OutputWriter.Report in
            for (path, descriptor) in expected {
                closeIfOpen(descriptor)
                unlink(staging.path + "/" + path)
            }
            expected = [:]
            return self.report
        }
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
        queue.sync {
            for descriptor in expected.values { closeIfOpen(descriptor) }
            expected = [:]
        }
        try? FileManager.default.removeItem(at: staging)
        lock.release()
    }
}
