import Foundation
import Testing
@testable import MedSearch

/// The ranking tables (`postings`, `passage_digest`) and the forms they are read into.
@Suite struct SearchTablesTests {
    static let index: String = TestPaths.freshIndex(of: TestPaths.fixture("ranking"), name: "tables.sqlite")

    @Test func postingListsRoundTrip() {
        var encoder = PostingList.Encoder()
        encoder.append(passage: 0, counts: (1, 0, 3, 0))
        encoder.append(passage: 7, counts: (0, 0, 0, 0)) // no field: left out
        encoder.append(passage: 300, counts: (0, 2, 200, 1))
        let list = PostingList(bytes: encoder.bytes)
        #expect(encoder.count == 2)
        #expect(list.entries() == [
            PostingList.Entry(passage: 0, counts: SIMD4(1, 0, 3, 0)),
            PostingList.Entry(passage: 300, counts: SIMD4(0, 2, 200, 1)),
        ])
    }

    @Test func countsPastTheEntryLimitStayAtIt() {
        var encoder = PostingList.Encoder()
        encoder.append(passage: 1, counts: (0, 0, 70_000, 0))
        let list = TermPostings(entries: PostingList(bytes: encoder.bytes).entries())
        #expect(list.entries[0].counts == SIMD4(0, 0, 65_535, 0))
        #expect(list.union(list).entries[0].counts == SIMD4(0, 0, 65_535, 0))
    }

    @Test func malformedPostingListsStopInsteadOfReadingOn() {
        var encoder = PostingList.Encoder()
        encoder.append(passage: 2, counts: (1, 0, 0, 0))
        encoder.append(passage: 9, counts: (0, 0, 4, 0))
        let bytes = encoder.bytes
        // Cut short, and with a passage beyond the digest: only the sound prefix is read.
        #expect(PostingList(bytes: Array(bytes.dropLast())).entries().count == 1)
        #expect(PostingList(bytes: bytes).entries(passageLimit: 5).map(\.passage) == [2])
        #expect(PostingList(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]).entries().isEmpty)
    }

    @Test func digestRoundTripsAndFindsRowids() throws {
        let digest = PassageDigest(records: [
            .init(rowid: 3, article: 1, lengths: SIMD4(2, 5, 120, 0), answersType: .cure, isSummary: false, titleTerms: 2, headingTerms: 4),
            .init(rowid: 10, article: 2, lengths: SIMD4(1, 1, 30, 4), answersType: .other, isSummary: true, titleTerms: 1, headingTerms: 1),
        ])
        let bytes = digest.encoded()
        let decoded = try #require(bytes.withUnsafeBytes { PassageDigest(decoding: $0) })
        #expect(decoded == digest)
        #expect(decoded.passage(ofRowid: 10) == 1)
        #expect(decoded.passage(ofRowid: 4) == nil)
        #expect(Array(bytes.dropLast()).withUnsafeBytes { PassageDigest(decoding: $0) } == nil)
        #expect(bytes.count == 2 * PassageDigest.recordSize)
    }

    /// The compact records hold what the ranking reads; values past a field's size are held
    /// at its largest, and a record that cannot be stored (rowids not ascending, ids past 32
    /// bits) is refused rather than written wrong; a gap of 0 read back is malformed.
    @Test func digestRecordsAreCompactAndRefuseWhatTheyCannotHold() throws {
        let big = PassageDigest.Record(rowid: 5_000_000_000, article: 4_000_000_000, lengths: SIMD4(3, 70_000, 65_535, 1),
                                       answersType: .symptoms, isSummary: true, titleTerms: 300, headingTerms: 255)
        var bytes: [UInt8] = []
        #expect(PassageDigest.append(big, after: 4_999_999_990, to: &bytes))
        let decoded = try #require(bytes.withUnsafeBytes { PassageDigest(decoding: $0) })
        #expect(decoded.records[0].rowid == 10, "the first record's rowid is its gap from 0")
        #expect(decoded.records[0].article == 4_000_000_000)
        #expect(decoded.records[0].lengths == SIMD4(3, 65_535, 65_535, 1))
        #expect(decoded.records[0].answersType == .symptoms && decoded.records[0].isSummary)
        #expect(decoded.records[0].titleTerms == 255 && decoded.records[0].headingTerms == 255)
        var refused: [UInt8] = []
        #expect(!PassageDigest.append(big, after: big.rowid, to: &refused), "not after the one before")
        #expect(!PassageDigest.append(big, after: 0, to: &refused), "a gap past 32 bits")
        var wideArticle = big
        wideArticle.article = Int64(UInt32.max) + 1
        #expect(!PassageDigest.append(wideArticle, after: big.rowid - 1, to: &refused))
        #expect(refused.isEmpty)
        let zeroGap = [UInt8](repeating: 0, count: PassageDigest.recordSize)
        #expect(zeroGap.withUnsafeBytes { PassageDigest(decoding: $0) } == nil)
    }

    @Test func phrasesNeedBothWordsInOneFieldAndAlternativesAddUp() {
        let heart = TermPostings(entries: [.init(passage: 1, counts: SIMD4(0, 0, 2, 0)), .init(passage: 4, counts: SIMD4(1, 0, 0, 0))])
        let attack = TermPostings(entries: [.init(passage: 1, counts: SIMD4(0, 0, 1, 0)), .init(passage: 4, counts: SIMD4(0, 0, 3, 0))])
        // Passage 4 has the words in different fields: no phrase there.
        #expect(heart.cooccurrence(attack).entries == [.init(passage: 1, counts: SIMD4(0, 0, 1, 0))])
        let union = heart.union(attack)
        #expect(union.entries.map(\.passage) == [1, 4])
        #expect(union.entries[0].counts == SIMD4(0, 0, 3, 0))
    }

    /// The stored lists agree with FTS5's own index: the same passages per term and, for every
    /// passage, counts that add up to the token counts of its fields.
    @Test func tablesAgreeWithFTS5() throws {
        let database = try Database(path: Self.index, mode: .readOnly)
        let digest = try #require(try database.prepare("SELECT data FROM passage_digest WHERE part = 0")
            .rows { row in row.withBytes(0) { PassageDigest(decoding: $0) } }.first ?? nil)
        let passages = try database.prepare("SELECT count(*) FROM passages").rows { $0.int(0) }.first
        #expect(Int64(digest.records.count) == passages)
        let vocabulary = try database.prepare("SELECT term, doc FROM passages_vocab").rows { ($0.text(0), $0.int(1)) }
        let stored = Dictionary(uniqueKeysWithValues: try database.prepare("SELECT term, documents, entries FROM postings")
            .rows { ($0.text(0), ($0.int(1), PostingList(bytes: $0.blob(2)))) })
        #expect(stored.count == vocabulary.count)
        var totals = [SIMD4<Float>](repeating: .zero, count: digest.records.count)
        for (term, documents) in vocabulary {
            let entry = try #require(stored[term], "no list for \(term)")
            #expect(entry.0 == documents, "\(term)")
            #expect(entry.1.entries().count == Int(documents), "\(term)")
            for posting in entry.1.entries() { totals[Int(posting.passage)] += SIMD4<Float>(posting.counts) }
        }
        for (number, record) in digest.records.enumerated() {
            #expect(totals[number] == record.lengths, "passage \(record.rowid)")
            #expect(record.headingTerms >= record.titleTerms)
        }
    }

    @Test func rowidListsHoldARunOrEveryRowid() {
        #expect(Array(RowidList([5, 6, 7, 8])) == [5, 6, 7, 8])
        #expect(Array(RowidList([5, 6, 9, 10])) == [5, 6, 9, 10])
        #expect(Array(RowidList([3])) == [3])
        #expect(RowidList([]).isEmpty)
        #expect(PassageDigest.position(of: 9, in: RowidList([5, 6, 9, 10])) == 2)
        #expect(PassageDigest.position(of: 7, in: RowidList([5, 6, 7, 8])) == 2)
        #expect(PassageDigest.position(of: 7, in: RowidList([5, 6, 9, 10])) == nil)
    }

    @Test func topCandidatesKeepTheBestInOrder() {
        var top = TopCandidates(capacity: 2)
        let parts = ScoreParts(bm25: 0, typeBoost: 0, headingSimilarity: 0, coverage: 0)
        for (passage, score) in [(5, 1.0), (2, 3.0), (9, 3.0), (1, .nan), (4, 2.0)] {
            top.offer(.init(passage: Int32(passage), parts: parts, namesTopic: false, score: score))
        }
        #expect(top.sorted.map(\.passage) == [2, 9])
        #expect(top.lastKeptScore == 3.0)
    }
}

/// An engine that stays open sees a re-index: the words it remembered as absent included.
@Suite struct SearchTablesRefreshTests {
    @Test func aWordAddedByAReindexIsFoundByAnOpenEngine() throws {
        let folder = TestPaths.temporaryFolder()
        let db = folder + "/index.sqlite"
        try "{\"_id\": \"a\", \"title\": \"Hay fever\", \"text\": \"Pollen makes the nose run.\"}\n"
            .write(toFile: folder + "/one.jsonl", atomically: true, encoding: .utf8)
        _ = try IndexWriter(path: db).update(from: [folder + "/one.jsonl"])
        let engine = try SearchEngine(path: db)
        #expect(try engine.answers(to: "zebrafish allergy", limit: 3).answers.isEmpty)
        try "{\"_id\": \"b\", \"title\": \"Zebrafish\", \"text\": \"Zebrafish are small striped fish used in research.\"}\n"
            .write(toFile: folder + "/two.jsonl", atomically: true, encoding: .utf8)
        _ = try IndexWriter(path: db).update(from: [folder + "/one.jsonl", folder + "/two.jsonl"])
        let after = try engine.answers(to: "zebrafish allergy", limit: 3, declineWeak: false)
        #expect(after.answers.first?.articleID == "b", "\(after.answers.map(\.articleID))")
    }

    /// A run that changes nothing keeps the tables; a run that only removes a file rebuilds
    /// them (with a gap in the rowids, so passages are found by search, not by position).
    @Test func tablesFollowRemovalsAndSurviveNoChangeRuns() throws {
        let folder = TestPaths.temporaryFolder()
        let db = folder + "/index.sqlite"
        for (name, id, title, text) in [("one", "a", "Hay fever", "Pollen makes the nose run."),
                                        ("two", "b", "Zebrafish", "Zebrafish are small striped fish."),
                                        ("three", "c", "Shingles", "Shingles is a painful rash from the chickenpox virus.")] {
            try "{\"_id\": \"\(id)\", \"title\": \"\(title)\", \"text\": \"\(text)\"}\n"
                .write(toFile: "\(folder)/\(name).jsonl", atomically: true, encoding: .utf8)
        }
        let inputs = ["one", "two", "three"].map { "\(folder)/\($0).jsonl" }
        _ = try IndexWriter(path: db).update(from: inputs)
        let unchanged = try IndexWriter(path: db).update(from: inputs)
        #expect(unchanged.filesUnchanged == 3)
        #expect(try SearchEngine(path: db).answers(to: "striped zebrafish", limit: 3, declineWeak: false).answers.first?.articleID == "b")

        try FileManager.default.removeItem(atPath: inputs[1])
        let removal = try IndexWriter(path: db).update(from: [folder])
        #expect(removal.filesRemoved == 1)
        let engine = try SearchEngine(path: db)
        #expect(try engine.answers(to: "striped zebrafish", limit: 3, declineWeak: false).answers.isEmpty)
        #expect(try engine.answers(to: "shingles rash", limit: 3, declineWeak: false).answers.first?.articleID == "c")
    }
}
