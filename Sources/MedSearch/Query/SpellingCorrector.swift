/// Corrects words the index does not contain to the closest indexed term
/// ("immunotharapy" → "immunotherapi", the porter stem of "immunotherapy"), using the
/// index's own vocabulary through its fts5vocab table
/// (<https://www.sqlite.org/fts5.html#the_fts5vocab_virtual_table_module>).
struct SpellingCorrector {
    let vocabulary: Statement

    init(database: Database) throws {
        // Candidates share the first letter; fts5vocab answers range queries on `term`.
        vocabulary = try database.prepare("SELECT term, doc FROM passages_vocab WHERE term >= ? AND term < ?")
    }

    /// The best indexed term within edit distance 1 (words of 5-7 letters) or 2 (longer), most
    /// frequent first; nil when the word is too short or nothing is close. Four-letter words are
    /// left alone: "lice" is one edit from "like".
    func correction(for original: String) throws -> String? {
        guard original.count >= 5, original.count <= 40, let first = original.unicodeScalars.first,
              first.properties.isAlphabetic, let next = Unicode.Scalar(first.value + 1) else { return nil }
        let allowed = original.count >= 8 ? 2 : 1
        // Vocabulary terms are porter stems: compare stem with stem ("lupis" → "lupi" ~ "lupu").
        let word = PorterStemmer.stem(original)
        let length = word.count
        var best: (term: String, distance: Int, documents: Int64)?
        let candidates = try vocabulary.rows([.text(String(first)), .text(String(Character(next)))]) { ($0.text(0), $0.int(1)) }
        for (term, documents) in candidates where abs(term.count - length) <= allowed + 1 {
            let distance = EditDistance.damerauLevenshtein(word, term, limit: allowed)
            guard distance <= allowed else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && documents > best!.documents) {
                best = (term, distance, documents)
            }
        }
        return best?.term
    }
}

/// Edit distance with transpositions (optimal string alignment), bounded for speed.
enum EditDistance {
    static func damerauLevenshtein(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var previousPrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[y.count]
    }
}
