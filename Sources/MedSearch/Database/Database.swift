import CSQLite

/// One connection to an SQLite database file, through SQLite's C API.
///
/// A thin typed wrapper in the style of GRDB.swift: open, execute, prepare statements, run
/// transactions. Not shared between threads; open one per thread.
///
/// ```swift
/// let db = try Database(path: "index.sqlite", mode: .readOnly)
/// let stmt = try db.prepare("SELECT count(*) FROM passages")
/// ```
public final class Database {
    /// How the file is opened (<https://www.sqlite.org/c3ref/open.html>).
    public enum Mode: Sendable {
        /// Queries only: `ask`, `eval` and `bench` use this.
        case readOnly
        /// Read and write, creating the file when missing.
        case readWriteCreate
    }

    let handle: OpaquePointer
    /// The path the connection was opened with.
    public let path: String

    public init(path: String, mode: Mode) throws {
        var pointer: OpaquePointer?
        let flags: Int32
        switch mode {
        case .readOnly: flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        case .readWriteCreate: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        }
        let code = sqlite3_open_v2(path, &pointer, flags, nil)
        guard code == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(pointer)
            throw SQLiteError(code: code, message: message)
        }
        handle = pointer
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        // Readers wait for a writer's checkpoint instead of failing with SQLITE_BUSY.
        sqlite3_busy_timeout(handle, 5_000)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements that take no parameters (DDL, PRAGMA, BEGIN, COMMIT).
    public func execute(_ sql: StaticSQL) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql.text, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: code, message: message, sql: sql.text)
        }
    }

    /// Compiles a statement; bind its parameters with `Statement.bind`.
    public func prepare(_ sql: StaticSQL) throws -> Statement {
        try Statement(database: self, sql: sql.text)
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` inside a savepoint within the current transaction: when it throws, only its
    /// own changes are undone and the transaction goes on. Savepoints nest
    /// (<https://www.sqlite.org/lang_savepoint.html>).
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT medsearch_step")
        do {
            let result = try body()
            try execute("RELEASE medsearch_step")
            return result
        } catch {
            // ROLLBACK TO keeps the savepoint open; RELEASE then closes it.
            try? execute("ROLLBACK TO medsearch_step")
            try? execute("RELEASE medsearch_step")
            throw error
        }
    }

    /// The rowid of the last inserted row.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// The version of the SQLite library in use, e.g. "3.40.1".
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}

/// SQL text written in the source code, never assembled from user input.
///
/// Only a string literal converts to `StaticSQL`, so user text cannot reach `prepare` or
/// `execute` except through bound parameters.
public struct StaticSQL: ExpressibleByStringLiteral, Sendable {
    let text: String
    public init(stringLiteral value: StaticString) {
        text = value.description
    }
}
