import Foundation

/// BM25 computed per field and summed (title, heading, body, keywords), as multi-field
/// engines such as tantivy score a document.
///
/// FTS5's `bm25()` normalises a term's frequency by the length of the whole row, so a match
/// in a short field (a MedQuAD focus, a section heading) counts for little next to a long
/// answer. Scoring each field against its own average length lets a focus or question match
/// weigh what it should. Used to re-rank the candidates FTS5 returns.
/// Measured on the LiveQA development half (`medsearch eval … --field summary`): avgScore
/// 0.96 → 1.39 against FTS5's `bm25()` over the same candidates (see Benchmarks/RESULTS.md).
public struct FieldScorer: Sendable {
    /// Average token counts of the four fields, and the number of passages, over the index.
    public struct Statistics: Sendable, Equatable {
        public var averageLengths: [Double]
        public var passages: Int

        public init(averageLengths: [Double], passages: Int) {
            self.averageLengths = averageLengths
            self.passages = passages
        }
    }

    public var weights: [Double]
    public var k1 = 1.2
    public var b = 0.75

    public init(weights: [Double]) { self.weights = weights }

    /// The summed per-field BM25 of `terms` in a passage whose fields (title, heading, body,
    /// keywords) are given as porter-stemmed tokens.
    public func score(_ terms: [WeightedGroup], fields: [[String]], statistics: Statistics) -> Double {
        let total = Double(max(statistics.passages, 1))
        var score = 0.0
        for term in terms where term.documentFrequency > 0 {
            let frequency = Double(term.documentFrequency)
            let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
            for (index, tokens) in fields.enumerated() where index < weights.count && weights[index] > 0 {
                let count = Double(term.occurrences(in: tokens))
                guard count > 0 else { continue }
                let average = max(statistics.averageLengths[index], 1)
                let norm = k1 * (1 - b + b * Double(tokens.count) / average)
                score += weights[index] * idf * count * (k1 + 1) / (count + norm)
            }
        }
        return score
    }
}
