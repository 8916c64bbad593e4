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

    /// `run(_:blobInPlace:)`: the blob is stored whole, an empty one as an empty blob (not NULL),
    /// and the statement runs again with other bytes (the binding does not outlive its run).
    @Test func blobsBoundInPlaceAreStored() throws {
        let database = try Self.table()
        let insert = try database.prepare("INSERT INTO parts(part, data) VALUES(?, ?)")
        try insert.run([.integer(1)], blobInPlace: Array(0..<200_000).map { UInt8(truncatingIfNeeded: $0) })
        try insert.run([.integer(2)], blobInPlace: [])
        try insert.run([.integer(3)], blobInPlace: [9])
        let stored = try database.prepare("SELECT part, length(data), typeof(data), data FROM parts WHERE part < 7 ORDER BY part")
            .rows { "\($0.int(0)) \($0.int(1)) \($0.text(2)) \($0.blob(3).last ?? 0)" }
        #expect(stored == ["1 200000 blob \(UInt8(truncatingIfNeeded: 199_999))", "2 0 blob 0", "3 1 blob 9"])
    }
}
