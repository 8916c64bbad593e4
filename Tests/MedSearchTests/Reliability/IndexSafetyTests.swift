import Foundation
import Testing
@testable import MedSearch

/// How the index is written and read so that re-indexing is safe while others ask:
/// WAL mode, rebuilds installed in one transaction, one snapshot per question.
@Suite struct IndexSafetyTests {
    /// Two small corpora: A is the ranking fixtures, B the same without gout plus a new article.
    static func corpora() throws -> (a: String, b: String, folder: String) {
        let folder = TestPaths.temporaryFolder()
        let a = folder + "/a", b = folder + "/b"
        try FileManager.default.copyItem(atPath: TestPaths.fixture("ranking"), toPath: a)
        try FileManager.default.copyItem(atPath: TestPaths.fixture("ranking"), toPath: b)
        try FileManager.default.removeItem(atPath: b + "/fx-gout.md")
        return (a, b, folder)
    }

    static func passageCount(_ path: String) throws -> Int {
        try IndexReader(path: path).statistics().passages
    }

    /// PRAGMA integrity_check and FTS5's integrity-check (on an in-memory copy) both pass.
    static func isHealthy(_ path: String) -> Bool {
        guard let database = try? Database(path: path, mode: .readOnly),
              (try? database.prepare("PRAGMA integrity_check").rows { $0.text(0) }) == ["ok"],
              let memory = try? Database(path: ":memory:", mode: .readWriteCreate),
              (try? database.copy(into: memory)) != nil else { return false }
        return (try? memory.execute("INSERT INTO passages_fts(passages_fts) VALUES('integrity-check')")) != nil
    }

    @Test func theIndexIsInWALMode() throws {
        let (a, _, folder) = try Self.corpora()
        let path = folder + "/index.sqlite"
        _ = try IndexWriter.rebuild(at: path, from: [a])
        let database = try Database(path: path, mode: .readOnly)
        #expect(try database.prepare("PRAGMA journal_mode").rows { $0.text(0) } == ["wal"])
        _ = try IndexWriter(path: path).update(from: [a])
        #expect(try database.prepare("PRAGMA journal_mode").rows { $0.text(0) } == ["wal"])
    }

    @Test func searchAndReaderConnectionsAreReadOnly() throws {
        let (a, _, folder) = try Self.corpora()
        let path = folder + "/index.sqlite"
        _ = try IndexWriter.rebuild(at: path, from: [a])
        #expect(try SearchEngine(path: path).database.isReadOnly)
        #expect(try IndexReader(path: path).database.isReadOnly)
        #expect(try IndexWriter(path: path).database.isReadOnly == false)
    }

    /// A rebuild over an index that a search engine has open: the engine moves to the new
    /// content at its next question, without an error, and the old file's -wal stays its own.
    @Test func rebuildUnderAnOpenReader() throws {
        let (a, b, folder) = try Self.corpora()
        let path = folder + "/index.sqlite"
        _ = try IndexWriter.rebuild(at: path, from: [a])
        let engine = try SearchEngine(path: path)
        #expect(try engine.answers(to: "can gout be cured").answers.first?.articleID == "fx-gout")
        _ = try IndexWriter.rebuild(at: path, from: [b])
        #expect(try engine.answers(to: "can gout be cured").answers.contains { $0.articleID == "fx-gout" } == false)
        _ = try IndexWriter.rebuild(at: path, from: [a])
        #expect(try engine.answers(to: "can gout be cured").answers.first?.articleID == "fx-gout")
        #expect(Self.isHealthy(path))
    }

    /// The statements of one question share one snapshot: a commit in between is not seen.
    @Test func aReadTransactionKeepsItsSnapshot() throws {
        let (a, b, folder) = try Self.corpora()
        let path = folder + "/index.sqlite"
        _ = try IndexWriter.rebuild(at: path, from: [a])
        let reader = try Database(path: path, mode: .readOnly)
        let count = try reader.prepare("SELECT count(*) FROM passages")
        let before = try count.rows { $0.int(0) }
        let inside = try reader.readTransaction {
            let first = try count.rows { $0.int(0) }
            _ = try IndexWriter.rebuild(at: path, from: [b])      // commits while the reader is mid-question
            return (first, try count.rows { $0.int(0) })
        }
        #expect(inside.0 == before && inside.1 == before)
        #expect(try count.rows { $0.int(0) } != before)
    }

    /// A stale -wal next to a missing index (left when someone deleted only the .sqlite)
    /// must not be replayed onto the new file.
    @Test func aStaleWALIsNeverReplayedOntoANewIndex() throws {
        let (a, b, folder) = try Self.corpora()
        let path = folder + "/index.sqlite"
        _ = try IndexWriter.rebuild(at: path, from: [b])
        // Keep committed frames in the WAL: a reader pins them, a writer commits.
        let pin = try Database(path: path, mode: .readOnly)
        let writer = try Database(path: path, mode: .readWrite)
        try writer.execute("PRAGMA wal_autocheckpoint = 0; DELETE FROM passages_fts; DELETE FROM meta;")
        let stale = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        #expect(stale.count > 32)
        _ = pin
        try FileManager.default.removeItem(atPath: path)
        try stale.write(to: URL(fileURLWithPath: path + "-wal"))
        _ = try IndexWriter.rebuild(at: path, from: [a])
        #expect(Self.isHealthy(path))
        #expect(try Self.passageCount(path) > 0)
    }

    @Test func abandonedRebuildFilesAreRemovedByTheNextRebuild() throws {
        let (a, _, folder) = try Self.corpora()
        let path = folder + "/index.sqlite"
        // pid 2^22+1 is above Linux's pid_max default and cannot be running.
        let abandoned = path + ".building-4194305"
        try Data("half an index".utf8).write(to: URL(fileURLWithPath: abandoned))
        try Data().write(to: URL(fileURLWithPath: abandoned + "-journal"))
        #expect(IndexWriter.abandonedBuilds(of: path).count == 2)
        _ = try IndexWriter.rebuild(at: path, from: [a])
        #expect(IndexWriter.abandonedBuilds(of: path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        let live = path + ".building-\(getpid())"
        try Data().write(to: URL(fileURLWithPath: live))
        #expect(IndexWriter.abandonedBuilds(of: path).isEmpty, "a running process's build is not abandoned")
        try FileManager.default.removeItem(atPath: live)
    }

    @Test func aFailedRebuildLeavesTheIndexAndNoTemporaryFile() throws {
        let (a, _, folder) = try Self.corpora()
        let path = folder + "/index.sqlite"
        _ = try IndexWriter.rebuild(at: path, from: [a])
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try Data("---\nid: [unclosed\n".utf8).write(to: URL(fileURLWithPath: a + "/broken.md"))
        #expect(throws: IngestDiagnostic.self) { try IndexWriter.rebuild(at: path, from: [a], strict: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".building-") }
        #expect(leftovers.isEmpty)
    }

    @Test(arguments: [
        (13, "the disk is full"), (8, "read-only"), (14, "is its folder writable"), (5, "another process is writing"),
        (11, "is damaged"), (26, "is damaged"), (778, "input/output error"),
    ] as [(Int32, String)])
    func writeErrorsSayWhatToDo(code: Int32, expected: String) {
        let error = IndexWriteError(path: "x.sqlite", error: SQLiteError(code: code, message: "m"))
        #expect(error.description.contains(expected), "\(error)")
        #expect(error.description.hasSuffix("the index was not changed"))
    }

    @Test func immutableURIEscapesThePath() {
        #expect(Database.immutableURI("/a b/c?d#e%.sqlite") == "file:/a%20b/c%3Fd%23e%25.sqlite?immutable=1")
    }
}
