import Foundation
import Testing
@testable import MedSearch

/// The ranking tables read straight from FTS5's leaf pages (`FTS5SegmentReader`) are the
/// tables read through fts5vocab, byte for byte; and the reader steps aside for what it does
/// not know.
@Suite struct FTS5SegmentReaderTests {
    /// What the ranking reads: every term's list and the digest.
    static func tables(_ database: Database) throws -> (postings: [String], digest: [UInt8]) {
        let postings = try database.prepare("SELECT term, part, documents, topic_documents, hex(entries) FROM postings ORDER BY term, part")
            .rows { "\($0.text(0)) \($0.int(1)) \($0.int(2)) \($0.int(3)) \($0.text(4))" }
            + database.prepare("SELECT term, part, hex(entries) FROM topic_postings ORDER BY term, part").rows { "topic \($0.text(0)) \($0.int(1)) \($0.text(2))" }
        let digest = try database.prepare("SELECT data FROM passage_digest WHERE part = 0").rows { $0.blob(0) }.first ?? []
        return (postings, digest)
    }

    /// Rebuilds the tables of the index at `path` from each source; both must agree.
    static func expectSourcesAgree(_ path: String, topicListMinimum: Int = SearchTablesBuilder.topicListMinimum,
                                   partSize: Int = SearchTablesBuilder.partSize) throws {
        let database = try Database(path: path, mode: .readWrite)
        let fromSegment = try database.transaction { () -> (Source, [String], [UInt8]) in
            let source = try SearchTablesBuilder.rebuild(database, preferring: .segment, topicListMinimum: topicListMinimum, partSize: partSize)
            let tables = try tables(database)
            return (source, tables.postings, tables.digest)
        }
        #expect(fromSegment.0 == .segment)
        let fromVocabulary = try database.transaction { () -> (Source, [String], [UInt8]) in
            let source = try SearchTablesBuilder.rebuild(database, preferring: .vocabulary, topicListMinimum: topicListMinimum, partSize: partSize)
            let tables = try tables(database)
            return (source, tables.postings, tables.digest)
        }
        #expect(fromVocabulary.0 == .vocabulary)
        #expect(fromSegment.1.count > 0)
        #expect(fromSegment.1 == fromVocabulary.1)
        #expect(fromSegment.2 == fromVocabulary.2)
    }
    typealias Source = SearchTablesBuilder.Source

    @Test func theCorpusTablesAreTheSameFromEitherSource() throws {
        try Self.expectSourcesAgree(TestPaths.freshIndex(name: "segment-corpus.sqlite"))
    }

    /// Pages that end inside a poslist (one word 30,000 times in one passage, a column switch
    /// cut from its column number), doclists over many pages (a word in 6,000 passages) and
    /// terms that share long prefixes or are not ASCII.
    @Test func poslistsAndDoclistsThatRunOverPagesAreReadWhole() throws {
        let folder = TestPaths.temporaryFolder()
        var lines: [String] = []
        let long = Array(repeating: "pollen", count: 30_000).joined(separator: " ")
        lines.append("{\"_id\": \"long\", \"title\": \"Pollen pollen\", \"text\": \"\(long) grass\"}")
        for number in 0..<6_000 {
            let prefix = String(repeating: "x", count: number % 40)
            lines.append("{\"_id\": \"p\(number)\", \"title\": \"Café \(number)\", \"text\": \"common \(prefix)word\(number % 97) crème common\"}")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/many.jsonl", atomically: true, encoding: .utf8)
        let path = folder + "/index.sqlite"
        let report = try IndexWriter.rebuild(at: path, from: [folder + "/many.jsonl"])
        #expect(report.passages == 6_001)
        try Self.expectSourcesAgree(path)
        // With topic lists for every list of 100 passages or more ("common", "crème", "café"),
        // and lists in parts of 1,000 passages.
        try Self.expectSourcesAgree(path, topicListMinimum: 100, partSize: 1_000)
        let parted = try Database(path: path, mode: .readOnly)
        #expect(try parted.prepare("SELECT part, documents FROM postings WHERE term = 'common' ORDER BY part").rows { "\($0.int(0)) \($0.int(1))" }
                == ["0 6000", "1 0", "2 0", "3 0", "4 0", "5 0"])
        let reader = try PostingsReader(database: parted)
        reader.passageLimit = .max
        let common = try reader.postings(ofStem: "common").entries
        #expect(common.count == 6_000)
        #expect(common.map(\.passage) == Array(1...6_000).map(Int32.init))
        try Self.expectSourcesAgree(path)
        let database = try Database(path: path, mode: .readOnly)
        let pollen = try database.prepare("SELECT entries FROM postings WHERE term = 'pollen'").rows { PostingList(bytes: $0.blob(0)) }.first
        #expect(pollen?.entries().first?.counts == SIMD4(2, 2, 30_000, 0))
    }

    /// A fresh build of one article in a new folder (the folder, the index).
    static func oneArticleIndex() throws -> (folder: String, index: String) {
        let folder = TestPaths.temporaryFolder()
        try "{\"_id\": \"a\", \"title\": \"Hay fever\", \"text\": \"Pollen makes the nose run.\"}\n"
            .write(toFile: folder + "/one.jsonl", atomically: true, encoding: .utf8)
        _ = try IndexWriter.rebuild(at: folder + "/index.sqlite", from: [folder])
        return (folder, folder + "/index.sqlite")
    }

    /// After an update the index has more than one segment: the tables come from fts5vocab.
    @Test func anUpdatedIndexIsReadThroughTheVocabulary() throws {
        let (folder, db) = try Self.oneArticleIndex()
        try "{\"_id\": \"b\", \"title\": \"Shingles\", \"text\": \"A painful rash.\"}\n"
            .write(toFile: folder + "/two.jsonl", atomically: true, encoding: .utf8)
        _ = try IndexWriter(path: db).update(from: [folder])
        let database = try Database(path: db, mode: .readWrite)
        let source = try database.transaction { try SearchTablesBuilder.rebuild(database) }
        #expect(source == .vocabulary)
        // Replaced and removed rows merged away by `optimize`: one segment again, read the same.
        try "{\"_id\": \"b\", \"title\": \"Shingles\", \"text\": \"A painful rash on one side.\"}\n"
            .write(toFile: folder + "/two.jsonl", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/one.jsonl")
        _ = try IndexWriter(path: db).update(from: [folder])
        try database.execute("INSERT INTO passages_fts(passages_fts) VALUES('optimize')")
        try Self.expectSourcesAgree(db)
    }

    /// Token totals that differ from FTS5's averages record mean the pages were misread: the
    /// reader refuses rather than build wrong tables.
    @Test func totalsThatDisagreeAreRefused() throws {
        let db = try Self.oneArticleIndex().index
        let database = try Database(path: db, mode: .readWrite)
        // One row; title 2 tokens, heading 0, body 5 → body 6.
        try database.execute("UPDATE passages_fts_data SET block = X'0102000600' WHERE id = 1")
        #expect(throws: FTS5SegmentReader.Unsupported.self) {
            try FTS5SegmentReader.scan(database) { _, _, _, _ in }
        }
        #expect(try database.transaction { try SearchTablesBuilder.rebuild(database) } == .vocabulary)
    }

    @Test func structureRecordsOfOtherShapesAreRefused() throws {
        // Cookie, then levels 1, segments 1, write counter 3; level: merging 0, 1 segment (id 5, pages 1–9).
        let one: [UInt8] = [0, 0, 0, 1, 1, 1, 3, 0, 1, 5, 1, 9]
        #expect(try FTS5SegmentReader.onlySegment(in: one) == .init(id: 5, firstPage: 1, lastPage: 9))
        let two: [UInt8] = [0, 0, 0, 1, 1, 2, 3, 0, 2, 5, 1, 9, 6, 1, 4]
        #expect(throws: FTS5SegmentReader.Unsupported.self) { try FTS5SegmentReader.onlySegment(in: two) }
        let version2: [UInt8] = [0, 0, 0, 1, 0xFF, 0, 0, 1, 1, 1, 3, 0, 1, 5, 1, 9]
        #expect(throws: FTS5SegmentReader.Unsupported.self) { try FTS5SegmentReader.onlySegment(in: version2) }
        #expect(throws: FTS5SegmentReader.Unsupported.self) { try FTS5SegmentReader.onlySegment(in: [0, 0, 0, 1, 1]) }
    }

    /// Pages made by hand for the cases a small corpus may not produce: a term that ends its
    /// page (its first rowid opens the next, as a literal), and a poslist cut after a column
    /// switch, before its column number.
    @Test func handMadePagesOfTheCasesAtPageEnds() throws {
        var rows: [String] = []
        func read(_ pages: [[UInt8]]) throws {
            var reader = FTS5SegmentReader()
            for page in pages {
                try page.withUnsafeBytes { raw in
                    try reader.read(page: raw) { term, isNew, rowid, counts in
                        rows.append("\(String(decoding: term, as: UTF8.self)) \(isNew) \(rowid) \(counts)")
                    }
                }
            }
            #expect(reader.remaining == 0)
        }
        let zero = UInt8(ascii: "0")
        // Page 1: header (no rowid; content ends at 9), the term "0abc", footer: a term at 4.
        // Page 2: header (rowid at 4; content ends at 7), rowid 7, poslist of 1 byte: position 0.
        try read([[0, 0, 0, 9, 4, zero, UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c"), 4],
                  [0, 4, 0, 7, 7, 2, 2]])
        #expect(rows == ["abc true 7 SIMD4<UInt32>(1, 0, 0, 0)"])
        rows = []
        // Term "0x", rowid 3, a poslist of 4 bytes (position 0; column 2; position 1) cut after
        // the switch to column 2; the next page has no rowid and no term, only the rest.
        try read([[0, 0, 0, 11, 2, zero, UInt8(ascii: "x"), 3, 8, 0x02, 0x01, 4],
                  [0, 0, 0, 6, 0x02, 0x03]])
        #expect(rows == ["x true 3 SIMD4<UInt32>(1, 0, 1, 0)"])
        // A poslist or a term longer than any page could hold is refused, not added up.
        let huge: [UInt8] = Array(repeating: 0xFE, count: 8) + [0xFE]
        #expect(throws: FTS5SegmentReader.Unsupported.self) { try read([[0, 0, 0, 17, 2, zero, UInt8(ascii: "x"), 3] + huge + [4]]) }
        #expect(throws: FTS5SegmentReader.Unsupported.self) { try read([[0, 0, 0, 13] + huge + [4]]) }
        // A delete marker (odd size) is refused.
        #expect(throws: FTS5SegmentReader.Unsupported.self) { try read([[0, 0, 0, 10, 2, zero, UInt8(ascii: "x"), 3, 3, 0x02, 4]]) }
    }

    @Test func varintsAreSQLites() throws {
        for (bytes, value) in [([0x05], 5), ([0x81, 0x00], 128), ([0x82, 0x81, 0x01], (2 << 14) | (1 << 7) | 1)] as [([UInt8], UInt64)] {
            var offset = 0
            #expect(try bytes.withUnsafeBytes { try FTS5SegmentReader.varint($0, &offset) } == value)
            #expect(offset == bytes.count)
        }
        var offset = 0
        #expect(throws: FTS5SegmentReader.Unsupported.self) { try [UInt8]([0x80]).withUnsafeBytes { try FTS5SegmentReader.varint($0, &offset) } }
    }
}
