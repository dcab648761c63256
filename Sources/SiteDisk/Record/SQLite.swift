import CSQLite
import Foundation

/// The few calls of Debian's SQLite the build record needs: a connection, statements with bound values,
/// rows read column by column. The only file that talks to SQLite.
/// Unchecked: a connection is used by one thread at a time (a lock, or a hand-over after a semaphore), never two at once.
final class SQLite: @unchecked Sendable {
    private let handle: OpaquePointer

    /// Opens (or creates) the database at `path`; nil when it cannot be opened.
    init?(path: String) {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
              let handle else {
            sqlite3_close(handle)
            return nil
        }
        self.handle = handle
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs statements that return no rows; false when one fails.
    @discardableResult
    func execute(_ sql: String) -> Bool {
        sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK
    }

    /// A prepared statement; nil when `sql` does not compile against this database.
    func statement(_ sql: String) -> Statement? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK, let statement else { return nil }
        return Statement(statement)
    }

    /// One compiled statement, run once per set of bound values.
    final class Statement {
        private let statement: OpaquePointer

        fileprivate init(_ statement: OpaquePointer) {
            self.statement = statement
        }

        deinit {
            sqlite3_finalize(statement)
        }

        /// Binds `values` (text, integers, or nil for NULL) to the parameters in order, after resetting.
        @discardableResult
        func bind(_ values: [Value?]) -> Statement {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            for (index, value) in values.enumerated() {
                let position = Int32(index + 1)
                switch value {
                case .text(let text)?: sqlite3_bind_text(statement, position, text, -1, Self.transient)
                case .integer(let number)?: sqlite3_bind_int64(statement, position, Int64(number))
                case nil: sqlite3_bind_null(statement, position)
                }
            }
            return self
        }

        /// Runs a statement that returns no rows; false when it fails.
        @discardableResult
        func run() -> Bool {
            let result = sqlite3_step(statement)
            sqlite3_reset(statement)
            return result == SQLITE_DONE
        }

        /// Calls `body` with each row; false when the statement failed part way.
        @discardableResult
        func rows(_ body: (Row) -> Void) -> Bool {
            defer { sqlite3_reset(statement) }
            while true {
                switch sqlite3_step(statement) {
                case SQLITE_ROW: body(Row(statement: statement))
                case SQLITE_DONE: return true
                default: return false
                }
            }
        }

        /// SQLite copies bound text at once (`SQLITE_TRANSIENT`), so Swift's temporary buffer may go.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }

    /// A value to bind.
    enum Value {
        case text(String)
        case integer(Int)
    }

    /// The current row of a statement.
    struct Row {
        fileprivate let statement: OpaquePointer

        /// The text in column `index`; nil for NULL.
        func text(_ index: Int32) -> String? {
            guard let bytes = sqlite3_column_text(statement, index) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
        }

        /// Calls `body` with the bytes of the text in column `index` (empty for NULL), kept by SQLite only until the next step.
        func withBytes<T>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            body(UnsafeBufferPointer(start: sqlite3_column_text(statement, index), count: Int(sqlite3_column_bytes(statement, index))))
        }

        /// The integer in column `index`; nil for NULL.
        func integer(_ index: Int32) -> Int? {
            sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, index))
        }
    }
}
