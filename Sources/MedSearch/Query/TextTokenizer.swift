import Foundation

/// Splits text into lowercase word tokens the way the index's FTS5 tokenizer does
/// (`unicode61 remove_diacritics 2`: letters and digits form tokens, everything else
/// separates them, diacritics are folded), keeping a note of hyphenated compounds so that
/// `covid-19` or `car-t` can be searched as a phrase.
///
/// See <https://www.sqlite.org/fts5.html#unicode61_tokenizer>.
public enum TextTokenizer {
    /// One word of the input, with the compound it belongs to (`covid-19` → two tokens
    /// sharing compound 3).
    public struct Token: Equatable, Sendable {
        public var text: String
        /// Tokens joined by '-' or '/' without spaces share a compound number.
        public var compound: Int
    }

    /// Lowercased, diacritics folded, apostrophes and quotes unified.
    public static func normalize(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }

    /// The tokens of `text` (at most `limit` of them, so a 1 MB question stays cheap).
    public static func tokens(_ text: String, limit: Int = 2_000) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var compound = 0
        var joinedToPrevious = false
        func finish() {
            guard !current.isEmpty else { return }
            if !joinedToPrevious { compound += 1 }
            tokens.append(Token(text: current, compound: compound))
            current = ""
        }
        let bounded = text.utf8.count > limit * 24 ? String(text.prefix(limit * 24)) : text
        // Most text is ASCII: lowercase it byte by byte instead of Foundation's folding, which
        // dominated the cost of scoring long candidate passages.
        let folded = bounded.utf8.allSatisfy { $0 < 0x80 } ? asciiLowercased(bounded) : normalize(bounded)
        for scalar in folded.unicodeScalars {
            if tokens.count >= limit { break }
            if scalar.isASCII {
                // Letters and digits without a Unicode property lookup (the hot path).
                let value = scalar.value
                if (value >= 97 && value <= 122) || (value >= 48 && value <= 57) || (value >= 65 && value <= 90) {
                    current.unicodeScalars.append(scalar)
                } else {
                    let wasWord = !current.isEmpty
                    finish()
                    joinedToPrevious = wasWord && (scalar == "-" || scalar == "/")
                }
                continue
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if properties.generalCategory == .nonspacingMark { continue }
                current.unicodeScalars.append(scalar)
            } else if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark {
                continue
            } else {
                let wasWord = !current.isEmpty
                finish()
                // A hyphen or slash right between two words keeps them in one compound.
                joinedToPrevious = wasWord && (scalar == "-" || scalar == "/" || scalar == "\u{2010}" || scalar == "\u{2011}")
            }
        }
        finish()
        return tokens
    }

    private static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// How many tokens `text` holds (for field lengths; no limit).
    public static func tokenCount(_ text: String) -> Int {
        tokens(text, limit: Int.max / 32).count
    }

    /// Just the words.
    public static func words(_ text: String, limit: Int = 2_000) -> [String] {
        tokens(text, limit: limit).map(\.text)
    }
}
