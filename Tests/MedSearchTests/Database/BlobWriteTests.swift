import Testing
@testable import MedSearch

/// `Database.writeBlob`: a blob written in pieces reads back whole; a missing row or a write
/// past the blob's end is an error, not a silent truncation.
@Suite struct BlobWriteTests {
    static func table() throws -> Database {
        let database = try Database(path: TestPaths.temporaryFolder() + "/blobs.sqlite", mode: .readWriteCreate)
        try database.execute("CREATE TABLE parts(part INTEGER PRIMARY KEY, data BLOB NOT NULL)")
        try database.prepare("INSERT INTO parts(part, data) VALUES(7, zeroblob(6))").run([])
        return database
    }

    @Test func piecesReadBackWhole() throws {
        let database = try Self.table()
        try database.writeBlob(table: "parts", column: "data", rowid: 7) { write in
            try write([1, 2, 3], 0)
            try write([4, 5, 6], 3)
        }
        let stored = try database.prepare("SELECT data FROM parts WHERE part = 7").rows { $0.blob(0) }
        #expect(stored == [[1, 2, 3, 4, 5, 6]])
    }

    @Test func missingRowsAndWritesPastTheEndFail() throws {
        let database = try Self.table()
        #expect(throws: SQLiteError.self) {
            try database.writeBlob(table: "parts", column: "data", rowid: 8) { _ in }
        }
        #expect(throws: SQLiteError.self) {
            try database.writeBlob(table: "parts", column: "data", rowid: 7) { write in try write([1, 2, 3, 4], 4) }
        }
        for offset in [-1, Int(Int32.max) + 1] {
            #expect(throws: SQLiteError.self) {
                try database.writeBlob(table: "parts", column: "data", rowid: 7) { write in try write([1], offset) }
            }
        }
    }
}
