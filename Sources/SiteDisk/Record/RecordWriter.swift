import Foundation
import SiteGenerator
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes what a build learnt into the record (`BuildRecord`): a new database when the build started over,
/// else the changed rows of the last one, in one transaction. The rows are written on another thread while
/// the output is written (`start`); the sizes and times of the files written are added and the transaction
/// committed after (`finish`). The fingerprint file is removed first and written last, so a build stopped half
/// way leaves a record that is not trusted (the next build starts over).
struct RecordWriter: Sendable {
    let output: URL
    /// The build's changes, from `SiteBuilder`.
    var changes: RecordChanges
    /// Every input's path and stamp, and the fingerprints of the files read.
    var inputs: [InputStamp.File]
    var prints: [String: Fingerprint]
    /// The inputs compared with the last record's.
    var compared: InputComparison
    /// Outputs removed.
    var removed: [String]
    /// Values of the `meta` table besides the version, the shared fingerprint and the page count.
    var meta: [String: String]

    static let schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL, changed INTEGER NOT NULL,
            inode INTEGER NOT NULL, print TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE outputs (path TEXT PRIMARY KEY, reads TEXT NOT NULL, warnings TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE written (path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL) WITHOUT ROWID;
        """ + PageRow.schema

    /// A record being written: its rows are in, its transaction open.
    final class Pending: Sendable {
        private let work = Mutex<(database: SQLite?, target: String, path: String)?>(nil)
        private let done = DispatchSemaphore(value: 0)

        fileprivate init(_ body: @escaping @Sendable () -> (database: SQLite?, target: String, path: String)) {
            DispatchQueue.global().async { [self] in
                let result = body()
                work.withLock { $0 = result }
                done.signal()
            }
        }

        /// Adds each file written (`made`: its size and time now) and commits; false when the record could not be written.
        @discardableResult
        func finish(made: [OutputEntry], twin: String) -> Bool {
            done.wait()
            guard let (database, target, path) = work.withLock({ $0 }) else { return false }
            guard let database, let setWritten = database.statement("INSERT OR REPLACE INTO written VALUES (?, ?, ?)") else {
                abandon(target: target, path: path)
                return false
            }
            var ok = database.statement("INSERT OR REPLACE INTO meta VALUES ('twin', ?)")?.bind([.text(twin)]).run() ?? false
            for entry in made { ok = ok && setWritten.bind([.text(entry.path), .integer(entry.size), .integer(entry.modified)]).run() }
            guard ok, database.execute("COMMIT"), target == path || rename(target, path) == 0, let print = FileSystem.fingerprint(ofFile: path) else {
                abandon(target: target, path: path)
                return false
            }
            try? FileSystem.replace(path: path + ".sum", with: Data(print.description.utf8))
            return true
        }

        /// Gives the record up (the output could not be written): the last one stays untrusted, so the next build starts over.
        func abandon() {
            done.wait()
            if let (_, target, path) = work.withLock({ $0 }) { abandon(target: target, path: path) }
        }

        private func abandon(target: String, path: String) {
            work.withLock { $0 = nil }
            unlink(target)
            if target != path { unlink(path) }
        }
    }

    /// Starts writing the rows on another thread, into the last record (`previous`) or a new one.
    func start(over previous: BuildRecord?) -> Pending {
        let path = BuildRecord.location(for: output)
        unlink(path + ".sum")
        let target = previous == nil || changes.startsOver ? path + ".new" : path
        if target != path { unlink(target) }
        let known = target == path ? previous : nil
        return Pending { [self] in
            guard let database = SQLite(path: target), database.execute("PRAGMA page_size = 16384; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; BEGIN"),
                  known != nil || database.execute(Self.schema), fill(database, known: known) else { return (nil, target, path) }
            return (database, target, path)
        }
    }

    /// Fills the tables: every row when `known` is nil, else the rows that changed since `known`.
    private func fill(_ database: SQLite, known: BuildRecord?) -> Bool {
        guard let setMeta = database.statement("INSERT OR REPLACE INTO meta VALUES (?, ?)"),
              let setFile = database.statement("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)"),
              let dropFile = database.statement("DELETE FROM files WHERE path = ?"),
              let setPage = database.statement("INSERT OR REPLACE INTO pages (\(PageRow.columns)) VALUES (\(Array(repeating: "?", count: 16).joined(separator: ", ")))"),
              let dropPage = database.statement("DELETE FROM pages WHERE source = ?"),
              let setOutput = database.statement("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?)"),
              let dropOutput = database.statement("DELETE FROM outputs WHERE path = ?"),
              let dropWritten = database.statement("DELETE FROM written WHERE path = ?") else { return false }
        var ok = true
        let values = meta.merging(["version": String(BuildRecord.version), "shared": changes.shared.description,
                                   "published": String(changes.publishedCount)]) { $1 }
        for (key, value) in values { ok = ok && setMeta.bind([.text(key), .text(value)]).run() }
        // Into the last record, only the rows of inputs whose stamps changed; into a new one, every input's.
        for file in inputs where known == nil || compared.changed.contains(file.path) {
            guard let print = prints[file.path] else { continue }
            ok = ok && setFile.bind([.text(file.path)] + file.stamp.map { .integer($0) } + [.text(print.description)]).run()
        }
        if known != nil { for path in compared.removed { ok = ok && dropFile.bind([.text(path)]).run() } }
        for source in changes.removedPages { ok = ok && dropPage.bind([.text(source)]).run() }
        for page in changes.pages { ok = ok && setPage.bind(PageRow.values(page)).run() }
        for path in removed { ok = ok && dropOutput.bind([.text(path)]).run() && dropWritten.bind([.text(path)]).run() }
        for (path, trace, warnings) in changes.traces {
            ok = ok && setOutput.bind([.text(path), .text(trace), .text(warnings.isEmpty ? "" : PageRow.text(warnings))]).run()
        }
        return ok
    }
}
