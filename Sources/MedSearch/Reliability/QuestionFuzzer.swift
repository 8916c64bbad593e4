/// A small, fast, seeded random number generator (SplitMix64): the same seed gives the same
/// sequence on every machine, so a fuzz failure is reproduced from its seed and case number.
/// See <https://prng.di.unimi.it/splitmix64.c>.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random and adversarial questions for `SearchEngine.answers(to:limit:)`: FTS5 operators and
/// syntax, SQL fragments, quotes, control characters, combining marks, right-to-left text,
/// emoji, other scripts, odd whitespace, mutated real questions, and 1 MB strings.
///
/// Case `n` of seed `s` depends only on `(s, n)`, so `medsearch fuzz --seed s --start n
/// --cases 1` replays exactly the case a report names.
///
/// ```swift
/// let fuzzer = QuestionFuzzer(seed: 1)
/// let question = fuzzer.question(number: 42)   // .kind, .text
/// ```
public struct QuestionFuzzer: Sendable {
    /// What a case is made of.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case fts5Syntax, sqlFragments, quotes, controlCharacters, combiningMarks, rightToLeft, emoji,
             otherScripts, whitespace, randomScalars, mutatedQuestion, mixed, huge
    }

    /// One generated question.
    public struct Case: Sendable {
        public var number: Int
        public var kind: Kind
        public var text: String
    }

    public let seed: UInt64
    /// Every `hugeEvery`-th case is a string of about `hugeBytes` UTF-8 bytes (0: never).
    public let hugeEvery: Int
    public let hugeBytes: Int

    public init(seed: UInt64, hugeEvery: Int = 1_000, hugeBytes: Int = 1 << 20) {
        self.seed = seed
        self.hugeEvery = hugeEvery
        self.hugeBytes = hugeBytes
    }

    /// Case `number` (0-based) of this seed.
    public func question(number: Int) -> Case {
        var random = SeededGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D ^ UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15)
        if hugeEvery > 0, number % hugeEvery == hugeEvery - 1 {
            return Case(number: number, kind: .huge, text: huge(&random))
        }
        let kinds = Kind.allCases.filter { $0 != .huge }
        let kind = kinds.randomElement(using: &random)!
        return Case(number: number, kind: kind, text: text(of: kind, &random))
    }

    // MARK: Pools

    static let words = ["immunotherapy", "cure", "asthma", "allergy", "shots", "side", "effects", "covid-19", "car-t",
                        "lymphoma", "migraine", "is", "the", "what", "how", "treatment", "cancer", "vaccine", "heart",
                        "attack", "chest", "pain", "stroke", "shingles", "snoring", "type", "2", "diabetes",
                        "anaphylaxis", "epipen", "ivig", "scig", "kidney", "stones", "a", "of", "my", "child", "fever"]
    static let questions = ["is immunotherapy a cure", "what are the side effects of allergy shots",
                            "car-t for lymphoma", "how to stop snoring", "migraine aura", "valtrex for shingles",
                            "does the heart heal after a heart attack", "green snot do i need antibiotics",
                            "crushing chest pain and my left arm is numb", "my baby is 6 weeks old and has a fever",
                            "what causes kidney stones", "is a cancer vaccine immunotherapy", "ivig vs scig"]
    static let fts5 = ["AND", "OR", "NOT", "NEAR", "NEAR(", ")", "(", "\"", "*", "^", ":", "+", "-", "{", "}", ",", ".",
                       "title:", "body:", "heading:", "keywords:", "passages_fts", "rank", "bm25(", "NEAR(a b, 3)",
                       "\"\"", "col:value", "^start", "end*", "-term", "+term", "{title body}:x", "NOT NOT", "OR OR",
                       "AND(", "near/2", "\\", "a OR", "OR b", "(\"x\" AND", "* *", "^^", "::", "NEAR(\"a\" \"b\", -1)",
                       "- -", "\"unbalanced", "title : \"x\"", "rowid", "passages_fts:asthma", "{", "}:"]
    static let sql = ["'; DROP TABLE passages; --", "\" OR 1=1 --", "' OR '1'='1", "UNION SELECT * FROM meta",
                      "/* comment */", "-- comment", "PRAGMA writable_schema=1", "ATTACH DATABASE '/tmp/x.db' AS x",
                      "DELETE FROM articles", "); DROP TABLE articles; --", "?1", ":name", "@p", "$p", "%", "_",
                      "\\'", "\\\"", "x'00'", "NULL", "char(0)", "0; SELECT load_extension('x')", "sqlite_master",
                      "INSERT INTO passages_fts(passages_fts) VALUES('delete-all')", "' || (SELECT sqlite_version()) || '",
                      "; VACUUM;", "BEGIN EXCLUSIVE", "%s%s%n", "{{7*7}}", "${jndi:ldap://x}", "../../etc/passwd"]
    static let quotes = ["'", "\"", "`", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "«", "»", "„", "‹", "›",
                         "＂", "＇", "''", "\"\"\"", "\\\"", "'\"'", "\u{02BC}", "\u{2032}", "\u{FF02}"]
    static let rightToLeft = ["ما هو علاج الربو", "حساسية", "מה זה אסטמה", "אלרגיה", "\u{202E}", "\u{202D}", "\u{202A}",
                              "\u{202B}", "\u{202C}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200E}",
                              "\u{200F}", "\u{061C}", "٣٤٥", "ﷺ", "ـــ", "\u{202E}asthma\u{202C}"]
    static let emoji = ["🙂", "💉", "🤧", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇺🇸", "👍🏽", "1️⃣", "❤️", "🫀", "🧬", "🦠", "🤒",
                        "🧑🏿‍⚕️", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "©️", "#️⃣", "🫠", "\u{FE0F}", "\u{200D}", "\u{1F3FB}"]
    static let scripts = ["哮喘怎么治疗", "ぜんそくの治療", "천식 치료", "अस्थमा का इलाज", "โรคหอบหืดรักษาอย่างไร",
                          "άσθμα", "астма лечение", "𝐚𝐬𝐭𝐡𝐦𝐚", "ＡＮＤ ａｓｔｈｍａ", "ﬁ", "ß", "İ ı", "ǅ", "Ⅻ", "x²",
                          "½", "①", "௧௨௩", "ꙮ", "𒀀", "ᄀᄀᄀ", "Ⓐⓝⓓ", "ＮＥＡＲ（", "ǍǑǓ", "ŉ", "Ω", "K"]
    static let whitespace = [" ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}",
                             "\u{2003}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
                             "\u{180E}", "\u{200B}", "\u{FEFF}"]
    static let controls: [Unicode.Scalar] = Array((0x00...0x1F).compactMap(Unicode.Scalar.init(_:)))
        + [0x7F, 0x80, 0x85, 0x9F, 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFFF9, 0xFFFC, 0xFFFD, 0xFFFE, 0xFFFF,
           0xE000, 0xF8FF, 0xF0000, 0x10FFFF, 0xE0001, 0xE007F].compactMap(Unicode.Scalar.init(_:))
    static let combiningRanges: [ClosedRange<UInt32>] = [0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD,
                                                         0x1AB0...0x1ABE, 0x1DC0...0x1DFF, 0x20D0...0x20F0,
                                                         0xFE20...0xFE2F, 0x0E31...0x0E31, 0x094D...0x094D]

    // MARK: Generation

    private func text(of kind: Kind, _ random: inout SeededGenerator) -> String {
        if kind == .mutatedQuestion { return mutate(Self.questions.randomElement(using: &random)!, &random) }
        let count = Int.random(in: 0...12, using: &random) + (Int.random(in: 0..<10, using: &random) == 0 ? Int.random(in: 0...300, using: &random) : 0)
        var pieces: [String] = []
        for _ in 0..<count {
            if Int.random(in: 0..<5, using: &random) < 2 {
                pieces.append(Self.words.randomElement(using: &random)!)
            } else {
                pieces.append(piece(of: kind, &random))
            }
        }
        return join(pieces, &random)
    }

    private func piece(of kind: Kind, _ random: inout SeededGenerator) -> String {
        switch kind {
        case .fts5Syntax: return Self.fts5.randomElement(using: &random)!
        case .sqlFragments: return Self.sql.randomElement(using: &random)!
        case .quotes: return Self.quotes.randomElement(using: &random)!
        case .controlCharacters:
            var text = ""
            for _ in 0...Int.random(in: 0...4, using: &random) { text.unicodeScalars.append(Self.controls.randomElement(using: &random)!) }
            return text
        case .combiningMarks:
            var text = Self.words.randomElement(using: &random)!
            for _ in 0...Int.random(in: 0...40, using: &random) { text.unicodeScalars.append(combiningMark(&random)) }
            return text
        case .rightToLeft: return Self.rightToLeft.randomElement(using: &random)!
        case .emoji: return Self.emoji.randomElement(using: &random)!
        case .otherScripts: return Self.scripts.randomElement(using: &random)!
        case .whitespace: return Self.whitespace.randomElement(using: &random)!
        case .randomScalars:
            var text = ""
            for _ in 0...Int.random(in: 0...8, using: &random) { text.unicodeScalars.append(randomScalar(&random)) }
            return text
        case .mutatedQuestion: return Self.questions.randomElement(using: &random)!
        case .mixed, .huge:
            let kinds = Kind.allCases.filter { $0 != .mixed && $0 != .huge }
            return piece(of: kinds.randomElement(using: &random)!, &random)
        }
    }

    private func join(_ pieces: [String], _ random: inout SeededGenerator) -> String {
        var text = ""
        for (index, piece) in pieces.enumerated() {
            if index > 0 {
                switch Int.random(in: 0..<10, using: &random) {
                case 0: break
                case 1: text += Self.whitespace.randomElement(using: &random)!
                default: text += " "
                }
            }
            text += piece
        }
        return text
    }

    /// A real question with a few random edits: pieces of any pool inserted, characters
    /// deleted, repeated or replaced.
    private func mutate(_ question: String, _ random: inout SeededGenerator) -> String {
        var scalars = Array(question.unicodeScalars)
        for _ in 0...Int.random(in: 0...5, using: &random) {
            let position = Int.random(in: 0...scalars.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0, 1:
                let kinds = Kind.allCases.filter { $0 != .mutatedQuestion && $0 != .mixed && $0 != .huge }
                scalars.insert(contentsOf: piece(of: kinds.randomElement(using: &random)!, &random).unicodeScalars, at: position)
            case 2 where position < scalars.count:
                scalars.removeSubrange(position..<min(scalars.count, position + Int.random(in: 1...4, using: &random)))
            case 3 where position < scalars.count:
                scalars.insert(contentsOf: repeatElement(scalars[position], count: Int.random(in: 1...30, using: &random)), at: position)
            default:
                if position < scalars.count { scalars[position] = randomScalar(&random) }
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    private func combiningMark(_ random: inout SeededGenerator) -> Unicode.Scalar {
        let range = Self.combiningRanges.randomElement(using: &random)!
        return Unicode.Scalar(UInt32.random(in: range, using: &random)) ?? "\u{301}"
    }

    /// Any scalar, weighted towards the interesting low planes.
    private func randomScalar(_ random: inout SeededGenerator) -> Unicode.Scalar {
        let limits: [UInt32] = [0x80, 0x800, 0x3000, 0x10000, 0x110000]
        let limit = limits.randomElement(using: &random)!
        while true {
            if let scalar = Unicode.Scalar(UInt32.random(in: 0..<limit, using: &random)) { return scalar }
        }
    }

    /// About `hugeBytes` bytes of one of several shapes.
    private func huge(_ random: inout SeededGenerator) -> String {
        let shape = Int.random(in: 0..<9, using: &random)
        var text = ""
        text.reserveCapacity(hugeBytes + 64)
        func fill(_ piece: () -> String) {
            while text.utf8.count < hugeBytes { text += piece() }
        }
        switch shape {
        case 0: fill { Self.questions.randomElement(using: &random)! + " " }
        case 1: fill { "a" }                                                       // one giant word
        case 2: fill { Self.fts5.randomElement(using: &random)! + " " }
        case 3:                                                                     // one grapheme: a letter and ~500k marks
            text = "e"
            while text.utf8.count < hugeBytes { text.unicodeScalars.append("\u{301}") }
        case 4: fill { piece(of: .mixed, &random) + " " }
        case 5: fill { "👨‍👩‍👧‍👦" }
        case 6: fill { Self.whitespace.randomElement(using: &random)! }
        case 7: fill { Self.sql.randomElement(using: &random)! }
        default: fill { String(UInt64.random(in: 0...UInt64.max, using: &random)) + "-" }
        }
        return text
    }
}
