/// The passages a question term occurs in, with its count in each field, in passage order.
///
/// Built from the stored `PostingList`s of its words: an alternative of several words
/// ("heart attack") counts in a field as often as its rarest word does there, provided every
/// word is in that field (the lists hold no positions; FTS5's phrase query would, at ~1 ms a
/// phrase of common words); a term's alternatives add up (`allergy shots` | `scit`).
public struct TermPostings: Sendable, Equatable {
    public var entries: [PostingList.Entry]

    public init(entries: [PostingList.Entry] = []) { self.entries = entries }

    /// Passages holding the term: its document frequency.
    public var count: Int { entries.count }
    /// Whether some passage names the term in its title, heading or keywords (a topic of the
    /// index), not only in its body.
    public var isNamedAnywhere: Bool { entries.contains { $0.counts[0] > 0 || $0.counts[1] > 0 || $0.counts[3] > 0 } }
    public var isEmpty: Bool { entries.isEmpty }

    /// Passages in either list; counts add up.
    public func union(_ other: TermPostings) -> TermPostings {
        if isEmpty { return other }
        if other.isEmpty { return self }
        let a = entries, b = other.entries
        // Written in place into an array as long as both lists (the most the union can hold).
        let merged = Array<PostingList.Entry>(unsafeUninitializedCapacity: a.count + b.count) { buffer, count in
            var i = 0, j = 0
            while i < a.count || j < b.count {
                if j == b.count || (i < a.count && a[i].passage < b[j].passage) {
                    buffer.initializeElement(at: count, to: a[i]); i += 1
                } else if i == a.count || b[j].passage < a[i].passage {
                    buffer.initializeElement(at: count, to: b[j]); j += 1
                } else {
                    // Added without overflow: a count past 65,535 stays there.
                    let sum = SIMD4<UInt32>(truncatingIfNeeded: a[i].counts) &+ SIMD4<UInt32>(truncatingIfNeeded: b[j].counts)
                    let counts = SIMD4<UInt16>(truncatingIfNeeded: pointwiseMin(sum, SIMD4(repeating: UInt32(UInt16.max))))
                    buffer.initializeElement(at: count, to: PostingList.Entry(passage: a[i].passage, counts: counts))
                    i += 1; j += 1
                }
                count += 1
            }
        }
        return TermPostings(entries: merged)
    }

    /// Passages where both words share a field; each field counts the lesser of the two.
    public func cooccurrence(_ other: TermPostings) -> TermPostings {
        let a = entries, b = other.entries
        let result = Array<PostingList.Entry>(unsafeUninitializedCapacity: min(a.count, b.count)) { buffer, count in
            var i = 0, j = 0
            while i < a.count, j < b.count {
                if a[i].passage < b[j].passage { i += 1 } else if b[j].passage < a[i].passage { j += 1 } else {
                    let counts = pointwiseMin(a[i].counts, b[j].counts)
                    if counts.max() > 0 {
                        buffer.initializeElement(at: count, to: PostingList.Entry(passage: a[i].passage, counts: counts))
                        count += 1
                    }
                    i += 1; j += 1
                }
            }
        }
        return TermPostings(entries: result)
    }
}

/// Reads and decodes posting lists for one question at a time.
final class PostingsReader {
    private let lookup: Statement
    private let topicLookup: Statement
    /// A list's lengths without reading the list (the counts come before the blob).
    private let countLookup: Statement
    /// Passages in the digest: list entries beyond it are ignored, not trusted.
    var passageLimit: Int32 = 0
    /// Lists already read for the current question ("treatment" and "treat" share a stem).
    private var memo: [String: TermPostings] = [:]
    private var topicMemo: [String: TermPostings] = [:]
    /// List lengths looked up so far, remembered across questions like `absent` (the budget
    /// counts every stem of a long question before reading any list: without this, ~5 % more
    /// ranking time at 1× MedQuAD, where the budget never bites). Forgotten when the index
    /// changes. Bounded.
    private var counts: [String: ListLengths] = [:]
    /// Stems the index lacks, remembered across questions: every word of five letters or more
    /// tries two or three derivational variants ("treat" → "treatment", "treation"), most of
    /// them absent, each a b-tree look-up. Forgotten when the index changes. Bounded.
    private var absent = Set<String>()

    /// How many passages a stem's list holds, and how many of them hold it in a topic field
    /// (title, heading or keywords: its topic list; equal when the index keeps no narrower list).
    struct ListLengths: Equatable {
        var all: Int
        var topic: Int
        static let none = ListLengths(all: 0, topic: 0)
    }

    init(database: Database) throws {
        // A list's parts come in part order, its passages' order (the table's key).
        lookup = try database.prepare("SELECT entries FROM postings WHERE term = ? ORDER BY part")
        topicLookup = try database.prepare("SELECT entries FROM topic_postings WHERE term = ? ORDER BY part")
        countLookup = try database.prepare("SELECT documents, topic_documents FROM postings WHERE term = ? AND part = 0")
    }

    /// Forgets the lists read for the previous question.
    func startQuestion() {
        memo.removeAll(keepingCapacity: true)
        topicMemo.removeAll(keepingCapacity: true)
    }

    /// Forgets everything read (another connection committed a re-index).
    func reset() {
        startQuestion()
        counts.removeAll()
        absent.removeAll()
    }

    /// The lengths of one porter stem's lists, without decoding them.
    func lengths(ofStem stem: String) throws -> ListLengths {
        if let known = counts[stem] { return known }
        if absent.contains(stem) { return .none }
        try countLookup.bind([.text(stem)])
        defer { countLookup.reset() }
        var lengths = ListLengths.none
        if try countLookup.step() {
            let all = max(0, Int(countLookup.int(0)))
            lengths = ListLengths(all: all, topic: min(all, max(0, Int(countLookup.int(1)))))
        }
        if lengths.all == 0, absent.count < 100_000 { absent.insert(stem) }
        if lengths.all > 0, counts.count < 100_000 { counts[stem] = lengths }
        return lengths
    }

    /// The list of one porter stem (empty when the index lacks it); with `topicOnly`, only
    /// its passages that hold it in the title, heading or keywords.
    func postings(ofStem stem: String, topicOnly: Bool = false) throws -> TermPostings {
        if topicOnly {
            if let known = topicMemo[stem] { return known }
            let lengths = try self.lengths(ofStem: stem)
            guard lengths.topic < lengths.all else { return try postings(ofStem: stem) }
            let result = try read(stem, with: topicLookup)
            topicMemo[stem] = result
            return result
        }
        if let known = memo[stem] { return known }
        if absent.contains(stem) { return TermPostings() }
        let result = try read(stem, with: lookup)
        if result.isEmpty, absent.count < 100_000 { absent.insert(stem) }
        memo[stem] = result
        return result
    }

    /// Decodes every part of a stem's list, in order. A part that does not start after the
    /// part before it ends (a damaged file) is left out rather than breaking the order.
    private func read(_ stem: String, with statement: Statement) throws -> TermPostings {
        var entries: [PostingList.Entry] = []
        try statement.bind([.text(stem)])
        defer { statement.reset() }
        let limit = passageLimit
        while try statement.step() {
            let part = statement.withBytes(0) { raw in
                // An entry takes at least three bytes (gap, field mask, one count): written
                // straight into an array that size, without an append's checks per entry.
                Array<PostingList.Entry>(unsafeUninitializedCapacity: raw.count / 3) { buffer, count in
                    PostingList.forEach(in: raw, passageLimit: limit) { passage, counts in
                        guard count < buffer.count else { return }
                        buffer.initializeElement(at: count, to: PostingList.Entry(passage: passage, counts: counts))
                        count += 1
                    }
                }
            }
            if entries.isEmpty {
                entries = part
            } else if let next = part.first, let last = entries.last, next.passage > last.passage {
                entries.append(contentsOf: part)
            }
        }
        return TermPostings(entries: entries)
    }

    /// The list of a term group: its alternatives' lists, each the co-occurrence of its words
    /// (with `topicOnly`, of their topic lists).
    func postings(of group: TermGroup, topicOnly: Bool = false, stem: (String) -> String) throws -> TermPostings {
        var result = TermPostings()
        for alternative in group.alternatives where !alternative.isEmpty {
            var phrase = try postings(ofStem: stem(alternative[0]), topicOnly: topicOnly)
            for word in alternative.dropFirst() where !phrase.isEmpty {
                phrase = phrase.cooccurrence(try postings(ofStem: stem(word), topicOnly: topicOnly))
            }
            result = result.union(phrase)
        }
        return result
    }
}
