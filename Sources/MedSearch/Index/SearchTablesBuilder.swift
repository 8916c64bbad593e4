/// Rebuilds the ranking tables — `postings` (one `PostingList` per term) and
/// `passage_digest` — from the FTS5 index, at the end of every index run, inside its
/// transaction: readers see tables that agree with the passages they rank.
///
/// The terms come from FTS5's own index through an fts5vocab 'instance' table, so they are
/// exactly the porter stems FTS5 produced and nothing is tokenized twice. The scan streams in
/// term order, holding one term's list at a time: memory stays flat as the corpus grows.
///
/// The instance table's `term` column is built afresh for every row, and reading it is
/// costly (SQLite 3.40.1 on MedQuAD's 4 M rows: 0.85 s reading term, doc and column, 0.38 s
/// reading doc and column). So the terms are walked in a second cursor, the fts5vocab 'row'
/// table, whose `cnt` says how many instance rows each term has; the instance row that
/// starts a term is checked against it. Measured on MedQuAD (17,862 passages): the tables
/// took 0.77 → 0.65 s.
enum SearchTablesBuilder {
    static func rebuild(_ database: Database) throws {
        try database.execute("DELETE FROM postings; DELETE FROM passage_digest;")
        // During the scan, per passage only its rowid and two counters: the records are
        // read again and written to the digest in pieces afterwards (holding them all, then
        // the digest blob, then SQLite's copy of it, was ~130 MB at 900,000 passages).
        let rowids = try database.prepare("SELECT id FROM passages ORDER BY id").rows { $0.int(0) }
        var titleTerms = [Int32](repeating: 0, count: rowids.count)
        var headingTerms = [Int32](repeating: 0, count: rowids.count)

        try database.execute("""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_instances USING fts5vocab(main, passages_fts, 'instance');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_terms USING fts5vocab(main, passages_fts, 'row');
            """)
        let terms = try database.prepare("SELECT term, cnt FROM temp.passages_terms")
        let scan = try database.prepare("SELECT term, doc, col FROM temp.passages_instances")
        let insert = try database.prepare("INSERT INTO postings(term, documents, entries) VALUES(?, ?, ?)")
        var encoder = PostingList.Encoder()
        var passage: Int32 = -1
        var counts: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        var isContentWord = false

        func finishPassage() {
            guard passage >= 0 else { return }
            encoder.append(passage: passage, counts: counts)
            if isContentWord {
                if counts.0 > 0 { titleTerms[Int(passage)] += 1 }
                if counts.0 > 0 || counts.1 > 0 { headingTerms[Int(passage)] += 1 }
            }
            passage = -1
            counts = (0, 0, 0, 0)
        }
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
            let text = String(decoding: term, as: UTF8.self)
            let instances = terms.int(1)
            isContentWord = !StopWords.contains(text)
            // Rows come in passage order within a term: a passage is looked up once per term.
            var lastDoc: Int64 = -1
            var docNumber: Int32?
            for row in 0..<instances {
                guard try scan.step() else { throw outOfStep(term) }
                if row == 0, !scan.withBytes(0, { $0.elementsEqual(term) }) { throw outOfStep(term) }
                let doc = scan.int(1)
                if doc != lastDoc {
                    lastDoc = doc
                    docNumber = PassageDigest.position(of: doc, in: rowids)
                }
                // A row of a passage that has since gone (cannot happen inside one
                // transaction) is skipped rather than trusted.
                guard let number = docNumber else { continue }
                if number != passage {
                    finishPassage()
                    passage = number
                }
                // Columns are named; their first letters differ (title, heading, body, keywords).
                switch scan.withBytes(2, { $0.first ?? 0 }) {
                case UInt8(ascii: "t"): counts.0 += 1
                case UInt8(ascii: "h"): counts.1 += 1
                case UInt8(ascii: "b"): counts.2 += 1
                case UInt8(ascii: "k"): counts.3 += 1
                default: break
                }
            }
            finishPassage()
            if encoder.count > 0 {
                try insert.run([.text(text), .integer(Int64(encoder.count)), .blob(encoder.bytes)])
            }
            encoder.reset()
        }
        if try scan.step() { throw outOfStep(scan.blob(0)) }
        try writeDigest(database, rowids: rowids, titleTerms: titleTerms, headingTerms: headingTerms)
    }

    /// Writes `passage_digest` from the passages table and the counters of the scan, 64 KB at
    /// a time.
    private static func writeDigest(_ database: Database, rowids: [Int64], titleTerms: [Int32], headingTerms: [Int32]) throws {
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
            while try passages.step() {
                guard number < rowids.count, passages.int(0) == rowids[number] else { throw changed }
                let row = passages
                PassageDigest.append(PassageDigest.Record(
                    rowid: row.int(0), article: row.int(1),
                    lengths: SIMD4(Float(row.int(4)), Float(row.int(5)), Float(row.int(6)), Float(row.int(7))),
                    answersType: QuestionType(rawValue: row.text(3)) ?? .other, isSummary: row.int(2) == 0,
                    titleTerms: Int(titleTerms[number]), headingTerms: Int(headingTerms[number])), to: &piece)
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
