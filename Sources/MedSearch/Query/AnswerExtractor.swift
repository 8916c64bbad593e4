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
        let sentences = Self.split(text)
        guard !sentences.isEmpty else { return [] }
        let scored = sentences.enumerated().map { offset, sentence -> (Int, Double) in
            let stems = Set(TextTokenizer.words(sentence, limit: 200).map(stem))
            var score = 0.0
            for group in groups where group.matches(stems) { score += group.weight }
            if offset == 0 { score += sectionAnswersQuestion ? .infinity : leadBonus }
            return (offset, score)
        }
        let best = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .prefix(maximumSentences)
            .filter { $0.1 > 0 }
            .map(\.0)
            .sorted()
        return best.map { sentences[$0] }
    }

    /// Splits text into sentences at ". ", "? ", "! " and line breaks (bullets are lines).
    static func split(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n") {
            var current = ""
            let characters = Array(line)
            for (index, character) in characters.enumerated() {
                current.append(character)
                let atEnd = index + 1 == characters.count
                if ".?!".contains(character), atEnd || characters[index + 1] == " " {
                    // "e.g." and "Dr." are not sentence ends: the next word starts in lowercase.
                    let nextWord = characters.dropFirst(index + 2).first
                    if atEnd || nextWord.map({ $0.isUppercase || $0.isNumber || $0 == "•" }) ?? true {
                        let sentence = current.trimmed
                        if !sentence.isEmpty { result.append(sentence) }
                        current = ""
                    }
                }
            }
            let rest = current.trimmed
            if !rest.isEmpty { result.append(rest) }
        }
        return result
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

    let stems: [[String]]

    /// True when the term only says what kind of answer is wanted ("side effects", "cure",
    /// "treatment"), is chatter ("kids", "year") or a number ("62", "150/95"), not what the
    /// question is about.
    public var isGeneric: Bool {
        group.alternatives.allSatisfy { $0.allSatisfy { GenericWords.contains(PorterStemmer.stem($0)) || $0.allSatisfy(\.isNumber) } }
    }

    init(group: TermGroup, documentFrequency: Int, weight: Double, informative: Bool, correctedFrom: String?) {
        self.group = group
        self.documentFrequency = documentFrequency
        self.weight = weight
        self.informative = informative
        self.correctedFrom = correctedFrom
        stems = group.stemmedAlternatives
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
