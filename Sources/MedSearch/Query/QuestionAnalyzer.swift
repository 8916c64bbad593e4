/// A question as the search engine understands it: its words, its type and the groups of
/// terms to search for. Printed by `ask --explain`.
public struct AnalyzedQuestion: Sendable, Equatable, CustomStringConvertible {
    public var original: String
    /// All words, lowercased and folded, stop words included.
    public var words: [String]
    public var type: QuestionType
    /// The content terms, in question order, each with its alternatives.
    public var groups: [TermGroup]
    /// The words of the sentences that ask, in a message of several (`askingSentences`); nil
    /// when the whole question asks. Split once here for every check that needs them.
    public var askingWords: [String]? = nil

    public var description: String {
        var lines = ["type: \(type.rawValue)"]
        lines.append("terms: " + groups.map(\.description).joined(separator: " "))
        return lines.joined(separator: "\n")
    }

    /// Every group must match: the strictest query.
    public var allTermsQuery: FTS5Query? {
        FTS5Query(.all(groups.map(\.expression)))
    }

    /// Any group may match: the loosest query (used for snippets and the last relaxation).
    public var anyTermQuery: FTS5Query? {
        FTS5Query(.any(groups.map(\.expression)))
    }
}

/// One content term of a question and the phrases that may stand for it
/// (`allergy shots` → `allergy shots` | `allergy immunotherapy` | `scit` …).
public struct TermGroup: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The words as the question wrote them.
    public var surface: [String]
    /// Phrases to search; the first is the surface form (or its spelling correction).
    public var alternatives: [[String]]
    /// The word is part of a phrase that says what kind of answer is wanted ("go away",
    /// "sets off"; `QuestionClassifier.cuePositions`): a generic term, not a topic.
    public var isTypeCue: Bool

    public init(surface: [String], alternatives: [[String]], isTypeCue: Bool = false) {
        self.surface = surface
        self.alternatives = alternatives
        self.isTypeCue = isTypeCue
    }

    public var expression: FTS5Query.Expression {
        alternatives.count == 1 ? .phrase(alternatives[0]) : .any(alternatives.map { .phrase($0) })
    }

    /// `[allergy shots|allergy immunotherapy]`.
    public var description: String {
        "[" + alternatives.map { $0.joined(separator: " ") }.joined(separator: "|") + "]"
    }

    /// Porter stems of every alternative's words, for Swift-side matching.
    var stemmedAlternatives: [[String]] {
        alternatives.map { $0.map(PorterStemmer.stem) }
    }
}

/// Turns a raw question into an `AnalyzedQuestion`: normalize, tokenize as the index does,
/// classify the type, join known phrases and abbreviations into synonym groups, keep
/// hyphenated compounds (`covid-19`) as phrases, drop stop words.
public struct QuestionAnalyzer: Sendable {
    /// Long messages keep at most this many distinct terms (the searcher then keeps the
    /// informative ones); bounds the work for a 1 MB question.
    public static let maximumGroups = 48

    public init() {}

    public func analyze(_ question: String) -> AnalyzedQuestion {
        let tokens = TextTokenizer.tokens(question)
        let words = tokens.map(\.text)
        var groups: [TermGroup] = []
        var seen = Set<[[String]]>()
        func add(_ group: TermGroup) {
            guard groups.count < Self.maximumGroups, !seen.contains(group.alternatives) else { return }
            seen.insert(group.alternatives)
            groups.append(group)
        }
        let positions = QuestionClassifier.WordPositions(words)
        let cues = QuestionClassifier.cuePositions(positions)
        var index = 0
        while index < tokens.count {
            if let match = Synonyms.longestMatch(in: words, at: index), !(match.length == 1 && StopWords.contains(words[index])) {
                let surface = Array(words[index..<(index + match.length)])
                var alternatives = [surface]
                for phrase in Synonyms.groups[match.group] {
                    let phraseWords = TextTokenizer.words(phrase)
                    if !alternatives.contains(phraseWords) { alternatives.append(phraseWords) }
                }
                add(TermGroup(surface: surface, alternatives: alternatives))
                index += match.length
                continue
            }
            let compound = tokens[index].compound
            var end = index + 1
            while end < tokens.count, tokens[end].compound == compound { end += 1 }
            if end - index > 1 {
                // "covid-19", "t-cell": search the compound as a phrase.
                let phrase = Array(words[index..<end])
                if Self.isBloodPressureReading(phrase, in: question) {
                    add(TermGroup(surface: phrase, alternatives: [["blood", "pressure"], phrase]))
                } else if phrase.count > 1, Self.compoundQualifiers.contains(phrase[phrase.count - 1]),
                          !phrase.dropLast().allSatisfy(StopWords.contains) {
                    // "EGFR-positive" is also said "EGFR" ("immunotherapy works less well with an EGFR mutation").
                    add(TermGroup(surface: phrase, alternatives: [phrase, Array(phrase.dropLast())]))
                } else if !phrase.allSatisfy(StopWords.contains) {
                    add(TermGroup(surface: phrase, alternatives: [phrase]))
                }
                index = end
                continue
            }
            if !StopWords.contains(words[index]) {
                add(TermGroup(surface: [words[index]], alternatives: [[words[index]]], isTypeCue: cues.contains(index)))
            }
            index += 1
        }
        // A reading beside "bp" or "blood pressure" is only the number: the topic is there already.
        if let reading = groups.firstIndex(where: { $0.alternatives.first == ["blood", "pressure"] && $0.surface != ["blood", "pressure"] }),
           groups.indices.contains(where: { $0 != reading && groups[$0].alternatives.contains { $0 == ["bp"] || $0.contains("pressure") } }) {
            groups[reading].alternatives.removeFirst()
        }
        let askingWords = Self.askingSentences(question).map { TextTokenizer.words($0, limit: 400) }
        return AnalyzedQuestion(original: question, words: words, type: type(asking: askingWords, positions), groups: groups,
                                askingWords: askingWords)
    }

    /// The last words of a compound that qualify what comes before ("PD-L1-positive",
    /// "steroid-induced"): the compound is also searched without them.
    static let compoundQualifiers: Set<String> = ["positive", "negative", "mutated", "mutant", "related", "induced", "associated"]

    /// Whether two numbers written with a slash are a blood-pressure reading ("135/85"): the
    /// first 70 to 260, the second 40 to 160, and less than the first. "what stage is a
    /// reading of 135/85" is about blood pressure though it never says so.
    static func isBloodPressureReading(_ pair: [String], in question: String) -> Bool {
        guard pair.count == 2, let systolic = Int(pair[0]), let diastolic = Int(pair[1]),
              (70...260).contains(systolic), (40...160).contains(diastolic), diastolic < systolic else { return false }
        return question.contains("\(pair[0])/\(pair[1])")
    }

    /// The type of the sentence that asks, in a message of several: "He keeps asking if it's
    /// the same as the TB shot. What side effects should he watch for?" asks about side
    /// effects, not a comparison. The whole message decides when that sentence names no type.
    func type(asking askingWords: [String]?, _ positions: QuestionClassifier.WordPositions) -> QuestionType {
        if let askingWords {
            let type = QuestionClassifier.classify(words: askingWords)
            if type != .other { return type }
        }
        return QuestionClassifier.classify(positions)
    }

    /// The sentences ending in a question mark, in a message of several sentences; nil when
    /// there is one sentence or none asks with a question mark (a message's last sentence is
    /// as often more of its story: "…except that I am Caucasian.").
    static func askingSentences(_ question: String) -> String? {
        var sentences: [Substring] = []
        var start = question.startIndex
        for index in question.indices where ".?!\n".contains(question[index]) {
            let sentence = question[start...index].drop(while: \.isWhitespace)
            if sentence.contains(where: \.isLetter) { sentences.append(sentence) }
            start = question.index(after: index)
        }
        let rest = question[start...].drop(while: \.isWhitespace)
        if rest.contains(where: \.isLetter) { sentences.append(rest) }
        guard sentences.count > 1 else { return nil }
        let asking = sentences.filter { $0.last == "?" }
        return asking.isEmpty ? nil : asking.joined(separator: " ")
    }
}
