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
        #expect(CommonConditions.named(in: TextTokenizer.words("stretches for lower back pain")) == [["lower", "back", "pain"]])
    }

    @Test func cancersAreTold() {
        #expect(CommonConditions.isCancer(["kidney", "cancer"]))
        #expect(CommonConditions.isCancer(["myeloma"]))
        #expect(!CommonConditions.isCancer(["long", "covid"]))
    }

    @Test(arguments: ["what causes kidney stones", "stage 3 pancreatic cancer survival rate", "how do doctors test for lactose intolerance"])
    func anUncoveredConditionIsDeclined(question: String) throws {
        let result = try SearchEngine(path: AbsentWordTests.index).answers(to: question, limit: 3)
        #expect(result.answers.isEmpty, "\(result.answers.map(\.passageID))")
        #expect(result.noAnswerReason?.hasPrefix("the articles in this index do not cover") == true, "\(result.noAnswerReason ?? "")")
    }

    /// Whatever else a shorter question names, a best passage that does not mention the
    /// uncovered condition does not answer it (IVIG's passages never mention covid).
    @Test(arguments: ["is IVIG used for long covid", "group b strep swab when pregnant", "stretches for a sore lower back pain",
                      "cold sore vs canker sore", "statin muscle pain", "is ozempic ok for weight loss if you are not diabetic",
                      "can i donate blood the week after my flu shot"])
    func aPassageSilentOnTheConditionIsDeclined(question: String) throws {
        let result = try SearchEngine(path: AbsentWordTests.index).answers(to: question, limit: 3)
        #expect(result.answers.isEmpty, "\(result.answers.map(\.passageID))")
        #expect(result.noAnswerReason?.hasPrefix("the articles in this index do not cover") == true, "\(result.noAnswerReason ?? "")")
    }

    /// A comparison with a covered condition, a lexicon name of the condition in the passage
    /// ("conjunctivitis" for pink eye) and a cancer leave the question answered.
    @Test(arguments: [("difference between type 1 and type 2 diabetes", "type-1-diabetes"), ("dupixent and pink eye", "eczema"),
                      ("does immunotherapy work for kidney cancer", "immunotherapy-overview"),
                      ("when do you need antibiotics for a sinus infection", "antibiotics-viral-infections"),
                      // A medicine the lexicon knows as an antibiotic is named by the antibiotics passage.
                      ("doctor wouldnt give me a z-pack for my chest cold thats been going 2 weeks, shouldnt i be on antibiotics",
                       "antibiotics-viral-infections"),
                      ("can CAR-T work for breast cancer", "car-t-cell-therapy"),
                      ("my 2 year old has had five ear infections this year, is that normal", "recurrent-infections")])
    func somethingTheIndexCoversKeepsItAnswered(question: String, article: String) throws {
        let result = try SearchEngine(path: AbsentWordTests.index).answers(to: question, limit: 3)
        #expect(result.answers.first?.articleID == article, "\(result.noAnswerReason ?? "") \(result.answers.map(\.passageID))")
    }
}
