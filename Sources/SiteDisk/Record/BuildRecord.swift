import Foundation
import RecoverySchedule
import SiteGenerator
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The inputs of a build against the last build's record.
struct InputComparison {
    /// Inputs whose stamps are not the recorded ones, or that the record does not know.
    var changed: Set<String> = []
    /// Files of the language folders whose stamps are the recorded ones: not read.
    var unchanged: Set<String> = []
    /// Recorded inputs that are gone.
    var removed: Set<String> = []
}

/// What the last successful build knew, kept beside the output in one SQLite database (`.public.record`,
/// never inside the output): every input's stamp and fingerprint, every page's facts, what each output read
/// and its size and time. A rebuild looks up only what its changes touch (`PreviousBuild`); a build changes
/// only the rows of what it read and made, in one transaction. The file's own fingerprint is kept beside it
/// (`.sum`), so a record damaged or changed behind the build's back is not used: the build then starts over.
final class BuildRecord: PreviousBuild, @unchecked Sendable {
    /// Bumped when the tables change: an older record is then not used.
    static let version = 5
    let path: String
    private let database: SQLite
    /// SQLite connections are used by one thread at a time; the build asks from all cores. Holds the statement
    /// prepared for each kind of page query, by its condition.
    private let lock = Mutex<[String: SQLite.Statement]>([:])
    let shared: Fingerprint
    let publishedCount: Int

    /// The clinicsite executable (path, size, time), which every output also depends on.
    static let tool: String = {
        // The kernel's link to the running executable: asking Foundation's `Bundle.main` scanned its folder first.
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : Bundle.main.executablePath
        guard let executable = path, let entry = FileSystem.sizeAndTime(of: executable) else { return "" }
        return "\(executable) \(entry.size) \(entry.modified)"
    }()

    /// The record beside `output`, when there is one this executable made and it is intact.
    static func open(for output: URL) -> BuildRecord? {
        let path = location(for: output)
        guard let expected = try? String(contentsOfFile: path + ".sum", encoding: .utf8),
              FileSystem.fingerprint(ofFile: path)?.description == expected,
              let database = SQLite(path: path) else { return nil }
        return BuildRecord(path: path, database: database)
    }

    private init?(path: String, database: SQLite) {
        let meta = Self.meta(database)
        guard meta["version"] == String(Self.version), let shared = meta["shared"].flatMap({ Fingerprint(hex: $0) }),
              let count = meta["published"].flatMap({ Int($0) }),
              // The page queries prepare their statements when first asked: a record whose table cannot answer is not used.
              database.statement("SELECT \(PageRow.columns) FROM pages LIMIT 0") != nil else { return nil }
        (self.path, self.database, self.shared, self.publishedCount) = (path, database, shared, count)
    }

    /// The database's path beside the output folder.
    static func location(for output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).record").path
    }

    /// The `meta` table: the record's version, the shared inputs' fingerprint, the page count and the like.
    func meta() -> [String: String] {
        lock.withLock { _ in Self.meta(database) }
    }

    private static func meta(_ database: SQLite) -> [String: String] {
        var values: [String: String] = [:]
        database.statement("SELECT key, value FROM meta")?.rows { row in
            if let key = row.text(0), let value = row.text(1) { values[key] = value }
        }
        return values
    }

    func pages(_ query: PageQuery) -> [PageFacts] {
        let (condition, argument): (String, String?) = switch query {
        case .source(let source): ("source = ?1", source)
        case .menu(let language): ("language = ?1 AND ord IS NOT NULL", language)
        case .all: ("1", nil)
        case .writing(let output): ("output = ?1", output)
        case .including(let block): ("instr(blocks, ?1) > 0", block)
        case .warned: ("warnings != ''", nil)
        case .reviewedAfter(let today): ("reviewed IS NOT NULL AND reviewed > ?1", today.iso)
        // A review date before today less `months` months, give or take a few days: the build checks each exactly.
        case .reviewDue(let today, let months): ("reviewed IS NOT NULL AND reviewed < ?1", today.adding(months: -months).adding(days: 4).iso)
        }
        let found = lock.withLock { statements in
            var found: [PageFacts] = []
            if statements[condition] == nil { statements[condition] = database.statement("SELECT \(PageRow.columns) FROM pages WHERE \(condition)") }
            statements[condition]?.bind(argument.map { [.text($0)] } ?? []).rows { row in
                if let page = PageRow.facts(row) { found.append(page) }
            }
            return found
        }
        if case .including(let block) = query { return found.filter { $0.blocks.contains(block) } }
        return found
    }

    func outputWarnings() -> [(path: String, warnings: [Diagnostic])] {
        lock.withLock { _ in
            var found: [(path: String, warnings: [Diagnostic])] = []
            database.statement("SELECT path, warnings FROM outputs WHERE warnings != ''")?.rows { row in
                if let path = row.text(0), let warnings = row.text(1).flatMap(PageRow.warnings) { found.append((path, warnings)) }
            }
            return found
        }
    }

    func outputs(reading keys: Set<ReadKey>) -> [String: Trace] {
        guard !keys.isEmpty else { return [:] }
        let condition = Array(repeating: "instr(reads, ?) > 0", count: keys.count).joined(separator: " OR ")
        return lock.withLock { _ in
            var found: [String: Trace] = [:]
            database.statement("SELECT path, reads FROM outputs WHERE \(condition)")?.bind(keys.map { .text($0.searchText) }).rows { row in
                if let path = row.text(0), let reads = row.text(1) { found[path] = TraceText.trace(reads) }
            }
            return found
        }
    }

    /// The inputs `listed` (in the byte order of their paths, as `InputStamp.files` lists them) against the
    /// recorded ones, row by row in the same order, without making a string of the rows that match.
    func compare(_ listed: [InputStamp.File]) -> InputComparison {
        lock.withLock { _ in
            var comparison = InputComparison()
            var index = 0
            database.statement("SELECT path, size, modified, changed, inode FROM files ORDER BY path")?.rows { row in
                row.withBytes(0) { path in
                    while index < listed.count, listed[index].path.utf8.lexicographicallyPrecedes(path) {
                        comparison.changed.insert(listed[index].path)
                        index += 1
                    }
                    guard index < listed.count, listed[index].path.utf8.elementsEqual(path) else {
                        comparison.removed.insert(String(decoding: path, as: UTF8.self))
                        return
                    }
                    let file = listed[index]
                    index += 1
                    guard (1...4).allSatisfy({ row.integer(Int32($0)) == file.stamp[$0 - 1] }) else {
                        comparison.changed.insert(file.path)
                        return
                    }
                    if SiteSources.isContentFile(file.path) { comparison.unchanged.insert(file.path) }
                }
            }
            comparison.changed.formUnion(listed[index...].map(\.path))
            return comparison
        }
    }

    /// The recorded fingerprint of the input at `path`.
    func print(of path: String) -> Fingerprint? {
        lock.withLock { _ in
            var found: Fingerprint?
            database.statement("SELECT print FROM files WHERE path = ?")?.bind([.text(path)]).rows { found = $0.text(0).flatMap { Fingerprint(hex: $0) } }
            return found
        }
    }

    /// Every output file with the size and time it had when written.
    func outputEntries() -> [OutputEntry] {
        lock.withLock { _ in
            var entries: [OutputEntry] = []
            database.statement("SELECT path, size, modified FROM written")?.rows { row in
                if let path = row.text(0), let size = row.integer(1), let modified = row.integer(2) {
                    entries.append(OutputEntry(path: path, size: size, modified: modified))
                }
            }
            return entries
        }
    }
}
