import CSQLite

/// A prepared statement: bind parameters, step through rows, read columns.
///
/// Finalized when released. Reuse it with `reset()` for the next set of parameters
/// (<https://www.sqlite.org/c3ref/stmt.html>).
public final class Statement {
    let handle: OpaquePointer
    // Strong: a statement keeps its connection open for as long as it lives.
    let database: Database
    /// The SQL this statement was compiled from (for error messages and `--explain`).
    public let sql: String

    init(database: Database, sql: String) throws {
        var pointer: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard code == SQLITE_OK, let pointer else {
            throw SQLiteError(code: code, message: database.lastErrorMessage, sql: sql)
        }
        handle = pointer
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// A value that can be bound to a `?` parameter.
    public enum Value: Sendable, Equatable {
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob([UInt8])
        case null
    }

    /// Clears previous bindings and binds `values` to parameters 1…n.
    @discardableResult
    public func bind(_ values: [Value]) throws -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
            case .real(let number): code = sqlite3_bind_double(handle, index, number)
            case .text(let string): code = sqlite3_bind_text(handle, index, string, -1, sqliteTransient)
            case .blob(let bytes):
                code = bytes.withUnsafeBytes {
                    sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), sqliteTransient)
                }
            case .null: code = sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else {
                throw SQLiteError(code: code, message: database.lastErrorMessage, sql: sql)
            }
        }
        return self
    }

    /// Convenience: bind a list of values written inline.
    @discardableResult
    public func bind(_ values: Value...) throws -> Statement { try bind(values) }

    /// Advances to the next row; false when the statement is done.
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(code: code, message: database.lastErrorMessage, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows (INSERT, UPDATE, DELETE).
    public func run(_ values: [Value] = []) throws {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Runs a statement that returns no rows with `values` bound to parameters 1…n and then
    /// `bytes` as a blob to the next parameter, which SQLite reads in place instead of copying
    /// (`SQLITE_STATIC`: the bytes outlive the step, and the binding is cleared before they go).
    /// For large blobs: a 50× index's longest posting list is ~4 MB.
    public func run(_ values: [Value], blobInPlace bytes: [UInt8]) throws {
        try bind(values)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try bytes.withUnsafeBytes { buffer in
            // A null pointer would bind NULL, not an empty blob.
            let code = buffer.count == 0
                ? sqlite3_bind_zeroblob(handle, Int32(values.count + 1), 0)
                : sqlite3_bind_blob(handle, Int32(values.count + 1), buffer.baseAddress, Int32(buffer.count), nil)
            guard code == SQLITE_OK else { throw SQLiteError(code: code, message: database.lastErrorMessage, sql: sql) }
            while try step() {}
        }
    }

    /// Runs the statement and maps every row with `row`.
    public func rows<T>(_ values: [Value] = [], _ row: (Statement) throws -> T) throws -> [T] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var result: [T] = []
        while try step() { result.append(try row(self)) }
        return result
    }

    /// Ready for another run with other bindings.
    public func reset() { sqlite3_reset(handle) }

    public func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    public func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: bytes)
    }

    public func optionalText(_ column: Int32) -> String? {
        isNull(column) ? nil : text(column)
    }

    /// The column's bytes without copying them, valid only inside `body` (for scans of
    /// millions of rows, where a `String` per row would be the cost).
    public func withBytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let pointer = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    public func blob(_ column: Int32) -> [UInt8] {
        withBytes(column) { Array($0) }
    }
}

/// `SQLITE_TRANSIENT` does not import into Swift: SQLite copies the bound bytes.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
