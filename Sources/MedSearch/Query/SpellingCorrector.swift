/// Corrects words the index does not contain to the closest indexed term
/// ("immunotharapy" → "immunotherapi", the porter stem of "immunotherapy"), using the
/// index's own vocabulary: the terms of its `postings` table, which are FTS5's stems.
final class SpellingCorrector {
    let vocabulary: Statement
    /// Indexed stems by first letter, read once per letter: a misspelled word in a long
    /// message would otherwise read thousands of rows on every question.
    private var candidatesByLetter: [Unicode.Scalar: [(scalars: [Unicode.Scalar], letters: UInt32, documents: Int64)]] = [:]

    init(database: Database) throws {
        // Candidates share the first letter: a range of the table's primary key.
        vocabulary = try database.prepare("SELECT term, documents FROM postings WHERE term >= ? AND term < ? AND part = 0")
    }

    /// Candidates already worked out, none included ("no close term"): a misspelled word
    /// costs a scan of its letter's terms, and users repeat their words. Bounded.
    private var known: [String: [String]] = [:]

    /// Forgets the vocabulary read so far (the index changed).
    func reset() {
        candidatesByLetter.removeAll()
        known.removeAll()
    }

    /// The indexed terms within edit distance 1 (stems of 4-7 letters) or 2 (longer) at the
    /// least distance found, most frequent first; none when the word is too short or nothing is
    /// close. Words of four letters are left alone: "lice" is one edit from "like"; so are
    /// English words (`EnglishWords`). Several can
    /// be as close: "vacine" is one edit from "vaccine" and from "vagina", "snoring" from
    /// "sore", "score" and "store"; the caller chooses by the question's other words.
    func candidates(for original: String) throws -> [String] {
        if let answer = known[original] { return answer }
        let answer = try closestTerms(to: original)
        if known.count < 50_000 { known[original] = answer }
        return answer
    }

    private func closestTerms(to original: String) throws -> [String] {
        guard original.count >= 5, original.count <= 40, let first = original.unicodeScalars.first,
              first.properties.isAlphabetic, let next = Unicode.Scalar(first.value + 1) else { return [] }
        // Vocabulary terms are porter stems: compare stem with stem ("lupis" → "lupi" ~ "lupu").
        // The allowed distance follows the stem's length: "apendicitis" stems to "apend",
        // which is two edits from "and".
        let word = Array(PorterStemmer.stem(original).unicodeScalars)
        let length = word.count
        guard length >= 4 else { return [] }
        let allowed = length >= 8 ? 2 : 1
        if candidatesByLetter[first] == nil {
            candidatesByLetter[first] = try vocabulary.rows([.text(String(first)), .text(String(Character(next)))]) {
                let scalars = Array($0.text(0).unicodeScalars)
                return (scalars, Self.letterSet(scalars), $0.int(1))
            }
        }
        // An edit changes at most two letters of the set of letters a word uses, so a term
        // whose set differs in more than 2 × allowed letters is skipped without the full
        // distance (most of the thousands of terms that share the first letter).
        let letters = Self.letterSet(word)
        var closest: [(term: [Unicode.Scalar], documents: Int64)] = []
        var closestDistance = allowed + 1
        for (term, termLetters, documents) in candidatesByLetter[first] ?? []
        where abs(term.count - length) <= allowed && (termLetters ^ letters).nonzeroBitCount <= 2 * allowed {
            let distance = EditDistance.damerauLevenshtein(word, term, limit: allowed)
            guard distance <= allowed, distance <= closestDistance else { continue }
            if distance < closestDistance { closest.removeAll() }
            closestDistance = distance
            closest.append((term, documents))
        }
        // An English word is not another word misspelled: "bread" is not "break", "stunt" not
        // "stent", "scared" not "scar" ("asthmatics" finds "asthma" as a variant, `WordVariants`).
        if EnglishWords.contains(original) { return [] }
        // Most frequent first; equal counts in term order, so the choice never depends on the scan.
        return closest.sorted { $0.documents != $1.documents ? $0.documents > $1.documents : $0.term.lexicographicallyPrecedes($1.term) }
            .map { Self.surfaceForm(ofStem: String(String.UnicodeScalarView($0.term))) }
    }

    /// Bit i set when the word uses the letter "a" + i (other characters share bit 26).
    static func letterSet(_ scalars: [Unicode.Scalar]) -> UInt32 {
        var set: UInt32 = 0
        for scalar in scalars {
            let value = scalar.value
            set |= value >= 97 && value <= 122 ? 1 << (value - 97) : 1 << 26
        }
        return set
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
        damerauLevenshtein(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    static func damerauLevenshtein(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int) -> Int {
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
