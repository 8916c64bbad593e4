import Testing
@testable import MedSearch

/// A question about the vaccine against a disease is answered only by a passage about that
/// vaccine, not by one about another vaccine that mentions the disease in a list.
@Suite struct VaccineQuestionTests {
    @Test(arguments: [
        ("rsv vaccine side effects for people over 60", "rsv"),
        ("do adults need a measles booster", "measles"),
        ("is there a vaccine for whooping cough in pregnancy", "whooping cough"),
        ("is the flu shot safe in pregnancy", "flu"),
        ("monoclonal antibody shot for rsv in babies", nil),
        ("do allergy shots work", nil),
        ("vaccine side effects", nil),
    ] as [(String, String?)])
    func findsTheDiseaseWhoseVaccineIsAsked(question: String, disease: String?) {
        #expect(VaccineQuestion.disease(in: TextTokenizer.words(question))?.first?.joined(separator: " ") == disease, "\(question)")
    }

    @Test func aListOfOtherVaccinesIsNotAboutOne() throws {
        let rsv = try #require(VaccineQuestion.disease(in: ["rsv", "vaccine"]))
        let listing = TextTokenizer.words("Ask about other vaccines you may be due for, such as COVID-19, RSV or pneumococcal vaccines.")
        #expect(!VaccineQuestion.isAbout(rsv, heading: ["flu"], title: ["flu"], text: listing))
        #expect(VaccineQuestion.isAbout(rsv, heading: [], title: [], text: TextTokenizer.words("The RSV vaccine is given once.")))
        #expect(VaccineQuestion.isAbout(rsv, heading: [], title: [], text: TextTokenizer.words("a vaccine against RSV")))
        #expect(VaccineQuestion.isAbout(rsv, heading: TextTokenizer.words("What is RSV?"), title: [], text: []))
    }

    @Test func anotherVaccinesPassageDoesNotAnswer() throws {
        let engine = try SearchEngine(path: AbsentWordTests.index)
        let declined = try engine.answers(to: "rsv vaccine side effects", limit: 3)
        #expect(declined.answers.isEmpty, "\(declined.answers.map(\.passageID))")
        #expect(declined.noAnswerReason == "no indexed passage is about the rsv vaccine")
        #expect(try engine.answers(to: "is the flu shot safe in pregnancy", limit: 3).answers.first?.articleID == "flu-and-flu-vaccine")
        // A vaccine in the asker's story, not in the sentence that asks, does not count.
        let story = try engine.answers(to: "can my grandson catch shingles from me? he had the chickenpox vaccine", limit: 3)
        #expect(story.answers.first?.articleID == "shingles", "\(story.noAnswerReason ?? "")")
    }

    @Test(arguments: [("up to what age can you have the hpv vaccine", true), ("how many shots of the hpv vaccine are needed", true),
                      ("how far apart are the shingrix doses", true), ("hpv vaccine schedule", true),
                      ("am i too old for the shingles vaccine", true), ("when to get the flu shot", true),
                      ("is the flu shot safe in pregnancy", false), ("rsv vaccine side effects", false),
                      ("is the flu shot safe for my 2 year old", false)])
    func tellsAScheduleQuestion(question: String, expected: Bool) {
        #expect(VaccineQuestion.asksSchedule(TextTokenizer.words(question)) == expected, "\(question)")
    }

    @Test func tellsAPassageThatGivesASchedule() {
        #expect(VaccineQuestion.givesSchedule(TextTokenizer.words("Two doses are given 2 to 6 months apart.")))
        #expect(VaccineQuestion.givesSchedule(TextTokenizer.words("A yearly flu vaccine for everyone.")))
        #expect(!VaccineQuestion.givesSchedule(TextTokenizer.words("The HPV vaccine lowers the risk of cervical cancer.")))
    }

    /// The HPV vaccine's passages say what it prevents, not when to have it; the shingles
    /// vaccine's give its doses.
    @Test func aScheduleQuestionNeedsAPassageThatGivesOne() throws {
        let engine = try SearchEngine(path: AbsentWordTests.index)
        let declined = try engine.answers(to: "up to what age can you get the hpv vaccine", limit: 3)
        #expect(declined.answers.isEmpty, "\(declined.answers.map(\.passageID))")
        #expect(declined.noAnswerReason == "no indexed passage gives the schedule of the hpv vaccine")
        #expect(try engine.answers(to: "how many shots of the shingles vaccine do I need", limit: 3).answers.first?.articleID == "shingles")
    }
}
