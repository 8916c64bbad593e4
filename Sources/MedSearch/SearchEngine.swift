import Foundation
import Logging

/// The result of one question: the analysis, the queries tried, and the answers — or the
/// reason there is no good answer.
public struct SearchResult: Sendable {
    public var question: AnalyzedQuestion
    /// The question's terms with their weights and spelling corrections.
    public var terms: [WeightedGroup]
    /// The MATCH strings run, strictest first, with the rows each returned.
    public var stages: [(match: String, rows: Int)]
    public var answers: [Answer]
    /// Set when the engine declines to answer ("no indexed passage covers …").
    public var noAnswerReason: String?
    /// Set when the question describes an emergency happening now.
    public var emergency: EmergencyNotice?
}

/// The facade: open an index read-only and answer questions from it.
///
/// ```swift
/// let engine = try SearchEngine(path: "corpus.sqlite")
/// let result = try engine.answers(to: "is immunotherapy a cure", limit: 5)
/// ```
public final class SearchEngine {
    public let path: String
    public var weights: RankingWeights
    let database: Database
    let analyzer = QuestionAnalyzer()
    let extractor = AnswerExtractor()
    let detector = RedFlagDetector()
    let corrector: SpellingCorrector
    let logger: Logger

    // Prepared once, reused for every question.
    let countMatches: Statement
    let vocabularyCount: Statement
    let rankedMatches: Statement
    let passageInfo: Statement
    let snippetOf: Statement
    let referencesOf: Statement
    let dataVersion: Statement
    /// Passages in the index and average field lengths, reloaded when another connection has
    /// committed (a re-index).
    var passageTotal: Int
    var fieldStatistics: FieldScorer.Statistics
    var seenDataVersion: Int64
    /// Porter stems of words seen so far: passages repeat their words, stemming is the cost.
    var stemCache: [String: String] = [:]

    public init(path: String, weights: RankingWeights = .standard, logger: Logger = Logger(label: "medsearch.search")) throws {
        self.path = path
        self.weights = weights
        self.logger = logger
        database = try Database(path: path, mode: .readOnly)
        do {
            let version = try database.prepare("SELECT value FROM meta WHERE key = 'schema_version'").rows { $0.text(0) }.first
            guard version == String(Schema.version) else {
                throw SearchError.incompatibleIndex(path: path, found: version ?? "none")
            }
            countMatches = try database.prepare("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?")
            vocabularyCount = try database.prepare("SELECT doc FROM passages_vocab WHERE term = ?")
            rankedMatches = try database.prepare("""
                SELECT rowid, bm25(passages_fts, ?, ?, ?, ?) AS score FROM passages_fts
                WHERE passages_fts MATCH ? ORDER BY score LIMIT ?
                """)
            passageInfo = try database.prepare("""
                SELECT p.external_id, p.heading, p.answers_type, p.position, a.id, a.slug, a.title, a.published,
                       a.source, a.url, a.tags, f.body, f.keywords
                FROM passages p JOIN articles a ON a.id = p.article_id JOIN passages_fts f ON f.rowid = p.id
                WHERE p.id = ?
                """)
            snippetOf = try database.prepare("""
                SELECT snippet(passages_fts, 2, '[', ']', '…', 40) FROM passages_fts
                WHERE passages_fts MATCH ? AND rowid = ?
                """)
            referencesOf = try database.prepare("""
                SELECT r.authors, r.year, r.title, r.journal, r.volume, r.issue, r.pages, r.doi, r.raw
                FROM article_refs ar JOIN refs r ON r.id = ar.ref_id WHERE ar.article_id = ? ORDER BY ar.position
                """)
            // The version first: a commit between the two reads then triggers a recount.
            dataVersion = try database.prepare("PRAGMA data_version")
            seenDataVersion = try dataVersion.rows { $0.int(0) }.first ?? 0
            (passageTotal, fieldStatistics) = try Self.counts(database)
            corrector = try SpellingCorrector(database: database)
        } catch let error as SQLiteError {
            throw SearchError.from(error, path: path)
        }
    }

    /// The passage count and the average field lengths the scores depend on.
    private static func counts(_ database: Database) throws -> (Int, FieldScorer.Statistics) {
        let total = Int(try database.prepare("SELECT count(*) FROM passages").rows { $0.int(0) }.first ?? 0)
        let lengths = try database.prepare("SELECT value FROM meta WHERE key = 'field_lengths'").rows { $0.text(0) }.first ?? ""
        let numbers = lengths.split(separator: ",").compactMap { Double($0) }
        let averages = numbers.count == 5 ? Array(numbers.prefix(4)) : [1, 1, 1, 1]
        return (total, FieldScorer.Statistics(averageLengths: averages, passages: total))
    }

    /// Answers `question` with at most `limit` passages (at most two per article). With
    /// `declineWeak`, a best passage that covers too little of the question gives no answers
    /// and a `noAnswerReason` instead.
    public func answers(to question: String, limit: Int = 5, declineWeak: Bool = true) throws -> SearchResult {
        do {
            // One read transaction per question: all its statements see one snapshot, the old
            // index or the new one, even when a re-index commits while it is being answered.
            return try database.readTransaction {
                let version = try dataVersion.rows { $0.int(0) }.first ?? 0
                if version != seenDataVersion {
                    (passageTotal, fieldStatistics) = try Self.counts(database)
                    seenDataVersion = version
                }
                return try search(question, limit: max(1, limit), declineWeak: declineWeak)
            }
        } catch let error as SQLiteError {
            throw SearchError.from(error, path: path)
        }
    }

    private func search(_ question: String, limit: Int, declineWeak: Bool) throws -> SearchResult {
        let analyzed = analyzer.analyze(question)
        var result = SearchResult(question: analyzed, terms: [], stages: [], answers: [], noAnswerReason: nil,
                                  emergency: detector.assess(question))
        let terms = try weigh(analyzed.groups)
        result.terms = terms
        let present = terms.filter { $0.documentFrequency > 0 }
        guard !present.isEmpty else {
            result.noAnswerReason = analyzed.groups.isEmpty
                ? "the question has no searchable words"
                : "no indexed passage contains any of the question's words"
            return result
        }

        // Candidate generation: all terms together, then drop the most common term until
        // enough passages match; finally any informative term.
        var candidates: [Int64: Double] = [:]
        var order: [Int64] = []
        func run(_ query: FTS5Query?) throws {
            guard let query else { return }
            let rows = try rankedMatches.rows([
                .real(weights.title), .real(weights.heading), .real(weights.body), .real(weights.keywords),
                .text(query.matchString), .integer(Int64(weights.stageLimit)),
            ]) { ($0.int(0), -$0.double(1)) }
            result.stages.append((query.matchString, rows.count))
            for (row, score) in rows where candidates[row] == nil {
                candidates[row] = score
                order.append(row)
            }
        }
        var kept = present.sorted { $0.documentFrequency < $1.documentFrequency }
        var stagesLeft = weights.andStages
        while !kept.isEmpty, candidates.count < weights.candidateTarget, stagesLeft > 0 {
            stagesLeft -= 1
            try run(FTS5Query(.all(kept.map(\.group.expression))))
            if kept.count == 1 { break }
            kept.removeLast()
        }
        if candidates.count < weights.candidateTarget {
            let informative = present.filter(\.informative)
            try run(FTS5Query(.any((informative.isEmpty ? present : informative).map(\.group.expression))))
        }

        // Ranking: bm25 × type boost; coverage of the question's informative weight.
        let topics = Self.topicTerms(terms)
        let totalWeight = topics.reduce(0) { $0 + $1.weight }
        var ranked: [(row: Int64, info: PassageInfo, parts: ScoreParts, score: Double)] = []
        for row in order {
            guard let info = try loadPassage(row) else { continue }
            let stems = info.stems
            let matchedWeight = topics.filter { $0.matches(stems) }.reduce(0) { $0 + $1.weight }
            let coverage = totalWeight > 0 ? matchedWeight / totalWeight : 1
            var boost = 0.0
            if analyzed.type != .other, info.answersType == analyzed.type { boost += weights.typeMatchBoost }
            let bm25 = FieldScorer(weights: [weights.fieldTitle, weights.fieldHeading, weights.fieldBody, weights.fieldKeywords])
                .score(present, fields: info.fieldTokens, statistics: fieldStatistics)
            let headingMatches = present.filter { $0.matches(info.headingStems) }.count
            let similarity = info.headingStems.isEmpty ? 0
                : 2 * Double(headingMatches) / Double(present.count + info.headingStems.count)
            let titleWords = Set(info.fieldTokens[0].filter { !StopWords.contains($0) })
            let focusShare = titleWords.isEmpty ? 0
                : Double(titleWords.filter { word in present.contains { $0.matches([word]) } }.count) / Double(titleWords.count)
            let parts = ScoreParts(bm25: bm25, typeBoost: boost, headingSimilarity: similarity, coverage: coverage)
            var score = bm25 * (1 + boost) * (1 + weights.headingSimilarity * similarity) * (1 + weights.focusBoost * focusShare)
                * (1 - weights.coverageWeight + weights.coverageWeight * coverage)
            if info.position == 0 { score *= weights.summaryFactor }
            if info.answersType == .definition, analyzed.type != .definition, analyzed.type != .other {
                score *= weights.definitionMismatchFactor
            }
            ranked.append((row, info, parts, score))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.row < $1.row }

        var perArticle: [Int64: Int] = [:]
        var chosen: [(row: Int64, info: PassageInfo, parts: ScoreParts, score: Double)] = []
        for candidate in ranked where chosen.count < limit {
            let count = perArticle[candidate.info.articleRow, default: 0]
            guard count < weights.passagesPerArticle else { continue }
            perArticle[candidate.info.articleRow] = count + 1
            chosen.append(candidate)
        }
        // A question describing an emergency still gets the closest answers under the notice.
        let mayDecline = declineWeak && (result.emergency.map(\.isCrisisLine) ?? true)
        if mayDecline, let best = chosen.first, let reason = declineReason(best.info, best.parts, terms: terms) {
            result.noAnswerReason = reason
            return result
        }
        let highlight = FTS5Query(.any(present.map(\.group.expression)))
        for candidate in chosen {
            result.answers.append(try makeAnswer(candidate.row, candidate.info, candidate.parts, candidate.score,
                                                 terms: present, highlight: highlight, questionType: analyzed.type))
        }
        if result.answers.isEmpty { result.noAnswerReason = "no indexed passage matches the question" }
        return result
    }

    /// Why the best passage is too weak to show, or nil when it answers: it must contain
    /// enough of the weight of the question's topic words (a word the index lacks weighs as
    /// much as the rarest word, so "tamoxifen side effects" is not answered by a passage on
    /// other side effects).
    private func declineReason(_ best: PassageInfo, _ parts: ScoreParts, terms: [WeightedGroup]) -> String? {
        let topics = Self.topicTerms(terms)
        let named = topics.contains { $0.matches(best.topicStems) }
        let needed = named ? weights.minimumCoverage : weights.minimumCoverageInPassing
        guard parts.coverage < needed else { return nil }
        let missing = topics.filter { !$0.matches(best.stems) }.map { $0.group.surface.joined(separator: " ") }
        if missing.isEmpty {
            return "no indexed passage is about \(topics.map { $0.group.surface.joined(separator: " ") }.joined(separator: ", ")); the closest only mention it"
        }
        return "no indexed passage is about \(missing.joined(separator: ", "))"
    }

    /// The terms that say what the question is about: all but the generic ones (answer types,
    /// the asker), or all terms when every one is generic.
    static func topicTerms(_ terms: [WeightedGroup]) -> [WeightedGroup] {
        let topics = terms.filter { !$0.isGeneric }
        return topics.isEmpty ? terms : topics
    }

    /// Document frequency, spelling correction and weight of each term.
    private func weigh(_ groups: [TermGroup]) throws -> [WeightedGroup] {
        let total = Double(max(passageTotal, 1))
        var result: [WeightedGroup] = []
        for var group in groups {
            var frequency = try documentFrequency(group)
            var correctedFrom: String?
            if frequency == 0, group.alternatives.count == 1 {
                // Correct each word the index lacks, also inside a compound ("beckwith-wieddeman").
                var words = group.alternatives[0]
                for (index, word) in words.enumerated() {
                    let single = TermGroup(surface: [word], alternatives: [[word]])
                    if try documentFrequency(single) == 0, let correction = try corrector.correction(for: word) {
                        words[index] = correction
                    }
                }
                if words != group.alternatives[0] {
                    correctedFrom = group.alternatives[0].joined(separator: " ")
                    group.alternatives = [words]
                    frequency = try documentFrequency(group)
                }
            }
            // A word the index does not hold weighs as much as the rarest word: a question
            // about "toe" is not answered by passages that only match its other words.
            if frequency > 0, group.alternatives.count == 1, group.alternatives[0].count == 1 {
                // Add the derivational variants the index holds ("treatment" → "treated").
                var stems = Set([PorterStemmer.stem(group.alternatives[0][0])])
                for variant in WordVariants.candidates(group.alternatives[0][0]) where stems.insert(PorterStemmer.stem(variant)).inserted {
                    let candidate = TermGroup(surface: [variant], alternatives: [[variant]])
                    if try documentFrequency(candidate) > 0 { group.alternatives.append([variant]) }
                }
                if group.alternatives.count > 1 { frequency = try documentFrequency(group) }
            }
            let weight = max(0.1, log(total / max(Double(frequency), 0.5)))
            let informative = Double(frequency) <= weights.commonTermShare * total
            result.append(WeightedGroup(group: group, documentFrequency: frequency, weight: weight,
                                        informative: informative, correctedFrom: correctedFrom))
        }
        // A question made only of common words still needs its terms to count.
        if !result.contains(where: \.informative) {
            for index in result.indices where result[index].documentFrequency > 0 { result[index].informative = true }
        }
        return result
    }

    private func documentFrequency(_ group: TermGroup) throws -> Int {
        // One plain word: read its count from the vocabulary (a b-tree look-up of its porter
        // stem) instead of walking its whole posting list with count(*).
        if group.alternatives.count == 1, group.alternatives[0].count == 1,
           let word = group.alternatives[0].first, word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) {
            return Int(try vocabularyCount.rows([.text(PorterStemmer.stem(word))]) { $0.int(0) }.first ?? 0)
        }
        guard let query = FTS5Query(group.expression) else { return 0 }
        return Int(try countMatches.rows([.text(query.matchString)]) { $0.int(0) }.first ?? 0)
    }

    struct PassageInfo {
        var externalID: String
        var heading: String
        var answersType: QuestionType
        var position: Int
        var articleRow: Int64
        var slug: String
        var title: String
        var published: String
        var source: String
        var url: String?
        var body: String
        var stems: Set<String>
        /// Content words of the title and heading.
        var headingStems: Set<String>
        /// Stems of the title, heading and keywords: what the passage is about.
        var topicStems: Set<String>
        /// Porter stems of title, heading, body and keywords, in order.
        var fieldTokens: [[String]]
    }

    private func stem(_ word: String) -> String {
        if let known = stemCache[word] { return known }
        let stemmed = PorterStemmer.stem(word)
        if stemCache.count < 200_000 { stemCache[word] = stemmed }
        return stemmed
    }

    private func loadPassage(_ row: Int64) throws -> PassageInfo? {
        try passageInfo.rows([.integer(row)]) { s -> PassageInfo in
            let heading = s.text(1), title = s.text(6), body = s.text(11), keywords = s.text(12)
            let fieldTokens = [title, heading, body, keywords].map { TextTokenizer.words($0, limit: 20_000).map(stem) }
            let stems = Set(fieldTokens.joined())
            let headingStems = Set(TextTokenizer.words(title + " " + heading, limit: 200).filter { !StopWords.contains($0) }.map(stem))
            return PassageInfo(externalID: s.text(0), heading: heading,
                               answersType: QuestionType(rawValue: s.text(2)) ?? .other, position: Int(s.int(3)),
                               articleRow: s.int(4), slug: s.text(5), title: title, published: s.text(7),
                               source: s.text(8), url: s.optionalText(9), body: body, stems: stems,
                               headingStems: headingStems,
                               topicStems: Set(fieldTokens[0] + fieldTokens[1] + fieldTokens[3]), fieldTokens: fieldTokens)
        }.first
    }

    private func makeAnswer(_ row: Int64, _ info: PassageInfo, _ parts: ScoreParts, _ score: Double,
                            terms: [WeightedGroup], highlight: FTS5Query?, questionType: QuestionType) throws -> Answer {
        var snippet = ""
        if let highlight {
            snippet = try snippetOf.rows([.text(highlight.matchString), .integer(row)]) { $0.text(0) }.first ?? ""
        }
        let references = try referencesOf.rows([.integer(info.articleRow)]) { s in
            Reference(authors: s.text(0).split(separator: ";").map { $0.trimmed }, year: s.isNull(1) ? nil : Int(s.int(1)),
                      title: s.text(2), journal: s.text(3), volume: s.text(4), issue: s.text(5), pages: s.text(6),
                      doi: s.text(7), raw: s.text(8))
        }
        return Answer(articleID: info.slug, articleTitle: info.title, heading: info.heading, passageID: info.externalID,
                      published: info.published, source: info.source, url: info.url,
                      sentences: extractor.sentences(of: info.body, for: terms, sectionAnswersQuestion: info.answersType == questionType,
                                                     stem: stem),
                      snippet: snippet,
                      score: score, scoreParts: parts, references: references)
    }
}

/// Errors a user can meet when searching, with what to do about them.
public enum SearchError: Error, CustomStringConvertible, Sendable {
    case damagedIndex(path: String, detail: String)
    case incompatibleIndex(path: String, found: String)
    case cannotOpen(path: String, detail: String)

    static func from(_ error: SQLiteError, path: String) -> SearchError {
        if error.isCorruption { return .damagedIndex(path: path, detail: error.message) }
        if error.message.contains("no such table") { return .damagedIndex(path: path, detail: error.message) }
        return .cannotOpen(path: path, detail: error.description)
    }

    public var description: String {
        switch self {
        case .damagedIndex(let path, let detail):
            return "the index at \(path) is damaged (\(detail)); rebuild it with `medsearch index --rebuild --db \(path) PATH…`"
        case .incompatibleIndex(let path, let found):
            return "the index at \(path) has schema version \(found), this program needs \(Schema.version); rebuild it with `medsearch index --rebuild --db \(path) PATH…`"
        case .cannotOpen(let path, let detail):
            return "cannot read the index at \(path): \(detail)"
        }
    }
}
