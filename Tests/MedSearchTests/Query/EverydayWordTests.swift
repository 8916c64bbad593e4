import Testing
@testable import MedSearch

/// A question of one topic word that many passages mention and none is about ("sleep") is
/// declined; a rare word named once in a body is answered where it is explained
/// (`RankingWeights.everydayWordPassages`).
@Suite struct EverydayWordTests {
    @Test func anEverydayWordMentionedOnlyInPassingIsDeclined() throws {
        let result = try PartialMatchTests.result("how much sleep does a teenager need")
        #expect(result.answers.isEmpty, "\(result.answers.map(\.passageID))")
        #expect(result.noAnswerReason?.hasPrefix("no indexed passage is about sleep;") == true, "\(result.noAnswerReason ?? "")")

        // Without the rule a passage that mentions sleep in passing answers it.
        var without = RankingWeights.standard
        without.everydayWordPassages = 0
        #expect(try !PartialMatchTests.result("how much sleep does a teenager need", without).answers.isEmpty)
    }

    @Test(arguments: [("thrombectomy", "stroke-warning-signs"), ("leukapheresis", "car-t-cell-therapy")])
    func aRareWordIsAnsweredWhereItIsExplained(question: String, article: String) throws {
        let result = try PartialMatchTests.result(question)
        #expect(result.answers.first?.articleID == article, "\(result.noAnswerReason ?? "")")
    }
}

/// Two numbers with a slash in blood-pressure ranges are a reading, searched as blood pressure
/// unless the question names it already.
@Suite struct BloodPressureReadingTests {
    @Test func aReadingIsSearchedAsBloodPressure() throws {
        let groups = QuestionAnalyzer().analyze("what stage is a reading of 135/85").groups
        #expect(groups.contains { $0.surface == ["135", "85"] && $0.alternatives.first == ["blood", "pressure"] }, "\(groups)")
        // "stage" alone is an everyday word of the index; with the reading it is blood pressure's.
        let result = try PartialMatchTests.result("what stage is a reading of 135/85")
        #expect(result.answers.first?.articleID == "high-blood-pressure", "\(result.noAnswerReason ?? "")")
    }

    @Test(arguments: ["my bp is 150/95 is that bad", "blood pressure 150/95 what does it mean"])
    func aReadingBesideBloodPressureIsOnlyANumber(question: String) {
        let groups = QuestionAnalyzer().analyze(question).groups
        #expect(groups.contains { $0.surface == ["150", "95"] && $0.alternatives == [["150", "95"]] }, "\(groups)")
    }

    @Test(arguments: [(["135", "85"], "135/85", true), (["10", "12"], "10/12", false), (["85", "135"], "85/135", false),
                      (["135", "85"], "135-85", false), (["120", "80"], "120/80", true)])
    func tellsAReading(pair: [String], text: String, expected: Bool) {
        #expect(QuestionAnalyzer.isBloodPressureReading(pair, in: text) == expected)
    }
}
