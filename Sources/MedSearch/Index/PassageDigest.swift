import Foundation

/// What the ranking needs to know of every passage, without reading its text: field lengths,
/// which article it belongs to, whether it is the article's summary, the question type its
/// heading answers, and how many distinct content words its title and heading hold.
///
/// Stored as one blob (`passage_digest`, fixed 20-byte little-endian records in rowid order)
/// and loaded once when an index is opened: 17,862 MedQuAD passages are 0.36 MB, read in one
/// step, where a `SELECT` over the `passages` table costs ~1 µs a row. Reading the blob is a
/// part of every `ask` (one `pread` per 4 KB page: 40-byte records took 1.5–1.8 ms of a
/// ~16 ms process), so each record is as small as the ranking allows: the rowid as its gap
/// from the one before, the article id in 32 bits, token counts in 16 bits and the two
/// title/heading word counts in 8 bits (larger values are held at the largest the field
/// stores; no MedQuAD passage comes near: its longest body is 4,251 tokens).
public struct PassageDigest: Sendable, Equatable {
    public struct Record: Sendable, Equatable {
        public var rowid: Int64
        public var article: Int64
        /// Token counts of title, heading, body and keywords (as FTS5 counts them).
        public var lengths: SIMD4<Float>
        public var answersType: QuestionType
        public var isSummary: Bool
        /// Distinct content stems (stop words left out) of the title.
        public var titleTerms: Int
        /// Distinct content stems of the title and heading together.
        public var headingTerms: Int

        public init(rowid: Int64, article: Int64, lengths: SIMD4<Float>, answersType: QuestionType, isSummary: Bool,
                    titleTerms: Int, headingTerms: Int) {
            self.rowid = rowid
            self.article = article
            self.lengths = lengths
            self.answersType = answersType
            self.isSummary = isSummary
            self.titleTerms = titleTerms
            self.headingTerms = headingTerms
        }
    }

    public var records: [Record] {
        didSet { features = records.map(Features.init) }
    }
    /// The records' ranking features, packed (6 bytes a passage): the ranking reads them for
    /// thousands of candidates in random order, and 72-byte records missed the cache.
    public private(set) var features: [Features]

    public struct Features: Sendable, Equatable {
        public var answersType: QuestionType
        public var isSummary: Bool
        public var titleTerms: UInt16
        public var headingTerms: UInt16

        init(_ record: Record) {
            answersType = record.answersType
            isSummary = record.isSummary
            titleTerms = UInt16(min(record.titleTerms, Int(UInt16.max)))
            headingTerms = UInt16(min(record.headingTerms, Int(UInt16.max)))
        }
    }

    public init(records: [Record]) {
        self.records = records
        features = records.map(Features.init)
    }

    static let recordSize = 20

    /// The passage number (position in `records`) of a rowid, by binary search.
    public func passage(ofRowid rowid: Int64) -> Int32? {
        Self.position(of: rowid, in: records.lazy.map(\.rowid))
    }

    /// The position of `rowid` in the ascending `rowids`: where it would be if the rowids had
    /// no gaps (true of a fresh build, so one look-up), else by binary search.
    static func position<C: RandomAccessCollection>(of rowid: Int64, in rowids: C) -> Int32?
    where C.Element == Int64, C.Index == Int {
        if let first = rowids.first, rowid >= first, rowid - first < Int64(rowids.count),
           rowids[Int(rowid - first)] == rowid {
            return Int32(rowid - first)
        }
        var low = 0, high = rowids.count
        while low < high {
            let middle = (low + high) / 2
            if rowids[middle] < rowid { low = middle + 1 } else { high = middle }
        }
        return low < rowids.count && rowids[low] == rowid ? Int32(low) : nil
    }

    public var averageLengths: SIMD4<Float> {
        guard !records.isEmpty else { return SIMD4(repeating: 1) }
        var sum = SIMD4<Double>(repeating: 0)
        for record in records { sum += SIMD4<Double>(record.lengths) }
        return SIMD4<Float>(sum / Double(records.count))
    }

    public func encoded() -> [UInt8] { Self.encode(records) }

    /// The blob of `records`, without building a digest (and its features) first; a record
    /// that does not fit the format (see `append`) is left out.
    static func encode(_ records: [Record]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(records.count * Self.recordSize)
        var previous: Int64 = 0
        for record in records {
            _ = append(record, after: previous, to: &bytes)
            previous = record.rowid
        }
        return bytes
    }

    /// Appends one record's `recordSize` bytes, given the rowid of the record before (0 for
    /// the first): the digest can be written in pieces. False, and nothing appended, when the
    /// record does not fit: rowids not ascending, or a gap or article id past 32 bits.
    @discardableResult
    static func append(_ record: Record, after previous: Int64, to bytes: inout [UInt8]) -> Bool {
        let gap = record.rowid - previous
        guard gap > 0, gap <= Int64(UInt32.max), record.article >= 0, record.article <= Int64(UInt32.max) else { return false }
        func put<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        func clamped<T: FixedWidthInteger>(_ value: Float, _: T.Type) -> T {
            T(max(0, min(Float(T.max), value.rounded(.down))))
        }
        put(UInt32(gap))
        put(UInt32(record.article))
        for field in 0..<4 { put(clamped(record.lengths[field], UInt16.self)) }
        put(UInt8(QuestionType.allCases.firstIndex(of: record.answersType) ?? 0))
        put(UInt8(record.isSummary ? 1 : 0))
        put(UInt8(min(max(record.titleTerms, 0), Int(UInt8.max))))
        put(UInt8(min(max(record.headingTerms, 0), Int(UInt8.max))))
        return true
    }

    /// Decodes `encoded()`; nil when the bytes are not a whole number of records in rowid order.
    public init?(decoding raw: UnsafeRawBufferPointer) {
        guard raw.count % Self.recordSize == 0 else { return nil }
        let types = QuestionType.allCases
        var records: [Record] = []
        records.reserveCapacity(raw.count / Self.recordSize)
        var rowid: Int64 = 0
        for offset in stride(from: 0, to: raw.count, by: Self.recordSize) {
            func get<T: FixedWidthInteger>(_ at: Int, _: T.Type) -> T {
                T(littleEndian: raw.loadUnaligned(fromByteOffset: offset + at, as: T.self))
            }
            let gap = get(0, UInt32.self)
            guard gap > 0 else { return nil }
            rowid += Int64(gap)
            let lengths = SIMD4<Float>(Float(get(8, UInt16.self)), Float(get(10, UInt16.self)),
                                       Float(get(12, UInt16.self)), Float(get(14, UInt16.self)))
            let type = Int(get(16, UInt8.self))
            records.append(Record(rowid: rowid, article: Int64(get(4, UInt32.self)), lengths: lengths,
                                  answersType: type < types.count ? types[type] : .other, isSummary: get(17, UInt8.self) != 0,
                                  titleTerms: Int(get(18, UInt8.self)), headingTerms: Int(get(19, UInt8.self))))
        }
        self.records = records
        features = records.map(Features.init)
    }
}
