import Testing
@testable import MedSearch

/// Whether a medicine is safe in pregnancy, or with alcohol, is a question of its own: a
/// passage on its side effects that mentions neither does not answer it. A pregnancy in the
/// asker's story, outside the sentence that asks, does not count.
@Suite struct QualifierTests {
    @Test func aPassageSilentOnPregnancyDoesNotAnswer() throws {
        let reason = try PartialMatchTests.result("can i use dupixent while pregnant").noAnswerReason
        #expect(reason?.hasSuffix("pregnant together") == true, "\(reason ?? "answered")")
        let beer = try PartialMatchTests.result("is beer ok while taking amoxicillin for strep throat").noAnswerReason
        #expect(beer?.hasSuffix("beer together") == true, "\(beer ?? "answered")")
    }

    @Test(arguments: [("is the flu shot safe in pregnancy", "flu-and-flu-vaccine"), ("does red wine trigger migraines", "migraine"),
                      ("I'm 71 and just came down with shingles on my side. My daughter is pregnant and wants to bring the kids over this weekend. "
                       + "How careful do I need to be around them?",
                       "shingles")])
    func aPassageOnPregnancyOrAStoryKeepsItAnswered(question: String, article: String) throws {
        let result = try PartialMatchTests.result(question)
        #expect(result.answers.first?.articleID == article, "\(result.noAnswerReason ?? "")")
    }
}
