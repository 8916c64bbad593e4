import Foundation

/// Ranks passages from the question terms' posting lists and the passage digest, without
/// reading any passage text.
///
/// Every passage holding a question term is a candidate and gets the full score (restricting
/// them to passages with an informative term lost "what is immunotherapy in simple terms",
/// whose topic word is in a third of the Corpus, and saved no measurable time):
/// per-field BM25 (summed over title, heading, body and keywords, each field against its own
/// average length, as multi-field engines such as tantivy score; FTS5's `bm25()` normalises by
/// the whole row, so a match in a short focus or heading counts for little next to a long
/// answer), times the boosts of `RankingWeights` (question type, heading similarity, focus,
/// coverage). Per-passage sums and the bit masks of the terms each field holds live in flat
/// arrays reused from question to question.
struct CandidateScorer {
    /// A ranked passage: its number in the digest, the parts of its score, the score.
    struct Candidate {
        var passage: Int32
        var parts: ScoreParts
        /// Some topic term is in the title, heading or keywords (the passage is about it,
        /// rather than mentioning it in passing).
        var namesTopic: Bool
        var score: Double
    }

    private(set) var digest: PassageDigest
    /// Per passage, BM25's length normalisation of each field: k1 × (1 − b + b × length / average).
    private var norms: [SIMD4<Float>]
    private var sums: [Float]
    /// Bit i set: term i occurs in the passage (any field / title / title or heading /
    /// title, heading or keywords).
    private var anyField: [UInt64]
    private var inTitle: [UInt64]
    private var inHeading: [UInt64]
    private var inTopicFields: [UInt64]
    /// The passages the current question's terms hit, in the order first hit: the first
    /// `touchedCount` slots of an array as long as the digest (each passage is added once), so
    /// that adding one is a store, not an append.
    private var touched: [Int32]
    private var touchedCount = 0
    let k1: Float
    let b: Float

    init(digest: PassageDigest, k1: Double = RankingWeights.standard.bm25K1, b: Double = RankingWeights.standard.bm25B) {
        self.digest = digest
        self.k1 = Float(k1)
        self.b = Float(b)
        // A field no passage uses (no keywords anywhere) averages 0: count it as 1, not NaN.
        let averages = pointwiseMax(digest.averageLengths, SIMD4(repeating: 1))
        let saturation = Float(k1), normalisation = Float(b)
        norms = digest.records.map { record -> SIMD4<Float> in
            let relative: SIMD4<Float> = record.lengths / averages
            return saturation * ((1 - normalisation) + normalisation * relative)
        }
        let count = digest.records.count
        touched = Array(repeating: 0, count: count)
        sums = Array(repeating: 0, count: count)
        anyField = Array(repeating: 0, count: count)
        inTitle = anyField
        inHeading = anyField
        inTopicFields = anyField
    }

    var passageCount: Int { digest.records.count }

    /// Passages per slice of `rank`'s additions: their sums, masks and normalisations (52
    /// bytes a passage: 208 KB) stay in a core's cache. 32,768 measured no faster than none
    /// at 50× MedQuAD; 4,096 ×0.90 (`Benchmarks/RESULTS.md`).
    var sliceSize = 1 << 12

    /// The `limit` best candidates, best first, ties in passage order. `terms` and `postings`
    /// run in parallel; at most 64 terms count (the analyzer keeps 48).
    mutating func rank(_ terms: [WeightedGroup], postings: [TermPostings], type: QuestionType,
                       alsoAnswering: [QuestionType] = [], weights: RankingWeights, limit: Int) -> [Candidate] {
        defer { clear() }
        let total = Float(max(passageCount, 1))
        let fieldWeights = SIMD4<Float>(Float(weights.fieldTitle), Float(weights.fieldHeading),
                                        Float(weights.fieldBody), Float(weights.fieldKeywords))
        let counted = min(terms.count, 64)
        var present: UInt64 = 0
        for index in 0..<counted where terms[index].documentFrequency > 0 {
            present |= 1 << UInt64(index)
        }
        let scored = (0..<counted).filter { postings[$0].count > 0 }
        let scales = scored.map { index -> SIMD4<Float> in
            // The term's weight: a narrowed term's list is shorter than its document frequency.
            let frequency = Float(terms[index].documentFrequency)
            let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
            return fieldWeights * idf * (k1 + 1)
        }
        // The lists are added a slice of passages at a time, every term's entries in the slice
        // before the next slice: a slice's sums and masks stay in the cache while the terms
        // land on them. Each passage still adds its terms in term order (the same floats).
        var positions = [Int](repeating: 0, count: scored.count)
        let slice = max(1, sliceSize)
        for sliceStart in stride(from: 0, to: passageCount, by: slice) {
            let end = Int32(clamping: sliceStart + slice)
            for (slot, index) in scored.enumerated() {
                let bit: UInt64 = 1 << UInt64(index)
                let scale = scales[slot]
                // The hot loop of a question: no bounds checks (passage numbers were checked
                // against the digest when the list was decoded).
                var added = touchedCount
                var position = positions[slot]
                norms.withUnsafeBufferPointer { norms in
                sums.withUnsafeMutableBufferPointer { sums in
                anyField.withUnsafeMutableBufferPointer { anyField in
                touched.withUnsafeMutableBufferPointer { touched in
                postings[index].entries.withUnsafeBufferPointer { entries in
                    while position < entries.count, entries[position].passage < end {
                        let entry = entries[position]
                        position += 1
                        let passage = Int(entry.passage)
                        let counts = SIMD4<Float>(entry.counts)
                        sums[passage] += (scale * counts / (counts + norms[passage])).sum()
                        if anyField[passage] == 0 {
                            touched[added] = entry.passage
                            added += 1
                        }
                        anyField[passage] |= bit
                        if counts[0] > 0 || counts[1] > 0 || counts[3] > 0 {
                            if counts[0] > 0 { inTitle[passage] |= bit }
                            if counts[0] > 0 || counts[1] > 0 { inHeading[passage] |= bit }
                            inTopicFields[passage] |= bit
                        }
                    }
                }
                }
                }
                }
                }
                positions[slot] = position
                touchedCount = added
            }
        }

        // Coverage counts the topic terms (see below when every one is generic), including
        // those the index lacks: a question about "toe" is not answered by its other words.
        var topics: UInt64 = 0
        var topicWeight = 0.0
        for index in 0..<counted where !terms[index].isGeneric {
            topics |= 1 << UInt64(index)
            topicWeight += terms[index].weight
        }
        // Every term generic ("my toddler is always sick, is that normal"): those the index
        // holds; a generic word it lacks says nothing of what the question is about.
        if topics == 0 {
            for index in 0..<counted where terms[index].documentFrequency > 0 {
                topics |= 1 << UInt64(index)
                topicWeight += terms[index].weight
            }
        }
        if topics == 0 {
            topics = counted == 64 ? .max : (1 << UInt64(counted)) - 1
            topicWeight = terms.prefix(counted).reduce(0) { $0 + $1.weight }
        }
        let presentCount = Double(present.nonzeroBitCount)

        // The boosts multiply BM25 by at most this much: a candidate whose BM25 times its
        // coverage factor, times this, falls below the last kept score is skipped unread.
        let mostBoost = (1 + max(0, weights.typeMatchBoost)) * (1 + max(0, weights.headingSimilarity))
            * (1 + max(0, weights.focusBoost)) * max(1, weights.summaryFactor) * max(1, weights.definitionMismatchFactor)
        let termWeights = terms.prefix(counted).map(\.weight)
        let namedBeforeCause = type == .causes ? Self.termsBeforeCause(terms.prefix(counted)) : 0
        var best = TopCandidates(capacity: limit)
        lastCandidateCount = 0
        for number in touched[..<touchedCount] where anyField[Int(number)] & present != 0 {
            lastCandidateCount += 1
            let passage = Int(number)
            let bm25 = Double(sums[passage])
            var matchedWeight = 0.0
            var matched = anyField[passage] & topics
            while matched != 0 {
                matchedWeight += termWeights[matched.trailingZeroBitCount]
                matched &= matched - 1
            }
            let coverage = topicWeight > 0 ? matchedWeight / topicWeight : 1
            let base = bm25 * (1 - weights.coverageWeight + weights.coverageWeight * coverage)
            if let last = best.lastKeptScore, base * mostBoost < last { continue }

            let record = digest.features[passage]
            // "Does appendicitis cause fever" asks what the passage's focus causes (its symptoms
            // or side effects), not what causes it: its title words come before "cause".
            let asksWhatItCauses = namedBeforeCause & inTitle[passage] & present != 0
            let answersType = asksWhatItCauses ? record.answersType == .symptoms || record.answersType == .sideEffects
                : record.answersType == type
            let typeBoost = (type != .other && answersType) || alsoAnswering.contains(record.answersType) ? weights.typeMatchBoost : 0
            let headingMatches = Double((inHeading[passage] & present).nonzeroBitCount)
            let similarity = record.headingTerms == 0 ? 0 : 2 * headingMatches / (presentCount + Double(record.headingTerms))
            let titleMatches = min((inTitle[passage] & present).nonzeroBitCount, Int(record.titleTerms))
            let focusShare = record.titleTerms == 0 ? 0 : Double(titleMatches) / Double(record.titleTerms)
            var score = base * (1 + typeBoost) * (1 + weights.headingSimilarity * similarity) * (1 + weights.focusBoost * focusShare)
            if record.isSummary { score *= weights.summaryFactor }
            if record.answersType == .definition, type != .definition, type != .other {
                score *= weights.definitionMismatchFactor
            }
            best.offer(Candidate(passage: number,
                                 parts: ScoreParts(bm25: bm25, typeBoost: typeBoost, headingSimilarity: similarity, coverage: coverage),
                                 namesTopic: inTopicFields[passage] & topics != 0, score: score))
        }
        return best.sorted
    }

    /// Bit i set: term i comes before the question's first "cause" ("causes", "caused"…);
    /// 0 when it has none. Measured with `eval` on LiveQA dev: message avgScore 1.451 → 1.490,
    /// summary 1.392 → 1.510 ("can electrical shock cause swallowing difficulty" now finds the
    /// symptoms of electrical injury, not what causes it); the Corpus sets unchanged. The
    /// passive voice ("is eczema caused by food") reads the wrong way round; telling it apart
    /// by the words around the first "cause" measured no better (LiveQA message nDCG@10 0.589 →
    /// 0.585: a message's first "caused by" was not its question), so it is not done.
    static func termsBeforeCause(_ terms: ArraySlice<WeightedGroup>) -> UInt64 {
        guard let at = terms.firstIndex(where: { $0.stems.contains([causeStem]) }) else { return 0 }
        let before = at - terms.startIndex
        return before == 0 ? 0 : (1 << UInt64(before)) - 1
    }

    private static let causeStem = PorterStemmer.stem("cause")

    /// Passages that held a question term in the last ranking (the candidates).
    private(set) var lastCandidateCount = 0

    /// Zeroes the entries of the passages the last question touched.
    private mutating func clear() {
        let count = touchedCount
        touched.withUnsafeBufferPointer { touched in
        sums.withUnsafeMutableBufferPointer { sums in
        anyField.withUnsafeMutableBufferPointer { anyField in
        inTitle.withUnsafeMutableBufferPointer { inTitle in
        inHeading.withUnsafeMutableBufferPointer { inHeading in
        inTopicFields.withUnsafeMutableBufferPointer { inTopicFields in
            // Every touched passage number was checked against the digest when its list was read.
            for number in touched[..<count] {
                let passage = Int(number)
                sums[passage] = 0
                anyField[passage] = 0
                inTitle[passage] = 0
                inHeading[passage] = 0
                inTopicFields[passage] = 0
            }
        }
        }
        }
        }
        }
        }
        touchedCount = 0
    }
}

/// The best `capacity` candidates seen, kept sorted (best first; equal scores in passage
/// order). Most candidates fall below the last kept one and cost one comparison.
struct TopCandidates {
    let capacity: Int
    private(set) var sorted: [CandidateScorer.Candidate] = []

    /// The score a new candidate must beat once the list is full.
    var lastKeptScore: Double? { sorted.count == capacity ? sorted.last?.score : nil }

    init(capacity: Int) { self.capacity = max(1, capacity) }

    private static func before(_ a: CandidateScorer.Candidate, _ b: CandidateScorer.Candidate) -> Bool {
        a.score != b.score ? a.score > b.score : a.passage < b.passage
    }

    mutating func offer(_ candidate: CandidateScorer.Candidate) {
        guard candidate.score.isFinite else { return }
        if sorted.count == capacity {
            guard Self.before(candidate, sorted[sorted.count - 1]) else { return }
            sorted.removeLast()
        }
        var index = sorted.count
        while index > 0, Self.before(candidate, sorted[index - 1]) { index -= 1 }
        sorted.insert(candidate, at: index)
    }
}
