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

    /// Replaces the output folder with exactly `files`, holding a lock so two builds cannot interleave.
    public func write(_ files: [OutputFile]) throws(DiagnosticError) -> Report {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the folder \(parent.path): \(error.localizedDescription)")
        }
        let lock = try BuildLock(path: parent.appendingPathComponent(".\(name).lock").path, output: output.path)
        defer { lock.release() }
        try checkOwnership()

        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        removeLeftovers(in: parent, prefix: ".\(name).staging-")
        var report = Report(written: 0, unchanged: 0, removed: 0)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            let hasPrevious = manager.fileExists(atPath: output.appendingPathComponent(Self.marker).path)
            var newPaths = Set<String>()
            var targets: [String] = []
            targets.reserveCapacity(files.count)
            for file in files {
                newPaths.insert(file.path)
                targets.append(try safePath(for: file.path, in: staging.path))
            }
            for folder in Set(files.map { RelativePath.folder(of: $0.path) }).sorted() where !folder.isEmpty {
                try manager.createDirectory(atPath: staging.path + "/" + folder, withIntermediateDirectories: true)
            }
            let outputPath = output.path
            // Comparing with the previous output reads files, which runs on all cores; creating files stays
            // on one thread, because threads creating files in one folder mostly wait on its lock (ext4).
            let unchanged: [Bool] = hasPrevious
                ? files.parallelMap { file in FileReading.read(outputPath + "/" + file.path) == file.data }
                : Array(repeating: false, count: files.count)
            for (index, file) in files.enumerated() {
                if unchanged[index] && link(outputPath + "/" + file.path, targets[index]) == 0 {
                    report.unchanged += 1
                    continue
                }
                do {
                    try FileWriting.write(file.data, to: targets[index])
                    report.written += 1
                } catch {
                    throw failure("\(error)")
                }
            }
            try FileWriting.write(Data(), to: staging.appendingPathComponent(Self.marker).path)
            report.removed = previousFiles().subtracting(newPaths).count
            try swap(staging)
        } catch let error as DiagnosticError {
            try? manager.removeItem(at: staging)
            throw error
        } catch {
            try? manager.removeItem(at: staging)
            throw failure("cannot write the site: \(error.localizedDescription)")
        }
        return report
    }

    private func failure(_ message: String, hint: String? = nil) -> DiagnosticError {
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
        Set(FileReading.files(below: output.path) ?? [])
    }

    /// Joins `path` to `folder`, refusing anything that could land outside it.
    private func safePath(for path: String, in folder: String) throws(DiagnosticError) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw failure("refusing to write \(path): it would land outside the output folder")
        }
        return folder + "/" + path
    }

    private func swap(_ staging: URL) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: output.path) {
            try manager.moveItem(at: staging, to: output)
            return
        }
        if AtomicExchange.exchange(staging.path, output.path) {
            try manager.removeItem(at: staging)
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        try manager.moveItem(at: output, to: old)
        try manager.moveItem(at: staging, to: output)
        try? manager.removeItem(at: old)
    }

    /// Removes staging folders left by builds that were killed.
    private func removeLeftovers(in parent: URL, prefix: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let pid = Int32(name.dropFirst(prefix.count)) ?? 0
            if pid > 0 && kill(pid, 0) == 0 && pid != getpid() { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}

/// Linux's `renameat2(RENAME_EXCHANGE)`, found at run time because Swift's Glibc module does not declare it.
enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchangeFlag: UInt32 = 2 // RENAME_EXCHANGE
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0
        #else
        return false
        #endif
    }
}

/// An exclusive lock on a file beside the output, held for one write.
struct BuildLock {
    private let descriptor: Int32

    init(path: String, output: String) throws(DiagnosticError) {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DiagnosticError(Diagnostic(file: output, message: "cannot create the lock file \(path)"))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw DiagnosticError(Diagnostic(file: output, message: "another clinicsite build is writing to this folder right now",
                                             hint: "wait for it to finish, then run the build again"))
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
