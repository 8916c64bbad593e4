import Testing
@testable import MedSearch

/// The articles give no prices: a question about what something costs is declined with that
/// reason, while one about cheaper kinds of a medicine (biosimilars) is answered.
@Suite struct PriceRequestTests {
    @Test func tellsAPriceQuestion() {
        let asks = ["how much does car t cost without insurance", "price of allergy tablets", "is ivig expensive",
                    "can i afford humira"]
        let doesNot = ["are there cheaper versions of monoclonal antibody drugs", "costochondritis or heart attack"]
        #expect(asks.allSatisfy { PriceRequest.matches(words: TextTokenizer.words($0)) })
        #expect(!doesNot.contains { PriceRequest.matches(words: TextTokenizer.words($0)) })
    }

    @Test func aPriceQuestionIsDeclinedWithTheReason() throws {
        let engine = try SearchEngine(path: AbsentWordTests.index)
        let declined = try engine.answers(to: "what does CAR-T therapy cost", limit: 3)
        #expect(declined.answers.isEmpty && declined.noAnswerReason == SearchEngine.priceReason, "\(declined.answers.map(\.passageID))")
        let biosimilars = try engine.answers(to: "are there cheaper versions of monoclonal antibody drugs", limit: 3)
        #expect(biosimilars.answers.first?.articleID == "monoclonal-antibodies", "\(biosimilars.noAnswerReason ?? "")")
    }
}
