import Testing
@testable import MedSearch

/// A passage holding under half of a short question's topic weight, and that half barely
/// (a low BM25 score), is a weak match: "pink eye" is not answered by shingles' contagion
/// section for sharing "contagious" (`RankingWeights.partialCoverage`).
@Suite struct PartialMatchTests {
    static func result(_ question: String, _ weights: RankingWeights = .standard) throws -> SearchResult {
        try SearchEngine(path: AbsentWordTests.index, weights: weights).answers(to: question, limit: 3)
    }

    @Test func halfAQuestionFoundBarelyIsDeclined() throws {
        let declined = try Self.result("pink eye how long contagious")
        #expect(declined.answers.isEmpty, "\(declined.answers.map(\.passageID))")
        #expect(declined.noAnswerReason?.contains("pink eye and contagious together") == true, "\(declined.noAnswerReason ?? "")")

        // Without the rule, the shingles passage that answers from one shared word is left to
        // the uncovered-condition rule, which declines it for never mentioning pink eye.
        var without = RankingWeights.standard
        without.partialCoverage = 0
        let other = try Self.result("pink eye how long contagious", without)
        #expect(other.answers.isEmpty)
        #expect(other.noAnswerReason == "the articles in this index do not cover pink eye", "\(other.noAnswerReason ?? "")")
    }

    /// Half a question found strongly still answers: the cream's side effects are eczema's.
    @Test func halfAQuestionFoundStronglyIsAnswered() throws {
        let answered = try Self.result("hydrocortisone cream side effects skin")
        let first = try #require(answered.answers.first, "\(answered.noAnswerReason ?? "")")
        #expect(first.articleID == "eczema")
        #expect(first.scoreParts.bm25 >= RankingWeights.standard.minimumPartialScore)
    }
}
