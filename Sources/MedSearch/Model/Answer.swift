/// One ranked answer to a question: the passage, where it comes from, and why it was chosen.
public struct Answer: Sendable, Codable, Equatable {
    public var articleID: String
    public var articleTitle: String
    public var heading: String
    /// The external id of the passage (e.g. MedQuAD's `NHLBI_0000051_Sec6`), or
    /// `article-id#section-number` for our own articles.
    public var passageID: String
    public var published: String
    public var source: String
    public var url: String?
    /// The 1-3 sentences of the passage that best answer the question.
    public var sentences: [String]
    /// The passage with matched terms marked `[like this]`.
    public var snippet: String
    /// Higher is better.
    public var score: Double
    public var scoreParts: ScoreParts
    public var references: [Reference]
}

/// A passage that names all of a declined question's topic words, but only in passing (not in
/// its title, heading or keywords): shown with the "no good answer" note as a place to look,
/// not as an answer ("scarlet fever" is mentioned under "What are the symptoms of strep throat?").
public struct PassageMention: Sendable, Codable, Equatable {
    public var articleID: String
    public var articleTitle: String
    public var heading: String
    public var passageID: String
}

/// The parts of an answer's score, printed by `--explain`.
public struct ScoreParts: Sendable, Codable, Equatable {
    /// BM25 per field (title, heading, body, keywords), summed: see `CandidateScorer`.
    public var bm25: Double
    /// Added when the passage's section answers the question's type.
    public var typeBoost: Double
    /// Dice overlap (0…1) of the question's terms with the passage's title and heading.
    public var headingSimilarity: Double
    /// Share of the question's informative weight that the passage matches (0…1).
    public var coverage: Double
}
