/// Why a pattern match did or did not become a notice.
enum RedFlagVerdict: String, Sendable, Equatable {
    /// Describes a person with this symptom now.
    case accepted
    /// "no chest pain", "my chest doesn't hurt".
    case negated
    /// "the bleeding has stopped".
    case resolved
    /// A benign explanation in the same sentence ("numb after the dentist").
    case exception
    /// Nobody in particular and no "now" ("what causes chest pain in teenagers").
    case noPerson
    /// Nobody named and no "now", but read as someone's symptoms: the fragment names two
    /// warning signs ("chest pain and cant breathe") or one strong one (see `RedFlagEngine`).
    case fragment
    /// A rule about someone else, written about the writer ("I can't wake up in the mornings").
    case writerOnly
    /// A past-tense-only pattern ("passed out") without a "now" cue.
    case needsNow
    /// A past event ("I had a stroke last year").
    case past
    /// A hypothetical or general question ("what to do if", "risk of having a stroke").
    case hypothetical
    /// A long-standing or recurring complaint ("on and off for 2 years", "when I exercise").
    case chronic
    /// The other half of an `&` pattern is missing or negated.
    case missingConjunct
    /// The rule's extra requirement is not met (no baby under 3 months, or no fever reading).
    case requirementUnmet
}

/// Decides whether a pattern match describes a person having the symptom now.
///
/// The order of checks: negation (NegEx-style scope), benign-explanation exceptions,
/// who it is about (someone, within ``RedFlagCues/personWindow`` words), then time: a
/// "now" cue overrides everything; without one, a past, hypothetical or (for acute
/// patterns) chronic framing rejects the match.
struct RedFlagContext {
    let text: RedFlagText
    let cues: RedFlagCueMap

    init(text: RedFlagText) {
        self.text = text
        self.cues = RedFlagCueMap(text.tokens)
    }

    /// With `assumingPerson`, the match is judged as if the question named someone (for a
    /// fragment without a subject, see `RedFlagEngine`): every other check still applies.
    func verdict(for match: RedFlagMatch, of pattern: RedFlagCompiledPattern, in rule: RedFlagRule,
                 exceptionSentences: Set<Int>, assumingPerson: Bool = false) -> RedFlagVerdict {
        if isNegated(match) { return .negated }
        if isResolved(match) { return .resolved }
        if exceptionSentences.contains(text.tokens[match.start].sentence) { return .exception }

        let window = (match.start - RedFlagCues.personWindow)..<(match.end + RedFlagCues.personWindow + 1)
        let present = cues.has(.present, in: window)
        let writer = cues.has(.firstPerson, in: window)
        let other = cues.has(.otherPerson, in: window)
        if assumingPerson {
            if rule.thirdPersonOnly && writer && !other { return .writerOnly }
        } else if rule.thirdPersonOnly {
            if !other && !(present && !writer) { return writer ? .writerOnly : .noPerson }
        } else if !(writer || other || present) {
            return .noPerson
        }
        if pattern.source.needsPresentCue && !present { return .needsNow }
        if !present {
            let sentence = text.sentenceRange(of: match.start)
            let before = max(sentence.lowerBound, match.start - RedFlagCues.pastVerbScope)..<match.start
            if cues.has(.past, in: sentence) || cues.has(.pastVerb, in: before) { return .past }
            let near = max(sentence.lowerBound, match.start - RedFlagCues.hypotheticalScope)..<match.start
            let topic = (match.start > sentence.lowerBound
                && RedFlagCues.topicPrepositions.contains(text.tokens[match.start - 1].text))
                || (match.end + 1 < sentence.upperBound
                    && RedFlagCues.generalFollowers.contains(text.tokens[match.end + 1].text))
            if topic || cues.has(.hypothetical, in: near)
                || cues.has(.hypotheticalIf, in: sentence.lowerBound..<match.start) {
                return .hypothetical
            }
            let habitual = max(sentence.lowerBound, match.start - RedFlagCues.habitualScope)..<match.start
            if !pattern.isStrong && (cues.has(.chronic, in: window) || cues.has(.habitual, in: habitual)) {
                return .chronic
            }
        }
        for part in pattern.parts.dropFirst() {
            let found = RedFlagMatcher.matches(of: part, in: text).contains { !isNegated($0) }
            if !found { return .missingConjunct }
        }
        return .accepted
    }

    /// A negator shortly before the match, or between its words, in the same sentence.
    func isNegated(_ match: RedFlagMatch) -> Bool {
        let tokens = text.tokens
        let sentence = text.sentenceRange(of: match.start)
        var i = match.start - 1
        var steps = 0
        while i >= sentence.lowerBound && steps < RedFlagCues.negationScope {
            let word = tokens[i].text
            if RedFlagCues.negationBreakers.contains(word) { break }
            if isNegator(at: i) { return true }
            i -= 1
            steps += 1
        }
        for k in 1..<match.indices.count {
            for j in (match.indices[k - 1] + 1)..<match.indices[k] where isNegator(at: j) { return true }
        }
        return false
    }

    /// "bleeding stopped", "the pain is gone" — but not "hasn't stopped".
    func isResolved(_ match: RedFlagMatch) -> Bool {
        let tokens = text.tokens
        let sentence = text.sentenceRange(of: match.start)
        let upper = min(match.end + 4, sentence.upperBound)
        guard match.end + 1 < upper else { return false }
        for j in (match.end + 1)..<upper where RedFlagCues.resolvedFollowers.contains(tokens[j].text) {
            if !RedFlagCues.negators.contains(tokens[j - 1].text) { return true }
        }
        return false
    }

    private func isNegator(at i: Int) -> Bool {
        let tokens = text.tokens
        guard RedFlagCues.negators.contains(tokens[i].text) else { return false }
        if i + 1 < tokens.count, RedFlagCues.pseudoNegationFollowers.contains(tokens[i + 1].text) { return false }
        return true
    }
}
