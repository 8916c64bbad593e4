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
    /// Terms narrowed to their topic lists because the question's lists together exceeded the
    /// posting budget (`PostingBudget`), with the postings of their whole and topic lists.
    public var narrowed: [(term: String, postings: Int, topicPostings: Int)] = []
    /// Set when the engine declines to answer ("no indexed passage covers …").
    public var noAnswerReason: String?
    /// With a declined question: passages that hold its topic words only in passing (at most 2).
    public var mentionedIn: [PassageMention] = []
    /// Set when the question describes an emergency happening now.
    public var emergency: EmergencyNotice?

    /// The question's words that were searched as another, indexed word ("immunotharapy" →
    /// "immunotherapy"), as the question wrote them and as searched (in the answers' own
    /// spelling where they hold it, see `shownForm(of:)`).
    public var corrections: [(typed: String, searched: String)] {
        terms.compactMap { term in
            term.correctedFrom.map { ($0, shownForm(of: term.group.alternatives[0].joined(separator: " "))) }
        }
    }

    /// Short forms also searched as the words the indexed articles give them ("nph" → "normal
    /// pressure hydrocephalus"; `AbbreviationFinder`).
    public var abbreviations: [(short: String, long: [String])] {
        terms.compactMap { $0.longForms.isEmpty ? nil : ($0.group.surface.joined(separator: " "), $0.longForms) }
    }

    /// A searched word as the answers' own text writes it, for display: a correction is an
    /// index term, which may be a stem ("immunotherapi" reads "immunotherapy"); unchanged when
    /// no answer holds it.
    public func shownForm(of searched: String) -> String {
        let stems = TextTokenizer.words(searched).map(PorterStemmer.stem)
        guard stems.count == 1, let wanted = stems.first else { return searched }
        for answer in answers {
            for text in [answer.heading] + answer.sentences {
                if let word = TextTokenizer.words(text).first(where: { PorterStemmer.stem($0) == wanted }) { return word }
            }
        }
        return searched
    }
}

/// How much of each answer to build.
public enum AnswerDetail: Sendable {
    /// Text, chosen sentences, snippet and references: what `ask` shows.
    case full
    /// Ids, headings, source and scores only — what a ranking needs (`eval`, and the
    /// benchmark's comparison with engines that return document ids). Without `declineWeak`
    /// the question is not checked for an emergency either (no `emergency` notice, and no
    /// boost for the when-to-seek-care sections it would give: on the LiveQA questions, whose
    /// rankings this mode makes, checking changed no ranking and cost 0.03 ms).
    case ranking
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
    let postingsReader: PostingsReader
    let digestData: Statement
    let passageInfo: Statement
    /// `passageInfo` without the text, for rankings.
    let passageLabel: Statement
    let snippetOf: Statement
    let referencesOf: Statement
    let dataVersion: Statement
    let abbreviationsOf: Statement
    /// How many passages (at most 3) match an FTS5 expression.
    let passagesMatching: Statement
    /// Whether one passage matches an FTS5 expression (1 or 0).
    let passageMatches: Statement
    /// `covers(_:)`'s answers for this version of the index.
    var conditionCoverage: [[String]: Bool] = [:]
    /// The passage digest and the score buffers, reloaded when another connection has
    /// committed (a re-index).
    var scorer: CandidateScorer
    var seenDataVersion: Int64
    /// Porter stems of words seen so far: passages repeat their words, stemming is the cost.
    var stemCache: [String: String] = [:]
    /// `lexiconCorrection(for:)`'s answers so far, none included: users repeat their words.
    var lexiconCorrections: [String: (phrase: [String], group: Int)?] = [:]
    /// `abbreviations(of:)`'s answers so far.
    var knownAbbreviations: [String: [[String]]] = [:]
    /// `dictionarySpellings(of:)`'s answers so far (they depend on the index).
    var knownSpellings: [String: [String]] = [:]

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
            postingsReader = try PostingsReader(database: database)
            digestData = try database.prepare("SELECT data FROM passage_digest WHERE part = 0")
            passageInfo = try database.prepare("""
                SELECT p.external_id, p.heading, p.answers_type, a.slug, a.title, a.published, a.source, a.url, f.body
                FROM passages p JOIN articles a ON a.id = p.article_id JOIN passages_fts f ON f.rowid = p.id
                WHERE p.id = ?
                """)
            passageLabel = try database.prepare("""
                SELECT p.external_id, p.heading, p.answers_type, a.slug, a.title, a.published, a.source, a.url, ''
                FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.id = ?
                """)
            snippetOf = try database.prepare("""
                SELECT snippet(passages_fts, 2, '[', ']', '…', 40) FROM passages_fts
                WHERE passages_fts MATCH ? AND rowid = ?
                """)
            referencesOf = try database.prepare("""
                SELECT r.authors, r.year, r.title, r.journal, r.volume, r.issue, r.pages, r.doi, r.raw
                FROM article_refs ar JOIN refs r ON r.id = ar.ref_id WHERE ar.article_id = ? ORDER BY ar.position
                """)
            // The commonest long forms first (defined by the most articles).
            abbreviationsOf = try database.prepare("""
                SELECT long, COUNT(*) AS articles FROM abbreviations WHERE short = ?
                GROUP BY long ORDER BY articles DESC, long LIMIT 2
                """)
            passagesMatching = try database.prepare("SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT 3)")
            passageMatches = try database.prepare("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ? AND rowid = ?")
            // The version first: a commit between the two reads then triggers a recount.
            dataVersion = try database.prepare("PRAGMA data_version")
            seenDataVersion = try dataVersion.rows { $0.int(0) }.first ?? 0
            scorer = CandidateScorer(digest: try Self.digest(digestData, path: path), k1: weights.bm25K1, b: weights.bm25B)
            postingsReader.passageLimit = Int32(scorer.passageCount)
            corrector = try SpellingCorrector(database: database)
        } catch let error as SQLiteError {
            throw SearchError.from(error, path: path)
        }
    }

    /// The passage digest the ranking reads (see `PassageDigest`).
    private static func digest(_ statement: Statement, path: String) throws -> PassageDigest {
        // No row: an index no update has finished yet, with nothing to rank.
        guard let stored = try statement.rows([], { row in row.withBytes(0) { PassageDigest(decoding: $0) } }).first else {
            return PassageDigest(records: [])
        }
        guard let digest = stored else { throw SearchError.damagedIndex(path: path, detail: "the passage digest is malformed") }
        return digest
    }

    /// Answers `question` with at most `limit` passages (at most two per article). With
    /// `declineWeak`, a best passage that covers too little of the question gives no answers
    /// and a `noAnswerReason` instead.
    public func answers(to question: String, limit: Int = 5, declineWeak: Bool = true,
                        detail: AnswerDetail = .full) throws -> SearchResult {
        do {
            // One read transaction per question: all its statements see one snapshot, the old
            // index or the new one, even when a re-index commits while it is being answered.
            return try database.readTransaction {
                let version = try dataVersion.rows { $0.int(0) }.first ?? 0
                if version != seenDataVersion {
                    scorer = CandidateScorer(digest: try Self.digest(digestData, path: path), k1: weights.bm25K1, b: weights.bm25B)
                    postingsReader.passageLimit = Int32(scorer.passageCount)
                    postingsReader.reset()
                    corrector.reset()
                    knownAbbreviations.removeAll()
                    knownSpellings.removeAll()
                    conditionCoverage.removeAll()
                    seenDataVersion = version
                }
                return try search(question, limit: max(1, limit), declineWeak: declineWeak, detail: detail)
            }
        } catch let error as SQLiteError {
            throw SearchError.from(error, path: path)
        }
    }

    private func search(_ question: String, limit: Int, declineWeak: Bool, detail: AnswerDetail) throws -> SearchResult {
        let analyzed = analyzer.analyze(question)
        // The emergency notice decides whether a weak best answer is declined, lifts the
        // sections on when to seek care, and `ask` shows it; a ranking that may not decline
        // goes without it (`eval` on LiveQA, the benchmark's ranking-only figures, like for
        // like with engines that only rank).
        let needsNotice = detail == .full || declineWeak
        var result = SearchResult(question: analyzed, terms: [], stages: [], answers: [], noAnswerReason: nil,
                                  emergency: needsNotice ? detector.assess(question) : nil)
        postingsReader.startQuestion()
        let narrowed = try overPostingBudget(analyzed.groups, report: &result.narrowed)
        let (terms, postings) = try weigh(analyzed.groups, narrowed: narrowed)
        result.terms = terms
        let present = terms.filter { $0.documentFrequency > 0 }
        guard !present.isEmpty else {
            result.noAnswerReason = analyzed.groups.isEmpty
                ? "the question has no searchable words"
                : "no indexed passage contains any of the question's words"
            return result
        }

        // A question describing an emergency still gets the closest answers under the notice.
        let mayDecline = declineWeak && (result.emergency.map(\.isCrisisLine) ?? true)
        // The articles give no amounts: a dose question gets that reason, not a passage that
        // only names the medicine (`DoseRequest`). Nor are they about animals (`AnimalQuestion`),
        // and they give no prices (`PriceRequest`).
        if mayDecline, DoseRequest.matches(words: analyzed.words) {
            result.noAnswerReason = Self.doseReason
            return result
        }
        if mayDecline, AnimalQuestion.matches(words: analyzed.words) {
            result.noAnswerReason = Self.animalReason
            return result
        }
        if mayDecline, PriceRequest.matches(words: analyzed.words) {
            result.noAnswerReason = Self.priceReason
            return result
        }

        // Every passage holding a question term is scored; enough of the best are kept
        // to fill `limit` even when one article holds many of them.
        // A question describing an emergency is also answered by a section on when to seek care
        // ("hives with lip swelling": "When are hives an emergency?"), as much as by one of its
        // own type; so is a question by the sections of its type's related types.
        let emergency: [QuestionType] = result.emergency.map { !$0.isCrisisLine } == true ? [.emergency] : []
        let alsoAnswering = emergency + analyzed.type.alsoAnsweredBy
        var ranked = scorer.rank(terms, postings: postings, type: analyzed.type, alsoAnswering: alsoAnswering, weights: weights,
                                 limit: limit * max(1, min(weights.passagesPerArticle, 4)) + 16)
        // Passages too weak to show that outrank one that covers the question and names a topic
        // word in its title, heading or keywords give way to it; so do they to one that holds
        // every topic word of a question of several, though it names none ("scarlet fever" in a
        // strep-throat passage, "positive ANA test" in lupus's): a single word ("acne") is too
        // easily found in passing.
        let need = coverageNeed(terms)
        func isWeak(_ candidate: CandidateScorer.Candidate) -> Bool { need.isWeak(candidate) }
        // So do they to one holding a drug the question names: articles list drugs in their
        // sections' bodies ("aimovig side effects": erenumab among the migraine preventives).
        let topics = Self.topicTerms(terms)
        let holdingAllSuffices = topics.count >= 2 || topics.contains { Synonyms.isDrugName($0.group.alternatives.first ?? []) }
        if mayDecline, let first = ranked.first, isWeak(first),
           let covered = ranked.firstIndex(where: { !isWeak($0) && ($0.namesTopic || (holdingAllSuffices && $0.parts.coverage >= 1)) }) {
            ranked.removeFirst(covered)
        }
        if let candidates = FTS5Query(.any(present.map(\.group.expression))) {
            result.stages.append((candidates.matchString, scorer.lastCandidateCount))
        }

        var perArticle: [Int64: Int] = [:]
        var chosen: [CandidateScorer.Candidate] = []
        for candidate in ranked where chosen.count < limit {
            let article = scorer.digest.records[Int(candidate.passage)].article
            let count = perArticle[article, default: 0]
            guard count < weights.passagesPerArticle else { continue }
            perArticle[article] = count + 1
            chosen.append(candidate)
        }
        if mayDecline, let best = chosen.first, let reason = try declineReason(best, terms: terms, postings: postings, need: need)
            ?? everydayWordOnly(terms, postings: postings)
            ?? otherVaccine(best, question: analyzed)
            ?? uncoveredCondition(analyzed, best: best, terms: terms, postings: postings).map({ "the articles in this index do not cover \($0)" })
            ?? withoutQualifier(best, question: analyzed, terms: terms) {
            result.noAnswerReason = reason
            for candidate in ranked.filter({ !isWeak($0) && !$0.namesTopic }).prefix(2) {
                let record = scorer.digest.records[Int(candidate.passage)]
                guard let info = try loadPassage(record.rowid, withText: false) else { continue }
                result.mentionedIn.append(PassageMention(articleID: info.slug, articleTitle: info.title, heading: info.heading,
                                                         passageID: info.externalID))
            }
            return result
        }
        let highlight = FTS5Query(.any(present.map(\.group.expression)))
        for candidate in chosen {
            let record = scorer.digest.records[Int(candidate.passage)]
            guard let info = try loadPassage(record.rowid, withText: detail == .full) else { continue }
            if detail == .ranking {
                result.answers.append(Answer(articleID: info.slug, articleTitle: info.title, heading: info.heading,
                                             passageID: info.externalID, published: info.published, source: info.source,
                                             url: info.url, sentences: [], snippet: "", score: candidate.score,
                                             scoreParts: candidate.parts, references: []))
                continue
            }
            result.answers.append(try makeAnswer(record, info, candidate, terms: present, highlight: highlight,
                                                 questionType: analyzed.type))
        }
        if result.answers.isEmpty { result.noAnswerReason = "no indexed passage matches the question" }
        return result
    }

    /// The common condition the question names that the index does not cover, when the question
    /// is about it: nil otherwise. It is about it when it names no condition the index covers and
    /// none of its other topic words is named in a title, heading or keywords either (nor a drug
    /// the lexicon knows): "what causes kidney stones". It is also about it, whatever else it
    /// names, when the best passage does not mention it: "IVIG for long covid" is not answered
    /// by what IVIG is, nor "group b strep test in pregnancy" by the strep throat test. Three
    /// kinds of question are left to the ranking: a long message (its conditions are often the
    /// asker's story), a comparison with something covered ("type 1 vs type 2 diabetes"), and a
    /// cancer, which the immunotherapy articles answer for cancers in general ("CAR-T for breast
    /// cancer": approved for blood cancers, not solid tumours).
    private func uncoveredCondition(_ question: AnalyzedQuestion, best: CandidateScorer.Candidate, terms: [WeightedGroup],
                                    postings: [TermPostings]) throws -> String? {
        let conditions = CommonConditions.named(in: question.words, stem: stem)
        guard !conditions.isEmpty else { return nil }
        let uncovered = try conditions.filter { try !covers($0) }
        guard let first = uncovered.first else { return nil }
        // A comparison of one condition with something it does not name as one ("type 1 and type 2").
        let comparesWithCovered = question.type == .comparison && conditions.count < 2
        if uncovered.count == conditions.count, !comparesWithCovered, try namesNothingElse(conditions, terms: terms, postings: postings) {
            return first.joined(separator: " ")
        }
        guard question.type != .comparison, terms.count(where: { !$0.isGeneric }) < weights.longMessageTopicWords else { return nil }
        let row = rowid(of: best)
        for condition in uncovered where !CommonConditions.isCancer(condition) {
            // Its lexicon names count as mentions: "pink eye" is the conjunctivitis of a passage.
            let names = [condition] + terms.filter { $0.group.surface == condition }.flatMap(\.group.alternatives)
            if try !names.contains(where: { try mentions(row, $0) }) { return condition.joined(separator: " ") }
        }
        return nil
    }

    /// Why a shorter question about pregnancy or breastfeeding, or about alcohol, is not
    /// answered by a passage that mentions neither: whether a medicine is safe then, or with a
    /// drink, is a question of its own ("is dupixent safe while pregnant" is not answered by
    /// dupilumab's side effects, nor "beer on amoxicillin" by how strep is treated). In a
    /// message of several sentences only those that ask count: "My daughter is pregnant … How
    /// careful do I need to be?" asks how contagious shingles is. Nil otherwise.
    private func withoutQualifier(_ best: CandidateScorer.Candidate, question: AnalyzedQuestion, terms: [WeightedGroup]) throws -> String? {
        guard terms.count(where: { !$0.isGeneric }) < weights.longMessageTopicWords else { return nil }
        for qualifier in Self.qualifiers {
            guard let asked = terms.first(where: { $0.group.alternatives.joined().contains { qualifier.contains($0) } }) else { continue }
            if let asking = question.askingWords, !asking.contains(where: { qualifier.contains($0) }) { continue }
            let row = rowid(of: best)
            let names = asked.group.alternatives + qualifier.map { [$0] }
            if try names.contains(where: { try mentions(row, $0) }) { continue }
            let others = Self.topicTerms(terms).filter { $0 != asked }.map { $0.group.surface.joined(separator: " ") }
            return "no indexed passage is about \((others + [asked.group.surface.joined(separator: " ")]).joined(separator: " and ")) together"
        }
        return nil
    }

    /// Circumstances that change the answer: pregnancy and breastfeeding, and alcohol.
    static let qualifiers: [Set<String>] = [["pregnant", "pregnancy", "breastfeeding", "breastfeed", "breastfed"],
                                            ["alcohol", "beer", "wine", "liquor", "booze", "drunk", "hangover"]]

    /// Whether none of the question's topic words but the conditions' own is named in a title,
    /// heading or keywords, nor is a drug the lexicon knows.
    private func namesNothingElse(_ conditions: [[String]], terms: [WeightedGroup], postings: [TermPostings]) throws -> Bool {
        let conditionStems = Set(conditions.joined().map(stem))
        for (index, term) in terms.enumerated() where !term.isGeneric {
            if term.group.surface.allSatisfy({ conditionStems.contains(stem($0)) || StopWords.contains($0) }) { continue }
            if Synonyms.isDrugName(term.group.alternatives.first ?? []) { return false }
            if postings[index].isNamedAnywhere { return false }
        }
        return true
    }

    /// The passage's row in `passages` and `passages_fts`.
    private func rowid(of candidate: CandidateScorer.Candidate) -> Int64 { scorer.digest.records[Int(candidate.passage)].rowid }

    /// Whether the passage of `rowid` holds `phrase` in any column (FTS5).
    private func mentions(_ rowid: Int64, _ phrase: [String]) throws -> Bool {
        guard let query = FTS5Query(.phrase(phrase)) else { return false }
        return try (passageMatches.rows([.text(query.matchString), .integer(rowid)]) { $0.int(0) }.first ?? 0) > 0
    }

    /// Whether the index covers `condition` (FTS5, as a phrase): a passage names it in its title,
    /// heading or keywords, or three or more mention it ("ear infections" in ten passages on
    /// recurrent infections and antibiotics; "kidney stones" in one, among the risks for a UTI).
    private func covers(_ condition: [String]) throws -> Bool {
        if let known = conditionCoverage[condition] { return known }
        guard let anywhere = FTS5Query(.phrase(condition)),
              let named = FTS5Query(.inColumns(["title", "heading", "keywords"], .phrase(condition))) else { return false }
        func count(_ query: FTS5Query) throws -> Int64 { try passagesMatching.rows([.text(query.matchString)]) { $0.int(0) }.first ?? 0 }
        let found = try count(named) > 0 || count(anywhere) >= 3
        if conditionCoverage.count < 10_000 { conditionCoverage[condition] = found }
        return found
    }

    static let priceReason = "MedSearch gives no prices; costs depend on the country, the insurer and the treatment centre, "
        + "so ask them"
    static let animalReason = "the articles are about people's health, not animals'; ask a vet"
    static let doseReason = "MedSearch gives no doses; the right amount depends on the person and the product, "
        + "so ask a pharmacist or doctor, or follow the medicine's leaflet"

    /// The share of the weight of the question's topic words a passage must contain to answer
    /// (a word the index lacks weighs as much as the rarest word, so "tamoxifen side effects" is
    /// not answered by a passage on other side effects): `named` for a passage whose title,
    /// heading or keywords hold one of them, `inPassing` for one that only mentions them.
    struct CoverageNeed {
        var named: Double
        var inPassing: Double
        /// Below this coverage, a passage also needs a BM25 score of `partialScore`.
        var partial = 0.0
        var partialScore = 0.0

        func isWeak(_ candidate: CandidateScorer.Candidate) -> Bool {
            coversTooLittle(candidate) || matchesPartlyAndBarely(candidate)
        }

        func coversTooLittle(_ candidate: CandidateScorer.Candidate) -> Bool {
            candidate.parts.coverage < (candidate.namesTopic ? named : inPassing)
        }

        func matchesPartlyAndBarely(_ candidate: CandidateScorer.Candidate) -> Bool {
            candidate.parts.coverage < partial && candidate.parts.bm25 < partialScore
        }
    }

    /// Less for a question of many topic words, some of which are the asker's circumstances
    /// ("took my bp at the pharmacy"), and least for a long message, most of whose words are
    /// its story ("walks the dog every day").
    private func coverageNeed(_ terms: [WeightedGroup]) -> CoverageNeed {
        let topics = terms.count { !$0.isGeneric }
        if topics >= weights.longMessageTopicWords {
            return CoverageNeed(named: weights.minimumCoverageLongMessage, inPassing: weights.minimumCoverageLongMessageInPassing)
        }
        return CoverageNeed(named: topics >= weights.manyTopicWords ? weights.minimumCoverageManyWords : weights.minimumCoverage,
                            inPassing: weights.minimumCoverageInPassing, partial: weights.partialCoverage, partialScore: weights.minimumPartialScore)
    }

    /// Why the best passage is too weak to show, or nil when it answers.
    private func declineReason(_ best: CandidateScorer.Candidate, terms: [WeightedGroup], postings: [TermPostings], need: CoverageNeed) -> String? {
        guard need.isWeak(best) else { return nil }
        func named(_ terms: [WeightedGroup], _ separator: String) -> String {
            terms.map { $0.group.surface.joined(separator: " ") }.joined(separator: separator)
        }
        let topics = Self.topicTerms(terms)
        let missing = terms.indices.filter { index in
            topics.contains(terms[index]) && !postings[index].entries.contains { $0.passage == best.passage }
        }.map { terms[$0] }
        let unknown = missing.filter { $0.documentFrequency == 0 }
        if !unknown.isEmpty { return "no indexed passage is about \(named(unknown, ", "))" }
        // The words it lacks are elsewhere ("pink eye" in eczema's, "contagious" in shingles').
        if !missing.isEmpty {
            guard topics.count > 1 else { return "no indexed passage is about \(named(missing, ", "))" }
            return "no indexed passage is about \(named(topics, " and ")) together; the closest lacks \(named(missing, ", "))"
        }
        if need.coversTooLittle(best) {
            return "no indexed passage is about \(named(topics, ", ")); the closest only mention it"
        }
        return "no indexed passage is about \(named(topics, " and ")) together; the closest match little of it"
    }

    /// Why a question of one topic word is not answered: many passages mention the word
    /// (`weights.everydayWordPassages` or more) and none names it in its title, heading or
    /// keywords, so it is an everyday word this index uses only in passing ("sleep"), not one
    /// of its topics. Nil otherwise, and for a drug the lexicon knows.
    private func everydayWordOnly(_ terms: [WeightedGroup], postings: [TermPostings]) -> String? {
        let topics = terms.indices.filter { !terms[$0].isGeneric }
        guard weights.everydayWordPassages > 0, topics.count == 1, let index = topics.first,
              terms[index].documentFrequency >= weights.everydayWordPassages,
              !Synonyms.isDrugName(terms[index].group.alternatives.first ?? []),
              !postings[index].isNamedAnywhere else { return nil }
        let word = terms[index].group.surface.joined(separator: " ")
        return "no indexed passage is about \(word); \(terms[index].documentFrequency) mention it only in passing"
    }

    /// Why the best passage does not answer a question about the vaccine against a disease
    /// (`VaccineQuestion`): it is about another vaccine, or gives no schedule to a question about
    /// one. Nil when it answers, or the question names no such vaccine. In a message of several
    /// sentences, only those that ask count: "he had the chickenpox vaccine" is the asker's story.
    private func otherVaccine(_ best: CandidateScorer.Candidate, question: AnalyzedQuestion) throws -> String? {
        let words = question.askingWords ?? question.words
        guard let names = VaccineQuestion.disease(in: words),
              let info = try loadPassage(rowid(of: best), withText: true) else { return nil }
        let text = TextTokenizer.words(info.body, limit: 4_000)
        let vaccine = "the \(names[0].joined(separator: " ")) vaccine"
        guard VaccineQuestion.isAbout(names, heading: TextTokenizer.words(info.heading), title: TextTokenizer.words(info.title), text: text) else {
            return "no indexed passage is about \(vaccine)"
        }
        return VaccineQuestion.asksSchedule(words) && !VaccineQuestion.givesSchedule(text) ? "no indexed passage gives the schedule of \(vaccine)" : nil
    }

    /// The terms that say what the question is about: all but the generic ones (answer types,
    /// the asker); when every one is generic, those the index holds (or all, if it holds none).
    static func topicTerms(_ terms: [WeightedGroup]) -> [WeightedGroup] {
        let topics = terms.filter { !$0.isGeneric }
        if !topics.isEmpty { return topics }
        // As `CandidateScorer` counts coverage: the generic words the index holds, if any.
        let held = terms.filter { $0.documentFrequency > 0 }
        return held.isEmpty ? terms : held
    }

    /// The positions of the groups to read narrowed, when their lists together exceed
    /// `weights.postingBudget` (see `PostingBudget`). Lists are counted here, not read.
    private func overPostingBudget(_ groups: [TermGroup], report: inout [(term: String, postings: Int, topicPostings: Int)]) throws -> Set<Int> {
        let budget = weights.postingBudget
        guard budget > 0 else { return [] }
        // The stems each group may read: its words, and a single word's derivational variants.
        let stems = groups.map { group -> Set<String> in
            var stems = Set(group.alternatives.joined().map(stem))
            if group.alternatives.count == 1, group.alternatives[0].count == 1 {
                stems.formUnion(WordVariants.candidates(group.alternatives[0][0]).map(stem))
            }
            return stems
        }
        // Every stem in every passage is the most they could read: within budget, nothing to count.
        guard stems.reduce(0, { $0 + $1.count }) * scorer.passageCount > budget else { return [] }
        let lengths = try stems.map { try $0.map { try postingsReader.lengths(ofStem: $0) } }
        let held = zip(stems, lengths).map { stems, lengths in Set(zip(stems, lengths).filter { $0.1.all > 0 }.map(\.0)) }
        // "treatments" and "treat" read the same lists (the searcher then merges them): counted
        // once, narrowed together.
        let first = held.indices.map { index in held.firstIndex(of: held[index]) ?? index }
        let unique = held.indices.filter { first[$0] == $0 }
        let full = unique.map { lengths[$0].reduce(0) { $0 + $1.all } }
        let topic = unique.map { lengths[$0].reduce(0) { $0 + $1.topic } }
        let chosen = PostingBudget.narrowed(full: full, topic: topic, budget: budget)
        guard !chosen.isEmpty else { return [] }
        report = chosen.sorted().map { (groups[unique[$0]].surface.joined(separator: " "), full[$0], topic[$0]) }
        let narrowedUnique = Set(chosen.map { unique[$0] })
        return Set(groups.indices.filter { narrowedUnique.contains(first[$0]) })
    }

    /// Posting list, spelling correction and weight of each term.
    /// The groups at the positions in `narrowed` read only their topic lists
    /// (`overPostingBudget`), and weigh as much as their whole lists would make them.
    private func weigh(_ groups: [TermGroup], narrowed: Set<Int> = []) throws -> ([WeightedGroup], [TermPostings]) {
        let total = Double(max(scorer.passageCount, 1))
        var result: [WeightedGroup] = []
        var lists: [TermPostings] = []
        var seen = Set<Set<[String]>>()
        // The passages of the question's topic words, worked out on first need (a list narrowed
        // for the posting budget counts by its topic list, which is all it reads).
        var context: [Bool]?
        func contextPassages() throws -> [Bool] {
            if let context { return context }
            var marks = [Bool](repeating: false, count: scorer.passageCount)
            for (position, group) in groups.enumerated()
            where !group.isTypeCue && !WeightedGroup.isGeneric(asked: group.alternatives.first ?? [], stems: (group.alternatives.first ?? []).map(stem)) {
                let topicOnly = narrowed.contains(position)
                // A compound's own words count too: "beckwith" for "beckwith-wieddeman".
                let lists = try [postingsReader.postings(of: group, topicOnly: topicOnly, stem: stem)]
                    + group.alternatives.joined().map { try postingsReader.postings(ofStem: stem($0), topicOnly: topicOnly) }
                for list in lists {
                    for entry in list.entries where Int(entry.passage) < marks.count { marks[Int(entry.passage)] = true }
                }
            }
            context = marks
            return marks
        }
        for (position, var group) in groups.enumerated() {
            let topicOnly = narrowed.contains(position)
            let typedWord = group.alternatives.count == 1 && group.alternatives[0].count == 1 ? group.alternatives[0][0] : nil
            var postings = try postingsReader.postings(of: group, topicOnly: topicOnly, stem: stem)
            var correctedFrom: String?
            if !topicOnly, postings.isEmpty, group.alternatives.count == 1 {
                // Correct each word the index lacks, also inside a compound ("beckwith-wieddeman").
                var words = group.alternatives[0]
                for (index, word) in words.enumerated() where try postingsReader.postings(ofStem: stem(word)).isEmpty {
                    if let correction = try correction(for: word, context: contextPassages) { words[index] = correction }
                }
                if words != group.alternatives[0] {
                    correctedFrom = group.alternatives[0].joined(separator: " ")
                    group.alternatives = [words]
                    postings = try postingsReader.postings(of: group, stem: stem)
                } else if words.count == 1, try corrector.candidates(for: words[0]).isEmpty, let known = lexiconCorrection(for: words[0]) {
                    // Not in the index, nor close to an indexed term, but close to a name the lexicon
                    // knows ("amlodopine"): its group. Left alone when indexed terms are as close and
                    // the question cannot choose ("vacine": "vaccine" or "vagina"). An English word is
                    // left alone here too ("concussion" is not "convulsion").
                    correctedFrom = words[0]
                    group.alternatives = [known.phrase] + Synonyms.groups[known.group].map { TextTokenizer.words($0) }
                        .filter { $0 != known.phrase }
                    postings = try postingsReader.postings(of: group, stem: stem)
                }
            }
            if group.alternatives.count == 1, group.alternatives[0].count == 1 {
                // Add the derivational variants the index holds ("treatment" → "treated"), also for
                // a word it lacks ("asthmatics" → "asthma").
                var stems = Set([stem(group.alternatives[0][0])])
                for variant in WordVariants.candidates(group.alternatives[0][0]) where stems.insert(stem(variant)).inserted {
                    let more = try postingsReader.postings(ofStem: stem(variant), topicOnly: topicOnly)
                    guard topicOnly ? try postingsReader.lengths(ofStem: stem(variant)).all > 0 : !more.isEmpty else { continue }
                    group.alternatives.append([variant])
                    postings = postings.union(more)
                }
            }
            // An abbreviation the articles define ("nph"): also the words it stands for.
            var longForms: [String] = []
            if let typedWord, correctedFrom == nil {
                for long in try abbreviations(of: typedWord) where !group.alternatives.contains(long) {
                    longForms.append(long.joined(separator: " "))
                    group.alternatives.append(long)
                    postings = postings.union(try postingsReader.postings(of: TermGroup(surface: long, alternatives: [long]),
                                                                          topicOnly: topicOnly, stem: stem))
                }
            }
            // "exercise" and "exercises", or "asthmatics" corrected to "asthma" beside "asthma":
            // one term, counted once.
            let stems = Set(group.alternatives.map { $0.map(stem) })
            guard seen.insert(stems).inserted else { continue }
            // A word the index does not hold weighs as much as the rarest word: a question
            // about "toe" is not answered by passages that only match its other words (but
            // see `shortQuestionTopicWords` below).
            // A narrowed term's weight comes from its whole lists: at most the sum of its
            // alternatives' lengths, each phrase at most its rarest word's.
            let frequency = !topicOnly ? postings.count : min(scorer.passageCount, try group.alternatives.reduce(0) { sum, phrase in
                sum + (try phrase.map { try postingsReader.lengths(ofStem: stem($0)).all }.min() ?? 0)
            })
            let weight = max(0.1, log(total / max(Double(frequency), 0.5)))
            let informative = Double(frequency) <= weights.commonTermShare * total
            var weighted = WeightedGroup(group: group, documentFrequency: frequency, weight: weight,
                                         informative: informative, correctedFrom: correctedFrom, stem: stem)
            weighted.longForms = longForms
            result.append(weighted)
            lists.append(postings)
        }
        // A long message keeps its most informative terms: the chatter's common words cost
        // time and pull the ranking towards whatever they happen to match.
        if result.count > weights.maximumTerms {
            let kept = Set(result.indices.sorted { (result[$0].weight, -$0) > (result[$1].weight, -$1) }.prefix(weights.maximumTerms))
            let indices = result.indices.filter(kept.contains)
            result = indices.map { result[$0] }
            lists = indices.map { lists[$0] }
        }
        // A long question's words the index lacks are mostly everyday words a small index
        // never saw ("buy", "jab", "yesterday"): past `shortQuestionTopicWords` topic words,
        // such a word weighs no more than the heaviest topic word the index holds.
        let topicCount = result.count { !$0.isGeneric }
        if topicCount > weights.shortQuestionTopicWords,
           let heaviest = result.filter({ !$0.isGeneric && $0.documentFrequency > 0 }).map(\.weight).max() {
            for index in result.indices where result[index].documentFrequency == 0 && !result[index].isGeneric {
                result[index].weight = min(result[index].weight, heaviest)
            }
        }
        // A question made only of common words still needs its terms to count.
        if !result.contains(where: \.informative) {
            for index in result.indices where result[index].documentFrequency > 0 { result[index].informative = true }
        }
        return (result, lists)
    }

    /// A misspelling this long is rarely one edit from another real word: "hydrslazine" is
    /// corrected to "hydralazine" though no other word of the question is found beside it.
    /// Chosen, not tuned: "moderna" (7 letters) must not become "modern".
    static let longWordForCorrection = 8

    /// The indexed word to search for `word`, which the index lacks: the one found most often
    /// beside the question's other topic words among the closest terms; nil when none is found
    /// beside them. "vacine" beside "shingles" is "vaccine", not "vagina"; "moderna" beside
    /// "melanoma" stays itself rather than "modern". The only close term stands without that
    /// check when the question has no other indexed topic word ("immunotharapy" alone), or
    /// when the word has `longWordForCorrection` letters or more. (English words never reach
    /// here: `SpellingCorrector` offers no term for them.) Measured in `Benchmarks/RESULTS.md`
    /// (sessions 7 and 8).
    private func correction(for word: String, context: () throws -> [Bool]) throws -> String? {
        var candidates = try corrector.candidates(for: word)
        if candidates.isEmpty { candidates = try dictionarySpellings(of: word) }
        guard !candidates.isEmpty else { return nil }
        let marks = try context()
        // The only close term stands when nothing can confirm it (no other topic word in the
        // index: "immunotharapy" alone) or when the typed word is long enough that it is
        // unlikely to be another real word ("hydrslazine").
        if candidates.count == 1, !marks.contains(true) || word.count >= Self.longWordForCorrection { return candidates[0] }
        var best: (word: String, together: Int)?
        for candidate in candidates {
            let together = try postingsReader.postings(ofStem: stem(candidate)).entries
                .count { Int($0.passage) < marks.count && marks[Int($0.passage)] }
            if together > (best?.together ?? 0) { best = (candidate, together) }
        }
        return best?.word
    }

    /// What an answer shows of a passage: read for the chosen passages only.
    struct PassageInfo {
        var externalID: String
        var heading: String
        var answersType: QuestionType
        var slug: String
        var title: String
        var published: String
        var source: String
        var url: String?
        var body: String
    }

    /// The English words one edit from `word` whose stems the index holds, for a word of
    /// `longWordForDictionary` letters or more that is no English word and that no indexed stem
    /// is close to: "hepatitus" stems to "hepatitu", three edits from "hepatitis"'s stem "hepat",
    /// but it is one edit from "hepatitis".
    private func dictionarySpellings(of word: String) throws -> [String] {
        if let known = knownSpellings[word] { return known }
        var found: [String] = []
        if word.count >= Self.longWordForDictionary, word.allSatisfy(\.isLetter), !EnglishWords.contains(word) {
            found = try EnglishWords.withinOneEdit(of: word).filter { try !postingsReader.postings(ofStem: stem($0)).isEmpty }
        }
        if knownSpellings.count < 10_000 { knownSpellings[word] = found }
        return found
    }

    /// Shorter words are too often one edit from another word.
    static let longWordForDictionary = 7

    /// The lexicon's closest name for a word neither the index nor its spelling correction
    /// found (`Synonyms.closestWord`); never for an English word.
    private func lexiconCorrection(for word: String) -> (phrase: [String], group: Int)? {
        if let known = lexiconCorrections[word] { return known }
        let found = EnglishWords.contains(word) ? nil : Synonyms.closestWord(to: word)
        if lexiconCorrections.count < 10_000 { lexiconCorrections[word] = found }
        return found
    }

    /// The long forms the indexed articles give `word` as an abbreviation ("nph" → "normal
    /// pressure hydrocephalus"; `AbbreviationFinder`), the commonest first; none for a stop
    /// word or an English word.
    private func abbreviations(of word: String) throws -> [[String]] {
        // Remembered first: the English-word check is a binary search of 64,000 words.
        if let known = knownAbbreviations[word] { return known }
        var found: [[String]] = []
        if AbbreviationFinder.shortLengths.contains(word.count), word.contains(where: \.isLetter),
           !StopWords.contains(word), !EnglishWords.contains(word) {
            found = try abbreviationsOf.rows([.text(word)]) { $0.text(0) }.map { $0.split(separator: " ").map(String.init) }
        }
        if knownAbbreviations.count < 10_000 { knownAbbreviations[word] = found }
        return found
    }

    private func stem(_ word: String) -> String {
        if let known = stemCache[word] { return known }
        let stemmed = PorterStemmer.stem(word)
        if stemCache.count < 200_000 { stemCache[word] = stemmed }
        return stemmed
    }

    private func loadPassage(_ row: Int64, withText: Bool) throws -> PassageInfo? {
        try (withText ? passageInfo : passageLabel).rows([.integer(row)]) { s in
            PassageInfo(externalID: s.text(0), heading: s.text(1), answersType: QuestionType(rawValue: s.text(2)) ?? .other,
                        slug: s.text(3), title: s.text(4), published: s.text(5), source: s.text(6), url: s.optionalText(7),
                        body: s.text(8))
        }.first
    }

    private func makeAnswer(_ record: PassageDigest.Record, _ info: PassageInfo, _ candidate: CandidateScorer.Candidate,
                            terms: [WeightedGroup], highlight: FTS5Query?, questionType: QuestionType) throws -> Answer {
        var snippet = ""
        if let highlight {
            snippet = try snippetOf.rows([.text(highlight.matchString), .integer(record.rowid)]) { $0.text(0) }.first ?? ""
        }
        let references = try referencesOf.rows([.integer(record.article)]) { s in
            Reference(authors: s.text(0).split(separator: ";").map { $0.trimmed }, year: s.isNull(1) ? nil : Int(s.int(1)),
                      title: s.text(2), journal: s.text(3), volume: s.text(4), issue: s.text(5), pages: s.text(6),
                      doi: s.text(7), raw: s.text(8))
        }
        return Answer(articleID: info.slug, articleTitle: info.title, heading: info.heading, passageID: info.externalID,
                      published: info.published, source: info.source, url: info.url,
                      sentences: extractor.sentences(of: info.body, for: terms, sectionAnswersQuestion: info.answersType == questionType,
                                                     stem: stem),
                      snippet: snippet,
                      score: candidate.score, scoreParts: candidate.parts, references: references)
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
