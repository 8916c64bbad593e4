/// The token counts of a passage's four FTS5 columns, stored in `passages.len_*` for per-field
/// BM25: exactly `TextTokenizer.tokenCount` of each field.
struct FieldLengths: Sendable, Equatable {
    var title: Int
    var heading: Int
    var body: Int
    var keywords: Int

    init(_ passage: Passage) {
        title = Self.tokenCount(passage.title)
        heading = Self.tokenCount(passage.heading)
        body = Self.tokenCount(passage.text)
        keywords = Self.tokenCount(passage.keywords)
    }

    /// `TextTokenizer.tokenCount(text)`, counted on the UTF-8 bytes when the text is ASCII
    /// (nearly all of it): there a token is a run of ASCII letters and digits. Other text
    /// takes the tokenizer's own path (case folding, diacritics, Unicode letters).
    static func tokenCount(_ text: String) -> Int {
        var text = text
        let ascii = text.withUTF8 { bytes -> Int? in
            var count = 0
            var inWord = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                let isWordByte = (byte &- 48 < 10) || ((byte | 0x20) &- 97 < 26)
                if isWordByte, !inWord { count += 1 }
                inWord = isWordByte
            }
            return count
        }
        return ascii ?? TextTokenizer.tokenCount(text)
    }
}
