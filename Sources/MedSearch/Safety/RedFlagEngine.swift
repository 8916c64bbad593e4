/// One pattern match and what the context made of it, for `explain` output and tests.
struct RedFlagCandidate: Sendable, Equatable, CustomStringConvertible {
    var kind: EmergencyKind
    var pattern: String
    var words: String
    var verdict: RedFlagVerdict

    var description: String { "\(kind.rawValue) \"\(words)\" [\(pattern)] -> \(verdict.rawValue)" }
}

/// The rule book compiled against the lexicon, and the evaluation of a question.
struct RedFlagEngine: Sendable {
    /// A rule with its patterns compiled to term ids.
    struct CompiledRule: Sendable {
        var rule: RedFlagRule
        var patterns: [RedFlagCompiledPattern]
        var exceptions: [RedFlagCompiledPattern]
    }

    /// The engine for ``RedFlagRuleBook/rules``, compiled once on first use.
    static let shared = RedFlagEngine(rules: RedFlagRuleBook.rules)

    /// Questions longer than this many Unicode scalars are judged on their first
    /// part only: a description of an emergency does not need a megabyte, and this
    /// bounds the time of a pathological input.
    static let maxScalars = 20_000

    let rules: [CompiledRule]
    let vocabulary: RedFlagVocabulary
    /// Patterns that failed to parse or name an unknown class (skipped; tests require none).
    let problems: [String]

    init(rules: [RedFlagRule]) {
        var vocabulary = RedFlagVocabulary()
        var problems: [String] = []
        func compile(_ texts: [String], strong: Bool, owner: EmergencyKind) -> [RedFlagCompiledPattern] {
            var out: [RedFlagCompiledPattern] = []
            for text in texts {
                do {
                    let pattern = try RedFlagPattern(parsing: text)
                    var parts: [[RedFlagCompiledPattern.Element]] = []
                    var ok = true
                    for part in pattern.parts {
                        var elements: [RedFlagCompiledPattern.Element] = []
                        for element in part {
                            var terms: [Int] = []
                            for atom in element.atoms {
                                switch atom {
                                case .word(let word): terms.append(vocabulary.term(forWord: word))
                                case .wordClass(let name):
                                    if let id = vocabulary.term(forClass: name) { terms.append(id) } else {
                                        problems.append("\(owner.rawValue): unknown class {\(name)} in \"\(text)\"")
                                        ok = false
                                    }
                                }
                            }
                            elements.append(.init(terms: terms.sorted(), maxGap: element.maxGap))
                        }
                        parts.append(elements)
                    }
                    if ok { out.append(RedFlagCompiledPattern(source: pattern, parts: parts, isStrong: strong)) }
                } catch {
                    problems.append("\(owner.rawValue): \(error)")
                }
            }
            return out
        }
        var compiled: [CompiledRule] = []
        for rule in rules {
            let patterns = compile(rule.strong, strong: true, owner: rule.kind)
                + compile(rule.acute, strong: false, owner: rule.kind)
            let exceptions = compile(rule.exceptions, strong: true, owner: rule.kind)
            compiled.append(CompiledRule(rule: rule, patterns: patterns, exceptions: exceptions))
        }
        vocabulary.finish()
        self.rules = compiled
        self.vocabulary = vocabulary
        self.problems = problems
    }

    /// Evaluates `question`. With `explaining` false it stops at the first rule that
    /// fires; with it true it also reports every candidate match and its verdict.
    func evaluate(_ question: String, explaining: Bool = false) -> (notice: EmergencyNotice?, candidates: [RedFlagCandidate]) {
        let tokens = RedFlagNormalizer.tokenize(Self.bounded(question))
        guard !tokens.isEmpty else { return (nil, []) }
        let text = RedFlagText(tokens: tokens, vocabulary: vocabulary)
        var context: RedFlagContext?
        var notice: EmergencyNotice?
        var candidates: [RedFlagCandidate] = []
        // Matches rejected only because the question names nobody and no "now" (a fragment
        // such as "face drooping and slurred speech"), in rule order.
        var fragmentMatches: [(sign: FragmentSign, candidate: Int?)] = []

        for compiled in rules {
            var found: [(RedFlagCompiledPattern, RedFlagMatch)] = []
            for pattern in compiled.patterns {
                for match in RedFlagMatcher.matches(of: pattern.parts[0], in: text) { found.append((pattern, match)) }
            }
            if found.isEmpty { continue }
            let ctx = context ?? RedFlagContext(text: text)
            context = ctx
            let rule = compiled.rule
            let requirementMet: Bool
            switch rule.requirement {
            case .none: requirementMet = true
            case .infantUnderThreeMonthsWithFever: requirementMet = RedFlagInfantFever.isSatisfied(by: tokens)
            }
            var exceptionSentences = Set<Int>()
            for exception in compiled.exceptions {
                for match in RedFlagMatcher.matches(of: exception.parts[0], in: text) {
                    exceptionSentences.insert(tokens[match.start].sentence)
                }
            }
            var spans: [ClosedRange<Int>] = []
            for (pattern, match) in found {
                let verdict = requirementMet
                    ? ctx.verdict(for: match, of: pattern, in: rule, exceptionSentences: exceptionSentences)
                    : .requirementUnmet
                if explaining {
                    candidates.append(RedFlagCandidate(kind: rule.kind, pattern: pattern.source.text,
                                                       words: span(match, tokens), verdict: verdict))
                }
                if verdict == .noPerson, notice == nil,
                   ctx.verdict(for: match, of: pattern, in: rule, exceptionSentences: exceptionSentences,
                               assumingPerson: true) == .accepted {
                    fragmentMatches.append((FragmentSign(kind: rule.kind, pattern: pattern.source.text,
                                                         span: match.start...match.end, isStrong: pattern.isStrong),
                                            explaining ? candidates.count - 1 : nil))
                }
                guard verdict == .accepted else { continue }
                spans.append(match.start...match.end)
                for part in pattern.parts.dropFirst() {
                    if let extra = RedFlagMatcher.matches(of: part, in: text).first(where: { !ctx.isNegated($0) }) {
                        spans.append(extra.start...extra.end)
                    }
                }
                if !explaining && spans.count >= Self.maxMatchedPhrases * 4 { break }
            }
            if !spans.isEmpty && notice == nil {
                notice = EmergencyNotice(kind: rule.kind, matchedWords: phrases(spans, tokens))
                if !explaining { break }
            }
        }
        if notice == nil, let fragment = Self.fragmentNotice(fragmentMatches.map(\.sign), tokens) {
            notice = EmergencyNotice(kind: fragment.kind, matchedWords: phrases(fragment.spans, tokens))
            for match in fragmentMatches {
                if let index = match.candidate { candidates[index].verdict = .fragment }
            }
        }
        return (notice, candidates)
    }

    /// A warning sign found in a question that names nobody and no time.
    struct FragmentSign {
        var kind: EmergencyKind
        var pattern: String
        var span: ClosedRange<Int>
        var isStrong: Bool
    }

    /// A question that names nobody and no time ("chest pain and cant breathe") is a search
    /// for a topic when it names one warning sign ("chest pain"), but someone's symptoms when
    /// it names two (two patterns, at different words) or one whose wording is acute by
    /// nature ("worst headache ever") — unless it opens as a question ("are chest pain and
    /// shortness of breath symptoms of covid"). Before this rule the judged set's fourth batch
    /// (`Benchmarks/emergency`), 15 such fragments, found 2. The notice names the first rule's
    /// kind (rule order).
    static func fragmentNotice(_ signs: [FragmentSign], _ tokens: [RedFlagToken]) -> (kind: EmergencyKind, spans: [ClosedRange<Int>])? {
        guard let first = signs.first, let opener = tokens.first,
              !RedFlagCues.questionOpeners.contains(opener.text) else { return nil }
        let two = signs.contains { one in signs.contains { $0.pattern != one.pattern && !$0.span.overlaps(one.span) } }
        guard two || signs.contains(where: \.isStrong) else { return nil }
        return (first.kind, signs.map(\.span))
    }

    /// The matched words of `match` with the words between them ("chest really hurts").
    private func span(_ match: RedFlagMatch, _ tokens: [RedFlagToken]) -> String {
        tokens[match.start...match.end].map(\.text).joined(separator: " ")
    }

    /// At most this many phrases are reported in ``EmergencyNotice/matchedWords``.
    static let maxMatchedPhrases = 6

    /// Distinct phrases in text order; a span inside a longer one is dropped
    /// ("kill myself" inside "want to kill myself").
    private func phrases(_ spans: [ClosedRange<Int>], _ tokens: [RedFlagToken]) -> [String] {
        let sorted = spans.sorted { ($0.lowerBound, -$0.upperBound) < ($1.lowerBound, -$1.upperBound) }
        var kept: [ClosedRange<Int>] = []
        for span in sorted where !kept.contains(where: { $0.contains(span.lowerBound) && $0.contains(span.upperBound) }) {
            kept.append(span)
        }
        var result: [String] = []
        for span in kept.prefix(Self.maxMatchedPhrases) {
            let phrase = tokens[span].map(\.text).joined(separator: " ")
            if !result.contains(phrase) { result.append(phrase) }
        }
        return result
    }

    private static func bounded(_ question: String) -> String {
        var count = 0
        var end = question.unicodeScalars.startIndex
        for index in question.unicodeScalars.indices {
            if count == maxScalars { end = index; return String(question.unicodeScalars[..<end]) }
            count += 1
        }
        return question
    }
}
