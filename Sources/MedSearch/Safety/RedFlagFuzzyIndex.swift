/// Tolerance for one typo in symptom words ("chesst", "siezure", "brething").
///
/// Every known word of five letters or more is kept with the words of its first letter and
/// length; an unknown token is compared with the words of its first letter whose length is
/// within one of its own, and each is confirmed with an optimal-string-alignment distance of
/// at most 1. (A symmetric-delete index, as in SymSpell, finds the same words; building it
/// was an eighth of the time of a whole `medsearch ask`, 6.5 % of its samples under `perf`.)
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

    /// First letter × 256 + length → the words, as bytes and as text.
    private var groups: [Int: [(bytes: [UInt8], word: String)]] = [:]
    private let blocked: Set<String>

    init(words: some Sequence<String>, blocked: Set<String>) {
        self.blocked = blocked
        for word in words where word.utf8.count >= Self.minimumWordLength && Self.isLetters(word) {
            let bytes = Array(word.utf8)
            groups[Self.group(bytes[0], bytes.count), default: []].append((bytes, word))
        }
    }

    private static func group(_ first: UInt8, _ length: Int) -> Int { Int(first) << 8 | min(length, 255) }

    /// Known words within one typo of `token` (empty when `token` is itself blocked or too short).
    func corrections(of token: String) -> [String] {
        let bytes = Array(token.utf8)
        guard bytes.count >= Self.minimumTokenLength, bytes.count <= Self.maximumTokenLength,
              Self.isLetters(token), !blocked.contains(token) else { return [] }
        var result: [String] = []
        for length in (bytes.count - 1)...(bytes.count + 1) {
            for candidate in groups[Self.group(bytes[0], length)] ?? [] where Self.isOneTypo(bytes, candidate.bytes) {
                result.append(candidate.word)
            }
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

    private static func isLetters(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 >= 97 && $0 <= 122 }
    }
}
