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

/// The small, ordered rule set that gives a question (or a section heading) its type.
///
/// Rules are tried top to bottom; the first whose pattern occurs in the text wins, so the
/// specific types ("side effects", "cure") come before the general ones ("what is").
/// A pattern is a sequence of words; a word ending in `*` matches any word it starts.
public enum QuestionClassifier {
    /// (type, patterns) in priority order. Documented in the README ("Question types").
    public static let rules: [(QuestionType, [String])] = [
        (.misconceptions, ["is not", "isn t", "are not", "aren t", "myth*", "misconception*", "not a substitute"]),
        (.comparison, ["difference between", "differences between", "vs", "versus", "compared with", "compared to", "same thing as", "same as", "better than"]),
        (.cure, ["cure*", "curable", "cured", "curing", "go away for good", "get rid of", "permanent*", "remission", "reverse*", "heal for good",
                 "grow out", "outgrow*", "outgrown", "go away", "goes away", "for life", "forever", "heal", "heals", "recover*"]),
        (.causes, ["at risk", "risk factor*", "who gets", "what causes", "more likely", "most likely", "likely to get", "likely to have",
                    "higher risk", "greater risk", "increased risk"]),
        (.sideEffects, ["what happens if", "turn into", "turns into", "lead to", "leads to", "side effect*", "side affect*", "risk", "risks", "dangerous", "danger*", "safe", "safely", "safety", "adverse", "harm*", "complication*", "reaction*"]),
        (.emergency, ["see a doctor", "see my doctor", "see a gp", "call the doctor", "call a doctor", "call my doctor", "when to call", "too high", "emergency", "urgent*", "call 911", "when to worry", "worried", "er", "medical help", "seek care", "seek help", "red flag*", "warning sign*"]),
        (.nextSteps, ["next step*", "what should i do", "what to do", "what can i do", "steps", "what now", "what next", "go back to school", "go back to work",
                    "what should i ask", "should i ask", "what to ask", "questions to ask", "ask my doctor", "ask the doctor"]),
        (.candidates, ["who should", "who can", "who might", "who may", "who is", "who are", "who benefits", "candidate*", "eligible", "right for me", "right for", "should i", "qualify", "who needs", "can i take", "can i get", "can i have", "can you have", "if i have"]),
        (.evidence, ["how well", "effective*", "science", "research", "studies", "study", "evidence", "trial*", "proven", "success rate", "worth it", "worth the"]),
        (.diagnosis, ["diagnos*", "test", "tests", "tested", "testing", "detect*", "screen*", "how do i know", "how do you know", "check for", "tell if", "tell whether", "evaluat*", "biomarker*"]),
        (.prevention, ["prevent*", "avoid*", "reduce the risk", "lower the risk", "protect*", "lower my chances", "lower the chances",
                        "lower my risk", "reduce my risk", "reduce my chances", "stop getting", "keep from getting",
                        "from spreading", "from getting", "from catching", "stop spreading", "stop catching"]),
        (.inheritance, ["inherit*", "hereditary", "genetic*", "run in families", "runs in families", "passed down"]),
        (.frequency, ["how common", "how many people", "how often", "prevalence"]),
        (.outlook, ["outlook", "prognosis", "life expectancy", "survival", "surviv*", "how long", "chance*", "odds", "how many years", "die from", "can you die", "fatal", "deadly"]),
        (.causes, ["cause*", "why do", "why does", "why did", "why am", "trigger*", "risk factor*", "reason*", "what makes", "sets off", "flare*",
                   "transmit*", "spread*", "contagious", "catch", "caught"]),
        (.symptoms, ["symptom*", "sign", "signs", "feel like", "look like", "feels like", "looks like"]),
        (.types, ["types", "type of", "kinds", "kind of", "forms of", "different"]),
        (.mechanism, ["how it works", "work", "works", "working", "mechanism*"]),
        (.treatment, ["treat*", "therapy", "therapies", "manage*", "medication*", "medicine*", "drug*", "option*", "relie*", "help with", "helps with", "what helps", "what cream", "given", "available"]),
        (.definition, ["what is", "what are", "what s", "whats", "meaning", "mean", "define*", "definition", "explain*",
                       "tell me about", "learn about", "facts about", "details on", "details about", "information about", "information on", "info on", "info about", "overview", "basics"]),
    ]

    /// The type of `text`, `.other` when no rule matches.
    public static func classify(_ text: String) -> QuestionType {
        classify(words: TextTokenizer.words(text, limit: 400))
    }

    /// The type of a tokenized question.
    public static func classify(words: [String]) -> QuestionType {
        // "What is celiac disease not?" — a heading that ends in "not" lists misconceptions.
        if words.last == "not" { return .misconceptions }
        // A pattern can only occur if its first word does: a set look-up (or a binary search
        // for `word*`) rules out almost every pattern before the scan of the question.
        let present = Set(words)
        let sorted = present.sorted()
        func mayOccur(_ pattern: [String]) -> Bool {
            guard let first = pattern.first else { return false }
            guard first.hasSuffix("*") else { return present.contains(first) }
            let stem = String(first.dropLast())
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < stem { low = middle + 1 } else { high = middle }
            }
            return low < sorted.count && sorted[low].hasPrefix(stem)
        }
        for (type, patterns) in compiledRules
        where patterns.contains(where: { mayOccur($0) && ($0.count == 1 || matches($0, in: words)) }) {
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
        // Where each word occurs, so that a pattern is tried only where its first word is (a
        // scan of every start for every pattern took ~0.04 ms of a long message's ranking).
        var occurrences: [String: [Int]] = [:]
        for (position, word) in words.enumerated() { occurrences[word, default: []].append(position) }
        var positions = Set<Int>()
        for pattern in cuePatterns {
            let first = pattern[0]
            let starts = first.isPrefix ? words.indices.filter { words[$0].hasPrefix(first.text) } : occurrences[first.text] ?? []
            for start in starts where start + pattern.count <= words.count
            && pattern.indices.dropFirst().allSatisfy({ pattern[$0].matches(words[start + $0]) }) {
                for position in start..<(start + pattern.count) where !topicalPatternWords.contains(words[position]) {
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

    /// The rules' patterns of two or more words.
    static let cuePatterns: [[PatternWord]] = compiledRules.flatMap(\.1).filter { $0.count > 1 }.map { $0.map(PatternWord.init) }

    /// Words of a type phrase that still name what the question is about: "what cream" asks
    /// for a treatment and about creams; "from spreading" asks for prevention of the spread.
    static let topicalPatternWords: Set<String> = ["cream", "spreading", "spread"]

    /// The patterns as word lists. They are written as the tokenizer would give them (lower
    /// case, apostrophes as spaces; `QuestionTypeTests` checks), so splitting at spaces is
    /// enough: tokenizing them with `*` swapped out took a twentieth of a whole `ask`.
    static let compiledRules: [(QuestionType, [[String]])] = rules.map { rule in
        (rule.0, rule.1.map { $0.split(separator: " ").map(String.init) })
    }

    /// True when the word sequence `pattern` occurs in `words`.
    static func matches(_ pattern: [String], in words: [String]) -> Bool {
        guard !pattern.isEmpty, words.count >= pattern.count else { return false }
        for start in 0...(words.count - pattern.count) {
            var all = true
            for (offset, wanted) in pattern.enumerated() where !wordMatches(wanted, words[start + offset]) {
                all = false
                break
            }
            if all { return true }
        }
        return false
    }

    static func wordMatches(_ pattern: String, _ word: String) -> Bool {
        if pattern.hasSuffix("*") { return word.hasPrefix(pattern.dropLast()) }
        return pattern == word
    }
}
