import CSQLite
import Foundation

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
        /// Read and write an existing file (fails when it is missing).
        case readWrite
        /// Read and write, creating the file when missing.
        case readWriteCreate
    }

    let handle: OpaquePointer
    /// The path the connection was opened with.
    public let path: String

    public init(path: String, mode: Mode) throws {
        let flags: Int32
        switch mode {
        case .readOnly: flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        case .readWrite: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        case .readWriteCreate: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        }
        var pointer = try Self.open(path, flags: flags)
        if mode == .readOnly {
            // A WAL-mode index in a folder this user cannot write, or on a read-only file
            // system, without its -wal file: SQLite cannot create the -wal/-shm it needs
            // (SQLITE_READONLY_DIRECTORY, or SQLITE_CANTOPEN on EROFS). No writer can be at
            // work there either, so read the file as it is (`immutable=1`).
            let probe = sqlite3_exec(pointer, "PRAGMA schema_version", nil, nil, nil)
            let cannotCreateWAL = probe == sqliteReadOnlyDirectory || probe == sqliteReadOnlyCannotInitialize
                || (probe & 0xff == SQLITE_CANTOPEN && access(path, R_OK) == 0 && access(path + "-wal", F_OK) != 0)
            if cannotCreateWAL {
                sqlite3_close_v2(pointer)
                pointer = try Self.open(Self.immutableURI(path), flags: flags | SQLITE_OPEN_URI)
            }
        }
        handle = pointer
        self.path = path
        // Readers wait for a writer's checkpoint instead of failing with SQLITE_BUSY.
        sqlite3_busy_timeout(handle, 5_000)
    }

    private static func open(_ filename: String, flags: Int32) throws -> OpaquePointer {
        var pointer: OpaquePointer?
        let code = sqlite3_open_v2(filename, &pointer, flags, nil)
        guard code == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(pointer)
            throw SQLiteError(code: code, message: message)
        }
        sqlite3_extended_result_codes(pointer, 1)
        return pointer
    }

    /// `file:<path, percent-encoded>?immutable=1` (<https://www.sqlite.org/uri.html>).
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                encoded += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return "file:" + encoded + "?immutable=1"
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements that take no parameters (DDL, PRAGMA, BEGIN, COMMIT).
    public func execute(_ sql: StaticSQL) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql.text, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            var message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            if errorMessage != nil, lastErrorMessage.hasPrefix(message), lastErrorMessage != message { message = lastErrorMessage }
            throw SQLiteError(code: code, message: message, sql: sql.text)
        }
    }

    /// Compiles a statement; bind its parameters with `Statement.bind`.
    public func prepare(_ sql: StaticSQL) throws -> Statement {
        try Statement(database: self, sql: sql.text)
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try wrapped(begin: "BEGIN IMMEDIATE", commit: "COMMIT", rollback: "ROLLBACK", body)
    }

    /// Runs `body` inside a savepoint within the current transaction: when it throws, only its
    /// own changes are undone and the transaction goes on. Savepoints nest
    /// (<https://www.sqlite.org/lang_savepoint.html>).
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        // ROLLBACK TO keeps the savepoint open; RELEASE then closes it.
        try wrapped(begin: "SAVEPOINT medsearch_step", commit: "RELEASE medsearch_step",
                    rollback: "ROLLBACK TO medsearch_step; RELEASE medsearch_step", body)
    }

    /// Runs `body` inside one read transaction (`BEGIN … COMMIT`), so that all its statements
    /// see the same snapshot of the index even when another process commits meanwhile
    /// (<https://www.sqlite.org/isolation.html>).
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try wrapped(begin: "BEGIN DEFERRED", commit: "COMMIT", rollback: "ROLLBACK", body)
    }

    /// `begin`, then `body`, then `commit`; `rollback` when `body` throws.
    private func wrapped<T>(begin: StaticSQL, commit: StaticSQL, rollback: StaticSQL, _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body()
            try execute(commit)
            return result
        } catch {
            try? execute(rollback)
            throw error
        }
    }

    /// Copies this database's `main` into `destination` in one write transaction on the
    /// destination (SQLite's online backup API, <https://www.sqlite.org/backup.html>): readers
    /// of the destination see its old content or the new one, never a mixture. Waits up to
    /// about a minute for another writer to finish.
    public func copy(into destination: Database) throws {
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw SQLiteError(code: sqlite3_extended_errcode(destination.handle), message: destination.lastErrorMessage)
        }
        var code: Int32
        var waits = 0
        repeat {
            code = sqlite3_backup_step(backup, -1)
            let primary = code & 0xff
            guard primary == SQLITE_BUSY || primary == SQLITE_LOCKED, waits < 600 else { break }
            waits += 1
            sqlite3_sleep(100)
        } while true
        // `finish` leaves the error's code and message on the destination connection.
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finish == SQLITE_OK else {
            let failure = code == SQLITE_DONE ? finish : code
            let message = destination.lastErrorMessage
            throw SQLiteError(code: failure, message: message == "not an error" ? String(cString: sqlite3_errstr(failure)) : message)
        }
    }

    /// Writes into the blob of column `column` of row `rowid` of `table` in pieces
    /// (<https://www.sqlite.org/c3ref/blob_open.html>): a large value need not be built whole
    /// in memory and then copied by SQLite once more. The row must already hold a blob of the
    /// final size (`zeroblob(n)`); `body` is given a function that writes bytes at an offset.
    public func writeBlob(table: StaticString, column: StaticString, rowid: Int64,
                          _ body: (_ write: (_ bytes: [UInt8], _ offset: Int) throws -> Void) throws -> Void) throws {
        var blob: OpaquePointer?
        let code = sqlite3_blob_open(handle, "main", "\(table)", "\(column)", rowid, 1, &blob)
        guard code == SQLITE_OK, let blob else {
            sqlite3_blob_close(blob)
            throw SQLiteError(code: code, message: lastErrorMessage)
        }
        defer { sqlite3_blob_close(blob) }
        try body { bytes, offset in
            // SQLite's blob offsets are 32-bit: a larger one is an error here, not a trap.
            guard let count = Int32(exactly: bytes.count), let start = Int32(exactly: offset), offset >= 0 else {
                throw SQLiteError(code: SQLITE_TOOBIG, message: "a blob write at offset \(offset) of \(bytes.count) bytes is out of range")
            }
            let code = bytes.withUnsafeBytes { sqlite3_blob_write(blob, $0.baseAddress, count, start) }
            guard code == SQLITE_OK else { throw SQLiteError(code: code, message: self.lastErrorMessage) }
        }
    }

    /// True when the connection cannot write (`sqlite3_db_readonly`): `ask`, `eval` and
    /// `bench` connections are.
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// The rowid of the last inserted row.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// SQLite's message, with the operating system's reason for I/O, space and permission
    /// errors ("disk I/O error (File too large)").
    var lastErrorMessage: String {
        let message = String(cString: sqlite3_errmsg(handle))
        let primary = sqlite3_errcode(handle) & 0xff
        let system = sqlite3_system_errno(handle)
        guard system != 0, [SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM].contains(primary) else {
            return message
        }
        return message + " (" + String(cString: strerror(system)) + ")"
    }

    /// The version of the SQLite library in use, e.g. "3.40.1".
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}

/// `SQLITE_READONLY_DIRECTORY` and `SQLITE_READONLY_CANTINIT` (extended codes that do not
/// import into Swift).
let sqliteReadOnlyDirectory = SQLITE_READONLY | (6 << 8)
let sqliteReadOnlyCannotInitialize = SQLITE_READONLY | (5 << 8)

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
