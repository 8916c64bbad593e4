import Testing
@testable import MedSearch

/// A question about a common condition the index does not cover, with nothing else the index
/// names, is declined; naming something the index covers keeps it answered.
@Suite struct CommonConditionsTests {
    @Test func findsTheConditionsAQuestionNames() {
        #expect(CommonConditions.named(in: TextTokenizer.words("what causes kidney stones")) == [["kidney", "stone"]])
        #expect(CommonConditions.named(in: TextTokenizer.words("athlete's foot cream")) == [["athlete", "s", "foot"]])
        #expect(CommonConditions.named(in: TextTokenizer.words("CAR-T for breast cancer or lymphoma")) == [["breast", "cancer"], ["lymphoma"]])
        #expect(CommonConditions.named(in: TextTokenizer.words("is immunotherapy a cure")).isEmpty)
    }

    @Test(arguments: ["what causes kidney stones", "stage 3 pancreatic cancer survival rate", "how do doctors test for lactose intolerance"])
    func anUncoveredConditionIsDeclined(question: String) throws {
        let result = try SearchEngine(path: AbsentWordTests.index).answers(to: question, limit: 3)
        #expect(result.answers.isEmpty, "\(result.answers.map(\.passageID))")
        #expect(result.noAnswerReason?.hasPrefix("the articles in this index do not cover") == true, "\(result.noAnswerReason ?? "")")
    }

    @Test(arguments: [("when do you need antibiotics for a sinus infection", "antibiotics-viral-infections"),
                      ("can CAR-T work for breast cancer", "car-t-cell-therapy"),
                      ("my 2 year old has had five ear infections this year, is that normal", "recurrent-infections")])
    func somethingTheIndexCoversKeepsItAnswered(question: String, article: String) throws {
        let result = try SearchEngine(path: AbsentWordTests.index).answers(to: question, limit: 3)
        #expect(result.answers.first?.articleID == article, "\(result.noAnswerReason ?? "") \(result.answers.map(\.passageID))")
    }
}
