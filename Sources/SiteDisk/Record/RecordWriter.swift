import Foundation
import SiteGenerator
#if canImport(Glibc)
import Glibc
#endif

/// Writes what a build learnt into the record (`BuildRecord`): a new database when the build started over,
/// else the changed rows of the last one, in one transaction. The fingerprint file is removed first and
/// written last, so a build stopped half way leaves a record that is not trusted (the next build starts over).
struct RecordWriter {
    let output: URL
    /// The build's changes, from `SiteBuilder`.
    var changes: RecordChanges
    /// Every input's path and stamp, and the fingerprints of those whose stamp is new.
    var inputs: [InputStamp.File]
    var prints: [String: Fingerprint]
    /// Outputs made (written, or found with the same bytes), with their size and time now; outputs removed.
    var made: [OutputEntry]
    var removed: [String]
    /// Values of the `meta` table besides the version, the shared fingerprint and the page count.
    var meta: [String: String]

    static let schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE files (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, print TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE outputs (path TEXT PRIMARY KEY, reads TEXT NOT NULL, size INTEGER NOT NULL, modified INTEGER NOT NULL) WITHOUT ROWID;
        """ + PageRow.schema

    /// Writes the record; on any failure it is removed, which only costs the next build its reuse.
    func write(over previous: BuildRecord?) {
        let path = BuildRecord.location(for: output)
        unlink(path + ".sum")
        let target = previous == nil || changes.startsOver ? path + ".new" : path
        if target != path { unlink(target) }
        guard let database = SQLite(path: target), database.execute("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; BEGIN"),
              target == path || database.execute(Self.schema), fill(database, known: target == path ? previous : nil),
              database.execute("COMMIT") else {
            unlink(target)
            if target != path { unlink(path) }
            return
        }
        if target != path, rename(target, path) != 0 { return }
        guard let bytes = FileSystem.read(path) else { return }
        try? FileSystem.replace(path: path + ".sum", with: Data(Fingerprint(of: bytes).description.utf8))
    }

    /// Fills the tables: every row when `known` is nil, else the rows that changed since `known`.
    private func fill(_ database: SQLite, known: BuildRecord?) -> Bool {
        guard let setMeta = database.statement("INSERT OR REPLACE INTO meta VALUES (?, ?)"),
              let setFile = database.statement("INSERT OR REPLACE INTO files VALUES (?, ?, ?)"),
              let dropFile = database.statement("DELETE FROM files WHERE path = ?"),
              let setPage = database.statement("INSERT OR REPLACE INTO pages (\(PageRow.columns)) VALUES (\(Array(repeating: "?", count: 14).joined(separator: ", ")))"),
              let dropPage = database.statement("DELETE FROM pages WHERE source = ?"),
              let setOutput = database.statement("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?)"),
              let dropOutput = database.statement("DELETE FROM outputs WHERE path = ?") else { return false }
        var ok = true
        let values = meta.merging(["version": String(BuildRecord.version), "shared": changes.shared.description,
                                   "published": String(changes.publishedCount)]) { $1 }
        for (key, value) in values { ok = ok && setMeta.bind([.text(key), .text(value)]).run() }
        let earlier = known?.files() ?? [:]
        for file in inputs where earlier[file.path]?.stamp != file.stamp {
            guard let print = prints[file.path] ?? earlier[file.path]?.print else { continue }
            ok = ok && setFile.bind([.text(file.path), .text(file.stamp), .text(print.description)]).run()
        }
        for path in Set(earlier.keys).subtracting(inputs.map(\.path)) { ok = ok && dropFile.bind([.text(path)]).run() }
        for source in changes.removedPages { ok = ok && dropPage.bind([.text(source)]).run() }
        for page in changes.pages { ok = ok && setPage.bind(PageRow.values(page)).run() }
        for path in removed { ok = ok && dropOutput.bind([.text(path)]).run() }
        for entry in made {
            let reads = TraceText.text(changes.traces[entry.path] ?? [:])
            ok = ok && setOutput.bind([.text(entry.path), .text(reads), .integer(entry.size), .integer(entry.modified)]).run()
        }
        return ok
    }
}
