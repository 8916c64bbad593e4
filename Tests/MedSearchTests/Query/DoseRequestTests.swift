import Testing
@testable import MedSearch

/// The articles give no amounts: a question asking how much to take is declined with that
/// reason; a question about a course of doses is not a dose request.
@Suite struct DoseRequestTests {
    @Test(arguments: [
        ("how much vitamin d should i take a day", true),
        ("how much benadryl can i give my dog for itchy skin", true),
        ("melatonin dose for jet lag", true),
        ("what is the dose of metformin for prediabetes", true),
        ("benadryl dosage for kids", true),
        ("what amoxicillin dose should a 20 kg child take", true),
        ("which tylenol dose is right for a toddler", true),
        ("what happens if i miss a dose of humira", false),
        ("what is the maximum daily dosage of metformin", true),
        ("any drug reaction between carvedilol 25 mg and hydralazine 50 mg", false),
        ("when is the second dose of shingrix", false),
        ("on enbrel and have a fever should I skip my dose", false),
        ("gilenya first dose monitoring", false),
        ("how much does car t cost", false),
        ("how much of his speech can my dad get back after a stroke", false),
        ("how many doses of allergy shots will I need", false),
    ])
    func recognisesADoseRequest(question: String, expected: Bool) {
        #expect(DoseRequest.matches(words: TextTokenizer.words(question)) == expected, "\(question)")
    }

    @Test func aDoseQuestionIsDeclinedWithTheReason() throws {
        let result = try SearchEngine(path: AbsentWordTests.index).answers(to: "how much benadryl can i give my son for hives", limit: 3)
        #expect(result.answers.isEmpty, "\(result.answers.map(\.passageID))")
        #expect(result.noAnswerReason == SearchEngine.doseReason)
        // The same question without the amount is answered.
        let treatment = try SearchEngine(path: AbsentWordTests.index).answers(to: "can i give my son benadryl for hives", limit: 3)
        #expect(treatment.answers.first?.articleID == "hives", "\(treatment.noAnswerReason ?? "")")
    }
}
