/// Reads every (term, row) of `passages_fts` when its index is one segment — as it is right after
/// `optimize` — straight from the leaf pages in its `%_data` table, with each row's count of
/// the term per column.
///
/// Why: fts5vocab 'instance' yields one row per token occurrence and costs ~150 ns a row; on
/// MedQuAD's 4 M occurrences that was 0.65 s of a 2.2 s build, while the leaf pages are ~12 MB
/// of varints. The format read here is FTS5's documented on-disk format (the comments at the
/// top of SQLite's `ext/fts5/fts5_index.c`): a leaf page is a 4-byte header (big-endian u16
/// offset of the first rowid when it comes before the first term, u16 size of the page without
/// its footer), then terms with their doclists, then a footer of varint term offsets; a
/// doclist is rowids (the first on a page or of a term literal, the rest deltas) each followed
/// by a poslist (varint size × 2 + delete flag, then position varints where 0x01 plus a varint
/// switches column); a poslist may run on over the following pages. Varints are SQLite's
/// (most significant group first).
///
/// Anything this reader does not expect — more than one segment, a V2 structure record, a
/// delete flag, a prefix index, a page out of place, token totals that differ from FTS5's own
/// (its averages record) — throws `Unsupported`, and the caller reads the index through
/// fts5vocab instead: a format change costs speed, never correctness.
struct FTS5SegmentReader {
    typealias Row = (_ term: UnsafeRawBufferPointer, _ isNewTerm: Bool, _ rowid: Int64, _ counts: SIMD4<UInt32>) throws -> Void

    struct Unsupported: Error, CustomStringConvertible {
        var description: String
    }

    /// Calls `body(term, isNewTerm, rowid, counts)` for every row holding a term, in term order
    /// and rowid order within a term. `counts[i]` is the term's occurrences in column i (at
    /// most 4 columns). `term` is valid only during the call. The calls made before an
    /// `Unsupported` error are to be discarded.
    static func scan(_ database: Database,
                     _ body: Row) throws {
        let structure = try database.prepare(recordSQL).rows([.integer(structureRowid)]) { $0.blob(0) }.first
        guard let structure else { throw Unsupported(description: "no structure record") }
        let segment = try onlySegment(in: structure)
        let pages = try database.prepare(pagesSQL)
        try pages.bind([.integer(pageRowid(segment.id, segment.firstPage)), .integer(pageRowid(segment.id, segment.lastPage))])
        defer { pages.reset() }
        var reader = FTS5SegmentReader()
        var expected = pageRowid(segment.id, segment.firstPage)
        while try pages.step() {
            guard pages.int(0) == expected else { throw Unsupported(description: "leaf page \(pages.int(0)) out of place") }
            expected += 1
            try pages.withBytes(1) { try reader.read(page: $0, body) }
        }
        guard expected == pageRowid(segment.id, segment.lastPage) + 1, reader.remaining == 0 else {
            throw Unsupported(description: "the segment ends early")
        }
        // Every occurrence counted: the totals must be FTS5's own, column by column.
        let averages = try database.prepare(recordSQL).rows([.integer(averagesRowid)]) { $0.blob(0) }.first ?? []
        var totals: [UInt64] = []
        try averages.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count { totals.append(try varint(raw, &offset)) }
        }
        let counted = (0..<4).map { UInt64(reader.totals[$0]) }
        guard totals.count == 5, Array(totals.dropFirst()) == counted else {
            throw Unsupported(description: "token totals \(counted) differ from the index's \(totals.dropFirst())")
        }
    }

    // The table read is `passages_fts` (Schema): its four columns fit the counts.
    private static let recordSQL: StaticSQL = "SELECT block FROM passages_fts_data WHERE id = ?"
    private static let pagesSQL: StaticSQL = "SELECT id, block FROM passages_fts_data WHERE id BETWEEN ? AND ? ORDER BY id"

    static let averagesRowid: Int64 = 1
    static let structureRowid: Int64 = 10

    /// The rowid of a segment's leaf page in `%_data` (FTS5_SEGMENT_ROWID: segment id above 37
    /// bits of doclist-index flag, height and page number).
    static func pageRowid(_ segment: Int64, _ page: Int64) -> Int64 { segment << 37 + page }

    struct Segment: Equatable {
        var id: Int64
        var firstPage: Int64
        var lastPage: Int64
    }

    /// The one segment of a structure record (4-byte cookie; varint levels, segments, write
    /// counter; per level: varint merging, segments, and per segment its id, first and last page).
    static func onlySegment(in record: [UInt8]) throws -> Segment {
        try record.withUnsafeBytes { raw in
            guard raw.count > 8 else { throw Unsupported(description: "short structure record") }
            guard !(raw[4] == 0xFF && raw[5] == 0 && raw[6] == 0 && raw[7] == 1) else {
                throw Unsupported(description: "V2 structure record")
            }
            var offset = 4
            let levels = try varint(raw, &offset), segments = try varint(raw, &offset)
            _ = try varint(raw, &offset)
            guard segments == 1, levels <= 64 else { throw Unsupported(description: "\(segments) segments") }
            var found: Segment?
            for _ in 0..<levels {
                _ = try varint(raw, &offset)
                let count = try varint(raw, &offset)
                for _ in 0..<count {
                    let id = try varint(raw, &offset), first = try varint(raw, &offset), last = try varint(raw, &offset)
                    guard found == nil, id > 0, id < 1 << 16, first > 0, first <= last, last < 1 << 31 else {
                        throw Unsupported(description: "unexpected segment")
                    }
                    found = Segment(id: Int64(id), firstPage: Int64(first), lastPage: Int64(last))
                }
            }
            guard let found else { throw Unsupported(description: "no segment") }
            return found
        }
    }

    /// A SQLite varint at `offset` (1–9 bytes, most significant group first).
    static func varint(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) throws -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<9 {
            guard offset < raw.count else { throw Unsupported(description: "varint past the end") }
            let byte = raw[offset]
            offset += 1
            if index == 8 { return value << 8 | UInt64(byte) }
            value = value << 7 | UInt64(byte & 0x7F)
            if byte < 0x80 { return value }
        }
        return value
    }

    init() {}

    /// A varint that is a size or an offset: at most 2³², so that sums of them cannot overflow.
    static func length(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) throws -> Int {
        let value = try varint(raw, &offset)
        guard value < 1 << 32 else { throw Unsupported(description: "a length of \(value)") }
        return Int(value)
    }

    // State carried from page to page.
    private var term: [UInt8] = []
    private var rowid: Int64 = 0
    /// Bytes of the current poslist not read yet (it runs on over the next page).
    private(set) var remaining = 0
    private var counts = SIMD4<UInt32>(repeating: 0)
    private var column = 0
    private var expectsColumn = false
    private var partial: UInt64 = 0
    private(set) var totals = SIMD4<UInt32>(repeating: 0)
    private var isFirstPage = true
    /// No row of the current term reported yet.
    private var isNewTerm = false

    /// Reads one leaf page, calling `body` for each poslist that ends on it.
    mutating func read(page raw: UnsafeRawBufferPointer,
                       _ body: Row) throws {
        guard raw.count >= 4 else { throw Unsupported(description: "short leaf page") }
        let firstRowid = Int(raw[0]) << 8 | Int(raw[1])
        let contentEnd = Int(raw[2]) << 8 | Int(raw[3])
        guard contentEnd >= 4, contentEnd <= raw.count else { throw Unsupported(description: "bad leaf header") }
        // The footer: where each term on the page starts.
        var termStarts: [Int] = []
        var footer = contentEnd, start = 0
        while footer < raw.count {
            start += try Self.length(raw, &footer)
            termStarts.append(start)
        }
        var offset = 4
        var nextTerm = 0
        if remaining > 0 {
            try readPoslist(raw, &offset, end: contentEnd, body)
            if remaining > 0 { return }
        } else if isFirstPage, termStarts.first != 4 {
            throw Unsupported(description: "the segment does not start with a term")
        }
        isFirstPage = false
        while offset < contentEnd {
            if nextTerm < termStarts.count, offset == termStarts[nextTerm] {
                // The first term on a page is whole; the others share a prefix with the last.
                let shared = nextTerm == 0 ? 0 : try Self.length(raw, &offset)
                let length = try Self.length(raw, &offset)
                guard shared <= term.count, offset + length <= contentEnd else { throw Unsupported(description: "bad term") }
                let previous = term
                term.removeSubrange(shared...)
                term.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)]))
                offset += length
                // "0" marks the main index (a prefix index would add others); terms ascend.
                guard term.first == UInt8(ascii: "0"), previous.isEmpty || previous.lexicographicallyPrecedes(term)
                else { throw Unsupported(description: "unexpected term") }
                nextTerm += 1
                isNewTerm = true
                // A merge writes a term, then starts a new page if this one is full: the
                // term's first rowid then opens the next page (as a literal).
                if offset == contentEnd { break }
                rowid = Int64(bitPattern: try Self.varint(raw, &offset))
            } else if nextTerm == 0, offset == firstRowid {
                // A doclist run on from the last page restarts with a literal rowid.
                rowid = Int64(bitPattern: try Self.varint(raw, &offset))
            } else {
                guard !term.isEmpty else { throw Unsupported(description: "a rowid before any term") }
                let delta = try Self.varint(raw, &offset)
                guard delta > 0 else { throw Unsupported(description: "rowids out of order") }
                rowid &+= Int64(bitPattern: delta)
            }
            let size = try Self.varint(raw, &offset)
            guard size & 1 == 0, size > 0 else { throw Unsupported(description: "a delete marker or an empty poslist") }
            guard size >> 1 < 1 << 32 else { throw Unsupported(description: "a poslist of \(size >> 1) bytes") }
            remaining = Int(size >> 1)
            counts = .zero
            column = 0
            expectsColumn = false
            partial = 0
            try readPoslist(raw, &offset, end: contentEnd, body)
        }
        guard offset == contentEnd, nextTerm == termStarts.count else { throw Unsupported(description: "page not read to its end") }
    }

    /// Counts the positions of the current poslist up to `end`; reports the row when the
    /// poslist is complete. Positions count per column; `0x01, column` switches column.
    private mutating func readPoslist(_ raw: UnsafeRawBufferPointer, _ offset: inout Int, end: Int,
                                      _ body: Row) throws {
        let begin = offset
        let stop = min(end, offset + remaining)
        while offset < stop {
            let byte = raw[offset]
            offset += 1
            partial = partial << 7 | UInt64(byte & 0x7F)
            guard byte < 0x80 else { continue }
            if expectsColumn {
                guard partial < 4 else { throw Unsupported(description: "column \(partial)") }
                column = Int(partial)
                expectsColumn = false
            } else if partial == 1 {
                expectsColumn = true
            } else {
                counts[column] &+= 1
            }
            partial = 0
        }
        remaining -= stop - begin
        if remaining == 0 {
            guard !expectsColumn, partial == 0 else { throw Unsupported(description: "poslist cut short") }
            totals &+= counts
            try term.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0.dropFirst()), isNewTerm, rowid, counts) }
            isNewTerm = false
        }
    }
}
