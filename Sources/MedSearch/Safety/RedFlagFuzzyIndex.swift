/// Tolerance for one typo in symptom words ("chesst", "siezure", "brething").
///
/// A symmetric-delete index (as in SymSpell): every known word of five letters
/// or more is stored under itself and under each string made by deleting one of
/// its letters; an unknown token is looked up the same way, and each candidate
/// is confirmed with an optimal-string-alignment distance of at most 1.
///
/// To avoid reading one real word as another, a candidate must keep the first
/// letter, a plain letter substitution is accepted only for words of seven letters
/// or more (`fever`/`never`, `chest`/`cheat` are not confused), and the tokens in
/// ``RedFlagLexicon/notMisspellings`` are never corrected.
struct RedFlagFuzzyIndex: Sendable {
    static let minimumWordLength = 5
    static let minimumTokenLength = 4
    static let maximumTokenLength = 20
    static let minimumLengthForSubstitution = 7

    private var deletes: [String: [String]] = [:]
    private let blocked: Set<String>

    init(words: some Sequence<String>, blocked: Set<String>) {
        self.blocked = blocked
        for word in words where word.utf8.count >= Self.minimumWordLength && Self.isLetters(word) {
            deletes[word, default: []].append(word)
            for variant in Self.singleDeletions(Array(word.utf8)) {
                deletes[variant, default: []].append(word)
            }
        }
    }

    /// Known words within one typo of `token` (empty when `token` is itself blocked or too short).
    func corrections(of token: String) -> [String] {
        let bytes = Array(token.utf8)
        guard bytes.count >= Self.minimumTokenLength, bytes.count <= Self.maximumTokenLength,
              Self.isLetters(token), !blocked.contains(token) else { return [] }
        var candidates: [String] = deletes[token] ?? []
        for variant in Self.singleDeletions(bytes) {
            if let words = deletes[variant] { candidates.append(contentsOf: words) }
        }
        var result: [String] = []
        for candidate in candidates where !result.contains(candidate) {
            if Self.isOneTypo(bytes, Array(candidate.utf8)) { result.append(candidate) }
        }
        return result
    }

    /// `true` when `token` and `word` differ by one insertion, deletion or adjacent
    /// transposition, or (for long words) one substitution, and share their first letter.
    static func isOneTypo(_ token: [UInt8], _ word: [UInt8]) -> Bool {
        guard let t0 = token.first, let w0 = word.first, t0 == w0, token != word else { return false }
        if token.count == word.count {
            var diffs: [Int] = []
            for i in 0..<token.count where token[i] != word[i] {
                diffs.append(i)
                if diffs.count > 2 { return false }
            }
            if diffs.count == 1 { return word.count >= minimumLengthForSubstitution }
            if diffs.count == 2 {
                let (i, j) = (diffs[0], diffs[1])
                return j == i + 1 && token[i] == word[j] && token[j] == word[i]
            }
            return false
        }
        let (long, short) = token.count > word.count ? (token, word) : (word, token)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count && long[i] == short[i] { i += 1 }
        return long[(i + 1)...].elementsEqual(short[i...])
    }

    private static func singleDeletions(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(bytes.count)
        var buffer = [UInt8](repeating: 0, count: max(bytes.count - 1, 0))
        for skip in bytes.indices {
            var k = 0
            for i in bytes.indices where i != skip {
                buffer[k] = bytes[i]
                k += 1
            }
            out.append(String(decoding: buffer, as: UTF8.self))
        }
        return out
    }

    private static func isLetters(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 >= 97 && $0 <= 122 }
    }
}
