import Testing
@testable import MedSearch

@Suite struct AnswerExtractorTests {
    static let text = "Sometimes, but not usually. Some people have long remission after immunotherapy. Others do not respond.\n• Allergy immunotherapy can last years, e.g. after stopping."

    static func groups(_ words: [String]) -> [WeightedGroup] {
        words.map { WeightedGroup(group: TermGroup(surface: [$0], alternatives: [[$0]]), documentFrequency: 1, weight: 1, informative: true, correctedFrom: nil) }
    }

    @Test func splitsSentencesAndBulletsButNotAbbreviations() {
        #expect(AnswerExtractor.split(Self.text) == [
            "Sometimes, but not usually.", "Some people have long remission after immunotherapy.", "Others do not respond.",
            "• Allergy immunotherapy can last years, e.g. after stopping.",
        ])
    }

    @Test func keepsTheOpeningAnswerWhenTheSectionAnswersTheQuestion() {
        let chosen = AnswerExtractor().sentences(of: Self.text, for: Self.groups(["immunotherapi", "remiss"]), sectionAnswersQuestion: true)
        #expect(chosen.first == "Sometimes, but not usually.")
        #expect(chosen.contains("Some people have long remission after immunotherapy."))
    }

    @Test func otherwiseChoosesTheSentencesWithTheQuestionsWords() {
        let chosen = AnswerExtractor().sentences(of: Self.text, for: Self.groups(["allergi"]))
        #expect(chosen.contains("• Allergy immunotherapy can last years, e.g. after stopping."))
        #expect(chosen.count <= 3)
    }
}
