import Foundation
import Testing
@testable import MedSearch

/// A new index gets 16 KB pages (`IndexWriter.newIndexPageSize`); a rebuild over an index keeps
/// that index's page size, because SQLite's backup into a WAL database refuses other sizes.
@Suite struct PageSizeTests {
    @Test func aNewIndexHasTheNewPageSize() throws {
        let index = TestPaths.freshIndex()
        #expect(IndexWriter.pageSize(of: index) == IndexWriter.newIndexPageSize)
    }

    @Test func aRebuildOverAnIndexKeepsItsPageSize() throws {
        let index = TestPaths.temporaryFolder() + "/old.sqlite"
        // An index as earlier versions wrote it: 4 KB pages, WAL mode, no articles yet.
        _ = try IndexWriter(path: index, logger: .init(label: "test"), journal: .wal, pageSize: 4096)
        #expect(IndexWriter.pageSize(of: index) == 4096)
        let report = try IndexWriter.rebuild(at: index, from: [TestPaths.corpus])
        #expect(report.passages > 400)
        #expect(IndexWriter.pageSize(of: index) == 4096)
        #expect(try SearchEngine(path: index).answers(to: "is immunotherapy a cure", limit: 1).answers.count == 1)
    }

    /// Why: the backup `install` uses fails between page sizes when the target is in WAL mode.
    @Test func backupIntoAWALIndexNeedsTheSamePageSize() throws {
        let folder = TestPaths.temporaryFolder()
        let source = try IndexWriter(path: folder + "/new.sqlite", logger: .init(label: "test"), journal: .rollback, pageSize: 16_384)
        let target = try IndexWriter(path: folder + "/live.sqlite", logger: .init(label: "test"), journal: .wal, pageSize: 4096)
        #expect(throws: SQLiteError.self) { try source.database.copy(into: target.database) }
        #expect(try IndexWriter.setPageSize(12_345, of: source.database) == false)
    }
}
