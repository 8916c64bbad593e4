/// Whether a word is an everyday English word, so that spelling correction leaves it alone:
/// a question's "bread" is not a misspelled "break" just because a small index holds "break"
/// and not "bread" (`SpellingCorrector`).
///
/// The list (`EnglishWordList.swift`, about 64,000 words of three or more letters) is compiled
/// into the program as one sorted text, searched in place: no start-up cost, no file to find.
enum EnglishWords {
    /// True when `word` (lowercase) is in the list.
    static func contains(_ word: String) -> Bool {
        let wanted = Array(word.utf8)
        guard wanted.count >= 3 else { return false }
        return list.withUTF8Buffer { text in
            // Binary search over byte offsets: each probe backs up to the start of its line.
            var low = 0, high = text.count
            while low < high {
                let middle = (low + high) / 2
                var start = middle
                while start > 0, text[start - 1] != UInt8(ascii: "\n") { start -= 1 }
                var end = start
                while end < text.count, text[end] != UInt8(ascii: "\n") { end += 1 }
                if start == end { high = start; continue }
                let order = compare(wanted, text[start..<end])
                if order == 0 { return true }
                if order < 0 { high = start } else { low = end + 1 }
            }
            return false
        }
    }

    /// The listed words one edit from `word` that start with its letter, in list order: the
    /// spellings a misspelled word may have meant ("hepatitus" → "hepatitis"). A scan of the
    /// list's lines (about 64,000; a fraction of a millisecond), for words the index and its
    /// own stems could not correct.
    static func withinOneEdit(of word: String) -> [String] {
        let wanted = Array(word.unicodeScalars)
        guard wanted.count >= 3, let first = word.utf8.first else { return [] }
        var found: [String] = []
        list.withUTF8Buffer { text in
            var start = 0
            while start < text.count {
                var end = start
                while end < text.count, text[end] != UInt8(ascii: "\n") { end += 1 }
                if end > start, text[start] == first, abs((end - start) - wanted.count) <= 1 {
                    let line = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
                    if line != word, EditDistance.damerauLevenshtein(wanted, Array(line.unicodeScalars), limit: 1) <= 1 {
                        found.append(line)
                    }
                }
                start = end + 1
            }
        }
        return found
    }

    /// Byte-order comparison: negative, zero or positive.
    private static func compare(_ word: [UInt8], _ line: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        for (a, b) in zip(word, line) where a != b { return Int(a) - Int(b) }
        return word.count - line.count
    }
}
