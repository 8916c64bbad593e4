import Foundation

/// Abbreviations a text defines, as in "normal pressure hydrocephalus (NPH)": learned from the
/// indexed articles, so that a question that only says "nph" also finds the passages that
/// spell it out. The algorithm is Schwartz and Hearst's (2003, "A simple algorithm for
/// identifying abbreviation definitions in biomedical text", Pacific Symposium on
/// Biocomputing 8:451-462): the short form's letters are found right to left in the words
/// before the parenthesis, its first letter at the start of a word.
public enum AbbreviationFinder {
    /// A short form (one token, lowercased, as the tokenizer gives it) and the words it stands
    /// for (tokenized the same way).
    public struct Definition: Hashable, Sendable, CustomStringConvertible {
        public var short: String
        public var long: [String]

        public var description: String { "\(short) = \(long.joined(separator: " "))" }
    }

    /// Letters and digits of a short form: 3 to 10, one token, at least two capitals as written
    /// ("NPH", "PD1", "SCIg"), so "(see below)" or "(rare)" define nothing.
    static let shortLengths = 3...10

    /// Every definition in `text`, in order of appearance, each once. Reads the UTF-8 bytes:
    /// most parentheses hold no short form and cost a few byte comparisons (Characters made
    /// the MedQuAD build ~0.5 s slower).
    public static func definitions(in text: String) -> [Definition] {
        var text = text
        return text.withUTF8 { bytes in
            var found: [Definition] = []
            var seen = Set<Definition>()
            var index = 0
            while let open = bytes[index...].firstIndex(of: UInt8(ascii: "(")) {
                index = open + 1
                guard let short = shortForm(bytes, after: open) else { continue }
                let candidate = candidateWords(bytes, before: open, limit: min(short.count + 5, short.count * 2))
                guard let long = longForm(short, in: candidate) else { continue }
                let definition = Definition(short: short.lowercased(), long: TextTokenizer.words(long))
                guard definition.long.count >= 2, !definition.long.contains(definition.short),
                      seen.insert(definition).inserted else { continue }
                found.append(definition)
            }
            return found
        }
    }

    /// The short form between the parenthesis at `open` and the next ")": ASCII letters and
    /// digits only, starting with a letter, `shortLengths` long, two capitals or more.
    static func shortForm(_ bytes: UnsafeBufferPointer<UInt8>, after open: Int) -> String? {
        var end = open + 1
        var capitals = 0
        while end < bytes.count, end - open - 1 <= shortLengths.upperBound {
            let byte = bytes[end]
            if byte == UInt8(ascii: ")") { break }
            let isCapital = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            let isSmall = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard isCapital || isSmall || (isDigit && end > open + 1) else { return nil }
            if isCapital { capitals += 1 }
            end += 1
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ")"), shortLengths.contains(end - open - 1), capitals >= 2 else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<end]), as: UTF8.self)
    }

    /// The last `limit` words before the parenthesis at `open`, within its sentence or clause.
    static func candidateWords(_ bytes: UnsafeBufferPointer<UInt8>, before open: Int, limit: Int) -> String {
        var start = open
        var words = 0
        var inWord = false
        let stops: [UInt8] = Array(".;:!?()[]".utf8)
        while start > 0 {
            let byte = bytes[start - 1]
            if stops.contains(byte) { break }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                if inWord { words += 1; inWord = false }
                if words == limit { break }
            } else {
                inWord = true
            }
            start -= 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<open]), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The shortest end of `candidate` whose words hold the short form's letters in order, the
    /// first at the start of a word; nil when there is none.
    static func longForm(_ short: String, in candidate: String) -> String? {
        // Compared letter by letter, lowercased one at a time: lowercasing the whole text can
        // change its length ("İ") and misalign the two.
        let shortLetters = short.map { $0.lowercased() }
        let long = Array(candidate)
        var shortIndex = shortLetters.count - 1
        var longIndex = long.count - 1
        while shortIndex >= 0 {
            let letter = shortLetters[shortIndex]
            while longIndex >= 0,
                  long[longIndex].lowercased() != letter || (shortIndex == 0 && longIndex > 0 && (long[longIndex - 1].isLetter || long[longIndex - 1].isNumber)) {
                longIndex -= 1
            }
            guard longIndex >= 0 else { return nil }
            longIndex -= 1
            shortIndex -= 1
        }
        // From the start of the word the first letter was found in.
        var start = longIndex + 1
        while start > 0, !long[start - 1].isWhitespace { start -= 1 }
        return String(long[start...])
    }
}
