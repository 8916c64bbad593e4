/// A tokenised question with, for each token, its pattern terms, plus an index
/// from term to positions so patterns only look where their first word occurs.
struct RedFlagText {
    let tokens: [RedFlagToken]
    /// Sorted term ids of each token (usually empty).
    let terms: [[Int]]
    /// Ascending token positions of each term that occurs.
    let positions: [Int: [Int]]
    /// Token index range of each sentence, by sentence number.
    let sentences: [Range<Int>]

    init(tokens: [RedFlagToken], vocabulary: RedFlagVocabulary) {
        self.tokens = tokens
        var cache: [String: [Int]] = [:]
        var terms: [[Int]] = []
        terms.reserveCapacity(tokens.count)
        var positions: [Int: [Int]] = [:]
        var sentences: [Range<Int>] = []
        for (i, token) in tokens.enumerated() {
            let ids = vocabulary.terms(of: token.text, cache: &cache)
            terms.append(ids)
            for id in ids { positions[id, default: []].append(i) }
            if token.sentence == sentences.count {
                sentences.append(i..<(i + 1))
            } else {
                sentences[token.sentence] = sentences[token.sentence].lowerBound..<(i + 1)
            }
        }
        self.terms = terms
        self.positions = positions
        self.sentences = sentences
    }

    /// `true` when token `i` carries any of `ids` (both sorted, tiny).
    @inline(__always)
    func token(_ i: Int, hasAnyOf ids: [Int]) -> Bool {
        for a in terms[i] where ids.contains(a) { return true }
        return false
    }

    /// The sentence range containing token `i`.
    func sentenceRange(of i: Int) -> Range<Int> { sentences[tokens[i].sentence] }
}
