/// Every ranking constant in one place, with the reason for its value.
///
/// Measured with `medsearch eval --questions Benchmarks/corpus-questions/questions.tsv`
/// (see `Benchmarks/RESULTS.md`); change one constant at a time and re-measure.
public struct RankingWeights: Sendable, Equatable {
    /// `bm25()` weight of the article title: it names the topic but is shared by every section
    /// of the article, so it separates articles, not sections.
    public var title = 2.0
    /// Weight of the section heading: headings are written as the questions they answer.
    public var heading = 3.0
    /// Weight of the passage text.
    public var body = 1.0
    /// Weight of keywords (article tags; for MedQuAD the focus, its synonyms and the question).
    public var keywords = 2.0

    /// Multiplier added (score × (1 + boost)) when the passage's section answers the
    /// question's type, e.g. a "cure" question and "Is immunotherapy a cure?".
    public var typeMatchBoost = 0.6
    /// Multiplier for an article's summary passage: short and dense with the topic's words,
    /// bm25 favours it, yet a section answers a question better (2 of the 424 best passages of
    /// the Corpus question set are summaries; without this factor 55 of 356 first answers were).
    public var summaryFactor = 0.6
    /// Multiplier for a "What is X?" section when the question asks something more specific
    /// (its type is neither definition nor other): such sections name the topic densely and
    /// would otherwise win on bm25 and heading similarity alone.
    public var definitionMismatchFactor = 0.7

    /// Multiplier (score × (1 + weight × similarity)) for how closely the passage's title and
    /// heading match the question (Dice overlap of their content words): a general question
    /// ("is immunotherapy a cure") prefers the general article's section over "Can
    /// immunotherapy cure lung cancer?".
    public var headingSimilarity = 1.0

    /// Stop relaxing the query once this many candidates were found.
    public var candidateTarget = 40
    /// Each relaxation stage fetches at most this many rows from FTS5.
    public var stageLimit = 60
    /// At most this many passages of one article in the results.
    public var passagesPerArticle = 2

    /// Below this share of the weight of the question's topic words (not its generic words,
    /// see `GenericWords`) matched by the best passage, say "no good answer" rather than show
    /// a weak match.
    public var minimumCoverage = 0.4
    /// A term counts as informative in the coverage only if it appears in at most this share
    /// of passages (very common words say nothing about the topic).
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

    /// The defaults.
    public static let standard = RankingWeights()
}
