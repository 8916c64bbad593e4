/// One term's passages with its frequency in each field, as stored in the `postings` table.
///
/// FTS5 answers "which rows match" fast but scores every matching row when asked to rank, and
/// its `bm25()` cannot score fields separately; reading its position lists for per-field counts
/// (fts5vocab 'instance') costs ~150 ns a row. These lists hold exactly what the ranking needs,
/// precomputed from FTS5's own index at the end of every index run (`SearchTablesBuilder`).
///
/// Encoding, per passage in ascending order: varint(passage number − previous number), one
/// byte whose bits 0–3 say which fields (title, heading, body, keywords) hold the term, then a
/// varint count for each of those fields. Passage numbers are positions in the
/// `PassageDigest`, not rowids, so that scores live in plain arrays.
public struct PostingList: Sendable, Equatable {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// One passage's counts of the term in title, heading, body and keywords (at most
    /// 65,535 each: 16 bytes an entry, half the memory traffic of float counts).
    public struct Entry: Sendable, Equatable {
        public var passage: Int32
        public var counts: SIMD4<UInt16>
    }

    /// Builds a list; passages must be added in ascending order.
    public struct Encoder {
        public private(set) var bytes: [UInt8] = []
        public private(set) var count = 0
        private var previous: Int32 = -1

        public init() {}

        public mutating func append(passage: Int32, counts: (UInt32, UInt32, UInt32, UInt32)) {
            precondition(passage > previous, "postings must be added in passage order")
            let fields = [counts.0, counts.1, counts.2, counts.3]
            var mask: UInt8 = 0
            for (index, value) in fields.enumerated() where value > 0 { mask |= 1 << UInt8(index) }
            guard mask != 0 else { return }
            Self.appendVarint(UInt32(passage - previous), to: &bytes)
            bytes.append(mask)
            for value in fields where value > 0 { Self.appendVarint(value, to: &bytes) }
            previous = passage
            count += 1
        }

        public mutating func reset() {
            bytes.removeAll(keepingCapacity: true)
            count = 0
            previous = -1
        }

        static func appendVarint(_ value: UInt32, to bytes: inout [UInt8]) {
            var rest = value
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }
    }

    /// Calls `body` for every entry in passage order. A truncated or malformed list stops
    /// early instead of reading past its end (the bytes come from a file).
    @inlinable
    public static func forEach(in raw: UnsafeRawBufferPointer, passageLimit: Int32, _ body: (Int32, SIMD4<UInt16>) -> Void) {
        var offset = 0
        let end = raw.count
        var passage: Int32 = -1
        @inline(__always) func varint() -> UInt32? {
            var value: UInt32 = 0
            var shift: UInt32 = 0
            while offset < end, shift < 32 {
                let byte = raw[offset]
                offset += 1
                value |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }
        while offset < end {
            guard let delta = varint(), delta > 0, Int64(passage) + Int64(delta) < Int64(passageLimit), offset < end else { return }
            passage += Int32(delta)
            let mask = raw[offset]
            offset += 1
            var counts = SIMD4<UInt16>(repeating: 0)
            for field in 0..<4 where mask & (1 << UInt8(field)) != 0 {
                guard let value = varint() else { return }
                counts[field] = UInt16(min(value, UInt32(UInt16.max)))
            }
            body(passage, counts)
        }
    }

    /// The entries as an array (tests and `--explain`).
    public func entries(passageLimit: Int32 = .max) -> [Entry] {
        var result: [Entry] = []
        bytes.withUnsafeBytes { raw in
            Self.forEach(in: raw, passageLimit: passageLimit) { result.append(Entry(passage: $0, counts: $1)) }
        }
        return result
    }
}
