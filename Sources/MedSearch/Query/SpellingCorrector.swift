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

    /// The best indexed term within edit distance 1 (stems of 4-7 letters) or 2 (longer), most
    /// frequent first; nil when the word is too short or nothing is close. Words of four letters
    /// are left alone: "lice" is one edit from "like".
    func correction(for original: String) throws -> String? {
        guard original.count >= 5, original.count <= 40, let first = original.unicodeScalars.first,
              first.properties.isAlphabetic, let next = Unicode.Scalar(first.value + 1) else { return nil }
        // Vocabulary terms are porter stems: compare stem with stem ("lupis" → "lupi" ~ "lupu").
        // The allowed distance follows the stem's length: "apendicitis" stems to "apend",
        // which is two edits from "and".
        let word = PorterStemmer.stem(original)
        let length = word.count
        guard length >= 4 else { return nil }
        let allowed = length >= 8 ? 2 : 1
        var best: (term: String, distance: Int, documents: Int64)?
        let candidates = try vocabulary.rows([.text(String(first)), .text(String(Character(next)))]) { ($0.text(0), $0.int(1)) }
        for (term, documents) in candidates where abs(term.count - length) <= allowed + 1 {
            let distance = EditDistance.damerauLevenshtein(word, term, limit: allowed)
            guard distance <= allowed else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && documents > best!.documents) {
                best = (term, distance, documents)
            }
        }
        return best.map { Self.surfaceForm(ofStem: $0.term) }
    }

    /// A word whose porter stem is `stem`, so that FTS5 (which stems query words again) finds
    /// it: "diseas" → "disease", "lupu" → "lupus", "immunotherapi" → "immunotherapy".
    static func surfaceForm(ofStem stem: String) -> String {
        var candidates = [stem, stem + "e", stem + "s", stem + "es", stem + "ed", stem + "ing"]
        if stem.hasSuffix("i") { candidates.append(stem.dropLast() + "y") }
        return candidates.first { PorterStemmer.stem($0) == stem } ?? stem
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
