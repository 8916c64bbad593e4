import CSQLite

/// An error reported by SQLite: the result code, SQLite's message and the SQL that failed.
///
/// Every `sqlite3_*` call whose result can fail is checked where it is made and turned into
/// this one type (see <https://www.sqlite.org/rescode.html>).
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The primary or extended result code, e.g. `SQLITE_CORRUPT` (11).
    public let code: Int32
    /// SQLite's own explanation (`sqlite3_errmsg`).
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// True when the database file is damaged or is not a database at all.
    public var isCorruption: Bool {
        let primary = code & 0xff
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB
    }

    /// True when a constraint failed, such as a UNIQUE id inserted twice.
    public var isConstraintViolation: Bool { code & 0xff == SQLITE_CONSTRAINT }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " (in: \(sql))" }
        return text
    }
}
