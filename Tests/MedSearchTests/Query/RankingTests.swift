import Foundation
import Testing
@testable import MedSearch

/// Ranking on a fixture corpus of 22 small articles (FTS5's IDF floor makes tests on two or
/// three documents meaningless).
@Suite struct RankingTests {
    static let index: String = TestPaths.freshIndex(of: TestPaths.fixture("ranking"), name: "ranking.sqlite")

    static func engine() throws -> SearchEngine { try SearchEngine(path: index) }

    @Test(arguments: [
        ("can gout be cured", "fx-gout#3"),
        ("how do you treat gout", "fx-gout#2"),
        ("insomnya treatment", "fx-insomnia#2"),
        ("does CBT-I help insomnia", "fx-insomnia#2"),
        ("what causes kidney stones", "fx-kidney-stones#1"),
        ("how can I avoid getting kidney stones again", "fx-kidney-stones#2"),
        ("side effects of acne medicine", "fx-acne#3"),
        ("is heartburn with chest pain an emergency", "fx-heartburn#3"),
    ])
    func bestSectionComesFirst(question: String, expected: String) throws {
        let result = try Self.engine().answers(to: question, limit: 5)
        #expect(result.answers.first?.passageID == expected, "\(question): \(result.answers.map(\.passageID))")
    }

    @Test func atMostTwoPassagesPerArticle() throws {
        let result = try Self.engine().answers(to: "gout", limit: 10)
        #expect(result.answers.filter { $0.articleID == "fx-gout" }.count == 2)
    }

    @Test func weakMatchesAreDeclined() throws {
        let result = try Self.engine().answers(to: "how long does a tattoo take to heal", limit: 5)
        #expect(result.answers.isEmpty)
        #expect(result.noAnswerReason?.contains("tattoo") == true)
        let forced = try Self.engine().answers(to: "how long does a tattoo take to heal", limit: 5, declineWeak: false)
        #expect(!forced.answers.isEmpty)
    }

    @Test func answersCarryTheirSourceAndSentences() throws {
        let answer = try #require(try Self.engine().answers(to: "can gout be cured", limit: 1).answers.first)
        #expect(answer.published == "2025-01-15")
        #expect(!answer.sentences.isEmpty)
        #expect(answer.references.count == 1)
        #expect(answer.snippet.contains("[gout]") || answer.snippet.contains("[Gout]"))
    }

    /// Adding the lists a slice of passages at a time changes nothing: the same passages, the
    /// same scores, whether the slices hold one passage, three or all of them.
    @Test func slicedRankingMatchesOneSlice() throws {
        let whole = try Self.engine()
        whole.scorer.sliceSize = Int(Int32.max)
        for size in [1, 3] {
            let sliced = try Self.engine()
            sliced.scorer.sliceSize = size
            for question in ["can gout be cured", "how do you treat gout", "side effects of acne medicine",
                             "my mother has kidney stones and heartburn, what should she avoid eating"] {
                let expected = try whole.answers(to: question, limit: 10, declineWeak: false, detail: .ranking)
                let got = try sliced.answers(to: question, limit: 10, declineWeak: false, detail: .ranking)
                #expect(got.answers.map(\.passageID) == expected.answers.map(\.passageID), "\(question), slices of \(size)")
                #expect(got.answers.map(\.score) == expected.answers.map(\.score), "\(question), slices of \(size)")
            }
        }
    }

    /// A ranking that may not decline skips the emergency check, and with it the lift an
    /// emergency gives to when-to-seek-care sections; every other way of asking still gets the
    /// notice, and a question that describes no emergency ranks the same either way.
    @Test func rankingWithoutDecliningSkipsTheEmergencyCheck() throws {
        let engine = try Self.engine()
        let question = "my husband has crushing chest pain and heartburn right now"
        let full = try engine.answers(to: question, limit: 5)
        #expect(full.emergency?.kind == .heartAttack)
        #expect(try engine.answers(to: question, limit: 5, detail: .ranking).emergency?.kind == .heartAttack)
        let ranking = try engine.answers(to: question, limit: 5, declineWeak: false, detail: .ranking)
        #expect(ranking.emergency == nil)
        #expect(try engine.answers(to: question, limit: 5, declineWeak: false).emergency?.kind == .heartAttack)

        let calm = "heartburn after big meals"
        let calmRanking = try engine.answers(to: calm, limit: 5, declineWeak: false, detail: .ranking)
        let calmFull = try engine.answers(to: calm, limit: 5, declineWeak: false)
        #expect(calmFull.emergency == nil)
        #expect(calmRanking.answers.map(\.passageID) == calmFull.answers.map(\.passageID))
        #expect(calmRanking.answers.map(\.score) == calmFull.answers.map(\.score))
    }

    @Test(arguments: FTS5QueryTests.hostile)
    func hostileQuestionsNeverThrow(question: String) throws {
        _ = try Self.engine().answers(to: question, limit: 3)
    }
}
