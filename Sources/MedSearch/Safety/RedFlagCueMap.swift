/// Where the context cues of ``RedFlagCues`` occur in one question.
///
/// Built in one pass; each cue kind is stored as prefix counts so that
/// "is there a present cue within 15 words of the symptom?" is O(1).
struct RedFlagCueMap {
    enum Cue: Int, CaseIterable {
        case present, firstPerson, otherPerson, past, pastVerb, chronic, habitual, hypothetical, hypotheticalIf
    }

    private var prefix: [[Int32]]

    init(_ tokens: [RedFlagToken]) {
        let n = tokens.count
        var flags = [[Bool]](repeating: [Bool](repeating: false, count: n), count: Cue.allCases.count)
        func mark(_ cue: Cue, _ range: Range<Int>) { for i in range { flags[cue.rawValue][i] = true } }

        for (cue, phrases) in Self.phraseTables {
            for i in 0..<n {
                guard let candidates = phrases[tokens[i].text] else { continue }
                for phrase in candidates where Self.matches(phrase, at: i, in: tokens) {
                    mark(cue, i..<(i + phrase.count))
                }
            }
        }

        var sentenceLength: [Int: Int] = [:]
        for token in tokens { sentenceLength[token.sentence, default: 0] += 1 }

        for i in 0..<n {
            let text = tokens[i].text
            let previous = i > 0 && tokens[i - 1].sentence == tokens[i].sentence ? tokens[i - 1].text : nil
            let next = i + 1 < n && tokens[i + 1].sentence == tokens[i].sentence ? tokens[i + 1].text : nil
            if RedFlagCues.firstPerson.contains(text) { mark(.firstPerson, i..<(i + 1)) }
            if previous == nil, RedFlagCues.subjectlessOpeners.contains(text) { mark(.firstPerson, i..<(i + 1)) }
            if RedFlagCues.otherPerson.contains(text) { mark(.otherPerson, i..<(i + 1)) }
            if RedFlagCues.relations.contains(text), !RedFlagCues.genericDeterminers.contains(previous ?? "") {
                mark(.otherPerson, i..<(i + 1))
            }
            if text == "just", let next, RedFlagCues.justEvents.contains(next)
                || (next.hasSuffix("ed") && !RedFlagCues.justNonEvents.contains(next)) {
                mark(.present, i..<(i + 2))
            }
            if text == RedFlagCues.plea, sentenceLength[tokens[i].sentence, default: 0] <= RedFlagCues.pleaMaxWords {
                mark(.present, i..<(i + 1))
            }
            if RedFlagCues.pastVerbs.contains(text), !RedFlagCues.perfectAuxiliaries.contains(previous ?? "") {
                mark(.pastVerb, i..<(i + 1))
            }
            if RedFlagCues.habitualVerbs.contains(text) { mark(.habitual, i..<(i + 1)) }
            if text == "if" || text == "whether", !RedFlagCues.epistemicBeforeIf.contains(previous ?? "") {
                mark(.hypotheticalIf, i..<(i + 1))
            }
            if text == "for", let end = Self.chronicDuration(after: i, in: tokens) {
                mark(.chronic, i..<end)
            }
        }

        prefix = flags.map { row in
            var sums = [Int32](repeating: 0, count: n + 1)
            for i in 0..<n { sums[i + 1] = sums[i] + (row[i] ? 1 : 0) }
            return sums
        }
    }

    /// `true` when `cue` occurs at any token in `range` (clamped to the text).
    func has(_ cue: Cue, in range: Range<Int>) -> Bool {
        let sums = prefix[cue.rawValue]
        let lo = max(range.lowerBound, 0), hi = min(range.upperBound, sums.count - 1)
        return hi > lo && sums[hi] - sums[lo] > 0
    }

    // MARK: - Phrase tables

    private static let phraseTables: [(Cue, [String: [[String]]])] = [
        (.present, table(RedFlagCues.present)),
        (.past, table(RedFlagCues.past)),
        (.chronic, table(RedFlagCues.chronic)),
        (.hypothetical, table(RedFlagCues.hypothetical)),
    ]

    private static func table(_ phrases: [String]) -> [String: [[String]]] {
        var table: [String: [[String]]] = [:]
        for phrase in phrases {
            let words = phrase.split(separator: "+").map(String.init)
            if let first = words.first { table[first, default: []].append(words) }
        }
        return table
    }

    private static func matches(_ phrase: [String], at i: Int, in tokens: [RedFlagToken]) -> Bool {
        guard i + phrase.count <= tokens.count else { return false }
        for (k, word) in phrase.enumerated() where tokens[i + k].text != word { return false }
        return true
    }

    /// "for [the past] 3 weeks" → end index of the phrase, when the unit is a day or longer.
    private static func chronicDuration(after i: Int, in tokens: [RedFlagToken]) -> Int? {
        var j = i + 1
        var sawAmount = false
        while j < tokens.count, j <= i + 5, tokens[j].sentence == tokens[i].sentence {
            let text = tokens[j].text
            if RedFlagCues.chronicDurationUnits.contains(text) { return sawAmount ? j + 1 : nil }
            if tokens[j].number != nil || RedFlagInfantFever.numberWords[text] != nil || text == "several" {
                sawAmount = true                    // "3", "two", "a", "few", "couple", "several"
            } else if !RedFlagCues.durationFillers.contains(text) {
                return nil
            }
            j += 1
        }
        return nil
    }
}
