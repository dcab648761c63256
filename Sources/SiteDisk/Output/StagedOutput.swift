import SiteGenerator
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An output folder being written: files go into a staging folder as the build produces them, and
/// `commit` swaps it in. Writing while later pages still render takes the file creation off the end of
/// the build. Nothing is visible in the output folder until `commit`; `abandon` removes the staging folder.
///
/// One writer thread creates the files (threads creating files in one folder mostly wait on its lock) and
/// keeps each page's file open; the thread that lays the page out then fills it, so no backlog of writes is
/// left for the end of the build. `@unchecked Sendable` because `add` and `expect` are called from every
/// build thread: the waiting jobs are kept by `BatchedJobs`, the record of what was written is touched only inside
/// `books`, and the folders are made only by the writer thread.
public final class StagedOutput: @unchecked Sendable {
    private let writer: OutputWriter
    private let staging: URL
    // The two folders' paths, made once: `add` is called for every file.
    private let stagingPath: String
    private let outputPath: String
    private let lock: BuildLock
    private let hasPrevious: Bool
    private let descriptorBudget: Int
    /// The writer thread's jobs: set once, at the end of `init`, since they call back into this object.
    private var jobs: BatchedJobs<Job>!
    // Touched only by the writer thread.
    private var createdFolders = Set<String>()
    private let books = Mutex(Books())

    /// What has been written, shared by the writer thread and the threads filling kept files.
    private struct Books: ~Copyable {
        var report = OutputWriter.Report(written: 0, unchanged: 0, removed: 0)
        var firstError: DiagnosticError?
        var written: [OutputManifest.Entry] = []
        /// Files created empty by `expect` and not written yet, with their descriptors while they are kept
        /// open (-1 once closed), so filling one costs no second `open`.
        var expected: [String: Int32] = [:]
        var openCount = 0

        mutating func fail(_ error: DiagnosticError) {
            if firstError == nil { firstError = error }
        }

        mutating func record(_ path: String, size: Int, modified: Int) {
            written.append(OutputManifest.Entry(path: path, size: size, modified: modified))
        }

        /// Notes a file written with new bytes.
        mutating func wrote(_ path: String, _ written: FileSystem.Written) {
            report.written += 1
            record(path, size: written.size, modified: written.modified)
        }

        /// Closes a descriptor `expected` held (none for nil or -1).
        mutating func release(_ descriptor: Int32?) {
            if let descriptor, descriptor >= 0 {
                close(descriptor)
                openCount -= 1
            }
        }
    }

    init(writer: OutputWriter, staging: URL, lock: BuildLock, hasPrevious: Bool, keepingOpen: Int) {
        descriptorBudget = keepingOpen
        self.writer = writer
        self.staging = staging
        stagingPath = staging.path
        outputPath = writer.output.path
        self.lock = lock
        self.hasPrevious = hasPrevious
        // The writer creates files faster than pages are read: woken for each file to create, it went idle after each.
        jobs = BatchedJobs(label: "clinicsite.output", batch: 32) { [unowned self] job in write(job) }
    }

    /// Creates the (empty) file a page will be written to, as soon as its address is known and before it is
    /// laid out; safe to call from any thread. Creating 10,000 files in one folder is most of the writing,
    /// and the writer has nothing else to do while pages are still being read.
    /// Over a previous output nothing is created early: most pages are then usually unchanged and hard-linked
    /// from it, and a file made for each would cost an inode (slow on ext4 right after the old folder's are freed).
    public func expect(_ path: String) {
        guard !hasPrevious, let target = try? writer.safePath(for: path, in: stagingPath) else { return }
        jobs.add(.expect(path: path, target: target), urgent: false)
    }

    /// Adds a file; safe to call from any thread. A file identical to the previous output's is
    /// hard-linked from it (comparing runs on the calling thread), so it keeps its modification time.
    /// A file already created and kept open is filled on the calling thread.
    public func add(_ file: OutputFile) {
        let target: String
        do {
            target = try writer.safePath(for: file.path, in: stagingPath)
        } catch {
            books.withLock { $0.fail(error) }
            return
        }
        let previous = outputPath + "/" + file.path
        let unchanged = hasPrevious && FileSystem.read(previous) == file.data
        if unchanged || !fillCreated(file, target: target) {
            jobs.add(.write(file: file, target: target, previous: previous, unchanged: unchanged), urgent: true)
        }
    }

    /// Fills the file the writer created for `file`, if it has; false when it has not yet (or the file could
    /// not be opened again).
    private func fillCreated(_ file: OutputFile, target: String) -> Bool {
        switch takeCreatedFile(file.path) {
        case .kept(let descriptor):
            fill(descriptor, with: file, target: target, kept: true)
        case .closed:
            // Created but closed for want of descriptors: opened again, which needs no lock on the folder.
            let descriptor = open(target, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { return false }
            fill(descriptor, with: file, target: target, kept: false)
        case nil:
            return false
        }
        return true
    }

    /// An expected file the writer has created.
    private enum Created {
        /// Still open: its descriptor.
        case kept(Int32)
        /// Closed for want of descriptors.
        case closed
    }

    /// The expected file at `path`, now the caller's to fill; nil when the writer has not created it yet.
    private func takeCreatedFile(_ path: String) -> Created? {
        books.withLock { books in
            guard let descriptor = books.expected.removeValue(forKey: path) else { return nil }
            return descriptor >= 0 ? .kept(descriptor) : .closed
        }
    }

    /// Fills and closes an empty file; `kept` when its descriptor was one the writer kept open.
    private func fill(_ descriptor: Int32, with file: OutputFile, target: String, kept: Bool) {
        let result = Result { try file.data.withUnsafeBytes { try FileSystem.write($0, to: descriptor, path: target) } }
        books.withLock { books in
            if kept { books.release(descriptor) } else { close(descriptor) }
            switch result {
            case .success(let written):
                books.wrote(file.path, written)
            case .failure(let error):
                books.fail(writer.failure("\(error)"))
            }
        }
    }

    private enum Job {
        case expect(path: String, target: String)
        case write(file: OutputFile, target: String, previous: String, unchanged: Bool)
    }

    private func write(_ job: Job) {
        do {
            switch job {
            case .expect(let path, let target):
                try makeFolder(of: path)
                let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                guard descriptor >= 0 else { return }
                books.withLock { books in
                    if books.openCount < descriptorBudget {
                        books.openCount += 1
                        books.expected[path] = descriptor
                    } else {
                        close(descriptor)
                        books.expected[path] = -1
                    }
                }
            case .write(let file, let target, let previous, let unchanged):
                try makeFolder(of: file.path)
                // Only a build over a previous output links unchanged files, and it creates none early.
                if unchanged && link(previous, target) == 0 {
                    let stamp = OutputManifest.stat(of: target)
                    books.withLock { books in
                        books.report.unchanged += 1
                        if let stamp { books.record(file.path, size: stamp.size, modified: stamp.modified) }
                    }
                    return
                }
                // A created file is filled here when its page came before the writer had created it.
                if fillCreated(file, target: target) { return }
                let written = try FileSystem.write(file.data, to: target)
                books.withLock { $0.wrote(file.path, written) }
            }
        } catch {
            books.withLock { $0.fail(writer.failure("\(error)")) }
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
            try FileManager.default.createDirectory(atPath: stagingPath + "/" + folder, withIntermediateDirectories: true)
            createdFolders.insert(folder)
        }
    }

    /// The files written, as a walk of the output would list them (sorted by path, hidden names left out);
    /// complete once every `add` has returned (it waits for the writer).
    var entries: [OutputManifest.Entry] {
        jobs.settle()
        let written = books.withLock { $0.written }
        // Swift's sort is stable, so of a path written twice the last write is the one kept.
        let sorted = written.filter { FileSystem.isListed($0.path) }.sorted { $0.path < $1.path }
        return sorted.indices.filter { $0 + 1 == sorted.count || sorted[$0 + 1].path != sorted[$0].path }.map { sorted[$0] }
    }

    /// Waits for every added file, then swaps the staging folder in. `paths` are all the files of the site.
    public func commit(paths: [String]) throws(DiagnosticError) -> OutputWriter.Report {
        defer { lock.release() }
        jobs.settle()
        // A page expected but never written (none, in a build that succeeds) leaves no empty file behind.
        let (reportSoFar, error) = books.withLock { books in
            for (path, descriptor) in books.expected {
                books.release(descriptor)
                unlink(stagingPath + "/" + path)
            }
            books.expected = [:]
            return (books.report, books.firstError)
        }
        var report = reportSoFar
        if let error {
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
        jobs.settle()
        books.withLock { books in
            for descriptor in books.expected.values { books.release(descriptor) }
            books.expected = [:]
        }
        try? FileManager.default.removeItem(at: staging)
        lock.release()
    }
}
