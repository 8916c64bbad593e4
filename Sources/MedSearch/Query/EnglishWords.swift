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

    /// Byte-order comparison: negative, zero or positive.
    private static func compare(_ word: [UInt8], _ line: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        for (a, b) in zip(word, line) where a != b { return Int(a) - Int(b) }
        return word.count - line.count
    }
}
