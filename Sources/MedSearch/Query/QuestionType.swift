/// What kind of answer a question asks for. Section headings are classified with the same
/// rules, so a "cure" question can be matched to the section "Is immunotherapy a cure?".
public enum QuestionType: String, Sendable, Codable, CaseIterable {
    case cure
    case sideEffects = "side-effects"
    case emergency = "when-to-see-a-doctor"
    case treatment
    case diagnosis
    case causes
    case symptoms
    case prevention
    case candidates = "who-should-consider"
    case mechanism = "how-it-works"
    case types
    case outlook
    case nextSteps = "next-steps"
    case misconceptions = "what-it-is-not"
    case inheritance
    case frequency
    case evidence = "what-the-science-says"
    case comparison
    case definition
    case other
}

extension QuestionType {
    /// Section types that also answer a question of this type, boosted as much as its own.
    /// Read off the Corpus sets (tuned, held-out, fresh, blind9): each question's type against
    /// its best section's type. "How long does CRS last" is answered by "Does it go away, and
    /// can it be cured?" and "how long do I need allergy shots" by how they work (the course);
    /// "what should I do" by when to see a doctor; "does hay fever cause a fever" by the myths,
    /// and "why did lisinopril give me a cough" by its side effects (session 12);
    /// "X vs Y" by what X is; "how do I avoid it" by the next steps to take.
    /// Measured with `eval`, see `Benchmarks/RESULTS.md` (session 10).
    public var alsoAnsweredBy: [QuestionType] {
        switch self {
        case .outlook: [.cure, .mechanism]
        case .nextSteps: [.emergency]
        case .causes: [.misconceptions, .sideEffects]
        case .comparison: [.definition]
        case .prevention: [.nextSteps]
        default: []
        }
    }
}

/// The small, ordered rule set that gives a question (or a section heading) its type.
///
/// Rules are tried top to bottom; the first whose pattern occurs in the text wins, so the
/// specific types ("side effects", "cure") come before the general ones ("what is").
/// A pattern is a sequence of words; a word ending in `*` matches any word it starts.
public enum QuestionClassifier {
    /// (type, patterns) in priority order. Documented in the README ("Question types").
    public static let rules: [(QuestionType, [String])] = [
        (.misconceptions, ["is not", "isn t", "are not", "aren t", "myth*", "misconception*", "not a substitute"]),
        (.comparison, ["difference between", "differences between", "separates", "sets apart", "vs", "versus", "compared with", "compared to", "same thing as", "same as", "better than"]),
        (.cure, ["cure*", "curable", "cured", "curing", "go away for good", "get rid of", "permanent*", "remission", "reverse*", "heal for good",
                 "grow out", "outgrow*", "outgrown", "go away", "goes away", "for life", "forever", "heal", "heals", "recover*"]),
        (.causes, ["at risk", "risk factor*", "who gets", "what causes", "more likely", "most likely", "likely to get", "likely to have",
                    "higher risk", "greater risk", "increased risk"]),
        (.sideEffects, ["what happens if", "turn into", "turns into", "lead to", "leads to", "side effect*", "side affect*", "risk", "risks", "dangerous", "danger*", "safe", "safely", "safety", "adverse", "harm*", "complication*", "reaction*",
                        "is it ok", "is it okay", "ok to", "okay to", "alright to",
                        "making me", "makes me", "gives me", "giving me", "have me", "has me"]),
        (.emergency, ["see a doctor", "see my doctor", "see a gp", "call the doctor", "call a doctor", "call my doctor", "when to call", "too high", "emergency", "urgent*", "call 911", "when to worry", "worried", "er", "medical help", "seek care", "seek help", "red flag*", "warning sign*",
                        "get it checked", "get checked", "checked out", "looked at"]),
        (.nextSteps, ["next step*", "what should i do", "should he do", "should she do", "should we do", "should they do", "what to do", "what can i do", "steps", "what now", "what next", "go back to school", "go back to work",
                    "what should i ask", "should i ask", "what to ask", "questions to ask", "ask my doctor", "ask the doctor"]),
        (.candidates, ["who should", "who can", "who might", "who may", "who is", "who are", "who benefits", "candidate*", "eligible", "right for me", "right for", "should i", "qualify", "who needs", "can i take", "can i get", "can i have", "can you have", "if i have"]),
        (.evidence, ["how well", "effective*", "science", "research", "studies", "study", "evidence", "trial*", "proven", "success rate", "worth it", "worth the"]),
        (.diagnosis, ["diagnos*", "test", "tests", "tested", "testing", "detect*", "screen*", "how do i know", "how do you know", "check for", "picked up in", "picked up on", "picked up by", "picked up early", "tell if", "tell whether", "evaluat*", "biomarker*"]),
        (.prevention, ["prevent*", "avoid*", "reduce the risk", "lower the risk", "protect*", "lower my chances", "lower the chances",
                        "lower my risk", "reduce my risk", "reduce my chances", "stop getting", "keep from getting",
                        "from spreading", "from getting", "from catching", "from passing", "stop spreading", "stop catching"]),
        (.inheritance, ["inherit*", "hereditary", "genetic*", "run in families", "runs in families", "passed down"]),
        (.frequency, ["how common", "how many people", "how often", "prevalence"]),
        (.outlook, ["outlook", "prognosis", "life expectancy", "survival", "surviv*", "how long", "chance*", "odds", "how many years", "die from", "can you die", "fatal", "deadly"]),
        (.causes, ["cause*", "causing", "why do", "why does", "why did", "why am", "why has", "why have", "trigger*", "risk factor*", "reason*", "what makes", "sets off", "flare*",
                   "transmit*", "spread*", "contagious", "catch", "caught"]),
        (.symptoms, ["symptom*", "sign", "signs", "feel like", "look like", "feels like", "looks like", "could this be", "could it be", "am i having"]),
        (.types, ["types", "type of", "kinds", "kind of", "forms of", "different"]),
        (.mechanism, ["how it works", "work", "works", "working", "mechanism*", "kick in", "kicks in", "take effect", "takes effect",
                        "when to start", "when do i start", "when should i start", "how to take", "how do i take", "how do you take"]),
        (.treatment, ["treat*", "therapy", "therapies", "manage*", "medication*", "medicine*", "drug*", "option*", "relie*", "help with", "helps with", "what helps", "what cream", "given", "available",
                        "put on", "rub on", "apply", "come as", "comes as", "come in", "comes in"]),
        (.definition, ["what is", "what are", "what s", "whats", "meaning", "mean", "define*", "definition", "explain*",
                       "tell me about", "learn about", "facts about", "details on", "details about", "information about", "information on", "info on", "info about", "overview", "basics"]),
    ]

    /// The type of `text`, `.other` when no rule matches.
    public static func classify(_ text: String) -> QuestionType {
        classify(words: TextTokenizer.words(text, limit: 400))
    }

    /// The type of a tokenized question.
    public static func classify(words: [String]) -> QuestionType {
        classify(WordPositions(words))
    }

    /// The type of a question whose words' positions are known.
    static func classify(_ question: WordPositions) -> QuestionType {
        // "What is celiac disease not?" — a heading that ends in "not" lists misconceptions.
        if question.words.last == "not" { return .misconceptions }
        // A pattern is tried only where its first word occurs (`WordPositions`): most patterns'
        // first words are not in the question at all.
        for (type, patterns) in compiledPatterns where patterns.contains(where: { question.contains($0) }) {
            return type
        }
        return .other
    }

    /// Positions of the words inside an occurrence of any rule's pattern of two or more words
    /// ("go away", "sets off", "who gets", "runs in families"): they say what kind of answer
    /// is wanted, not what the question is about, so `QuestionAnalyzer` marks their terms as
    /// type cues (generic). One-word patterns are left out: "biomarker*" or "trial*" is often
    /// the topic itself, and the answer-type words among them are generic words already.
    public static func cuePositions(words: [String]) -> Set<Int> {
        cuePositions(WordPositions(words))
    }

    static func cuePositions(_ question: WordPositions) -> Set<Int> {
        var positions = Set<Int>()
        for pattern in cuePatterns {
            for start in question.starts(of: pattern) {
                for position in start..<(start + pattern.count) where !topicalPatternWords.contains(question.words[position]) {
                    positions.insert(position)
                }
            }
        }
        return positions
    }

    /// One word of a pattern: a whole word, or the start of one (written `word*`).
    struct PatternWord {
        let text: String
        let isPrefix: Bool
        init(_ pattern: String) {
            isPrefix = pattern.hasSuffix("*")
            text = isPrefix ? String(pattern.dropLast()) : pattern
        }
        func matches(_ word: String) -> Bool { isPrefix ? word.hasPrefix(text) : word == text }
    }

    /// The rules' patterns, word by word.
    static let compiledPatterns: [(QuestionType, [[PatternWord]])] = compiledRules.map { rule in
        (rule.0, rule.1.map { $0.map(PatternWord.init) })
    }

    /// The rules' patterns of two or more words.
    static let cuePatterns: [[PatternWord]] = compiledPatterns.flatMap(\.1).filter { $0.count > 1 }

    /// A question's words and where each occurs, for finding patterns in it.
    struct WordPositions {
        let words: [String]
        private var occurrences: [String: [Int]] = [:]
        /// The distinct words in byte order, for patterns whose first word ends in `*`.
        private let sortedWords: [String]

        init(_ words: [String]) {
            self.words = words
            for (position, word) in words.enumerated() { occurrences[word, default: []].append(position) }
            sortedWords = occurrences.keys.sorted()
        }

        /// Where `first` occurs, in no particular order.
        func positions(of first: PatternWord) -> [Int] {
            guard first.isPrefix else { return occurrences[first.text] ?? [] }
            var low = 0, high = sortedWords.count
            while low < high {
                let middle = (low + high) / 2
                if sortedWords[middle] < first.text { low = middle + 1 } else { high = middle }
            }
            var found: [Int] = []
            while low < sortedWords.count, sortedWords[low].hasPrefix(first.text) {
                found += occurrences[sortedWords[low]] ?? []
                low += 1
            }
            return found
        }

        /// The starts of every occurrence of `pattern`.
        func starts(of pattern: [PatternWord]) -> [Int] {
            guard let first = pattern.first else { return [] }
            return positions(of: first).filter { occurs(pattern, at: $0) }
        }

        func contains(_ pattern: [PatternWord]) -> Bool {
            guard let first = pattern.first else { return false }
            return positions(of: first).contains { occurs(pattern, at: $0) }
        }

        /// Whether `pattern`, whose first word is at `start`, goes on there.
        private func occurs(_ pattern: [PatternWord], at start: Int) -> Bool {
            start + pattern.count <= words.count
                && pattern.indices.dropFirst().allSatisfy { pattern[$0].matches(words[start + $0]) }
        }
    }

    /// Words of a type phrase that still name what the question is about: "what cream" asks
    /// for a treatment and about creams; "from spreading" asks for prevention of the spread.
    static let topicalPatternWords: Set<String> = ["cream", "spreading", "spread"]

    /// The patterns as word lists. They are written as the tokenizer would give them (lower
    /// case, apostrophes as spaces; `QuestionTypeTests` checks), so splitting at spaces is
    /// enough: tokenizing them with `*` swapped out took a twentieth of a whole `ask`.
    static let compiledRules: [(QuestionType, [[String]])] = rules.map { rule in
        (rule.0, rule.1.map { $0.split(separator: " ").map(String.init) })
    }
}
