/// One word or number of a question, after normalisation.
struct RedFlagToken: Sendable, Equatable {
    /// Lowercase ASCII letters, or digits with at most one decimal point.
    var text: String
    /// Index of the sentence the token belongs to (split at `. ! ? ;` and line breaks).
    var sentence: Int
    /// The numeric value when the token is a number ("100.4").
    var number: Double?
}

/// Turns a raw question into ``RedFlagToken``s.
///
/// * Lowercases, folds Latin diacritics (`é` → `e`, `ß` → `ss`) and full-width
///   ASCII, and drops apostrophes inside words (`can't` → `cant`, `wife's` → `wifes`).
/// * Splits letters from digits (`38c` → `38`, `c`); keeps a decimal point
///   between digits (`100.4`).
/// * Everything else (emoji, other scripts, control characters, punctuation)
///   separates words; `. ! ? ;` and line breaks also end a sentence.
/// * Joins a verb and a following `not` (`can not` → `cant`, `is not` → `isnt`),
///   so patterns only need the contracted form, and a few compounds (`blood pressure`).
///
/// Runs in one pass over the Unicode scalars: linear in the input length.
enum RedFlagNormalizer {
    /// Words longer than this are cut (a pasted blob is not a symptom word).
    static let maxTokenLength = 40

    /// `verb not` → contracted form; applied after tokenising.
    static let negatedContractions: [String: String] = [
        "can": "cant", "could": "couldnt", "will": "wont", "would": "wouldnt",
        "do": "dont", "does": "doesnt", "did": "didnt", "is": "isnt", "are": "arent",
        "was": "wasnt", "were": "werent", "has": "hasnt", "have": "havent",
        "had": "hadnt", "should": "shouldnt",
    ]

    /// Two-word terms joined into one token so that their parts are not read as
    /// symptoms (`blood pressure` is not chest "pressure").
    static let compounds: [String: [String: String]] = [
        "blood": ["pressure": "bloodpressure"],
    ]

    /// Whole-word respellings applied to every token.
    static let respellings: [String: String] = [
        "cannot": "cant", "aint": "isnt", "dosnt": "doesnt", "doesent": "doesnt",
        "didint": "didnt", "isint": "isnt", "havnt": "havent", "hasent": "hasnt",
    ]

    private enum CharClass { case letter, digit, apostrophe, decimalPoint, sentenceEnd, separator }

    static func tokenize(_ question: String) -> [RedFlagToken] {
        var tokens: [RedFlagToken] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(maxTokenLength)
        var bufferIsNumber = false
        var pendingPoint = false
        var sentence = 0
        var sentenceHasTokens = false

        func flush() {
            if !buffer.isEmpty {
                let text = String(decoding: buffer, as: UTF8.self)
                tokens.append(RedFlagToken(text: text, sentence: sentence,
                                           number: bufferIsNumber ? Double(text) : nil))
                sentenceHasTokens = true
                buffer.removeAll(keepingCapacity: true)
            }
            pendingPoint = false
        }
        func endSentence() {
            flush()
            if sentenceHasTokens { sentence += 1; sentenceHasTokens = false }
        }
        func append(_ byte: UInt8) {
            if buffer.count < maxTokenLength { buffer.append(byte) }
        }

        for scalar in question.unicodeScalars {
            let folded = fold(scalar)
            switch folded.kind {
            case .letter:
                if bufferIsNumber { flush() }
                if pendingPoint { endSentence() }
                bufferIsNumber = false
                append(folded.bytes.0)
                if folded.bytes.1 != 0 { append(folded.bytes.1) }
            case .digit:
                if !bufferIsNumber { flush() }
                if pendingPoint {
                    if buffer.count < maxTokenLength - 1 { buffer.append(UInt8(ascii: ".")) }
                    pendingPoint = false
                }
                bufferIsNumber = true
                append(folded.bytes.0)
            case .apostrophe:
                // Dropped inside a word ("can't"); elsewhere just a separator.
                if bufferIsNumber || pendingPoint { flush() }
            case .decimalPoint:
                if bufferIsNumber && !pendingPoint && !buffer.contains(UInt8(ascii: ".")) {
                    pendingPoint = true
                } else {
                    endSentence()
                }
            case .sentenceEnd:
                endSentence()
            case .separator:
                if pendingPoint { endSentence() } else { flush() }
            }
        }
        if pendingPoint { endSentence() } else { flush() }
        return mergeContractions(tokens)
    }

    /// `can not` → `cant` etc., compounds and whole-word respellings.
    private static func mergeContractions(_ tokens: [RedFlagToken]) -> [RedFlagToken] {
        var out: [RedFlagToken] = []
        out.reserveCapacity(tokens.count)
        for var token in tokens {
            if let respelled = respellings[token.text] { token.text = respelled }
            if token.text == "not", let last = out.last, last.sentence == token.sentence,
               let contracted = negatedContractions[last.text] {
                out[out.count - 1].text = contracted
                continue
            }
            if let last = out.last, last.sentence == token.sentence, let joined = compounds[last.text]?[token.text] {
                out[out.count - 1].text = joined
                continue
            }
            out.append(token)
        }
        return out
    }

    private struct Folded {
        var kind: CharClass
        var bytes: (UInt8, UInt8) = (0, 0)
    }

    /// Classifies one scalar and folds it to at most two ASCII letters.
    private static func fold(_ scalar: Unicode.Scalar) -> Folded {
        var v = scalar.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }              // full-width ASCII
        switch v {
        case 0x41...0x5A: return Folded(kind: .letter, bytes: (UInt8(v + 32), 0))
        case 0x61...0x7A: return Folded(kind: .letter, bytes: (UInt8(v), 0))
        case 0x30...0x39: return Folded(kind: .digit, bytes: (UInt8(v), 0))
        case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x02BC, 0x2032: return Folded(kind: .apostrophe)
        case 0x2E: return Folded(kind: .decimalPoint)
        case 0x21, 0x3F, 0x3B, 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2026, 0x2028, 0x2029,
             0x3002, 0x061F, 0xFF61, 0x203C, 0x2047, 0x2048, 0x2049:
            return Folded(kind: .sentenceEnd)
        default: break
        }
        if v >= 0xC0 && v <= 0x17F, let letter = latinFold(v) {
            return Folded(kind: .letter, bytes: letter)
        }
        return Folded(kind: .separator)
    }

    /// Latin-1 Supplement and Latin Extended-A letters → ASCII.
    private static func latinFold(_ v: UInt32) -> (UInt8, UInt8)? {
        func a(_ s: Unicode.Scalar) -> UInt8 { UInt8(s.value) }
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105: return (a("a"), 0)
        case 0xC6, 0xE6: return (a("a"), a("e"))
        case 0xC7, 0xE7, 0x106...0x10D: return (a("c"), 0)
        case 0xD0, 0xF0, 0x10E...0x111: return (a("d"), 0)
        case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: return (a("e"), 0)
        case 0x11C...0x123: return (a("g"), 0)
        case 0x124...0x127: return (a("h"), 0)
        case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131: return (a("i"), 0)
        case 0x134, 0x135: return (a("j"), 0)
        case 0x136...0x138: return (a("k"), 0)
        case 0x139...0x142: return (a("l"), 0)
        case 0xD1, 0xF1, 0x143...0x14B: return (a("n"), 0)
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151: return (a("o"), 0)
        case 0x152, 0x153: return (a("o"), a("e"))
        case 0x154...0x159: return (a("r"), 0)
        case 0x15A...0x161: return (a("s"), 0)
        case 0xDF: return (a("s"), a("s"))
        case 0x162...0x167: return (a("t"), 0)
        case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: return (a("u"), 0)
        case 0x174, 0x175: return (a("w"), 0)
        case 0xDD, 0xFD, 0xFF, 0x176...0x178: return (a("y"), 0)
        case 0x179...0x17E: return (a("z"), 0)
        case 0xDE, 0xFE: return (a("t"), a("h"))
        default: return nil
        }
    }
}
