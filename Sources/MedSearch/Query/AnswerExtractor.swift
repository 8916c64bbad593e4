/// Picks the 1-3 sentences of a passage that best answer the question.
///
/// Sentences (and bullets) are scored by the informative question terms they contain; the
/// first sentence of a section gets a small bonus because our sections open with the direct
/// answer to their heading. The chosen sentences are returned in passage order.
public struct AnswerExtractor: Sendable {
    public var maximumSentences = 3
    /// Bonus for the opening sentence of a passage.
    public var leadBonus = 0.5

    public init() {}

    /// The best sentences of `text`. With `sectionAnswersQuestion` (the section's heading asks
    /// what the question asks), the opening sentence is always kept: our sections open with
    /// the direct answer ("Sometimes, but not usually…"), which shares no word with the question.
    /// `stem` lets the caller share its cache of porter stems.
    public func sentences(of text: String, for groups: [WeightedGroup], sectionAnswersQuestion: Bool = false,
                          stem: (String) -> String = PorterStemmer.stem) -> [String] {
        // Sentences stay byte ranges until chosen: most are scored and dropped.
        let bytes = Array(text.utf8)
        let ranges = Self.sentenceRanges(bytes)
        guard !ranges.isEmpty else { return [] }
        let prefixes = Self.prefixes(of: groups)
        let scored = ranges.enumerated().map { offset, range -> (Int, Double) in
            let stems = Self.stems(of: bytes[range], startingLike: prefixes, stem: stem)
            var score = 0.0
            for group in groups where group.matches(stems) { score += group.weight }
            if offset == 0 { score += sectionAnswersQuestion ? .infinity : leadBonus }
            return (offset, score)
        }
        let ranked = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.filter { $0.1 > 0 }.map(\.0)
        let best = Self.withListItems(Array(ranked.prefix(maximumSentences)), ranked: ranked, bytes: bytes, ranges: ranges,
                                      limit: maximumSentences)
        return best.sorted().compactMap { Self.sentence(bytes, ranges[$0]) }
    }

    /// A chosen lead-in to a list ("The most common triggers are:") says nothing without its
    /// items: when none of them is chosen, its best-scored item (else its first) joins it, in
    /// place of the lowest-ranked other choice when that would pass `limit` (with no other
    /// choice left to give way, the lead-in is dropped). `chosen` and `ranked` are sentence
    /// numbers, best first.
    static func withListItems(_ chosen: [Int], ranked: [Int], bytes: [UInt8], ranges: [Range<Int>], limit: Int) -> [Int] {
        var result = chosen
        // Lead-ins and the items added for them stay.
        var kept = Set<Int>()
        for leadIn in chosen where bytes[ranges[leadIn].upperBound - 1] == UInt8(ascii: ":") {
            kept.insert(leadIn)
            var items: [Int] = []
            var next = leadIn + 1
            while next < ranges.count, isListItem(bytes, ranges[next]) {
                items.append(next)
                next += 1
            }
            guard let first = items.first, !items.contains(where: result.contains) else { continue }
            if result.count >= limit {
                // No room for an item: the lead-in goes instead.
                guard let last = result.lastIndex(where: { !kept.contains($0) }) else {
                    result.removeAll { $0 == leadIn }
                    continue
                }
                result.remove(at: last)
            }
            let item = ranked.first(where: items.contains) ?? first
            result.append(item)
            kept.insert(item)
        }
        return result
    }

    /// A bullet line: "• ", "- " or "* " (how passages keep their lists).
    static func isListItem(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let line = bytes[range]
        if line.starts(with: [0xE2, 0x80, 0xA2]) { return true }
        guard let first = line.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") else { return false }
        return line.count > 1 && line[line.startIndex + 1] == 32
    }

    /// The first two letters of every stem of the question's terms. A porter stem keeps the
    /// first two letters of its word, so a word that starts otherwise cannot match and is
    /// never stemmed: stemming every word of every shown passage was half of the answer time.
    static func prefixes(of groups: [WeightedGroup]) -> PrefixFilter {
        var result = PrefixFilter()
        for group in groups {
            for alternative in group.stems {
                for stem in alternative { result.insert(prefixKey(Array(stem.utf8.prefix(2)))) }
            }
        }
        return result
    }

    /// A set of two-byte prefixes as a 65,536-bit map: one shift and mask a word.
    struct PrefixFilter {
        private var bits = [UInt64](repeating: 0, count: 1024)
        mutating func insert(_ key: UInt16) { bits[Int(key >> 6)] |= 1 << UInt64(key & 63) }
        func contains(_ key: UInt16) -> Bool { bits[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0 }
    }

    @inline(__always)
    static func prefixKey<C: Collection>(_ bytes: C) -> UInt16 where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        let first = UInt16(iterator.next() ?? 0), second = UInt16(iterator.next() ?? 0)
        return first << 8 | second
    }

    /// Porter stems of the words of `sentence` that may match (see `prefixes(of:)`), the first
    /// 200 words; text that is not ASCII takes the tokenizer's full path.
    static func stems(of utf8: ArraySlice<UInt8>, startingLike prefixes: PrefixFilter, stem: (String) -> String) -> Set<String> {
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return Set(TextTokenizer.words(String(decoding: utf8, as: UTF8.self), limit: 200).map(stem))
        }
        var result = Set<String>()
        var word: [UInt8] = []
        var words = 0
        func finish() {
            guard !word.isEmpty else { return }
            words += 1
            if prefixes.contains(prefixKey(word)) { result.insert(stem(String(decoding: word, as: UTF8.self))) }
            word.removeAll(keepingCapacity: true)
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            default:
                finish()
                if words >= 200 { return result }
            }
        }
        finish()
        return result
    }

    /// Splits text into sentences at ". ", "? ", "! " and line breaks (bullets are lines).
    /// A full stop followed by a lowercase word ("e.g. after", "Dr. smith") does not end one.
    static func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return sentenceRanges(bytes).compactMap { sentence(bytes, $0) }
    }

    /// The sentence in `range`, trimmed; nil when only Unicode spaces remain.
    private static func sentence(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        let sentence = String(decoding: bytes[range], as: UTF8.self)
        // Unicode spaces at either end (rare) go the slow way.
        guard bytes[range.lowerBound] >= 0x80 || bytes[range.upperBound - 1] >= 0x80 else { return sentence }
        let trimmed = sentence.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The byte ranges of the sentences of `bytes` (UTF-8), ASCII white space trimmed.
    static func sentenceRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        func add(_ start: Int, _ end: Int) {
            var low = start, high = end
            while low < high, bytes[low] == 32 || bytes[low] == 9 || bytes[low] == 13 { low += 1 }
            while high > low, bytes[high - 1] == 32 || bytes[high - 1] == 9 || bytes[high - 1] == 13 { high -= 1 }
            if low < high { result.append(low..<high) }
        }
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
            var start = lineStart
            var index = lineStart
            while index < lineEnd {
                let byte = bytes[index]
                if byte == 46 || byte == 63 || byte == 33, index + 1 == lineEnd || bytes[index + 1] == 32 {
                    if index + 2 >= lineEnd || startsSentence(bytes, at: index + 2, end: lineEnd) {
                        add(start, index + 1)
                        start = index + 1
                    }
                }
                index += 1
            }
            add(start, lineEnd)
            lineStart = lineEnd + 1
        }
        return result
    }

    /// True when the text at `index` starts with an uppercase letter, a digit or a bullet.
    private static func startsSentence(_ bytes: [UInt8], at index: Int, end: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) }
        var stop = index + 1
        while stop < end, bytes[stop] >= 0x80, bytes[stop] < 0xC0 { stop += 1 }
        guard let character = String(decoding: bytes[index..<stop], as: UTF8.self).first else { return true }
        return character.isUppercase || character.isNumber || character == "•"
    }
}

/// A question term with its weight (inverse document frequency) for Swift-side scoring.
public struct WeightedGroup: Sendable, Equatable {
    public var group: TermGroup
    /// Passages containing the term (from FTS5).
    public var documentFrequency: Int
    /// log(N / df): rare terms weigh more.
    public var weight: Double
    /// True when the term is informative enough to count in coverage.
    public var informative: Bool
    /// The spelling correction applied, if any ("immunotharapy" → "immunotherapi").
    public var correctedFrom: String?
    /// The long forms the indexed articles give this short form, searched too ("nph" →
    /// "normal pressure hydrocephalus"); empty for other terms.
    public var longForms: [String] = []

    let stems: [[String]]

    /// True when the term only says what kind of answer is wanted ("side effects", "cure",
    /// "treatment"), is chatter ("kids", "year") or a number ("62", "150/95"), not what the
    /// question is about.
    public let isGeneric: Bool

    public init(group: TermGroup, documentFrequency: Int, weight: Double, informative: Bool, correctedFrom: String?,
                stem: (String) -> String = PorterStemmer.stem) {
        self.group = group
        self.documentFrequency = documentFrequency
        self.weight = weight
        self.informative = informative
        self.correctedFrom = correctedFrom
        stems = group.alternatives.map { $0.map(stem) }
        isGeneric = group.isTypeCue || Self.isGeneric(asked: group.alternatives.first ?? [], stems: stems.first ?? [])
    }

    /// True when every word the question asked (a group's first alternative: its words, or their
    /// spelling correction) is a generic word or a number. The group's other alternatives do not
    /// count: "side effects" says what kind of answer is wanted though its group also searches
    /// "adverse events" (which made it a topic word, so "rsv vaccine side effects" was answered
    /// by other vaccines' side effects).
    static func isGeneric(asked words: [String], stems: [String]) -> Bool {
        // A stop word inside a phrase is generic too: "mother-in-law" is the asker's family.
        zip(words, stems).allSatisfy { word, stem in
            GenericWords.contains(stem) || word.allSatisfy(\.isNumber) || (words.count > 1 && StopWords.contains(word))
        }
    }

    /// How often any alternative occurs as a phrase in `tokens` (porter stems, in order).
    func occurrences(in tokens: [String]) -> Int {
        var count = 0
        for alternative in uniqueStems where !alternative.isEmpty && tokens.count >= alternative.count {
            for start in 0...(tokens.count - alternative.count) where tokens[start] == alternative[0] {
                var all = true
                for offset in 1..<alternative.count where tokens[start + offset] != alternative[offset] {
                    all = false
                    break
                }
                if all { count += 1 }
            }
        }
        return count
    }

    /// The alternatives' stems without repeats ("allergy shot" and "allergy shots" stem alike).
    private var uniqueStems: [[String]] {
        var seen = Set<[String]>()
        return stems.filter { seen.insert($0).inserted }
    }

    /// True when every word of some alternative occurs among `stems`.
    func matches(_ stemSet: Set<String>) -> Bool {
        stems.contains { alternative in
            alternative.allSatisfy { stemSet.contains($0) }
        }
    }
}
