/// Rebuilds the ranking tables — `postings` (one `PostingList` per term) and
/// `passage_digest` — from the FTS5 index, at the end of every index run, inside its
/// transaction: readers see tables that agree with the passages they rank.
///
/// The terms come from FTS5's own index, so they are exactly the porter stems FTS5 produced
/// and nothing is tokenized twice. The scan streams in term order, holding one term's list at
/// a time: memory stays flat as the corpus grows. A fresh build reads FTS5's leaf pages
/// directly; other runs read them through fts5vocab. Measured on MedQuAD (17,862 passages):
/// the tables took 0.77 s (vocabulary, instance terms read), 0.65 s (vocabulary, terms walked
/// apart), 0.15 s (segment, `index --verbose` logs it).
enum SearchTablesBuilder {
    /// Where the terms are read from: the leaf pages of a one-segment FTS5 index (right after
    /// `optimize`, as a fresh build leaves it; `FTS5SegmentReader`), or fts5vocab, which reads
    /// any index. Both give the same tables (`FTS5SegmentReaderTests`).
    enum Source: Equatable { case segment, vocabulary }

    /// Rebuilds the tables, from `preferred` when the index allows it; returns the source used.
    /// `fallback` is told why the segment could not be read.
    /// `topicListMinimum`, `partSize`: see the constants (tests lower them).
    @discardableResult
    static func rebuild(_ database: Database, preferring preferred: Source = .segment,
                        topicListMinimum: Int = SearchTablesBuilder.topicListMinimum,
                        partSize: Int = SearchTablesBuilder.partSize,
                        fallback: (String) -> Void = { _ in }) throws -> Source {
        try database.execute("DELETE FROM postings; DELETE FROM topic_postings; DELETE FROM passage_digest;")
        // During the scan, per passage only its rowid (none for a fresh build's unbroken run of
        // rowids) and two 8-bit counters: the records are read again and written to the
        // digest in pieces afterwards (holding them all, then the digest blob, then SQLite's
        // copy of it, was ~130 MB at 900,000 passages).
        let rowids = try RowidList(database)
        if preferred == .segment {
            var lists = try TermLists(database, rowids: rowids, topicListMinimum: topicListMinimum, partSize: partSize)
            do {
                try FTS5SegmentReader.scan(database) { term, isNewTerm, rowid, counts in
                    if isNewTerm {
                        try lists.endTerm()
                        lists.beginTerm(term)
                    }
                    try lists.add(rowid: rowid, counts: counts)
                }
                try lists.endTerm()
                try writeDigest(database, rowids: rowids, titleTerms: lists.titleTerms, headingTerms: lists.headingTerms)
                return .segment
            } catch let unsupported as FTS5SegmentReader.Unsupported {
                // An index of several segments (an update) or of a format this reader does
                // not know: read it through fts5vocab instead.
                fallback(unsupported.description)
                try database.execute("DELETE FROM postings; DELETE FROM topic_postings;")
            }
        }
        try rebuildFromVocabulary(database, rowids: rowids, topicListMinimum: topicListMinimum, partSize: partSize)
        return .vocabulary
    }

    /// The terms and their instances through fts5vocab tables.
    ///
    /// The instance table's `term` column is built afresh for every row, and reading it is
    /// costly (SQLite 3.40.1 on MedQuAD's 4 M rows: 0.85 s reading term, doc and column, 0.38 s
    /// reading doc and column). So the terms are walked in a second cursor, the fts5vocab 'row'
    /// table, whose `cnt` says how many instance rows each term has; the instance row that
    /// starts a term is checked against it.
    private static func rebuildFromVocabulary(_ database: Database, rowids: RowidList, topicListMinimum: Int, partSize: Int) throws {
        try database.execute("""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_instances USING fts5vocab(main, passages_fts, 'instance');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_terms USING fts5vocab(main, passages_fts, 'row');
            """)
        let terms = try database.prepare("SELECT term, cnt FROM temp.passages_terms")
        let scan = try database.prepare("SELECT term, doc, col FROM temp.passages_instances")
        var lists = try TermLists(database, rowids: rowids, topicListMinimum: topicListMinimum, partSize: partSize)
        func outOfStep(_ term: [UInt8]) -> IndexWriteError {
            IndexWriteError(path: database.path, reason: "the full-text index's terms and instances disagree at '\(String(decoding: term, as: UTF8.self))'; run `medsearch index --rebuild`")
        }

        try terms.bind([])
        try scan.bind([])
        defer {
            terms.reset()
            scan.reset()
        }
        while try terms.step() {
            let term = terms.blob(0)
            term.withUnsafeBytes { lists.beginTerm($0) }
            // Rows come in passage order within a term: one entry per passage.
            var doc: Int64 = -1
            var counts = SIMD4<UInt32>(repeating: 0)
            for row in 0..<terms.int(1) {
                guard try scan.step() else { throw outOfStep(term) }
                if row == 0, !scan.withBytes(0, { $0.elementsEqual(term) }) { throw outOfStep(term) }
                let rowDoc = scan.int(1)
                if rowDoc != doc {
                    if doc >= 0 { try lists.add(rowid: doc, counts: counts) }
                    doc = rowDoc
                    counts = .zero
                }
                // Columns are named; their first letters differ (title, heading, body, keywords).
                switch scan.withBytes(2, { $0.first ?? 0 }) {
                case UInt8(ascii: "t"): counts[0] += 1
                case UInt8(ascii: "h"): counts[1] += 1
                case UInt8(ascii: "b"): counts[2] += 1
                case UInt8(ascii: "k"): counts[3] += 1
                default: break
                }
            }
            if doc >= 0 { try lists.add(rowid: doc, counts: counts) }
            try lists.endTerm()
        }
        if try scan.step() { throw outOfStep(scan.blob(0)) }
        try writeDigest(database, rowids: rowids, titleTerms: lists.titleTerms, headingTerms: lists.headingTerms)
    }

    /// A list at least this long also gets its topic list (the passages whose title, heading
    /// or keywords hold the term), which a question over its posting budget reads instead
    /// (`PostingBudget`): a shorter list saves too little to be worth narrowing. 25 terms
    /// qualify at 1× MedQuAD, 1,061 at 50× (topic lists 11 % of the postings' bytes there).
    static let topicListMinimum = 8_192

    /// A list is stored in parts of at most this many passages, each decodable alone: the
    /// build holds two parts of a list at most (the first, whose row carries the list's
    /// lengths, until the list ends; and the one being encoded), not the whole of the
    /// longest list and SQLite's copy of it (~4 MB each at 50× MedQuAD). At 1× no list has a
    /// second part.
    static let partSize = 65_536

    /// One list being encoded in parts: the parts after the first are inserted as they fill;
    /// the first is held until the list ends, since its row carries the list's lengths.
    private struct PartedList {
        let partSize: Int
        private(set) var encoder = PostingList.Encoder()
        /// The first part's bytes, once a second part has begun.
        private(set) var first: [UInt8]?
        /// Parts completed (the first included) and their entries.
        private(set) var parts = 0
        private var completed = 0

        init(partSize: Int) { self.partSize = max(1, partSize) }

        var count: Int { completed + encoder.count }

        /// Adds one passage; true when that filled a part (call `completePart`).
        mutating func append(passage: Int32, counts: SIMD4<UInt32>) -> Bool {
            encoder.append(passage: passage, counts: (counts[0], counts[1], counts[2], counts[3]))
            return encoder.count >= partSize
        }

        /// Starts the next part; returns the filled one with its number unless it is the first
        /// (held until `finish`).
        mutating func completePart() -> (bytes: [UInt8], part: Int)? {
            defer {
                parts += 1
                completed += encoder.count
                encoder.reset()
            }
            if parts == 0 {
                first = encoder.bytes
                return nil
            }
            return (encoder.bytes, parts)
        }

        /// Stores what is left: the part being encoded (when it is not the first), then the
        /// first part through `insertFirst`.
        func finish(insert: ([UInt8], Int) throws -> Void, insertFirst: ([UInt8]) throws -> Void) throws {
            guard let first else { return try insertFirst(encoder.bytes) }
            if encoder.count > 0 { try insert(encoder.bytes, parts) }
            try insertFirst(first)
        }

        mutating func reset() {
            encoder.reset()
            first = nil
            parts = 0
            completed = 0
        }
    }

    /// Encodes one term's list at a time and inserts it; counts, per passage, the distinct
    /// content words of its title and of its title and heading (for the digest).
    private struct TermLists {
        let insert: Statement
        let insertTopic: Statement
        let deleteTopic: Statement
        let rowids: RowidList
        let topicListMinimum: Int
        let partSize: Int
        private(set) var titleTerms: [UInt8]
        private(set) var headingTerms: [UInt8]
        private var term: [UInt8] = []
        private var text = ""
        private var isContentWord = false
        private var list: PartedList
        private var topicList: PartedList

        init(_ database: Database, rowids: RowidList, topicListMinimum: Int, partSize: Int) throws {
            self.topicListMinimum = topicListMinimum
            self.partSize = max(1, partSize)
            list = PartedList(partSize: partSize)
            topicList = PartedList(partSize: partSize)
            insert = try database.prepare("INSERT INTO postings(term, part, documents, topic_documents, entries) VALUES(?, ?, ?, ?, ?)")
            insertTopic = try database.prepare("INSERT INTO topic_postings(term, part, entries) VALUES(?, ?, ?)")
            deleteTopic = try database.prepare("DELETE FROM topic_postings WHERE term = ?")
            self.rowids = rowids
            titleTerms = Array(repeating: 0, count: rowids.count)
            headingTerms = titleTerms
        }

        mutating func beginTerm(_ bytes: UnsafeRawBufferPointer) {
            term = Array(bytes)
            text = String(decoding: term, as: UTF8.self)
            isContentWord = !StopWords.contains(text)
        }

        /// One passage's counts of the current term; passages come in rowid order. A rowid the
        /// passages table lacks (cannot happen inside one transaction) is skipped, not trusted.
        mutating func add(rowid: Int64, counts: SIMD4<UInt32>) throws {
            guard let passage = PassageDigest.position(of: rowid, in: rowids) else { return }
            if list.append(passage: passage, counts: counts), let (bytes, part) = list.completePart() {
                try insert.run([.text(text), .integer(Int64(part)), .integer(0), .integer(0)], blobInPlace: bytes)
            }
            // A topic part fills only after a whole part of the list: the list is long enough
            // for a topic list by then (`topicListMinimum` ≤ `partSize`), unless every passage
            // turns out to hold the term in a topic field (undone in `endTerm`).
            if counts[0] > 0 || counts[1] > 0 || counts[3] > 0,
               topicList.append(passage: passage, counts: counts), let (bytes, part) = topicList.completePart() {
                try insertTopic.run([.text(text), .integer(Int64(part))], blobInPlace: bytes)
            }
            if isContentWord {
                // The digest keeps 8 bits of each: counting past them changes nothing.
                if counts[0] > 0 { titleTerms[Int(passage)] &+= titleTerms[Int(passage)] < .max ? 1 : 0 }
                if counts[0] > 0 || counts[1] > 0 { headingTerms[Int(passage)] &+= headingTerms[Int(passage)] < .max ? 1 : 0 }
            }
        }

        mutating func endTerm() throws {
            defer {
                list.reset()
                topicList.reset()
            }
            let documents = list.count, topicDocuments = topicList.count
            guard documents > 0 else { return }
            let (insert, insertTopic, text) = (self.insert, self.insertTopic, self.text)
            // A short list, or one whose every passage has the term in a topic field, is its
            // own topic list (`topic_documents` = `documents`, no rows of its own).
            let narrower = documents >= min(topicListMinimum, partSize) && topicDocuments < documents
            try list.finish(insert: { bytes, part in
                try insert.run([.text(text), .integer(Int64(part)), .integer(0), .integer(0)], blobInPlace: bytes)
            }, insertFirst: { bytes in
                try insert.run([.text(text), .integer(0), .integer(Int64(documents)), .integer(Int64(narrower ? topicDocuments : documents))],
                               blobInPlace: bytes)
            })
            if narrower, topicDocuments > 0 {
                try topicList.finish(insert: { bytes, part in
                    try insertTopic.run([.text(text), .integer(Int64(part))], blobInPlace: bytes)
                }, insertFirst: { bytes in
                    try insertTopic.run([.text(text), .integer(0)], blobInPlace: bytes)
                })
            } else if topicList.parts > 1 {
                try deleteTopic.run([.text(text)])
            }
        }
    }

    /// Writes `passage_digest` from the passages table and the counters of the scan, 64 KB at
    /// a time.
    private static func writeDigest(_ database: Database, rowids: RowidList, titleTerms: [UInt8], headingTerms: [UInt8]) throws {
        try database.prepare("INSERT INTO passage_digest(part, data) VALUES(0, zeroblob(?))")
            .run([.integer(Int64(rowids.count * PassageDigest.recordSize))])
        let passages = try database.prepare("""
            SELECT id, article_id, position, answers_type, len_title, len_heading, len_body, len_keywords
            FROM passages ORDER BY id
            """)
        try passages.bind([])
        defer { passages.reset() }
        let changed = IndexWriteError(path: database.path, reason: "the passages changed while the ranking tables were built")
        try database.writeBlob(table: "passage_digest", column: "data", rowid: 0) { write in
            var piece: [UInt8] = []
            piece.reserveCapacity(1 << 16)
            var number = 0
            var offset = 0
            var previous: Int64 = 0
            while try passages.step() {
                guard number < rowids.count, passages.int(0) == rowids[number] else { throw changed }
                let row = passages
                let fits = PassageDigest.append(PassageDigest.Record(
                    rowid: row.int(0), article: row.int(1),
                    lengths: SIMD4(Float(row.int(4)), Float(row.int(5)), Float(row.int(6)), Float(row.int(7))),
                    answersType: QuestionType(rawValue: row.text(3)) ?? .other, isSummary: row.int(2) == 0,
                    titleTerms: Int(titleTerms[number]), headingTerms: Int(headingTerms[number])), after: previous, to: &piece)
                guard fits else {
                    throw IndexWriteError(path: database.path, reason: "passage \(row.int(0)) or its article has an id past what the passage digest holds (32 bits); rebuild the index with `medsearch index --rebuild`")
                }
                previous = row.int(0)
                number += 1
                if piece.count >= 1 << 16 {
                    try write(piece, offset)
                    offset += piece.count
                    piece.removeAll(keepingCapacity: true)
                }
            }
            guard number == rowids.count else { throw changed }
            if !piece.isEmpty { try write(piece, offset) }
        }
    }
}

/// The passages' rowids in ascending order: a fresh build's are one unbroken run, held as its
/// first rowid and count (7 MB less at 893,100 passages), any others as an array.
struct RowidList: RandomAccessCollection {
    private var first: Int64 = 0
    private var runLength = 0
    /// Set once a gap is met: every rowid.
    private var all: [Int64]?

    init(_ database: Database) throws {
        let statement = try database.prepare("SELECT id FROM passages ORDER BY id")
        try statement.bind([])
        defer { statement.reset() }
        while try statement.step() { append(statement.int(0)) }
    }

    init(_ rowids: [Int64]) {
        for rowid in rowids { append(rowid) }
    }

    private mutating func append(_ rowid: Int64) {
        if all != nil {
            all?.append(rowid)
        } else if runLength == 0 {
            first = rowid
            runLength = 1
        } else if rowid == first + Int64(runLength) {
            runLength += 1
        } else {
            all = (0..<runLength).map { first + Int64($0) } + [rowid]
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { all?.count ?? runLength }
    subscript(position: Int) -> Int64 { all?[position] ?? first + Int64(position) }
}
